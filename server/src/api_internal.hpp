#pragma once
// What the API's handlers share: the caller of a request, JSON answers and errors.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

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

}  // namespace parscore::server
