// Signing in and out, the account, and the units in its scope (docs/server.md, "Signing in").
#include <tuple>

#include "api_internal.hpp"
#include "parscore/accounts/token.hpp"
#include "parscore/app/units.hpp"
#include "parscore/i18n/translate.hpp"

namespace parscore::server {

std::string cookie_header(const Call& call, const std::string& value, bool expire) {
    std::string c = call.api.cookie_name() + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
    if (call.config.tls) c += "; Secure";
    if (expire) c += "; Max-Age=0";
    return c;
}

void end_session(const Call& call) {
    if (!call.caller.by_cookie) return;
    app::SessionRequest r;
    r.database = call.config.database;
    r.stores = call.config.stores;
    r.session_id = call.request.cookie(call.api.cookie_name()).value_or("");
    r.now = call.config.now();
    r.policy = call.config.policy;
    app::logout(r, call.request.client_address);
}

namespace {

HttpResponse healthz(const Call&) { return json_response(200, {{"status", "ok"}}); }

HttpResponse sign_in(const Call& call) {
    const nlohmann::json body = json_body(call.request);
    app::LoginRequest r;
    r.database = call.config.database;
    r.stores = call.config.stores;
    r.login = body.value("login", "");
    r.password = body.value("password", "");
    r.address = call.request.client_address;
    r.now = call.config.now();
    r.policy = call.config.policy;
    const app::LoginOutcome outcome = app::login(r);
    switch (outcome.result) {
        case app::LoginOutcome::Result::Throttled: {
            HttpResponse answer = error_response(ApiError{429, "too_many_requests",
                                                          core::T_("too many failed logins; try again later")},
                                                 call.caller.lang);
            answer.set_header("Retry-After", std::to_string(outcome.retry_after.count()));
            return answer;
        }
        case app::LoginOutcome::Result::Refused:
            return error_response(ApiError{401, "unauthenticated", core::T_("wrong login or password")},
                                  call.caller.lang);
        case app::LoginOutcome::Result::SignedIn: break;
    }
    nlohmann::json answer = account_json(*outcome.account);
    answer["csrf_token"] = outcome.csrf_token;
    HttpResponse response = json_response(200, answer);
    response.set_header("Set-Cookie", cookie_header(call, outcome.session_id, false));
    return response;
}

HttpResponse sign_out(const Call& call) {
    end_session(call);
    HttpResponse response = json_response(200, nlohmann::json::object());
    response.set_header("Set-Cookie", cookie_header(call, "", true));
    return response;
}

/// The two texts of {"current", "new"}; 400 when either is missing or not a text.
std::pair<std::string, std::string> password_change_body(const HttpRequest& request) {
    const nlohmann::json body = json_body(request);
    const auto current = body.find("current"), replacement = body.find("new");
    if (current == body.end() || replacement == body.end() || !current->is_string() || !replacement->is_string())
        throw ApiError{400, "bad_request",
                       core::T_("send the current and the new password as the texts current and new")};
    return {current->get<std::string>(), replacement->get<std::string>()};
}

/// The account changes its own password. Every session of the account ends; a browser gets a fresh
/// session (new cookie and CSRF token) in place of the one it sent, a token's caller none.
HttpResponse change_password(const Call& call) {
    app::PasswordChangeRequest r;
    r.database = call.config.database;
    r.stores = call.config.stores;
    r.login = call.caller.signed_in->account.login;
    std::tie(r.current, r.replacement) = password_change_body(call.request);
    r.address = call.request.client_address;
    r.now = call.config.now();
    r.start_session = call.caller.by_cookie;
    r.policy = call.config.policy;
    app::PasswordChangeOutcome outcome;
    try {
        outcome = app::change_password(r);
    } catch (const app::Error& e) {
        if (e.kind() == app::ErrorKind::Forbidden) throw ApiError{403, "wrong_password", e.text()};
        if (e.kind() == app::ErrorKind::Invalid) throw ApiError{422, "weak_password", e.text()};
        throw;
    }
    if (outcome.retry_after.count() > 0) {
        HttpResponse answer = error_response(ApiError{429, "too_many_requests",
                                                      core::T_("too many wrong passwords; try again later")},
                                             call.caller.lang);
        answer.set_header("Retry-After", std::to_string(outcome.retry_after.count()));
        return answer;
    }
    inspections::Account account = call.caller.signed_in->account;
    account.must_change = false;
    nlohmann::json answer = account_json(account);
    if (!call.caller.by_cookie) return json_response(200, answer);
    answer["csrf_token"] = outcome.csrf_token;
    HttpResponse response = json_response(200, answer);
    response.set_header("Set-Cookie", cookie_header(call, outcome.session_id, false));
    return response;
}

HttpResponse me(const Call& call) {
    nlohmann::json answer = account_json(call.caller.signed_in->account);
    // As at login: a page that lost its token (one kept for offline use) asks for it again.
    if (call.caller.by_cookie) {
        if (const auto session = call.request.cookie(call.api.cookie_name()))
            answer["csrf_token"] = accounts::csrf_token_for(*session);
    }
    return json_response(200, answer);
}

HttpResponse units(const Call& call) {
    auto optional_int = [](const std::optional<int>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    nlohmann::json out = nlohmann::json::array();
    for (const inspections::UnitInfo& u : app::list_units(call.operation<app::UnitsListRequest>())) {
        out.push_back({{"id", u.id},
                       {"name", u.name},
                       {"category", u.category},
                       {"parent", u.parent ? nlohmann::json(*u.parent) : nlohmann::json(nullptr)},
                       {"active_from", optional_int(u.active_from)},
                       {"active_to", optional_int(u.active_to)}});
    }
    return json_response(200, out);
}

}  // namespace

nlohmann::json account_json(const inspections::Account& a) {
    return {{"login", a.login}, {"name", a.name},
            {"role", a.role},   {"scope", a.scope ? nlohmann::json(*a.scope) : nlohmann::json(nullptr)},
            {"lang", a.lang},   {"must_change_password", a.must_change}};
}

std::vector<Api::Route> session_routes() {
    return {
        {"GET", "/healthz", true, true, healthz},
        {"POST", "/api/v1/session", true, true, sign_in},
        {"DELETE", "/api/v1/session", false, true, sign_out},
        {"GET", "/api/v1/me", false, true, me},
        {"PUT", "/api/v1/me/password", false, true, change_password},
        {"GET", "/api/v1/units", false, false, units},
    };
}

}  // namespace parscore::server
