#include "parscore/app/yearly_report.hpp"

#include "log.hpp"
#include "parscore/analyses/gap.hpp"
#include "parscore/analyses/summary.hpp"
#include "parscore/app/access.hpp"
#include "parscore/app/error.hpp"
#include "parscore/app/outputs.hpp"
#include "parscore/app/rulebook.hpp"
#include "parscore/app/store.hpp"
#include "parscore/scoring/year_evidence.hpp"
#include "parscore/yearly_report/document_html.hpp"
#include "parscore/yearly_report/document_pdf.hpp"
#include "parscore/yearly_report/draft.hpp"

namespace parscore::app {

namespace {

namespace yearly = engine::yearly;

yearly::ReportConfig read_config(const std::string& path, Problems& problems) {
    bool io_failure = false;
    auto config = yearly::read_report_config(path, problems.sources, problems.diagnostics, io_failure);
    if (config) return *config;
    auto shared = std::make_shared<Problems>(std::move(problems));
    if (io_failure)
        throw Error(ErrorKind::Io, core::T_("cannot read the report config '{path}'", {{"path", path}}), shared);
    throw Error(ErrorKind::Invalid, core::T_("the report config '{path}' has errors", {{"path", path}}), shared);
}

std::optional<yearly::ReportConfig> config_of(const YearlyReportRequest& r, Problems& problems) {
    if (!r.config) return std::nullopt;
    return read_config(*r.config, problems);
}

/// The year's inspections that count as carried out: submitted or locked.
std::vector<inspections::InspectionSummary> carried_out(const inspections::Store& store, int year) {
    inspections::InspectionFilter filter;
    filter.year = year;
    std::vector<inspections::InspectionSummary> all = store.inspections(filter);
    std::erase_if(all, [](const inspections::InspectionSummary& i) {
        return i.status != inspections::Status::Submitted && i.status != inspections::Status::Locked;
    });
    return all;
}

std::string render(const yearly::Document& document, Format format) {
    if (format == Format::Html) return yearly::render_document_html(document);
    try {
        return yearly::render_document_pdf(document);
    } catch (const std::runtime_error& e) {
        throw Error(ErrorKind::Internal, e.what());
    }
}

}  // namespace

void check_report_config(const std::string& path) {
    Problems problems;
    read_config(path, problems);
}

YearlyReport yearly_report(const YearlyReportRequest& r) {
    if (r.format != Format::Html && r.format != Format::Pdf)
        throw Error(ErrorKind::BadRequest, core::T_("the yearly report is written as html or pdf"));
    check_year(r.year);
    Problems config_problems;
    const std::optional<yearly::ReportConfig> config = config_of(r, config_problems);  // before the database
    inspections::Store store = open_store(r, inspections::OpenMode::ReadOnly);
    translating_store_errors([&] { Access::of(r, store).require_everywhere(Action::DraftReport); });
    const LoadedRulebook loaded = rulebook_for(r.rules, r.year, store);
    refuse_output_over_inputs("--out", r.out, {&loaded.problems->sources, &config_problems.sources}, &r.database);
    const rules::Rulebook& rulebook = loaded.rulebook;

    engine::EvaluationRequest request;
    request.year = r.year;
    request.basis = r.basis;
    request.by_rank = true;
    YearlyReport report;
    try {
        // The year's evidence is read once for the ranking and the indicators, and the previous
        // year's publication once for the changes of rank and of bands.
        const inspections::EvidenceSet evidence = engine::load_year_evidence(rulebook, store, request);
        const std::optional<inspections::Publication> before = store.latest_publication(rulebook.id, r.year - 1,
                                                                                        r.basis);
        const engine::Evaluation evaluation = engine::evaluate_loaded(rulebook, evidence, request, before);
        const engine::Summary summary = engine::summarize(rulebook, evidence, r.year, r.basis);
        request.compare_previous = false;
        std::vector<inspections::InspectionSummary> inspections = carried_out(store, r.year);
        std::optional<engine::GapReport> gap;
        const bool self_assessed = std::any_of(inspections.begin(), inspections.end(), [](const auto& i) {
            return i.kind == inspections::InspectionKind::Self;
        });
        if (self_assessed) gap = engine::gap(rulebook, store, request);
        yearly::YearFigures figures{rulebook,     evaluation,
                                    summary,      gap ? &*gap : nullptr,
                                    std::nullopt, std::move(inspections)};
        if (before) figures.previous = yearly::previous_year(*before);
        report.bytes = render(yearly::draft_yearly_report(figures, config, r.lang), r.format);
        report.warnings = evaluation.warnings;
    } catch (const engine::NotCovered& e) {
        throw Error(ErrorKind::Invalid, e.text);
    }
    log_info(r, "yearly report of {} drafted ({} bytes)", r.year, report.bytes.size());
    return report;
}

}  // namespace parscore::app
