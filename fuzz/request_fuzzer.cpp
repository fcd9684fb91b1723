// Fuzzes the server's front door, the API's and the web pages' (docs/server.md, docs/web.md): routing, path and form
// decoding, query parameters, cookies, authentication headers and request bodies, through Api::handle on the demo's
// database. An input is "METHOD TARGET", header lines, a blank line, then the body; unless it sends its own
// Authorization or Cookie header, it acts with an office account's bearer token so that the handlers behind
// authentication are reached too. Invariants: nothing answers 500; every answer's status is one the API or the pages
// document (303: a page's redirect); every JSON answer parses, and an error's has a code and a message.
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "parscore/app/accounts.hpp"
#include "parscore/app/demo.hpp"
#include "parscore/server/api.hpp"

namespace {

using namespace parscore;

struct Server {
    std::filesystem::path dir;
    std::string token;
    std::optional<server::Api> api;

    ~Server() {
        std::error_code ignored;
        if (!dir.empty()) std::filesystem::remove_all(dir, ignored);
    }
};

/// The demo's database in a fresh folder, with an office account and its token.
void set_up(Server& made) {
    std::string pattern = (std::filesystem::temp_directory_path() / "parscore-fuzz-XXXXXX").string();
    if (!mkdtemp(pattern.data())) fuzzing::violated("no temporary folder", pattern);
    made.dir = pattern;
    app::DemoRequest demo;
    demo.database = made.dir / "demo.db";
    app::demo(demo);
    app::UserAddRequest user;
    user.database = demo.database;
    user.login = "office";
    user.role = "office";
    user.password = "mật-khẩu-đủ-dài-để-thử";
    app::add_user(user);
    app::TokenAddRequest token;
    token.database = demo.database;
    token.login = "office";
    token.name = "fuzz";
    made.token = app::add_token(token).secret;
    server::ApiConfig config;
    config.database = demo.database;
    config.origin = "http://127.0.0.1:8080";
    made.api.emplace(config);
}

Server& server_once() {
    static Server s;
    static const bool ready = (set_up(s), true);
    (void)ready;
    return s;
}

std::string_view next_line(std::string_view& rest) {
    const std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

/// The request an input describes (what the listener would hand over).
server::HttpRequest request_of(std::string_view input, const std::string& token) {
    server::HttpRequest r;
    const std::string_view start = next_line(input);
    const std::size_t space = start.find(' ');
    r.method = std::string(start.substr(0, space));
    const std::string_view target = space == std::string_view::npos ? "/" : start.substr(space + 1);
    const std::size_t question = target.find('?');
    r.path = std::string(target.substr(0, question));
    std::string_view query = question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        const std::size_t eq = pair.find('=');
        auto key = server::percent_decode(pair.substr(0, eq), true);
        auto value = server::percent_decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
        if (key && value) r.query.emplace_back(*key, *value);
    }
    for (std::string_view line = next_line(input); !line.empty(); line = next_line(input)) {
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string name(line.substr(0, colon));
        for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        r.headers[name] = std::string(value);
    }
    r.body = std::string(input);
    if (!r.headers.count("authorization") && !r.headers.count("cookie")) r.headers["authorization"] = "Bearer " + token;
    r.client_address = "10.0.0.9";
    return r;
}

void check_answer(const server::HttpRequest& request, const server::HttpResponse& answer) {
    static const std::set<int> documented = {200, 201, 303, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503};
    const std::string where = request.method + " " + request.path + " -> " + std::to_string(answer.status);
    if (!documented.count(answer.status)) fuzzing::violated("an undocumented status", where + "\n" + answer.body);
    const auto type = answer.header("content-type");
    if (!type || !type->starts_with("application/json") || request.method == "HEAD") return;
    const nlohmann::json body = nlohmann::json::parse(answer.body_text(), nullptr, false);
    if (body.is_discarded()) fuzzing::violated("a JSON answer that does not parse", where);
    if (answer.status >= 400) {
        const auto& error = body.value("error", nlohmann::json());
        if (!error.is_object() || !error.contains("code") || error.value("message", "").empty())
            fuzzing::violated("an error without code or message", where + "\n" + answer.body);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Server& s = server_once();
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const server::HttpRequest request = request_of(input, s.token);
    check_answer(request, s.api->handle(request));
    return 0;
}
