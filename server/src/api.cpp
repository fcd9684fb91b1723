// Routing, authentication, CSRF and Origin checks, body limits (docs/server.md).
#include "parscore/server/api.hpp"

#include <algorithm>
#include <vector>

#include "api_internal.hpp"
#include "parscore/i18n/translate.hpp"
#include "routing.hpp"

namespace parscore::server {

namespace {

const std::vector<Api::Route>& routes() {
    static const std::vector<Api::Route> table = [] {
        std::vector<Api::Route> all;
        for (auto group :
             {session_routes, result_routes, inspection_routes, rulebook_routes, publication_routes, page_routes}) {
            std::vector<Api::Route> rows = group();
            all.insert(all.end(), rows.begin(), rows.end());
        }
        return all;
    }();
    return table;
}

/// The caller a bearer token or a session cookie names; none when neither is sent or works.
Api::Caller authenticate(const Api& api, const ApiConfig& config, const HttpRequest& request) {
    Api::Caller caller;
    const auto authorization = request.header("authorization");
    if (authorization && authorization->starts_with("Bearer ")) {
        app::StoreRequest r;
        r.database = config.database;
        r.stores = config.stores;
        caller.signed_in = app::resume_token(r, authorization->substr(7), request.client_address, config.now());
    } else if (const auto id = request.cookie(api.cookie_name())) {
        app::SessionRequest r;
        r.database = config.database;
        r.stores = config.stores;
        r.session_id = *id;
        r.now = config.now();
        r.policy = config.policy;
        caller.signed_in = app::resume_session(r, request.client_address);
        caller.by_cookie = caller.signed_in.has_value();
    }
    caller.lang = language_of(request, caller.signed_in);
    return caller;
}

/// A browser's change must carry its session's CSRF token (header, or an HTML form's field) and,
/// when it says where it comes from, come from this server.
std::optional<ApiError> cross_site(const ApiConfig& config, const HttpRequest& request, const Api::Caller& caller) {
    if (!caller.by_cookie || request.method == "GET" || request.method == "HEAD") return std::nullopt;
    if (const auto origin = request.header("origin"); origin && *origin != config.origin)
        return ApiError{403, "forbidden", core::T_("the request comes from another site")};
    std::optional<std::string> token;
    if (const auto header = request.header("x-csrf-token")) token = std::string(*header);
    else token = request.form_field("csrf_token");
    if (!token || !app::csrf_matches(*caller.signed_in, *token))
        return ApiError{403, "forbidden", core::T_("the request lacks this session's CSRF token")};
    return std::nullopt;
}

/// The route for a request and its path's parameters; without a route, the methods the path
/// allows (405), or none (404).
struct Found {
    const Api::Route* route = nullptr;
    PathParams params;
    std::string allowed;
};

Found find_route(const HttpRequest& request) {
    const auto segments = path_segments(request.path);
    if (!segments) throw ApiError{404, "not_found", core::T_("no such resource")};
    // HEAD is GET without the body (the listener drops it).
    const std::string_view method = request.method == "HEAD" ? std::string_view("GET") : request.method;
    Found found;
    std::string& allowed = found.allowed;
    for (const Api::Route& route : routes()) {
        auto params = match_pattern(route.pattern, *segments);
        if (!params) continue;
        if (allowed.find(route.method) == std::string::npos)
            allowed += (allowed.empty() ? "" : ", ") + std::string(route.method);
        if (method == route.method && !found.route) {
            found.route = &route;
            found.params = std::move(*params);
        }
    }
    if (!found.route && allowed.empty()) throw ApiError{404, "not_found", core::T_("no such resource")};
    return found;
}

/// Whether an answer to this request is for a person in a browser: a page's route, or a path
/// outside the API that matches none (its not-found page).
bool for_a_page(const HttpRequest& request, const Api::Route* route) {
    if (route) return route->page;
    return request.path.starts_with("/") && !request.path.starts_with("/api") && request.path != "/healthz";
}

/// Where a page sends a browser that is not signed in: the sign-in page, then back here.
HttpResponse to_sign_in(const HttpRequest& request) {
    HttpResponse r;
    r.status = 303;
    std::string next = request.path;
    // The path as sent is percent-encoded already; only what a query value cannot hold is escaped.
    std::string encoded;
    for (const char c : next) {
        if (c == '&' || c == '#' || c == '+' || c == '?' || c == '=') {
            static const char* hex = "0123456789ABCDEF";
            encoded += '%';
            encoded += hex[static_cast<unsigned char>(c) >> 4];
            encoded += hex[static_cast<unsigned char>(c) & 15];
        } else {
            encoded += c;
        }
    }
    r.set_header("Location", request.path == "/" ? "/sign-in" : "/sign-in?next=" + encoded);
    r.set_header("Cache-Control", "no-store");
    return r;
}

/// The route's answer to a request, or the error that stopped it; `caller` is who sent it, once known.
HttpResponse respond(const Api& api, const ApiConfig& config, const HttpRequest& request, Api::Caller& caller) {
    const Api::Route* route = nullptr;
    auto failed = [&](const ApiError& e) {
        if (!for_a_page(request, route)) return error_response(e, caller.lang);
        return page_error(Call{api, config, request, caller, {}}, e);
    };
    try {
        Found found = find_route(request);
        if (!found.route) {
            HttpResponse r = failed(ApiError{405, "method_not_allowed", core::T_("method not allowed")});
            r.set_header("Allow", found.allowed);
            return r;
        }
        route = found.route;
        if (request.body.size() > route->body_limit)
            throw ApiError{413, "payload_too_large", core::T_("the request's body is too large")};
        if (!route->anonymous || request.header("authorization") || request.cookie(api.cookie_name()))
            caller = authenticate(api, config, request);
        if (!route->anonymous && !caller.signed_in) {
            if (route->page && (request.method == "GET" || request.method == "HEAD")) return to_sign_in(request);
            throw ApiError{401, "unauthenticated", core::T_("sign in first")};
        }
        if (auto refused = cross_site(config, request, caller); refused && !route->anonymous) throw *refused;
        if (caller.signed_in && caller.signed_in->account.must_change && !route->while_must_change) {
            if (route->page) {
                HttpResponse r;
                r.status = 303;
                r.set_header("Location", "/password");
                r.set_header("Cache-Control", "no-store");
                return r;
            }
            throw ApiError{403, "password_change_required", core::T_("change your password before anything else")};
        }
        HttpResponse response = route->handler(Call{api, config, request, caller, std::move(found.params)});
        if (request.method == "HEAD") {
            // The length a GET would have had (RFC 9110, 9.3.2); the listener sends no body.
            response.set_header("Content-Length", std::to_string(response.body_size()));
            response.body.clear();
            response.shared.reset();
        }
        return response;
    } catch (const ApiError& e) {
        return failed(e);
    } catch (const app::Error& e) {
        return failed(api_error(e));
    }
}

}  // namespace

const std::string& Call::param(std::string_view name) const {
    static const std::string none;
    for (const auto& [key, value] : params) {
        if (key == name) return value;
    }
    return none;
}

Api::Api(ApiConfig config) : config_(std::move(config)) {
    if (!config_.stores) config_.stores = std::make_shared<inspections::StorePool>(config_.database);
}

std::string Api::cookie_name() const { return config_.tls ? "__Host-parscore" : "parscore"; }

std::size_t Api::body_limit(std::string_view method, std::string_view path) const {
    const auto segments = path_segments(path);
    if (!segments) return kBodyLimit;
    for (const Route& route : routes()) {
        if (route.method == method && match_pattern(route.pattern, *segments)) return route.body_limit;
    }
    return kBodyLimit;
}

HttpResponse Api::handle(const HttpRequest& request) const {
    Caller caller;
    caller.lang = language_of(request, std::nullopt);
    HttpResponse response = respond(*this, config_, request, caller);
    if (caller.signed_in) response.account = caller.signed_in->account.login;
    return response;
}

}  // namespace parscore::server
