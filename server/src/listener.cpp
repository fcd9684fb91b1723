// The HTTP listener (docs/server.md, "Serving"): the only file that includes Boost.Beast and
// Boost.Asio. One network thread accepts and reads and writes every connection; requests run on
// a pool of worker threads, because the API's database calls block. A connection reads one
// request at a time: its header within the header limit, then — only when the route's body
// limit allows the announced length — its body; the whole request must arrive within the read
// timeout. The answer is written only after Api::handle returned, that is after its transaction
// committed.
#include "parscore/server/listener.hpp"

#include <openssl/ssl.h>
#include <spdlog/logger.h>

#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>
#include <csignal>
#include <cstdlib>
#include <list>
#include <optional>

#include "parscore/app/error.hpp"
#include "wire.hpp"

namespace parscore::server {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

/// Connections over the limit still get their 503 answer, up to this many more; beyond, they are
/// closed at once.
constexpr std::size_t kRefusedSlack = 64;
/// How long a closing connection waits for the client's last bytes or TLS close_notify.
constexpr auto kLinger = std::chrono::seconds(2);
/// At most this much of what a client still sends is read (and dropped) before closing.
constexpr std::size_t kDrainLimit = 1u << 20;

/// A response's body for Beast: the answer's string, or a cached document's pieces
/// (HttpResponse::shared) copied into one reused block at a time as the socket takes them —
/// never joined into a string of their own, and one buffer per write, as TLS wants it.
struct AnswerBody {
    struct value_type {
        std::string text;
        std::optional<core::SharedBytes> shared;
    };

    static std::uint64_t size(const value_type& body) { return body.shared ? body.shared->size() : body.text.size(); }

    class writer {
    public:
        using const_buffers_type = asio::const_buffer;

        template <bool isRequest, class Fields> writer(const http::header<isRequest, Fields>&, const value_type& body)
            : body_(body) {}

        void init(beast::error_code& ec) { ec = {}; }

        boost::optional<std::pair<const_buffers_type, bool>> get(beast::error_code& ec) {
            ec = {};
            if (!body_.shared) {
                if (sent_ || body_.text.empty()) return boost::none;
                sent_ = true;
                return std::make_pair(const_buffers_type(body_.text.data(), body_.text.size()), false);
            }
            const std::vector<std::string_view>& pieces = body_.shared->pieces;
            block_.clear();
            while (next_ < pieces.size() && block_.size() < kBlock) {
                const std::string_view rest = pieces[next_].substr(offset_);
                const std::string_view part = rest.substr(0, kBlock - block_.size());
                block_.append(part);
                offset_ += part.size();
                if (offset_ == pieces[next_].size()) {
                    ++next_;
                    offset_ = 0;
                }
            }
            if (block_.empty()) return boost::none;
            return std::make_pair(const_buffers_type(block_.data(), block_.size()), next_ < pieces.size());
        }

    private:
        static constexpr std::size_t kBlock = 64u << 10;  // stays in the cache while the socket copies it
        const value_type& body_;
        bool sent_ = false;
        std::size_t next_ = 0, offset_ = 0;  // the next piece and how much of it is taken
        std::string block_;
    };
};

/// A connection as the stop sees it.
class Connection {
public:
    virtual ~Connection() = default;
    /// A stop began: a connection waiting for its next request closes now.
    virtual void close_if_idle() = 0;
    /// The stop's grace is over: close whatever the connection does.
    virtual void close() = 0;
};

/// The listener's state: the acceptor, the worker pool, the open connections and the stop.
struct Server {
    ListenOptions options;
    std::shared_ptr<spdlog::logger> log;
    std::shared_ptr<spdlog::logger> lifecycle;         // listening, stopping, stopped: shown unless the log is off
    std::list<std::weak_ptr<Connection>> connections;  // network thread only
    asio::io_context ioc{1};
    tcp::acceptor acceptor{ioc};
    std::optional<asio::ssl::context> ssl;
    asio::signal_set signals{ioc};
    asio::steady_timer grace{ioc};
    asio::steady_timer accept_pause{ioc};
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
    std::optional<asio::thread_pool> workers;
    const Api* api = nullptr;
    std::atomic<std::size_t> open{0};
    std::atomic<int> in_flight{0};  // requests inside Api::handle
    std::atomic<bool> finished{false};
    bool stopping = false;  // network thread only

    Server(ListenOptions o, std::shared_ptr<spdlog::logger> l)
        : options(std::move(o)), log(std::move(l)), lifecycle(log->clone("parscore-server-lifecycle")) {
        if (log->level() != spdlog::level::off) lifecycle->set_level(std::min(log->level(), spdlog::level::info));
    }

    void bind();
    void load_tls();
    void accept();
    void on_accept(tcp::socket socket);
    void wait_for_signal();
    void begin_stop();
    void closed();
    void finish();
    std::string address() const;
};

template <class Stream> constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

/// One client connection, plain or TLS: reads requests one at a time, hands each to a worker,
/// writes its answer, and keeps the connection alive while the client and the limits allow.
template <class Stream> class Session final : public Connection, public std::enable_shared_from_this<Session<Stream>> {
public:
    template <class... StreamArgs> Session(Server& server, bool refuse, StreamArgs&&... args)
        : server_(server), stream_(std::forward<StreamArgs>(args)...), refuse_(refuse) {}

    ~Session() override {
        // The count is the server's; the last connection of a stop ends it on the network thread.
        if (!server_.finished) asio::post(server_.ioc, [&server = server_] { server.closed(); });
    }

    void start() {
        boost::system::error_code ec;
        peer_ = lowest().socket().remote_endpoint(ec).address().to_string();
        // The first request, TLS handshake included, must arrive within the read timeout.
        lowest().expires_after(server_.options.read_timeout);
        if constexpr (kTls<Stream>) {
            stream_.async_handshake(asio::ssl::stream_base::server,
                                    [self = this->shared_from_this()](beast::error_code e) {
                                        if (e) return self->drop("tls handshake", e);
                                        self->wait_for_request();
                                    });
        } else {
            wait_for_request();
        }
    }

    void close_if_idle() override {
        asio::post(stream_.get_executor(), [self = this->shared_from_this()] {
            if (self->state_ == State::Waiting) self->close_now();
        });
    }

    void close() override {
        asio::post(stream_.get_executor(), [self = this->shared_from_this()] { self->close_now(); });
    }

private:
    enum class State { Waiting, Reading, Handling, Writing, Closed };

    beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

    // ---- reading --------------------------------------------------------------------------------

    /// Waits for a request's first byte: on a kept-alive connection at most the idle timeout, and
    /// the request then has the read timeout from there. A stop closes a connection waiting here.
    void wait_for_request() {
        if (server_.stopping) return linger();
        if (buffer_.size() > 0) {  // pipelined: the next request is here already
            lowest().expires_after(server_.options.read_timeout);
            return read_header();
        }
        state_ = State::Waiting;
        if (served_ > 0) lowest().expires_after(server_.options.idle_timeout);
        stream_.async_read_some(buffer_.prepare(4096),
                                [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
                                    if (ec) return self->drop("wait", ec);
                                    self->buffer_.commit(n);
                                    if (self->served_ > 0)
                                        self->lowest().expires_after(self->server_.options.read_timeout);
                                    self->read_header();
                                });
    }

    void read_header() {
        state_ = State::Reading;
        started_ = Clock::now();
        method_.reset();
        path_.reset();
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(server_.options.header_limit));
        parser_->body_limit(boost::none);  // the route's limit is set once the header names it
        http::async_read_header(stream_, buffer_, *parser_,
                                [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                                    self->on_header(ec);
                                });
    }

    void on_header(beast::error_code ec) {
        if (ec == http::error::body_limit)
            return refuse(413, "payload_too_large", core::T_("the request's body is too large"));
        if (ec == http::error::header_limit)
            return refuse(431, "header_too_large", core::T_("the request's headers are too large"));
        if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
            ec == http::error::partial_message || ec == asio::error::eof || ec == asio::error::connection_reset ||
            ec == asio::ssl::error::stream_truncated)
            return drop("read", ec);
        if (ec) return refuse(400, "bad_request", core::T_("the request is not well-formed HTTP"));
        const auto& request = parser_->get();
        method_ = std::string(request.method_string());
        const auto target = boost::urls::parse_origin_form(request.target());
        if (!target) return refuse(400, "bad_request", core::T_("the request's target is not a path"));
        path_ = std::string(target->encoded_path());
        query_.clear();
        for (const auto& p : target->params(boost::urls::encoding_opts(true, false, false)))
            query_.emplace_back(p.key, p.value);
        if (refuse_) return refuse(503, "unavailable", core::T_("the server is busy; try again in a moment"));
        const std::size_t limit = server_.api->body_limit(*method_, *path_);
        if (const auto length = parser_->content_length(); length && *length > limit)
            return refuse(413, "payload_too_large", core::T_("the request's body is too large"));
        parser_->body_limit(limit);
        if (beast::iequals(request[http::field::expect], "100-continue")) return continue_body();
        read_body();
    }

    /// Tells a client that waits for it (Expect: 100-continue) to send the body it announced.
    void continue_body() {
        auto interim = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
        http::async_write(stream_, *interim,
                          [self = this->shared_from_this(), interim](beast::error_code ec, std::size_t) {
                              if (ec) return self->drop("write", ec);
                              self->read_body();
                          });
    }

    void read_body() {
        if (parser_->is_done()) return handle();
        http::async_read(stream_, buffer_, *parser_,
                         [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                             if (ec == http::error::body_limit)
                                 return self->refuse(413, "payload_too_large",
                                                     core::T_("the request's body is too large"));
                             if (ec) return self->drop("read", ec);
                             self->handle();
                         });
    }

    // ---- answering ------------------------------------------------------------------------------

    HttpRequest to_request() {
        auto& message = parser_->get();
        HttpRequest r;
        r.method = *method_;
        r.path = *path_;
        r.query = std::move(query_);
        for (const auto& field : message) {
            std::string name(field.name_string());
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            auto [at, added] = r.headers.emplace(name, std::string(field.value()));
            if (!added) at->second += (name == "cookie" ? "; " : ", ") + std::string(field.value());
        }
        r.body = std::move(message.body());
        r.client_address = wire::client_address(peer_, r.header("x-forwarded-for"), server_.options.behind_proxy);
        return r;
    }

    /// Runs the API on a worker; the answer comes back to this connection's executor.
    void handle() {
        state_ = State::Handling;
        keep_alive_ = parser_->get().keep_alive();
        head_ = method_ == "HEAD";
        ++server_.in_flight;
        asio::post(*server_.workers, [self = this->shared_from_this(), request = to_request()]() mutable {
            HttpResponse answer = self->run_api(request);
            --self->server_.in_flight;
            auto executor = self->stream_.get_executor();
            asio::post(executor, [self = std::move(self), answer = std::move(answer)]() mutable {
                self->write(std::move(answer));
            });
        });
    }

    HttpResponse run_api(const HttpRequest& request) {
        try {
            return server_.api->handle(request);
        } catch (const std::exception& e) {
            server_.log->error(wire::event_fields("internal_error", {{"what", e.what()}}));
        } catch (...) {
            server_.log->error(wire::event_fields("internal_error", {}));
        }
        return wire::error_answer(500, "internal", core::T_("internal error"), request);
    }

    /// Answers with the listener's own error and closes: what remains of the request is not read.
    void refuse(int status, const char* code, core::Text message) {
        HttpRequest request;
        if (parser_ && parser_->is_header_done()) {
            if (const auto lang = parser_->get()[http::field::accept_language]; !lang.empty())
                request.headers["accept-language"] = std::string(lang);
        }
        keep_alive_ = false;
        head_ = method_ == "HEAD";
        HttpResponse answer = wire::error_answer(status, code, std::move(message), request);
        if (status == 503) answer.set_header("Retry-After", "1");
        write(std::move(answer));
    }

    void write(HttpResponse answer) {
        if (state_ == State::Closed) return log_request(answer.status, answer.account);
        state_ = State::Writing;
        ++served_;
        const bool keep = keep_alive_ && !server_.stopping && served_ < server_.options.requests_per_connection;
        response_ = to_message(answer, keep);
        status_ = answer.status;
        account_ = std::move(answer.account);
        lowest().expires_after(server_.options.read_timeout);
        http::async_write(stream_, response_,
                          [self = this->shared_from_this(), keep](beast::error_code ec, std::size_t) {
                              self->log_request(self->status_, self->account_);
                              if (ec) return self->drop("write", ec);
                              if (!keep) return self->linger();
                              self->wait_for_request();
                          });
    }

    http::response<AnswerBody> to_message(HttpResponse& answer, bool keep) const {
        http::response<AnswerBody> m;
        m.version(11);
        m.result(static_cast<unsigned>(answer.status));
        std::optional<std::string> length;
        for (auto& [name, value] : answer.headers) {
            if (beast::iequals(name, "content-length")) length = value;
            else m.insert(name, value);
        }
        for (auto& [name, value] : wire::extra_headers(answer, kTls<Stream>)) m.insert(name, value);
        m.set(http::field::date, wire::http_date(std::time(nullptr)));
        m.keep_alive(keep);
        if (head_) {
            // The length a GET would have had; no body follows.
            m.set(http::field::content_length, length.value_or(std::to_string(answer.body_size())));
        } else {
            m.body().text = std::move(answer.body);
            m.body().shared = std::move(answer.shared);
            m.prepare_payload();
        }
        return m;
    }

    void log_request(int status, const std::optional<std::string>& account) {
        wire::RequestRecord r;
        r.method = method_;
        r.path = path_;
        r.status = status;
        r.milliseconds = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
        r.account = account;
        server_.log->log(status >= 500 ? spdlog::level::err : spdlog::level::info, wire::request_fields(r));
    }

    // ---- closing --------------------------------------------------------------------------------

    /// Closes after the last answer, letting the client read it: TLS says close_notify; plain
    /// TCP stops sending and reads what the client still sends for a moment, so that closing
    /// with unread bytes does not reset the connection before the answer is read.
    void linger() {
        if (state_ == State::Closed) return;
        state_ = State::Waiting;
        lowest().expires_after(kLinger);
        if constexpr (kTls<Stream>) {
            stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) { self->close_now(); });
        } else {
            boost::system::error_code ignored;
            lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
            drain();
        }
    }

    void drain() {
        buffer_.clear();
        lowest().async_read_some(buffer_.prepare(16384),
                                 [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
                                     self->drained_ += n;
                                     if (ec || self->drained_ > kDrainLimit) return self->close_now();
                                     self->drain();
                                 });
    }

    void drop(const char* what, beast::error_code ec) {
        if (ec != asio::error::operation_aborted)
            server_.log->debug(wire::event_fields("connection_closed", {{"during", what}, {"reason", ec.message()}}));
        close_now();
    }

    void close_now() {
        if (state_ == State::Closed) return;
        state_ = State::Closed;
        boost::system::error_code ignored;
        lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
        lowest().close();
    }

    Server& server_;
    Stream stream_;
    bool refuse_;
    State state_ = State::Waiting;
    std::string peer_;
    Clock::time_point started_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::optional<std::string> method_, path_;
    std::vector<std::pair<std::string, std::string>> query_;
    bool keep_alive_ = false, head_ = false;
    unsigned served_ = 0;
    std::size_t drained_ = 0;
    http::response<AnswerBody> response_;
    int status_ = 0;
    std::optional<std::string> account_;
};

// ---- the server -----------------------------------------------------------------------------------

/// "127.0.0.1:8080", "[::1]:8080".
std::string endpoint_text(const tcp::endpoint& endpoint) {
    const auto ip = endpoint.address();
    return (ip.is_v6() ? "[" + ip.to_string() + "]" : ip.to_string()) + ":" + std::to_string(endpoint.port());
}

void Server::bind() {
    boost::system::error_code ec;
    const auto ip = asio::ip::make_address(options.host, ec);
    if (ec)
        throw app::Error(app::ErrorKind::BadRequest,
                         core::T_("--listen: '{host}' is not an IP address", {{"host", options.host}}));
    const tcp::endpoint endpoint(ip, options.port);
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        throw app::Error(app::ErrorKind::Io,
                         core::T_("cannot listen on {address}: {reason}",
                                  {{"address", endpoint_text(endpoint)}, {"reason", ec.message()}}));
}

void Server::load_tls() {
    if (options.tls_cert.empty() && options.tls_key.empty()) return;
    ssl.emplace(asio::ssl::context::tls_server);
    ssl->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                     asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 |
                     asio::ssl::context::single_dh_use);
    SSL_CTX_set_min_proto_version(ssl->native_handle(), TLS1_2_VERSION);
    auto use = [&](const std::filesystem::path& file, auto&& load) {
        boost::system::error_code ec;
        load(file.string(), ec);
        if (ec)
            throw app::Error(app::ErrorKind::Io,
                             core::T_("cannot use the TLS file {path}: {reason}",
                                      {{"path", "'" + file.string() + "'"}, {"reason", ec.message()}}));
    };
    use(options.tls_cert, [&](const std::string& f, auto& ec) { ssl->use_certificate_chain_file(f, ec); });
    use(options.tls_key,
        [&](const std::string& f, auto& ec) { ssl->use_private_key_file(f, asio::ssl::context::pem, ec); });
    if (SSL_CTX_check_private_key(ssl->native_handle()) != 1)
        throw app::Error(app::ErrorKind::Io, core::T_("the TLS key {path} does not belong to the certificate",
                                                      {{"path", "'" + options.tls_key.string() + "'"}}));
}

std::string Server::address() const { return endpoint_text(acceptor.local_endpoint()); }

void Server::accept() {
    acceptor.async_accept(asio::make_strand(ioc), [this](boost::system::error_code ec, tcp::socket socket) {
        if (!acceptor.is_open()) return;
        if (!ec) {
            on_accept(std::move(socket));
            return accept();
        }
        // Out of file descriptors, say: try again shortly rather than spin.
        log->warn(wire::event_fields("accept_failed", {{"reason", ec.message()}}));
        accept_pause.expires_after(std::chrono::milliseconds(100));
        accept_pause.async_wait([this](boost::system::error_code e) {
            if (!e) accept();
        });
    });
}

void Server::on_accept(tcp::socket socket) {
    if (open >= options.max_connections + kRefusedSlack) return;  // closed with `socket`
    const bool refuse = open >= options.max_connections;
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    ++open;
    std::shared_ptr<Connection> connection;
    if (ssl) {
        auto s = std::make_shared<Session<TlsStream>>(*this, refuse, std::move(socket), *ssl);
        s->start();
        connection = s;
    } else {
        auto s = std::make_shared<Session<beast::tcp_stream>>(*this, refuse, std::move(socket));
        s->start();
        connection = s;
    }
    if (connections.size() > 2 * open + 16) connections.remove_if([](const auto& c) { return c.expired(); });
    connections.push_back(connection);
}

void Server::wait_for_signal() {
    signals.async_wait([this](boost::system::error_code ec, int) {
        if (ec) return;
        begin_stop();
        wait_for_signal();  // a second signal ends the grace at once
    });
}

void Server::begin_stop() {
    if (stopping) {
        grace.cancel();  // a second request to stop: no more grace
        return;
    }
    stopping = true;
    lifecycle->info(wire::event_fields("stopping", {{"open_connections", static_cast<std::int64_t>(open.load())}}));
    boost::system::error_code ignored;
    acceptor.close(ignored);
    accept_pause.cancel();
    for (const auto& weak : connections) {
        if (auto c = weak.lock()) c->close_if_idle();
    }
    grace.expires_after(options.stop_grace);
    grace.async_wait([this](boost::system::error_code) {
        if (finished) return;
        for (const auto& weak : connections) {
            if (auto c = weak.lock()) c->close();
        }
        asio::post(ioc, [this] { finish(); });  // after the closes just posted
    });
    if (open == 0) finish();
}

void Server::closed() {
    --open;
    if (stopping && open == 0) finish();
}

void Server::finish() {
    if (finished) return;
    finished = true;
    grace.cancel();
    signals.cancel();
    work.reset();
    ioc.stop();
}

}  // namespace

// ---- Listener -------------------------------------------------------------------------------------

struct Listener::Impl : Server {
    using Server::Server;
};

Listener::Listener(ListenOptions options, std::shared_ptr<spdlog::logger> log)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(log))) {
    impl_->load_tls();
    impl_->bind();
}

Listener::~Listener() = default;

std::string Listener::address() const { return impl_->address(); }

std::string Listener::origin() const { return (tls() ? "https://" : "http://") + address(); }

bool Listener::tls() const { return impl_->ssl.has_value(); }

void Listener::run(const Api& api) {
    Impl& s = *impl_;
    s.api = &api;
    s.workers.emplace(std::max(1u, s.options.threads));
    s.work.emplace(s.ioc.get_executor());
    s.signals.add(SIGINT);
    s.signals.add(SIGTERM);
    s.wait_for_signal();
    s.accept();
    s.lifecycle->info(wire::event_fields("listening", {{"address", address()},
                                                       {"url", origin() + "/"},
                                                       {"threads", static_cast<std::int64_t>(s.options.threads)}}));
    s.ioc.run();
    if (const int unfinished = s.in_flight.load(); unfinished > 0) {
        // The grace is over and a request still waits on the database: leave without it. It was
        // not acknowledged, and SQLite rolls its transaction back.
        s.lifecycle->error(
            wire::event_fields("stopped", {{"unfinished_requests", static_cast<std::int64_t>(unfinished)}}));
        s.lifecycle->flush();
        std::_Exit(0);
    }
    s.workers->join();
    s.lifecycle->info(wire::event_fields("stopped", {}));
}

void Listener::stop() {
    asio::post(impl_->ioc, [impl = impl_.get()] { impl->begin_stop(); });
}

}  // namespace parscore::server
