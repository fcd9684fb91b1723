// What the listener adds to the API's answers, and its log lines (docs/server.md, "Serving").
#include "wire.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <spdlog/logger.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/ostream_sink.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "api_internal.hpp"
#include "parscore/server/listener.hpp"

namespace parscore::server::wire {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// The members of a JSON object, without its braces, in the order given.
std::string members(const nlohmann::ordered_json& object) {
    const std::string text = object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return text.substr(1, text.size() - 2);
}

nlohmann::ordered_json optional_text(const std::optional<std::string>& text) {
    return text ? nlohmann::ordered_json(*text) : nlohmann::ordered_json(nullptr);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> extra_headers(const HttpResponse& response, bool tls) {
    std::vector<std::pair<std::string, std::string>> out;
    auto add = [&](const char* name, std::string value) {
        if (!response.header(name)) out.emplace_back(name, std::move(value));
    };
    add("X-Content-Type-Options", "nosniff");
    add("X-Frame-Options", "DENY");
    add("Referrer-Policy", "no-referrer");
    add("Cross-Origin-Resource-Policy", "same-origin");
    // JSON is never a page: it may load nothing and be framed by nobody. Pages (the web
    // application, HTML reports) set their own policy.
    const std::string_view type = response.header("content-type").value_or("");
    if (type.starts_with("application/json"))
        add("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    if (tls) add("Strict-Transport-Security", "max-age=31536000");
    return out;
}

std::string client_address(const std::string& peer, std::optional<std::string_view> forwarded_for, bool behind_proxy) {
    if (!behind_proxy || !forwarded_for) return peer;
    std::string_view hops = *forwarded_for;
    const std::size_t comma = hops.rfind(',');
    const std::string_view last = trim(comma == std::string_view::npos ? hops : hops.substr(comma + 1));
    return last.empty() ? peer : std::string(last);
}

std::string http_date(std::time_t time) {
    std::tm tm{};
    gmtime_r(&time, &tm);
    char text[64];
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);  // the "C" locale's names
    return text;
}

std::string request_fields(const RequestRecord& record) {
    nlohmann::ordered_json line;
    line["event"] = "request";
    line["method"] = optional_text(record.method);
    line["path"] = optional_text(record.path);
    line["status"] = record.status;
    line["ms"] = std::round(record.milliseconds * 10) / 10;
    line["account"] = optional_text(record.account);
    return members(line);
}

std::string event_fields(std::string_view event, const std::vector<std::pair<std::string, LogValue>>& fields) {
    nlohmann::ordered_json line;
    line["event"] = event;
    for (const auto& [name, value] : fields) std::visit([&, &key = name](const auto& v) { line[key] = v; }, value);
    return members(line);
}

HttpResponse error_answer(int status, std::string code, core::Text message, const HttpRequest& request) {
    return error_response(ApiError{status, std::move(code), std::move(message)}, language_of(request, std::nullopt));
}

}  // namespace parscore::server::wire

namespace parscore::server {

std::optional<std::pair<std::string, std::uint16_t>> parse_listen_address(std::string_view text) {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string_view::npos) return std::nullopt;
    std::string host(text.substr(0, colon));
    const std::string_view port = text.substr(colon + 1);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host == "localhost") host = "127.0.0.1";
    in6_addr scratch{};
    const bool ip = inet_pton(AF_INET, host.c_str(), &scratch) == 1 || inet_pton(AF_INET6, host.c_str(), &scratch) == 1;
    if (!ip || port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    const unsigned long number = std::stoul(std::string(port));
    if (number > 65535) return std::nullopt;
    return std::pair{host, static_cast<std::uint16_t>(number)};
}

bool is_loopback(std::string_view host) {
    const std::string text(host);
    in_addr v4{};
    if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6{};
    return inet_pton(AF_INET6, text.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

std::shared_ptr<spdlog::logger> make_server_log(std::ostream& err, const std::string& level) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(err, true);
    auto log = std::make_shared<spdlog::logger>("parscore-server", std::move(sink));
    // Each message is the members after "time" and "level" (wire::request_fields, event_fields).
    log->set_formatter(
        std::make_unique<spdlog::pattern_formatter>(R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})",
                                                    spdlog::pattern_time_type::utc));
    log->set_level(spdlog::level::from_str(level));
    return log;
}

}  // namespace parscore::server
