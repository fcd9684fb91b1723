// The year's summary and gap (as `summary`/`gap --format json`), the ranking's reports as
// downloads (`rank --format csv|xlsx|html`) and the yearly report (`report --format html|pdf`),
// docs/api.md, "Results".
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "api_results.hpp"
#include "parscore/app/analyses.hpp"
#include "parscore/app/store.hpp"
#include "parscore/app/yearly_report.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/reports/report.hpp"
#include "parscore/reports/report_html.hpp"
#include "parscore/reports/report_xlsx.hpp"

namespace parscore::server {

namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

template <class R> R analysis_request(const Call& call) {
    auto r = call.operation<R>();
    r.year = year_of(call);
    r.basis = basis_of(call);
    r.format = app::Format::Json;
    return r;
}

HttpResponse summary(const Call& call) {
    const app::SummaryResult result = app::summary(analysis_request<app::SummaryRequest>(call));
    return bytes_response(engine::render_summary_json(result.summary), kJson);
}

HttpResponse gap(const Call& call) {
    const app::GapResult result = app::gap(analysis_request<app::GapRequest>(call));
    return bytes_response(engine::render_gap_json(result.report), kJson);
}

/// The workbook's bytes: it is written to a file of its own, read back and removed.
std::string workbook(const rules::Rulebook& rulebook, const engine::Evaluation& evaluation,
                     const engine::Summary& summary, i18n::Language lang) {
    namespace fs = std::filesystem;
    std::string pattern = (fs::temp_directory_path() / "parscore-xlsx-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        throw app::Error(app::ErrorKind::Io, core::T_("cannot make a temporary folder for the workbook"));
    const fs::path dir = pattern;
    const fs::path path = dir / "ranking.xlsx";
    std::string bytes;
    try {
        engine::write_xlsx(rulebook, evaluation, &summary, path, lang);
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        bytes = text.str();
    } catch (const engine::WorkbookError& e) {
        fs::remove_all(dir);
        throw app::Error(app::ErrorKind::Io, e.text);
    }
    fs::remove_all(dir);
    return bytes;
}

HttpResponse report(const Call& call) {
    const std::string& format = call.param("format");
    if (format != "csv" && format != "xlsx" && format != "html")
        throw ApiError{404, "not_found", core::T_("no such resource")};
    const int year = year_of(call);
    const engine::Basis basis = basis_of(call);
    ResultsRead read(call);
    const auto results = read.results(call, year, basis);
    const rules::Rulebook& rulebook = results->rulebook->rulebook;
    const std::optional<std::string> category = read.category(call, rulebook);
    const engine::Evaluation evaluation = results->evaluation(
        [&](const engine::UnitResult& u) { return (!category || u.category == *category) && read.visible(u.id); });
    const std::string name = "ranking-" + std::to_string(year);
    HttpResponse answer;
    if (format == "csv") {
        answer = bytes_response(engine::render_csv(rulebook, evaluation, false), "text/csv; charset=utf-8");
    } else {
        engine::EvaluationRequest request;
        request.year = year;
        request.basis = basis;
        engine::Summary summary;
        app::translating_store_errors([&] { summary = engine::summarize(rulebook, read.store, request); });
        if (format == "html") {
            answer = bytes_response(engine::render_html(rulebook, evaluation, &summary, true, call.caller.lang),
                                    "text/html; charset=utf-8");
        } else {
            answer = bytes_response(workbook(rulebook, evaluation, summary, call.caller.lang),
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
    }
    answer.set_header("Content-Disposition", "attachment; filename=\"" + name + "." + format + "\"");
    return answer;
}

HttpResponse yearly_report(const Call& call) {
    const std::string& format = call.param("format");
    if (format != "html" && format != "pdf") throw ApiError{404, "not_found", core::T_("no such resource")};
    auto request = call.operation<app::YearlyReportRequest>();
    request.year = year_of(call);
    request.basis = basis_of(call);
    request.format = format == "pdf" ? app::Format::Pdf : app::Format::Html;
    request.lang = call.caller.lang;
    if (call.config.report_config) request.config = call.config.report_config->string();
    const app::YearlyReport report = app::yearly_report(request);
    HttpResponse answer = bytes_response(report.bytes,
                                         format == "pdf" ? "application/pdf" : "text/html; charset=utf-8");
    answer.set_header("Content-Disposition",
                      "attachment; filename=\"yearly-report-" + std::to_string(request.year) + "." + format + "\"");
    return answer;
}

}  // namespace

std::vector<Api::Route> download_routes() {
    return {
        {"GET", "/api/v1/years/{year}/summary", false, false, summary},
        {"GET", "/api/v1/years/{year}/gap", false, false, gap},
        {"GET", "/api/v1/years/{year}/report.{format}", false, false, report},
        {"GET", "/api/v1/years/{year}/yearly-report.{format}", false, false, yearly_report},
    };
}

}  // namespace parscore::server
