#pragma once
// What `serve` and `demo --serve` share: the listener's options and serving a database until a
// signal stops it (docs/server.md).
#include <filesystem>
#include <functional>
#include <string>

#include "context.hpp"
#include "parscore/server/listener.hpp"

namespace CLI {
class App;
}

namespace parscore::cli {

struct ServeOptions {
    std::string listen = "127.0.0.1:8080";
    std::string tls_cert, tls_key;
    unsigned threads = 0;  // 0: the cores, at least 2
    std::size_t max_connections = 256;
    bool behind_proxy = false;
    std::string origin;  // the address browsers open; empty: the listener's own
    std::string log_level = "info";
    std::string report_config;  // the yearly report's config; empty: none
    double read_timeout = 30;   // seconds
    double idle_timeout = 15;   // seconds
};

/// The listener's options; CliError (exit 2) when they are malformed or unsafe together.
server::ListenOptions listen_options(const ServeOptions& o);

/// --listen and --log-level, which `demo --serve` offers too.
void add_listen_options(CLI::App* cmd, Context& ctx, ServeOptions& o);

/// Serves `database` (which must exist) until SIGINT or SIGTERM; `ready` is called with the URL
/// once the address is bound and before the first request is read.
void serve(Context& ctx, const ServeOptions& o, const std::filesystem::path& database,
           const std::function<void(const std::string& url)>& ready = {});

void add_serve_command(CLI::App& app, Context& ctx);

}  // namespace parscore::cli
