// JSON answers and errors (docs/server.md, "Answers").
#include "api_internal.hpp"
#include "parscore/i18n/translate.hpp"

namespace parscore::server {

HttpResponse json_response(int status, const nlohmann::json& body) {
    HttpResponse r;
    r.status = status;
    r.set_header("Content-Type", "application/json; charset=utf-8");
    r.set_header("Cache-Control", "no-store");
    r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
}

HttpResponse error_response(const ApiError& error, i18n::Language lang) {
    return json_response(error.status,
                         {{"error", {{"code", error.code}, {"message", i18n::localize(lang, error.message)}}}});
}

HttpResponse error_response(const app::Error& error, i18n::Language lang) {
    return error_response(api_error(error), lang);
}

ApiError api_error(const app::Error& error) {
    ApiError e{409, "conflict", error.text()};
    switch (error.kind()) {
        case app::ErrorKind::BadRequest: e = {400, "bad_request", error.text()}; break;
        case app::ErrorKind::NotFound: e = {404, "not_found", error.text()}; break;
        case app::ErrorKind::Forbidden: e = {403, "forbidden", error.text()}; break;
        case app::ErrorKind::Invalid:
            if (error.problems()) e = {422, "invalid", error.text()};
            break;
        case app::ErrorKind::Io: e = {503, "unavailable", error.text()}; break;
        case app::ErrorKind::Internal: e = {500, "internal", core::T_("internal error")}; break;
    }
    return e;
}

nlohmann::json json_body(const HttpRequest& request) {
    const auto type = request.header("content-type");
    if (!type || type->substr(0, type->find(';')) != "application/json")
        throw ApiError{415, "unsupported_media_type", core::T_("send the body as application/json")};
    nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        throw ApiError{400, "bad_request", core::T_("the body is not a JSON object")};
    return body;
}

i18n::Language language_of(const HttpRequest& request, const std::optional<app::SignedIn>& signed_in) {
    if (signed_in) {
        if (auto lang = i18n::parse_language(signed_in->account.lang)) return *lang;
    }
    if (const auto accept = request.header("accept-language")) {
        // The first listed language we have, ignoring weights (browsers list by preference).
        std::string_view rest = *accept;
        while (!rest.empty()) {
            const std::size_t comma = rest.find(',');
            std::string_view tag = rest.substr(0, comma);
            tag = tag.substr(0, tag.find(';'));
            while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
            const std::string primary(tag.substr(0, tag.find('-')));
            if (primary == "vi") return i18n::Language::vi;
            if (primary == "en") return i18n::Language::en;
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
    }
    return i18n::Language::vi;
}

}  // namespace parscore::server
