#pragma once
// A small HTTP/1.1 client over POSIX sockets, with OpenSSL for TLS, for the tests that talk to a
// running `parscore serve`: it sends exactly the bytes a test writes (so that tests can send
// half a request, oversize headers or a body that never comes) and reads one response at a time.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parscore::testing {

using namespace std::chrono_literals;

struct HttpReply {
    int status = -1;  // -1: the connection closed (or timed out) before a whole response came
    std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
    std::string body;

    std::optional<std::string> header(std::string_view name) const {
        for (const auto& [key, value] : headers) {
            if (key == name) return value;
        }
        return std::nullopt;
    }
};

/// "METHOD TARGET HTTP/1.1" with Host, the headers given ("Name: value" each), and the body with
/// its Content-Length when there is one.
inline std::string request_text(const std::string& method, const std::string& target,
                                const std::vector<std::string>& headers = {}, const std::string& body = "") {
    std::string text = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const std::string& h : headers) text += h + "\r\n";
    if (!body.empty()) text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    return text + "\r\n" + body;
}

class HttpConnection {
public:
    /// Connects to 127.0.0.1:port (and does the TLS handshake, trusting any certificate); throws
    /// when it cannot.
    explicit HttpConnection(std::uint16_t port, bool tls = false) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (fd_ < 0 || ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            if (fd_ >= 0) ::close(fd_);
            throw std::runtime_error("cannot connect to port " + std::to_string(port));
        }
        const int one = 1;
        ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (tls) start_tls();
    }
    ~HttpConnection() {
        if (ssl_) SSL_free(ssl_);
        if (ctx_) SSL_CTX_free(ctx_);
        if (fd_ >= 0) ::close(fd_);
    }
    HttpConnection(const HttpConnection&) = delete;
    HttpConnection& operator=(const HttpConnection&) = delete;

    /// Sends all of `bytes`; false when the server has closed the connection.
    bool send(std::string_view bytes) {
        while (!bytes.empty()) {
            const long n = ssl_ ? SSL_write(ssl_, bytes.data(), static_cast<int>(bytes.size()))
                                : ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (n <= 0) return false;
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }

    /// Reads one response (without a body after HEAD), an interim one (100 Continue) included.
    HttpReply read_reply(std::chrono::milliseconds timeout = 10s, bool head = false) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        HttpReply reply;
        std::size_t end;
        while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
            if (!fill(deadline)) return reply;
        }
        std::string header = buffer_.substr(0, end);
        buffer_.erase(0, end + 4);
        const int status = std::stoi(header.substr(9, 3));
        std::size_t at = header.find("\r\n");
        while (at != std::string::npos) {
            const std::size_t next = header.find("\r\n", at + 2);
            const std::string line = header.substr(at + 2,
                                                   next == std::string::npos ? std::string::npos : next - at - 2);
            const std::size_t colon = line.find(':');
            std::string name = line.substr(0, colon);
            for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            reply.headers.emplace_back(name, line.substr(line.find_first_not_of(' ', colon + 1)));
            at = next;
        }
        if (!head && status >= 200 && status != 204 && status != 304) {
            const auto length = reply.header("content-length");
            const std::size_t size = length ? std::stoul(*length) : 0;
            while (buffer_.size() < size) {
                if (!fill(deadline)) return reply;
            }
            reply.body = buffer_.substr(0, size);
            buffer_.erase(0, size);
        }
        reply.status = status;
        return reply;
    }

    /// Sends a request and reads its response.
    HttpReply exchange(const std::string& request, bool head = false) {
        if (!send(request)) return {};
        return read_reply(10s, head);
    }

    /// Whether the server closes the connection (end of stream or reset) within `timeout`,
    /// dropping whatever it sends before.
    bool closed_within(std::chrono::milliseconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            buffer_.clear();
            if (!fill(deadline)) return !timed_out_;
        }
        return false;
    }

private:
    void start_tls() {
        ctx_ = SSL_CTX_new(TLS_client_method());
        SSL_CTX_set_verify(ctx_, SSL_VERIFY_NONE, nullptr);
        ssl_ = SSL_new(ctx_);
        SSL_set_fd(ssl_, fd_);
        if (SSL_connect(ssl_) != 1) throw std::runtime_error("TLS handshake failed");
    }

    /// Reads more into the buffer; false at the end of the stream, an error or the deadline.
    bool fill(std::chrono::steady_clock::time_point deadline) {
        timed_out_ = false;
        if (!ssl_ || SSL_pending(ssl_) == 0) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline -
                                                                                    std::chrono::steady_clock::now());
            pollfd p{fd_, POLLIN, 0};
            if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) {
                timed_out_ = true;
                return false;
            }
        }
        char chunk[16384];
        const long n = ssl_ ? SSL_read(ssl_, chunk, sizeof chunk) : ::recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) return false;
        buffer_.append(chunk, static_cast<std::size_t>(n));
        return true;
    }

    int fd_ = -1;
    SSL_CTX* ctx_ = nullptr;
    SSL* ssl_ = nullptr;
    std::string buffer_;
    bool timed_out_ = false;
};

}  // namespace parscore::testing
