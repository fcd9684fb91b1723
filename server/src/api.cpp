// Routing, authentication, CSRF and Origin checks (docs/server.md).
#include "parscore/server/api.hpp"

#include <vector>

#include "api_internal.hpp"
#include "parscore/accounts/token.hpp"
#include "parscore/app/units.hpp"
#include "parscore/i18n/translate.hpp"

namespace parscore::server {

namespace {

using Handler = HttpResponse (*)(const Api&, const ApiConfig&, const HttpRequest&, const Api::Caller&);

}  // namespace

struct Api::Route {
    const char* method;
    const char* path;
    bool anonymous;          // answers without authentication
    bool while_must_change;  // allowed before a generated password is changed
    Handler handler;
};

namespace {

HttpResponse healthz(const Api&, const ApiConfig&, const HttpRequest&, const Api::Caller&) {
    return json_response(200, {{"status", "ok"}});
}

nlohmann::json account_json(const inspections::Account& a) {
    return {{"login", a.login}, {"name", a.name},
            {"role", a.role},   {"scope", a.scope ? nlohmann::json(*a.scope) : nlohmann::json(nullptr)},
            {"lang", a.lang},   {"must_change_password", a.must_change}};
}

std::string cookie_header(const Api& api, const ApiConfig& config, const std::string& value, bool expire) {
    std::string c = api.cookie_name() + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
    if (config.tls) c += "; Secure";
    if (expire) c += "; Max-Age=0";
    return c;
}

HttpResponse sign_in(const Api& api, const ApiConfig& config, const HttpRequest& request, const Api::Caller& caller) {
    const nlohmann::json body = json_body(request);
    app::LoginRequest r;
    r.database = config.database;
    r.login = body.value("login", "");
    r.password = body.value("password", "");
    r.address = request.client_address;
    r.now = config.now();
    r.policy = config.policy;
    const app::LoginOutcome outcome = app::login(r);
    switch (outcome.result) {
        case app::LoginOutcome::Result::Throttled: {
            HttpResponse answer = error_response(ApiError{429, "too_many_requests",
                                                          core::T_("too many failed logins; try again later")},
                                                 caller.lang);
            answer.set_header("Retry-After", std::to_string(outcome.retry_after.count()));
            return answer;
        }
        case app::LoginOutcome::Result::Refused:
            return error_response(ApiError{401, "unauthenticated", core::T_("wrong login or password")}, caller.lang);
        case app::LoginOutcome::Result::SignedIn: break;
    }
    nlohmann::json answer = account_json(*outcome.account);
    answer["csrf_token"] = outcome.csrf_token;
    HttpResponse response = json_response(200, answer);
    response.set_header("Set-Cookie", cookie_header(api, config, outcome.session_id, false));
    return response;
}

HttpResponse sign_out(const Api& api, const ApiConfig& config, const HttpRequest& request, const Api::Caller& caller) {
    if (caller.by_cookie) {
        app::SessionRequest r;
        r.database = config.database;
        r.session_id = request.cookie(api.cookie_name()).value_or("");
        r.now = config.now();
        r.policy = config.policy;
        app::logout(r, request.client_address);
    }
    HttpResponse response = json_response(200, nlohmann::json::object());
    response.set_header("Set-Cookie", cookie_header(api, config, "", true));
    return response;
}

HttpResponse me(const Api&, const ApiConfig&, const HttpRequest&, const Api::Caller& caller) {
    return json_response(200, account_json(caller.signed_in->account));
}

/// A request to an operation on the API's database, from the caller.
template <class R> R operation_request(const ApiConfig& config, const Api::Caller& caller) {
    R r;
    r.actor = caller.signed_in->actor;
    r.database = config.database;
    return r;
}

HttpResponse units(const Api&, const ApiConfig& config, const HttpRequest&, const Api::Caller& caller) {
    nlohmann::json out = nlohmann::json::array();
    for (const inspections::UnitInfo& u : app::list_units(operation_request<app::UnitsListRequest>(config, caller))) {
        auto optional_int = [](const std::optional<int>& v) {
            return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
        };
        out.push_back({{"id", u.id},
                       {"name", u.name},
                       {"category", u.category},
                       {"parent", u.parent ? nlohmann::json(*u.parent) : nlohmann::json(nullptr)},
                       {"active_from", optional_int(u.active_from)},
                       {"active_to", optional_int(u.active_to)}});
    }
    return json_response(200, out);
}

const std::vector<Api::Route>& routes() {
    static const std::vector<Api::Route> table = {
        {"GET", "/healthz", true, true, healthz},
        {"POST", "/api/v1/session", true, true, sign_in},
        {"DELETE", "/api/v1/session", false, true, sign_out},
        {"GET", "/api/v1/me", false, true, me},
        {"GET", "/api/v1/units", false, false, units},
    };
    return table;
}

/// The caller a bearer token or a session cookie names; none when neither is sent or works.
Api::Caller authenticate(const Api& api, const ApiConfig& config, const HttpRequest& request) {
    Api::Caller caller;
    const auto authorization = request.header("authorization");
    if (authorization && authorization->starts_with("Bearer ")) {
        app::StoreRequest r;
        r.database = config.database;
        caller.signed_in = app::resume_token(r, authorization->substr(7), request.client_address, config.now());
    } else if (const auto id = request.cookie(api.cookie_name())) {
        app::SessionRequest r;
        r.database = config.database;
        r.session_id = *id;
        r.now = config.now();
        r.policy = config.policy;
        caller.signed_in = app::resume_session(r, request.client_address);
        caller.by_cookie = caller.signed_in.has_value();
    }
    caller.lang = language_of(request, caller.signed_in);
    return caller;
}

/// A browser's change must carry its session's CSRF token (header, or a form's field) and, when
/// it says where it comes from, come from this server.
std::optional<ApiError> cross_site(const ApiConfig& config, const HttpRequest& request, const Api::Caller& caller) {
    if (!caller.by_cookie || request.method == "GET" || request.method == "HEAD") return std::nullopt;
    if (const auto origin = request.header("origin"); origin && *origin != config.origin)
        return ApiError{403, "forbidden", core::T_("the request comes from another site")};
    const auto token = request.header("x-csrf-token");
    if (!token || !app::csrf_matches(*caller.signed_in, *token))
        return ApiError{403, "forbidden", core::T_("the request lacks this session's CSRF token")};
    return std::nullopt;
}

}  // namespace

Api::Api(ApiConfig config) : config_(std::move(config)) {}

std::string Api::cookie_name() const { return config_.tls ? "__Host-parscore" : "parscore"; }

HttpResponse Api::handle(const HttpRequest& request) const {
    Caller caller;
    caller.lang = language_of(request, std::nullopt);
    try {
        const Route* found = nullptr;
        std::string allowed;
        for (const Route& route : routes()) {
            if (request.path != route.path) continue;
            allowed += (allowed.empty() ? "" : ", ") + std::string(route.method);
            if (request.method == route.method) found = &route;
        }
        if (!found && allowed.empty())
            return error_response(ApiError{404, "not_found", core::T_("no such resource")}, caller.lang);
        if (!found) {
            HttpResponse r = error_response(ApiError{405, "method_not_allowed", core::T_("method not allowed")},
                                            caller.lang);
            r.set_header("Allow", allowed);
            return r;
        }
        if (!found->anonymous || request.header("authorization") || request.cookie(cookie_name()))
            caller = authenticate(*this, config_, request);
        if (!found->anonymous && !caller.signed_in)
            return error_response(ApiError{401, "unauthenticated", core::T_("sign in first")}, caller.lang);
        if (auto refused = cross_site(config_, request, caller); refused && !found->anonymous)
            return error_response(*refused, caller.lang);
        if (caller.signed_in && caller.signed_in->account.must_change && !found->while_must_change) {
            return error_response(ApiError{403, "password_change_required",
                                           core::T_("change your password before anything else")},
                                  caller.lang);
        }
        return found->handler(*this, config_, request, caller);
    } catch (const ApiError& e) {
        return error_response(e, caller.lang);
    } catch (const app::Error& e) {
        return error_response(e, caller.lang);
    }
}

}  // namespace parscore::server
