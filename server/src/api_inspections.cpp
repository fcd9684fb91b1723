// The inspections (docs/api.md, "Inspections"): listing and reading them, moving them through
// review, comments. Every permission is the operations'; what an account may not read answers 404
// like an unknown id.
#include <charconv>

#include "api_attachments.hpp"
#include "api_internal.hpp"
#include "api_reports.hpp"
#include "api_template.hpp"
#include "parscore/app/inspections.hpp"
#include "parscore/app/review.hpp"
#include "parscore/app/workflow.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/inspections_json.hpp"

namespace parscore::server {

namespace {

namespace ins = parscore::inspections;

/// A JSON text made by the writers the command line uses, as an answer.
HttpResponse json_text_response(int status, std::string text) {
    HttpResponse r = json_response(status, nullptr);
    r.body = std::move(text);
    return r;
}

std::optional<int> year_param(const HttpRequest& request) {
    const auto text = request.param("year");
    if (!text) return std::nullopt;
    int year = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), year);
    if (ec != std::errc() || end != text->data() + text->size() || year < 1 || year > 9999)
        throw ApiError{400, "bad_request", core::T_("year must be a number from 1 to 9999")};
    return year;
}

HttpResponse list(const Call& call) {
    auto r = call.operation<app::InspectionsRequest>();
    if (const auto unit = call.request.param("unit")) r.unit = std::string(*unit);
    r.year = year_param(call.request);
    std::optional<ins::Status> status;
    if (const auto text = call.request.param("status")) {
        status = ins::parse_status(*text);
        if (!status)
            throw ApiError{400, "bad_request", core::T_("status must be one of draft, submitted, returned, locked")};
    }
    std::vector<ins::InspectionSummary> rows = app::list_inspections(r);
    if (status) std::erase_if(rows, [&](const ins::InspectionSummary& s) { return s.status != *status; });
    return json_text_response(200, engine::inspections_json(rows));
}

HttpResponse show(const Call& call) {
    auto r = call.operation<app::ShowRequest>();
    r.id = call.param("id");
    return json_text_response(200, engine::inspection_json(app::show_inspection(r).inspection));
}

HttpResponse moved(const std::string& id, ins::Status status) {
    return json_response(200, {{"id", id}, {"status", ins::status_name(status)}});
}

HttpResponse submit(const Call& call) {
    auto r = call.operation<app::MoveRequest>();
    r.ids = {call.param("id")};
    return moved(app::submit(r).ids.at(0), ins::Status::Submitted);
}

HttpResponse lock(const Call& call) {
    auto r = call.operation<app::MoveRequest>();
    r.ids = {call.param("id")};
    return moved(app::lock(r).ids.at(0), ins::Status::Locked);
}

/// A text member of the body; 400 naming it when it is absent or not a string.
std::string text_member(const Call& call, const char* name) {
    const nlohmann::json body = json_body(call.request);
    const auto it = body.find(name);
    if (it == body.end() || !it->is_string())
        throw ApiError{400, "bad_request", core::T_("the body needs \"{name}\" as a text", {{"name", name}})};
    return it->get<std::string>();
}

HttpResponse return_to_team(const Call& call) {
    auto r = call.operation<app::ReturnRequest>();
    r.comment = text_member(call, "comment");
    r.id = call.param("id");
    const app::ReviewResult result = app::return_inspection(r);
    return json_response(200, {{"id", result.id},
                               {"status", ins::status_name(ins::Status::Returned)},
                               {"revision", result.revision}});
}

HttpResponse add_comment(const Call& call) {
    auto r = call.operation<app::CommentRequest>();
    r.text = text_member(call, "text");
    r.id = call.param("id");
    const app::ReviewResult result = app::comment(r);
    return json_response(201, {{"id", result.id}, {"revision", result.revision}});
}

}  // namespace

std::vector<Api::Route> inspection_routes() {
    return {
        {"GET", "/api/v1/inspections", false, false, list},
        {"POST", "/api/v1/inspections", false, false, record_inspection},
        {"GET", "/api/v1/inspections/{id}", false, false, show},
        {"POST", "/api/v1/inspections/{id}/amend", false, false, amend_inspection},
        {"POST", "/api/v1/inspections/{id}/submit", false, false, submit},
        {"POST", "/api/v1/inspections/{id}/lock", false, false, lock},
        {"POST", "/api/v1/inspections/{id}/return", false, false, return_to_team},
        {"POST", "/api/v1/inspections/{id}/comments", false, false, add_comment},
        {"PUT", "/api/v1/inspections/{id}/attachments/{name}", false, false, put_attachment, kAttachmentLimit},
        {"GET", "/api/v1/inspections/{id}/attachments/{sha256}", false, false, get_attachment},
        {"GET", "/api/v1/years/{year}/template", false, false, report_template},
    };
}

}  // namespace parscore::server
