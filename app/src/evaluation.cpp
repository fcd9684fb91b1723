#include "parscore/app/evaluation.hpp"

#include <chrono>

#include "log.hpp"
#include "parscore/app/access.hpp"
#include "parscore/app/outputs.hpp"
#include "parscore/app/store.hpp"

namespace parscore::app {

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

/// An account sees the units it may read the results of: those in its scope, and an agency its own
/// unit only. Ranks and quotas were computed over every unit, so they stay what they are.
void keep_visible(const Access& access, engine::Evaluation& evaluation) {
    const bool own_unit_only = grant(*access.role(), Action::ReadEvaluation) == Grant::OwnUnit;
    std::erase_if(evaluation.units, [&](const engine::UnitResult& u) {
        return !access.in_scope(u.id) || (own_unit_only && u.id != access.account()->scope);
    });
}

EvaluationResult evaluate_year(const EvaluationRequest& r, const std::optional<std::string>& unit, bool ranking) {
    require_file_for_xlsx(r.format, r.out);
    refuse_bom_unless_csv(r.bom, r.format);
    check_year(r.year);
    const auto start = std::chrono::steady_clock::now();
    EvaluationResult result{load_rulebook(r.rules), {}, {}, {}};
    refuse_output_over_inputs("--out", r.out, {&result.rulebook.problems->sources}, &r.database);
    log_info(r, "rulebook {} loaded in {:.1f} ms", result.rulebook.rulebook.id, ms_since(start));
    engine::EvaluationRequest request;
    request.year = r.year;
    request.basis = r.basis;
    request.unit = unit;
    request.category = r.category;
    request.by_rank = ranking;
    request.threads = r.threads;
    inspections::Store store = open_store(r, inspections::OpenMode::ReadOnly);
    std::optional<Access> access;
    translating_store_errors([&] {
        access.emplace(Access::of(r, store));
        if (unit) {
            access->require_on_unit(Action::ReadEvaluation, *unit);
        } else {
            access->require(Action::ReadEvaluation);
        }
    });

    engine::Timings& timings = result.timings;
    try {
        result.evaluation = engine::evaluate(result.rulebook.rulebook, store, request, &timings);
    } catch (const engine::NotCovered& e) {
        throw Error(ErrorKind::Invalid, e.text);
    }
    if (!access->unrestricted()) keep_visible(*access, result.evaluation);
    timings.load_ms += ms_since(start) - timings.load_ms - timings.evaluate_ms - timings.rank_ms;
    log_info(r, "{} units of {} scored: load {:.1f} ms, evaluate {:.1f} ms, rank {:.1f} ms",
             result.evaluation.units.size(), r.year, timings.load_ms, timings.evaluate_ms, timings.rank_ms);
    if (r.format == Format::Html || r.format == Format::Xlsx) {
        const auto t0 = std::chrono::steady_clock::now();
        result.summary = engine::summarize(result.rulebook.rulebook, store, request);
        log_info(r, "summary computed in {:.1f} ms", ms_since(t0));
    }
    return result;
}

}  // namespace

EvaluationResult score(const ScoreRequest& request) { return evaluate_year(request, request.unit, false); }

EvaluationResult rank(const RankRequest& request) { return evaluate_year(request, std::nullopt, true); }

}  // namespace parscore::app
