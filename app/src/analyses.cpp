#include "parscore/app/analyses.hpp"

#include "log.hpp"
#include "parscore/app/access.hpp"
#include "parscore/app/outputs.hpp"
#include "parscore/app/store.hpp"

namespace parscore::app {

namespace {

engine::EvaluationRequest evaluation_request(const AnalysisRequest& r, const std::optional<std::string>& category) {
    check_year(r.year);
    engine::EvaluationRequest request;
    request.year = r.year;
    request.basis = r.basis;
    request.category = category;
    request.compare_previous = false;
    return request;
}

/// Runs `body`, turning a unit or category the evaluation cannot show into an Invalid error.
template <class F> auto covered(F&& body) {
    try {
        return body();
    } catch (const engine::NotCovered& e) {
        throw Error(ErrorKind::Invalid, e.text);
    }
}

}  // namespace

ExplainResult explain(const ExplainRequest& r) {
    engine::EvaluationRequest request = evaluation_request(r, std::nullopt);
    request.compare_previous = true;
    request.unit = r.unit;
    inspections::Store store = open_store(r, inspections::OpenMode::ReadOnly);
    translating_store_errors([&] { Access::of(r, store).require_on_unit(Action::ReadEvaluation, r.unit); });
    ExplainResult result{rulebook_for(r.rules, r.year, store), {}};
    refuse_output_over_inputs("--out", r.out, {&result.rulebook.problems->sources}, &r.database);
    result.explanation = covered([&] {
        return engine::explain(result.rulebook.rulebook, result.rulebook.problems->sources, store, request,
                               r.criterion);
    });
    log_info(r, "unit {} explained", r.unit);
    return result;
}

SummaryResult summary(const SummaryRequest& r) {
    require_file_for_xlsx(r.format, r.out);
    const engine::EvaluationRequest request = evaluation_request(r, std::nullopt);  // a bad year is found first
    inspections::Store store = open_store(r, inspections::OpenMode::ReadOnly);
    translating_store_errors([&] { Access::of(r, store).require_everywhere(Action::ReadEvaluation); });
    SummaryResult result{rulebook_for(r.rules, r.year, store), {}};
    refuse_output_over_inputs("--out", r.out, {&result.rulebook.problems->sources}, &r.database);
    result.summary = engine::summarize(result.rulebook.rulebook, store, request);
    return result;
}

GapResult gap(const GapRequest& r) {
    refuse_bom_unless_csv(r.bom, r.format);
    const engine::EvaluationRequest request = evaluation_request(r, r.category);  // a bad year is found first
    inspections::Store store = open_store(r, inspections::OpenMode::ReadOnly);
    translating_store_errors([&] { Access::of(r, store).require_everywhere(Action::ReadEvaluation); });
    GapResult result{rulebook_for(r.rules, r.year, store), {}};
    refuse_output_over_inputs("--out", r.out, {&result.rulebook.problems->sources}, &r.database);
    result.report = covered([&] { return engine::gap(result.rulebook.rulebook, store, request); });
    return result;
}

DiffResult diff(const DiffRequest& r) {
    const engine::EvaluationRequest request = evaluation_request(r, r.category);
    inspections::Store store = open_store(r, inspections::OpenMode::ReadOnly);
    translating_store_errors([&] { Access::of(r, store).require_everywhere(Action::DraftRules); });
    LoadedRulebook before = rulebook_for(r.rules, r.year, store);
    LoadedRulebook after = r.with_draft ? load_draft_rulebook(*r.with_draft) : load_rulebook(r.with);
    refuse_output_over_inputs("--out", r.out, {&before.problems->sources, &after.problems->sources}, &r.database);
    engine::RulebookDiff d = covered(
        [&] { return engine::diff_rulebooks(before.rulebook, after.rulebook, store, request); });
    return DiffResult{std::move(before), std::move(after), std::move(d)};
}

}  // namespace parscore::app
