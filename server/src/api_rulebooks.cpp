// Adopted rulebooks, and drafts checked or compared with a year's rulebook (docs/api.md,
// "Rulebooks"). A rulebook travels as a JSON object mapping each file's path to its text, the
// rulebook first; the operations layer checks the paths and loads the files from memory, so no
// path from a request ever reaches the file system.
#include <set>

#include "api_texts.hpp"
#include "parscore/analyses/diff.hpp"
#include "parscore/app/adoption.hpp"
#include "parscore/app/analyses.hpp"
#include "parscore/app/rulebook_checks.hpp"
#include "parscore/i18n/translate.hpp"

namespace parscore::server {

namespace {

/// The body's files, in the order sent. nlohmann keeps one of two equal keys silently, so the
/// keys are collected while parsing, where a repeated one can still be seen.
app::DraftRulebook draft_of(const HttpRequest& request) {
    json_body(request);  // 415 unless sent as JSON, 400 unless a JSON object
    std::vector<std::string> paths;
    std::set<std::string> seen;  // a body of many keys must not cost their square
    bool repeated = false;
    const nlohmann::json::parser_callback_t keys = [&](int depth, nlohmann::json::parse_event_t event,
                                                       nlohmann::json& parsed) {
        if (event == nlohmann::json::parse_event_t::key && depth == 1) {
            const std::string& path = parsed.get_ref<const std::string&>();
            repeated = !seen.insert(path).second || repeated;
            paths.push_back(path);
        }
        return true;
    };
    const nlohmann::json body = nlohmann::json::parse(request.body, keys);
    if (repeated) throw ApiError{400, "bad_request", core::T_("the body names a rulebook file twice")};
    // More files than a rulebook may have are refused before their texts are copied.
    if (paths.size() > app::kMaxDraftFiles) paths.resize(app::kMaxDraftFiles + 1);
    app::DraftRulebook draft;
    for (const std::string& path : paths) {
        const nlohmann::json& text = body.at(path);
        if (!text.is_string())
            throw ApiError{400, "bad_request", core::T_("each rulebook file's text must be a JSON string")};
        draft.push_back({path, text.get<std::string>()});
    }
    return draft;
}

/// 422 for a rulebook with errors, with every diagnostic as `check --format json` gives it.
HttpResponse invalid_rulebook(const Call& call, const app::Error& error, const std::string& root) {
    nlohmann::json answer = {{"error",
                              {{"code", "invalid_rulebook"},
                               {"message", i18n::localize(call.caller.lang, error.text())},
                               {"errors", nlohmann::json::parse(app::problems_json(*error.problems(), root))}}}};
    return json_response(422, answer);
}

/// Runs `body`; a rulebook that does not load answers 422 with its diagnostics.
template <class Body> HttpResponse loading(const Call& call, const app::DraftRulebook& draft, Body&& body) {
    try {
        return body();
    } catch (const app::Error& e) {
        if (e.kind() != app::ErrorKind::Invalid || !e.problems()) throw;
        return invalid_rulebook(call, e, app::normalised_draft(draft).front().path);
    }
}

HttpResponse adoptions(const Call& call) {
    return json_text_response(200, app::adoptions_json(app::list_adoptions(call.operation<app::RulebooksRequest>())));
}

HttpResponse adopt(const Call& call) {
    auto r = call.operation<app::AdoptRequest>();
    r.year = year_param(call);
    r.draft = draft_of(call.request);
    return loading(call, *r.draft, [&] {
        const app::AdoptResult result = app::adopt(r);
        const rules::Rulebook& rulebook = result.rulebook.rulebook;
        nlohmann::json answer = {
            {"no", result.outcome.no},
            {"year", r.year},
            {"rulebook", {{"id", rulebook.id}, {"version", rulebook.version}, {"sha256", rulebook.sha256}}},
            {"identical", result.outcome.identical},
            {"warnings", nlohmann::json::parse(app::problems_json(*result.rulebook.problems, r.draft->front().path))}};
        return json_response(result.outcome.identical ? 200 : 201, answer);
    });
}

HttpResponse check(const Call& call) {
    auto r = call.operation<app::CheckRequest>();
    r.draft = draft_of(call.request);
    return json_text_response(200, app::check_json(app::check(r)));
}

/// The query's basis (all, self or inspected; default all).
engine::Basis basis_of(const HttpRequest& request) {
    const auto text = request.param("basis");
    if (!text || text->empty()) return engine::Basis::All;
    if (const auto basis = inspections::parse_basis(*text)) return *basis;
    throw ApiError{400, "bad_request", core::T_("basis must be all, self or inspected")};
}

HttpResponse diff(const Call& call) {
    auto r = call.operation<app::DiffRequest>();
    r.year = year_param(call);
    r.basis = basis_of(call.request);
    if (const auto category = call.request.param("category"); category && !category->empty())
        r.category = std::string(*category);
    r.with_draft = draft_of(call.request);
    return loading(call, *r.with_draft,
                   [&] { return json_text_response(200, engine::render_diff_json(app::diff(r).diff)); });
}

}  // namespace

std::vector<Api::Route> rulebook_routes() {
    return {
        {"GET", "/api/v1/rulebooks", false, false, adoptions},
        {"PUT", "/api/v1/years/{year}/rulebook", false, false, adopt},
        {"POST", "/api/v1/check", false, false, check},
        {"POST", "/api/v1/years/{year}/diff", false, false, diff},
    };
}

}  // namespace parscore::server
