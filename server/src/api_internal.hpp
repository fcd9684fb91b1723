#pragma once
// What the API's handlers share: the caller of a request, the route table's shape, JSON answers
// and errors. Each group of routes lives in its own file and returns its rows of the table.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parscore/app/error.hpp"
#include "parscore/app/sessions.hpp"
#include "parscore/i18n/language.hpp"
#include "parscore/server/api.hpp"

namespace parscore::server {

/// Who sends a request, once authenticated.
struct Api::Caller {
    std::optional<app::SignedIn> signed_in;  // none: anonymous
    bool by_cookie = false;                  // a browser session (CSRF applies), not a bearer token
    i18n::Language lang = i18n::Language::vi;
};

/// One request on its way to a handler: the request, its caller and the path's parameters.
struct Call {
    const Api& api;
    const ApiConfig& config;
    const HttpRequest& request;
    const Api::Caller& caller;
    std::vector<std::pair<std::string, std::string>> params;  // from the route's {name} segments, decoded

    /// The path parameter of that name ("" when the route has none).
    const std::string& param(std::string_view name) const;

    /// An operation's request on the API's database, acting as the caller.
    template <class R> R operation() const {
        R r;
        r.actor = caller.signed_in->actor;
        r.database = config.database;
        r.stores = config.stores;
        return r;
    }
};

using Handler = HttpResponse (*)(const Call&);

/// A row of the route table. A pattern's segment may end in "{name}" after a literal prefix
/// ("{year}", "report.{format}"); it then matches any one non-empty segment with that prefix.
struct Api::Route {
    const char* method;
    const char* pattern;
    bool anonymous;          // answers without authentication
    bool while_must_change;  // allowed before a generated password is changed
    Handler handler;
    std::size_t body_limit = kBodyLimit;
    bool page = false;  // a page of the web application: HTML errors, a redirect to sign in
};

// The route table's groups, one file each.
std::vector<Api::Route> session_routes();      // api_session.cpp
std::vector<Api::Route> result_routes();       // api_results.cpp
std::vector<Api::Route> inspection_routes();   // api_inspections.cpp
std::vector<Api::Route> rulebook_routes();     // api_rulebooks.cpp
std::vector<Api::Route> publication_routes();  // api_publications.cpp
std::vector<Api::Route> page_routes();         // pages.cpp: the web application

/// A failure a handler answers with: an HTTP status, a stable code and a message for people.
struct ApiError {
    int status = 400;
    std::string code;
    core::Text message;
};

HttpResponse json_response(int status, const nlohmann::json& body);
HttpResponse error_response(const ApiError& error, i18n::Language lang);
/// The answer to an operation's app::Error.
HttpResponse error_response(const app::Error& error, i18n::Language lang);
/// The body as a JSON object; ApiError 415 when it is not sent as JSON, 400 when it does not parse.
nlohmann::json json_body(const HttpRequest& request);
/// The language for people: the account's, else the first of Accept-Language we have, else vi.
i18n::Language language_of(const HttpRequest& request, const std::optional<app::SignedIn>& signed_in);
/// Ends the session a browser's cookie names (nothing for a bearer token's caller).
void end_session(const Call& call);
/// The Set-Cookie value of a session (expire: one that clears the cookie).
std::string cookie_header(const Call& call, const std::string& value, bool expire);
/// The answer's status, code and message for an operation's app::Error.
ApiError api_error(const app::Error& error);
/// A page route's answer to an error: the error page, in HTML (pages.cpp).
HttpResponse page_error(const Call& call, const ApiError& error);
/// JSON for an account, as sign-in and GET /api/v1/me answer it.
nlohmann::json account_json(const inspections::Account& account);

}  // namespace parscore::server
