#pragma once
// The HTTP listener of `parscore serve` (docs/server.md): sockets, TLS, limits, keep-alive, the
// worker threads that run Api::handle, one JSON log line per request and the graceful stop. The
// HTTP library stays behind this header (its compile cost is paid by one file, listener.cpp).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "parscore/server/api.hpp"

namespace spdlog {
class logger;
}

namespace parscore::server {

struct ListenOptions {
    std::string host = "127.0.0.1";  // an IPv4 or IPv6 address
    std::uint16_t port = 8080;       // 0: any free port (address() tells which)
    std::filesystem::path tls_cert;  // PEM certificate chain; empty with tls_key: plain HTTP
    std::filesystem::path tls_key;   // PEM private key
    unsigned threads = 4;            // worker threads running Api::handle
    std::size_t max_connections = 256;
    bool behind_proxy = false;  // the client address is X-Forwarded-For's last hop
    std::size_t header_limit = 16u << 10;
    unsigned requests_per_connection = 100;          // then the connection is closed (keep-alive)
    std::chrono::milliseconds read_timeout{30'000};  // a whole request, from its first byte
    std::chrono::milliseconds idle_timeout{15'000};  // for the next request on a kept-alive connection
    std::chrono::milliseconds stop_grace{10'000};    // requests in flight at a stop finish within it
};

/// Listens on the options' address from construction on; serves from run(). One network thread
/// reads and writes every connection; `threads` workers run the API (SQLite waits block them, not
/// the network). A response is written only after Api::handle returned, so only what the API
/// committed is ever acknowledged.
class Listener {
public:
    /// Binds and loads the TLS certificate; app::Error (Io) when the address is taken or not
    /// ours, or the certificate or key cannot be used.
    Listener(ListenOptions options, std::shared_ptr<spdlog::logger> log);
    ~Listener();
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;

    /// The bound address, "127.0.0.1:43567" or "[::1]:8080".
    std::string address() const;
    /// "http://127.0.0.1:43567" or "https://…": the origin a browser on this address sends.
    std::string origin() const;
    bool tls() const;

    /// Serves until SIGINT or SIGTERM (or stop()): then stops accepting, lets requests in flight
    /// finish within stop_grace and returns. Logs a line when listening and when stopped.
    void run(const Api& api);
    /// Asks run() to stop as a signal would; callable from any thread.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// "HOST:PORT" as host and port: "127.0.0.1:8080", "[::1]:0", "localhost:8080" (127.0.0.1);
/// nothing when the host is not an IP address or the port not 0–65535.
std::optional<std::pair<std::string, std::uint16_t>> parse_listen_address(std::string_view text);
/// Whether an IP address is a loopback one (127.0.0.0/8, ::1): reachable from this machine only.
bool is_loopback(std::string_view host);

/// The server's log: one JSON object per line on `err`, {"time", "level", "event", …}, at `level`
/// and above ("trace" … "off").
std::shared_ptr<spdlog::logger> make_server_log(std::ostream& err, const std::string& level);

}  // namespace parscore::server
