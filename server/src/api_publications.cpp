// Publications and the audit log (docs/api.md, "Publications" and "Audit"): reading them as the
// command line renders them, and publishing a year's results with its adopted rulebook.
#include "api_texts.hpp"
#include "parscore/app/audit.hpp"
#include "parscore/app/publication.hpp"
#include "parscore/i18n/translate.hpp"

namespace parscore::server {

namespace {

HttpResponse publications(const Call& call) {
    return json_text_response(200, app::publications_json(
                                       app::list_publications(call.operation<app::PublicationsRequest>())));
}

HttpResponse publication(const Call& call) {
    auto r = call.operation<app::PublicationRequest>();
    const std::string& id = call.param("id");
    // Anything but a plain number names no publication.
    if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos)
        throw ApiError{404, "not_found", core::T_("no such resource")};
    r.id = std::stoll(id);
    return json_text_response(200, app::publication_json(app::find_publication(r)));
}

/// {"basis", "supersede", "allow_incomplete", "allow_empty"}, each optional; any other key, or a
/// value of another type, is a malformed request.
app::PublishRequest publish_request(const Call& call) {
    auto r = call.operation<app::PublishRequest>();
    r.year = year_param(call);
    const nlohmann::json body = json_body(call.request);
    auto malformed = [] {
        return ApiError{400, "bad_request",
                        core::T_("the body may hold basis (a text), supersede (a text or null), allow_incomplete and "
                                 "allow_empty (true or false), and nothing else")};
    };
    for (const auto& [key, value] : body.items()) {
        if (key == "basis" && value.is_string()) {
            const auto basis = inspections::parse_basis(value.get<std::string>());
            if (!basis) throw ApiError{400, "bad_request", core::T_("basis must be all, self or inspected")};
            r.basis = *basis;
        } else if (key == "supersede" && (value.is_string() || value.is_null())) {
            if (value.is_string()) r.supersede = value.get<std::string>();
        } else if (key == "allow_incomplete" && value.is_boolean()) {
            r.allow_incomplete = value.get<bool>();
        } else if (key == "allow_empty" && value.is_boolean()) {
            r.allow_empty = value.get<bool>();
        } else {
            throw malformed();
        }
    }
    return r;
}

/// 409 for a publication refused: what the command line lists before its error, as data.
HttpResponse refused(const Call& call, const app::Error& refusal, const engine::PublishOutcome& outcome) {
    nlohmann::json error = {{"code", "publish_refused"}, {"message", i18n::localize(call.caller.lang, refusal.text())}};
    using Result = engine::PublishOutcome::Result;
    if (outcome.result == Result::Incomplete) {
        error["incomplete"] = nlohmann::json::array();
        for (const auto& [unit, reason] : outcome.incomplete)
            error["incomplete"].push_back({{"unit", unit}, {"reason", reason}});
    } else if (outcome.result == Result::Differs) {
        error["publication"] = outcome.publication;
        error["differences"] = outcome.differences;
    }
    return json_response(409, {{"error", error}});
}

HttpResponse publish(const Call& call) {
    const app::PublishResult result = app::publish(publish_request(call));
    const engine::PublishOutcome& outcome = result.outcome;
    if (result.refusal) return refused(call, *result.refusal, outcome);
    const bool stored = outcome.result == engine::PublishOutcome::Result::Published;
    nlohmann::json answer = {{"id", outcome.publication},
                             {"unchanged", !stored},
                             {"evidence_sha256", outcome.evidence_sha256},
                             {"last_revision", outcome.last_revision},
                             {"supersedes",
                              outcome.supersedes ? nlohmann::json(*outcome.supersedes) : nlohmann::json()}};
    return json_response(stored ? 201 : 200, answer);
}

HttpResponse audit(const Call& call) {
    auto r = call.operation<app::AuditRequest>();
    if (const auto since = call.request.param("since"); since && !since->empty()) r.since = std::string(*since);
    if (const auto user = call.request.param("user"); user && !user->empty()) r.user = std::string(*user);
    return json_text_response(200, app::audit_json(app::audit_log(r)));
}

}  // namespace

std::vector<Api::Route> publication_routes() {
    return {
        {"GET", "/api/v1/publications", false, false, publications},
        {"GET", "/api/v1/publications/{id}", false, false, publication},
        {"POST", "/api/v1/years/{year}/publish", false, false, publish},
        {"GET", "/api/v1/audit", false, false, audit},
    };
}

}  // namespace parscore::server
