// serve: the JSON API (and later the web application) over one database, until SIGINT or SIGTERM
// (docs/server.md). Options are checked before anything is bound: a malformed address, half a
// TLS pair, or an address beyond this machine without TLS or a proxy is a usage error (exit 2); a
// missing or foreign database, a port taken, or unusable TLS files exit 3.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <thread>

#include "parscore/app/store.hpp"
#include "parscore/app/yearly_report.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/server/api.hpp"
#include "parscore/server/listener.hpp"
#include "serve_cli.hpp"
#include "shared.hpp"

namespace parscore::cli {

namespace {

std::chrono::milliseconds seconds_option(double seconds) {
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

/// "https://host[:port]" or "http://…", without a path: what a browser sends as Origin.
bool is_origin(const std::string& text) {
    const std::size_t scheme = text.find("://");
    if (scheme == std::string::npos) return false;
    const std::string name = text.substr(0, scheme);
    const std::string rest = text.substr(scheme + 3);
    return (name == "http" || name == "https") && !rest.empty() && rest.find_first_of("/?#@ ") == std::string::npos;
}

}  // namespace

server::ListenOptions listen_options(const ServeOptions& o) {
    const auto address = server::parse_listen_address(o.listen);
    if (!address)
        throw CliError(kUsage, core::T_("--listen: expected HOST:PORT with an IP address, such as 127.0.0.1:8080, "
                                        "found '{value}'",
                                        {{"value", o.listen}}));
    if (o.tls_cert.empty() != o.tls_key.empty())
        throw CliError(kUsage, core::T_("--tls-cert and --tls-key go together"));
    if (!server::is_loopback(address->first) && o.tls_cert.empty() && !o.behind_proxy)
        throw CliError(kUsage, core::T_("--listen {address}: serving beyond this machine needs TLS (--tls-cert and "
                                        "--tls-key) or a proxy that speaks it (--behind-proxy)",
                                        {{"address", o.listen}}));
    if (o.behind_proxy && o.origin.empty())
        throw CliError(kUsage, core::T_("--behind-proxy needs --origin, the address browsers open (https://…)"));
    if (!o.origin.empty() && !is_origin(o.origin))
        throw CliError(kUsage, core::T_("--origin: expected a scheme and host such as https://parscore.example.org, "
                                        "found '{value}'",
                                        {{"value", o.origin}}));
    if (o.max_connections == 0 || o.read_timeout <= 0 || o.idle_timeout <= 0)
        throw CliError(kUsage, core::T_("--max-connections and the timeouts must be above 0"));
    server::ListenOptions l;
    l.host = address->first;
    l.port = address->second;
    l.tls_cert = o.tls_cert;
    l.tls_key = o.tls_key;
    l.threads = o.threads != 0 ? o.threads : std::max(2u, std::thread::hardware_concurrency());
    l.max_connections = o.max_connections;
    l.behind_proxy = o.behind_proxy;
    l.read_timeout = seconds_option(o.read_timeout);
    l.idle_timeout = seconds_option(o.idle_timeout);
    return l;
}

namespace {

void run_serve(Context& ctx, const ServeOptions& o) { serve(ctx, o, ctx.db_path()); }

}  // namespace

void add_listen_options(CLI::App* cmd, Context& ctx, ServeOptions& o) {
    cmd->add_option("--listen", o.listen,
                    i18n::tr(ctx.lang,
                             "Address and port to serve on, HOST:PORT (default: 127.0.0.1:8080; port 0: any "
                             "free port)"));
    cmd->add_option("--log-level", o.log_level,
                    i18n::tr(ctx.lang,
                             "Least important log lines shown: error, warning, info (one line per request) "
                             "or debug (default: info)"))
        ->check(CLI::IsMember({"error", "warning", "warn", "info", "debug", "off"}));
}

void serve(Context& ctx, const ServeOptions& o, const std::filesystem::path& database,
           const std::function<void(const std::string& url)>& ready) {
    const server::ListenOptions options = listen_options(o);
    auto check = ctx.request<app::StoreRequest>();
    check.database = database;
    app::open_store(check, inspections::OpenMode::Existing);  // missing or foreign: exit 3 before binding
    if (!o.report_config.empty()) app::check_report_config(o.report_config);  // a bad one: exit 1 or 3 now

    server::Listener listener(options, server::make_server_log(ctx.err, o.log_level));
    server::ApiConfig config;
    config.database = database;
    config.origin = o.origin.empty() ? listener.origin() : o.origin;
    // Behind a proxy that speaks TLS the browser sees https: the cookie must be Secure then too.
    config.tls = listener.tls() || config.origin.starts_with("https://");
    if (!o.report_config.empty()) config.report_config = o.report_config;
    const server::Api api(config);
    if (ready) ready(config.origin + "/");
    listener.run(api);
}

void add_serve_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<ServeOptions>();
    CLI::App* cmd = app.add_subcommand(
        "serve", i18n::tr(ctx.lang, "Serve the JSON API over the database until stopped (SIGINT or SIGTERM)"));
    add_listen_options(cmd, ctx, o);
    cmd->add_option("--tls-cert", o.tls_cert,
                    i18n::tr(ctx.lang, "TLS certificate chain (PEM); serves HTTPS with --tls-key"));
    cmd->add_option("--tls-key", o.tls_key, i18n::tr(ctx.lang, "TLS private key (PEM)"));
    cmd->add_option("--threads", o.threads,
                    i18n::tr(ctx.lang, "Threads answering requests (default: the cores, at least 2)"))
        ->check(CLI::Range(1u, 1024u));
    cmd->add_option("--max-connections", o.max_connections,
                    i18n::tr(ctx.lang, "Connections open at once; more are answered 503 (default: 256)"));
    cmd->add_flag("--behind-proxy", o.behind_proxy,
                  i18n::tr(ctx.lang,
                           "A proxy in front speaks TLS: the client is X-Forwarded-For's last hop; needs "
                           "--origin"));
    cmd->add_option("--origin", o.origin,
                    i18n::tr(ctx.lang,
                             "The address browsers open, such as https://parscore.example.org (default: "
                             "the listening address)"));
    cmd->add_option("--report-config", o.report_config,
                    i18n::tr(ctx.lang,
                             "The yearly report's config (issuing body, number, signer, recipients), read at "
                             "each download"));
    // For tests: how long a request may take to arrive, and a kept-alive connection may wait.
    cmd->add_option("--read-timeout", o.read_timeout)->group("");
    cmd->add_option("--idle-timeout", o.idle_timeout)->group("");
    cmd->callback([&ctx, &o] { run_serve(ctx, o); });
}

}  // namespace parscore::cli
