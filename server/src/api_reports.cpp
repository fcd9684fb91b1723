// Recording and amending reports sent as JSON or YAML (docs/api.md, "Inspections"): the
// operations validate them as `record` and `amend` do; a rejected report answers 422 with each
// error's code, message and JSON pointer (for JSON) or line and column (for YAML).
#include "api_reports.hpp"
#include "report_errors.hpp"

#include <cctype>

#include "json_report.hpp"
#include "parscore/app/recording.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/inspections/codes.hpp"

namespace parscore::server {

namespace {

/// The report a request carries, as YAML text; for a JSON report, with its pointers.
struct SentReport {
    std::string yaml;
    std::optional<ReportYaml> json;
    std::optional<std::string> client_id;
};

std::string media_type(const HttpRequest& request) {
    std::string type(request.header("content-type").value_or(""));
    type = type.substr(0, type.find(';'));
    while (!type.empty() && type.back() == ' ') type.pop_back();
    for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return type;
}

bool is_yaml(const std::string& type) {
    return type == "application/yaml" || type == "application/x-yaml" || type == "text/yaml";
}

SentReport json_report(const JsonNode& report, const std::string& prefix, bool with_client_id) {
    SentReport sent;
    if (with_client_id && report.kind == JsonNode::Kind::Object) {
        if (const JsonNode* id = report.find("client_id")) {
            if (id->kind != JsonNode::Kind::String)
                throw ApiError{400, "bad_request", core::T_("client_id must be a UUID written as a string")};
            sent.client_id = id->text;
        }
    }
    sent.json = report_yaml(report, prefix, with_client_id ? "client_id" : "");
    sent.yaml = sent.json->text;
    return sent;
}

/// POST /inspections: a JSON report (with an optional client_id member), or YAML text (with an
/// optional ?client_id=).
SentReport posted_report(const HttpRequest& request) {
    const std::string type = media_type(request);
    if (is_yaml(type)) {
        SentReport sent;
        sent.yaml = request.body;
        if (const auto id = request.param("client_id")) sent.client_id = std::string(*id);
        return sent;
    }
    if (type != "application/json") {
        throw ApiError{415, "unsupported_media_type",
                       core::T_("send the report as application/json or application/yaml")};
    }
    return json_report(parse_json_document(request.body), "", true);
}

nlohmann::json error_entry(const core::Diagnostic& d, const SentReport& sent, const app::Problems& problems,
                           i18n::Language lang) {
    nlohmann::json e = {{"code", d.code},
                        {"message", d.text.empty() ? d.message : i18n::localize(lang, d.text)},
                        {"severity", core::severity_name(d.severity)}};
    if (!d.span) return e;
    if (sent.json) {
        e["pointer"] = report_pointer(d, *sent.json);
    } else {
        const core::Location at = problems.sources.file(d.span->file).location(d.span->begin);
        e["line"] = at.line;
        e["column"] = at.column;
    }
    return e;
}

HttpResponse invalid_report(const app::Problems& problems, const SentReport& sent, i18n::Language lang) {
    nlohmann::json errors = nlohmann::json::array();
    for (const core::Diagnostic& d : problems.diagnostics) errors.push_back(error_entry(d, sent, problems, lang));
    return json_response(422, {{"error",
                                {{"code", "invalid_report"},
                                 {"message", i18n::localize(lang, core::T_("the report has errors"))},
                                 {"errors", std::move(errors)}}}});
}

}  // namespace

std::string report_pointer(const core::Diagnostic& d, const ReportYaml& yaml) {
    std::string pointer = yaml.pointer_at(d.span->begin);
    // A missing field points where it belongs, inside its record.
    if (d.code == inspections::code::kMissingField) {
        for (const core::TextArg& a : d.text.args) {
            if (a.name == "field" && a.value.size() >= 2) pointer += "/" + a.value.substr(1, a.value.size() - 2);
        }
    }
    return pointer;
}

HttpResponse record_inspection(const Call& call) {
    const SentReport sent = posted_report(call.request);
    auto r = call.operation<app::RecordReportRequest>();
    r.report = {"report", sent.yaml};
    r.client_id = sent.client_id;
    const app::RecordReportResult result = app::record_report(r);
    if (!result.id) return invalid_report(result.problems, sent, call.caller.lang);
    HttpResponse answer = json_response(result.resent ? 200 : 201, {{"id", *result.id}});
    answer.set_header("Location", "/api/v1/inspections/" + *result.id);
    return answer;
}

HttpResponse amend_inspection(const Call& call) {
    if (media_type(call.request) != "application/json")
        throw ApiError{415, "unsupported_media_type", core::T_("send the body as application/json")};
    const JsonNode body = parse_json_document(call.request.body);
    const JsonNode* report = body.find("report");
    const JsonNode* reason = body.find("reason");
    if (body.kind != JsonNode::Kind::Object || !report || !reason || reason->kind != JsonNode::Kind::String ||
        reason->text.empty()) {
        throw ApiError{400, "bad_request",
                       core::T_("send {\"report\": the corrected report, \"reason\": why the findings change}")};
    }
    SentReport sent;
    if (report->kind == JsonNode::Kind::String) sent.yaml = report->text;  // the YAML text itself
    else sent = json_report(*report, "/report", false);
    auto r = call.operation<app::AmendRequest>();
    r.id = call.param("id");
    r.report = "report";
    r.report_text = sent.yaml;
    r.reason = reason->text;
    const app::AmendResult result = app::amend(r);
    if (!result.outcome) return invalid_report(result.problems, sent, call.caller.lang);
    return json_response(200, {{"id", r.id},
                               {"revision", result.outcome->revision},
                               {"changed", !result.outcome->identical}});
}

}  // namespace parscore::server
