// One unit's score, following SPEC §4.2–§4.4 step by step.
#include "parscore/scoring/scorer.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "codes.hpp"

namespace parscore::engine {

namespace {

using core::Value;

Decimal zero() { return Decimal{}; }

Decimal to_decimal(const Value& v) {
    return v.tag() == Value::Tag::Int ? Decimal::from_int(v.as_int()).value_or(Decimal{}) : v.as_number();
}

Measure measure_of(const std::optional<Value>& v) {
    Measure m;
    if (!v || v->is_missing()) return m;
    switch (v->tag()) {
        case Value::Tag::Bool:
            m.kind = Measure::Kind::Bool;
            m.boolean = v->as_bool();
            break;
        case Value::Tag::Int:
        case Value::Tag::Number:
            m.kind = Measure::Kind::Number;
            m.number = to_decimal(*v);
            break;
        case Value::Tag::Text:
            m.kind = Measure::Kind::Text;
            m.text = std::string(v->as_text());
            break;
        case Value::Tag::Date:
            m.kind = Measure::Kind::Date;
            m.text = core::format_date(v->as_date());
            break;
        default: break;
    }
    return m;
}

// max(0, min(points, cap)) of a deduction or bonus; a missing value counts 0 with a warning.
AdjustmentResult adjustment(const Value& v, const rules::Adjustment& a, const char* what, UnitResult& result) {
    AdjustmentResult r;
    if (v.is_missing()) {
        r.missing = true;
        result.warnings.push_back({code::kAdjustmentMissing, a.id, std::string("the ") + what + " '" + a.id + "' is missing and counts 0"});
        return r;
    }
    Decimal p = to_decimal(v);
    if (a.cap && p > *a.cap) p = *a.cap;
    r.points = std::max(p, zero());
    return r;
}

Decimal add(Decimal a, Decimal b) { return Decimal::add(a, b).value_or(a); }

}  // namespace

const char* status_name(CriterionStatus s) {
    switch (s) {
        case CriterionStatus::Scored: return "scored";
        case CriterionStatus::Missing: return "missing";
        case CriterionStatus::Exempt: return "exempt";
        case CriterionStatus::Error: return "error";
    }
    return "scored";
}

UnitScorer::UnitScorer(const rules::Rulebook& rulebook)
    : rulebook_(rulebook), evaluator_(*rulebook.program), criteria_(rulebook.criterion_count()) {}

Value UnitScorer::run(const dsl::Compiled& expr, const std::string& id, UnitResult& result) {
    Value v = evaluator_.evaluate(expr.root, input_);
    for (const dsl::EvalWarning& w : evaluator_.warnings()) result.warnings.push_back({w.code, id, w.message});
    evaluator_.warnings().clear();
    return v;
}

UnitResult UnitScorer::score(const dsl::UnitInfo& unit, const core::UnitEvidence& evidence, int year, dsl::Trace* trace) {
    evaluator_.set_trace(trace);
    input_ = dsl::EvalInput{&unit, year, &evidence};
    UnitResult r;
    r.id = std::string(unit.id);
    r.name = std::string(unit.name);
    r.category = std::string(unit.category);
    r.criteria.reserve(criteria_);
    r.groups.reserve(rulebook_.groups.size());
    r.deductions.reserve(rulebook_.deductions.size());
    r.bonuses.reserve(rulebook_.bonuses.size());

    // §4.2–§4.3: criteria.
    Decimal criteria_points;
    std::string error_criterion;
    for (const rules::Group& g : rulebook_.groups) {
        GroupResult group;
        bool group_error = false;
        Decimal group_points;
        for (const rules::Criterion& c : g.criteria) {
            CriterionResult cr;
            bool applies = c.applies_to.empty() ||
                           std::find(c.applies_to.begin(), c.applies_to.end(), r.category) != c.applies_to.end();
            if (!applies) {
                cr.status = CriterionStatus::Exempt;
                r.criteria.push_back(std::move(cr));
                continue;
            }
            Value v = run(c.points, c.id, r);
            cr.measure = measure_of(evaluator_.first_steps_subject());
            if (v.is_missing()) {
                if (c.on_missing == rules::OnMissing::Zero) {
                    cr.status = CriterionStatus::Missing;
                    cr.points = zero();
                } else if (c.on_missing == rules::OnMissing::Exempt) {
                    cr.status = CriterionStatus::Exempt;
                } else {
                    cr.status = CriterionStatus::Error;
                    if (error_criterion.empty()) error_criterion = c.id;
                }
            } else {
                Decimal p = to_decimal(v);
                if (p < zero() || p > c.max) {
                    Decimal clamped = p < zero() ? zero() : c.max;
                    r.warnings.push_back({code::kPointsClamped, c.id,
                                          "points " + p.to_string() + " of '" + c.id + "' clamped to " + clamped.to_string() +
                                              " (the criterion's range is 0 to " + c.max.to_string() + ")"});
                    p = clamped;
                }
                cr.points = p;
            }
            if (cr.status == CriterionStatus::Error) group_error = true;
            if (cr.status != CriterionStatus::Exempt) group.max = add(group.max, c.max);
            if (cr.points) group_points = add(group_points, *cr.points);
            r.criteria.push_back(std::move(cr));
        }
        if (!group_error) group.points = group_points;
        r.max = add(r.max, group.max);
        criteria_points = add(criteria_points, group_points);
        r.groups.push_back(group);
    }

    // §4.4: deductions and bonuses, each capped; the deduction pool capped.
    for (const rules::Adjustment& d : rulebook_.deductions) {
        r.deductions.push_back(adjustment(run(d.points, d.id, r), d, "deduction", r));
        r.deduct = add(r.deduct, r.deductions.back().points);
    }
    if (rulebook_.deduction_cap && r.deduct > *rulebook_.deduction_cap) r.deduct = *rulebook_.deduction_cap;
    for (const rules::Adjustment& b : rulebook_.bonuses) {
        r.bonuses.push_back(adjustment(run(b.points, b.id, r), b, "bonus", r));
        r.bonus = add(r.bonus, r.bonuses.back().points);
    }

    // Band caps are evaluated for every unit (explanations list them), but only bind complete ones.
    std::vector<std::size_t> holding;
    for (std::size_t i = 0; i < rulebook_.band_caps.size(); ++i) {
        const rules::BandCap& cap = rulebook_.band_caps[i];
        Value v = run(cap.when, cap.id, r);
        if (v.is_missing()) {
            r.warnings.push_back({code::kCapMissing, cap.id, "the condition of band cap '" + cap.id + "' is missing, so it does not hold"});
        } else if (v.as_bool()) {
            holding.push_back(i);
        }
    }
    evaluator_.set_trace(nullptr);

    if (!error_criterion.empty()) {
        r.complete = false;
        r.reason = "criterion '" + error_criterion + "' has no points (its evidence is missing and on_missing is error)";
    } else if (r.max.is_zero()) {
        r.complete = false;
        r.reason = "no criterion applies to this unit (its maximum is 0)";
    }
    for (std::size_t i : holding) r.caps.push_back(CapResult{i, false});
    if (!r.complete) return r;

    Decimal points = Decimal::sub(add(criteria_points, r.bonus), r.deduct).value_or(zero());
    points = std::clamp(points, zero(), r.max);
    r.points = points;
    auto scaled = Decimal::mul(points, rulebook_.scale).value_or(zero());
    r.total = Decimal::div(scaled, r.max).value_or(zero()).round(2);

    const auto& bands = rulebook_.bands;
    r.band_from_total = static_cast<int>(bands.size()) - 1;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        if (bands[i].min <= *r.total) {
            r.band_from_total = static_cast<int>(i);
            break;
        }
    }
    r.band_after_caps = r.band_from_total;
    for (CapResult& cap : r.caps) {
        int at_most = static_cast<int>(rulebook_.band_index(rulebook_.band_caps[cap.cap].at_most).value_or(0));
        if (at_most > r.band_from_total) cap.applied = true;
        r.band_after_caps = std::max(r.band_after_caps, at_most);
    }
    r.band = r.band_after_caps;
    return r;
}

std::vector<UnitResult> score_units(const rules::Rulebook& rulebook, const std::vector<dsl::UnitInfo>& units,
                                    const std::vector<core::UnitEvidence>& evidence, int year, unsigned threads) {
    std::vector<UnitResult> results(units.size());
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, units.size() / 64)));
    // Threads take blocks of units in turn from a shared counter and score each unit into its
    // own slot, so the output never depends on scheduling, and a thread that gets less of a
    // busy machine's time simply scores fewer blocks.
    constexpr std::size_t kBlock = 128;
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        UnitScorer scorer(rulebook);
        for (std::size_t begin; (begin = next.fetch_add(kBlock)) < units.size();) {
            const std::size_t end = std::min(units.size(), begin + kBlock);
            for (std::size_t i = begin; i < end; ++i) results[i] = scorer.score(units[i], evidence[i], year);
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    try {
        work();
    } catch (...) {
        next = units.size();  // the others stop after their current block
        for (auto& th : pool) th.join();
        throw;
    }
    for (auto& th : pool) th.join();
    return results;
}

}  // namespace parscore::engine
