// One unit's score, following docs/reference/scoring.md step by step.
#include "parscore/scoring/scorer.hpp"

#include <algorithm>
#include <cassert>
#include <optional>
#include <stdexcept>
#include <string>

#include "codes.hpp"
#include "parscore/core/parallel.hpp"

namespace parscore::engine {

namespace {

using core::Value;

Decimal zero() { return Decimal{}; }

/// An int or number as a decimal; nullopt for an int beyond the decimal range (|x| >= 10^18).
std::optional<Decimal> to_decimal(const Value& v) {
    return v.tag() == Value::Tag::Int ? Decimal::from_int(v.as_int()) : std::optional<Decimal>(v.as_number());
}

/// A step of a unit's totals that adds one item at a time.
enum class Step { Maximum, CriteriaPoints, Deductions, Bonuses };

/// "the {step} adding {item} 'id'", one whole message per step.
core::Text adding(Step step, const std::string& id) {
    switch (step) {
        case Step::Maximum: return core::T_("unit's maximum adding criterion '{id}'", {{"id", id}});
        case Step::CriteriaPoints: return core::T_("sum of criteria points adding criterion '{id}'", {{"id", id}});
        case Step::Deductions: return core::T_("sum of deductions adding deduction '{id}'", {{"id", id}});
        case Step::Bonuses: return core::T_("sum of bonuses adding bonus '{id}'", {{"id", id}});
    }
    return {};
}

/// The first step of a unit's totals whose exact result left the decimal range (|x| >= 10^18):
/// the unit is then incomplete, its reason naming the step and the item being added, rather
/// than scored on a figure that silently dropped a term. Names are only built on failure.
class RangeCheck {
public:
    /// a + b, or `a` with the failure recorded.
    Decimal add(Decimal a, Decimal b, Step step, const std::string& id) {
        if (auto sum = Decimal::add(a, b)) return *sum;
        if (!failed()) fail(adding(step, id));
        return a;
    }
    void fail(core::Text what) {
        if (!failed()) first_ = std::move(what);
    }
    bool failed() const { return !first_.empty(); }
    core::Text reason() const {
        return core::T_("the {what} is out of the decimal range (|x| must stay below 10^18)",
                        {core::part("what", first_)});
    }

private:
    core::Text first_;
};

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
            if (auto d = to_decimal(*v)) {  // an int beyond the decimal range is shown as no measure
                m.kind = Measure::Kind::Number;
                m.number = *d;
            }
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
// An int beyond the decimal range counts as its cap or 0, or fails the range check when uncapped.
AdjustmentResult adjustment(const Value& v, const rules::Adjustment& a, bool bonus, UnitResult& result,
                            RangeCheck& range) {
    AdjustmentResult r;
    if (v.is_missing()) {
        r.missing = true;
        result.warnings.push_back(
            make_warning(code::kAdjustmentMissing, a.id,
                         bonus ? core::T_("the bonus '{id}' is missing and counts 0", {{"id", a.id}})
                               : core::T_("the deduction '{id}' is missing and counts 0", {{"id", a.id}})));
        return r;
    }
    std::optional<Decimal> p = to_decimal(v);
    if (!p && v.as_int() < 0) p = zero();
    if (a.cap && (!p || *p > *a.cap)) p = *a.cap;
    if (!p) {
        const std::string value = std::to_string(v.as_int());
        range.fail(bonus ? core::T_("value of bonus '{id}' ({value})", {{"id", a.id}, {"value", value}})
                         : core::T_("value of deduction '{id}' ({value})", {{"id", a.id}, {"value", value}}));
        return r;
    }
    r.points = std::max(*p, zero());
    return r;
}

/// points and total (docs/reference/scoring.md, "Totals") of a unit whose sums are in range;
/// false, with the step recorded, when an intermediate result is not.
bool total_of(Decimal criteria_points, Decimal scale, UnitResult& r, RangeCheck& range) {
    const std::optional<Decimal> gross = Decimal::add(criteria_points, r.bonus);
    if (!gross) {
        range.fail(core::T_("sum of criteria points and bonuses"));
        return false;
    }
    // Both terms are in [0, 10^18), so their difference is in range.
    const std::optional<Decimal> net = Decimal::sub(*gross, r.deduct);
    assert(net);
    const Decimal points = std::clamp(*net, zero(), r.max);
    const std::optional<Decimal> scaled = Decimal::mul(points, scale);
    if (!scaled) {
        range.fail(core::T_("product of points and scale ({product})",
                            {{"product", points.to_string() + " × " + scale.to_string()}}));
        return false;
    }
    // points <= max, so the quotient is about scale at most, yet its rounding can reach 10^18.
    const std::optional<Decimal> total = Decimal::div(*scaled, r.max);
    if (!total) {
        range.fail(core::T_("total ({quotient})", {{"quotient", scaled->to_string() + " ÷ " + r.max.to_string()}}));
        return false;
    }
    r.points = points;
    r.total = total->round(2);
    return true;
}

void check_evidence_shape(const rules::Rulebook& rulebook, const dsl::UnitInfo& unit,
                          const core::UnitEvidence& evidence) {
    // The evaluator indexes the evidence by the schema's kinds: evidence shaped for another
    // schema is a caller's mistake, reported rather than read out of bounds.
    const std::size_t kinds = rulebook.evidence.kinds.size();
    if (evidence.tables.size() != kinds || evidence.facts.size() != kinds || evidence.checked.size() != kinds) {
        throw std::invalid_argument("the evidence of unit '" + std::string(unit.id) + "' has " +
                                    std::to_string(evidence.tables.size()) + " kinds, the rulebook's schema " +
                                    std::to_string(kinds));
    }
}

UnitResult empty_result(const dsl::UnitInfo& unit, const rules::Rulebook& rulebook, std::size_t criteria) {
    UnitResult r;
    r.id = std::string(unit.id);
    r.name = std::string(unit.name);
    r.category = std::string(unit.category);
    r.criteria.reserve(criteria);
    r.groups.reserve(rulebook.groups.size());
    r.deductions.reserve(rulebook.deductions.size());
    r.bonuses.reserve(rulebook.bonuses.size());
    return r;
}

/// The unit's running sums over its criteria, and the first failure met on the way.
struct UnitSums {
    Decimal criteria_points;
    std::string error_criterion;
    RangeCheck range;
};

/// Status and points of an applicable criterion from its value `v`: on_missing for a missing
/// value, clamping to [0, max] otherwise.
void settle_criterion(const rules::Criterion& c, const Value& v, CriterionResult& cr, UnitResult& r,
                      std::string& error_criterion) {
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
        return;
    }
    // An int beyond the decimal range is clamped like any value outside [0, max].
    const std::optional<Decimal> p = to_decimal(v);
    cr.points = p;
    if (!p || *p < zero() || *p > c.max) {
        const bool below = p ? *p < zero() : v.as_int() < 0;
        cr.points = below ? zero() : c.max;
        r.warnings.push_back(
            make_warning(code::kPointsClamped, c.id,
                         core::T_("points {points} of '{id}' clamped to {to} (the criterion's range is 0 to {max})",
                                  {{"points", p ? p->to_string() : std::to_string(v.as_int())},
                                   {"id", c.id},
                                   {"to", cr.points->to_string()},
                                   {"max", c.max.to_string()}})));
    }
}

/// One group's criteria, each appended to r.criteria. `eval` runs an expression for the unit;
/// `subject` gives the measure the last run looked at.
template <class Eval, class Subject> GroupResult score_group(const rules::Group& g, UnitResult& r, UnitSums& sums,
                                                             const Eval& eval, const Subject& subject) {
    GroupResult group;
    bool group_error = false;
    Decimal group_points;
    for (const rules::Criterion& c : g.criteria) {
        CriterionResult cr;
        const bool applies = c.applies_to.empty() ||
                             std::find(c.applies_to.begin(), c.applies_to.end(), r.category) != c.applies_to.end();
        if (!applies) {
            cr.status = CriterionStatus::Exempt;
            r.criteria.push_back(std::move(cr));
            continue;
        }
        Value v = eval(c.points, c.id);
        cr.measure = subject();
        settle_criterion(c, v, cr, r, sums.error_criterion);
        if (cr.status == CriterionStatus::Error) group_error = true;
        // Unit sums are taken criterion by criterion: a group's sums are parts of them, so
        // they stay in range whenever the unit's do.
        if (cr.status != CriterionStatus::Exempt) {
            group.max = sums.range.add(group.max, c.max, Step::Maximum, c.id);
            r.max = sums.range.add(r.max, c.max, Step::Maximum, c.id);
        }
        if (cr.points) {
            group_points = sums.range.add(group_points, *cr.points, Step::CriteriaPoints, c.id);
            sums.criteria_points = sums.range.add(sums.criteria_points, *cr.points, Step::CriteriaPoints, c.id);
        }
        r.criteria.push_back(std::move(cr));
    }
    if (!group_error) group.points = group_points;
    return group;
}

/// §4.4: deductions and bonuses, each capped; the deduction pool capped.
template <class Eval>
void score_adjustments(const rules::Rulebook& rulebook, UnitResult& r, RangeCheck& range, const Eval& eval) {
    for (const rules::Adjustment& d : rulebook.deductions) {
        r.deductions.push_back(adjustment(eval(d.points, d.id), d, false, r, range));
        r.deduct = range.add(r.deduct, r.deductions.back().points, Step::Deductions, d.id);
    }
    if (rulebook.deduction_cap && r.deduct > *rulebook.deduction_cap) r.deduct = *rulebook.deduction_cap;
    for (const rules::Adjustment& b : rulebook.bonuses) {
        r.bonuses.push_back(adjustment(eval(b.points, b.id), b, true, r, range));
        r.bonus = range.add(r.bonus, r.bonuses.back().points, Step::Bonuses, b.id);
    }
}

/// Band caps are evaluated for every unit (explanations list them), but only bind complete ones.
template <class Eval> void add_holding_caps(const rules::Rulebook& rulebook, UnitResult& r, const Eval& eval) {
    for (std::size_t i = 0; i < rulebook.band_caps.size(); ++i) {
        const rules::BandCap& cap = rulebook.band_caps[i];
        Value v = eval(cap.when, cap.id);
        if (v.is_missing()) {
            r.warnings.push_back(
                make_warning(code::kCapMissing, cap.id,
                             core::T_("the condition of band cap '{id}' is missing, so it does not hold",
                                      {{"id", cap.id}})));
        } else if (v.as_bool()) {
            r.caps.push_back(CapResult{i, false});
        }
    }
}

/// The first reason, in order, that leaves the unit without a total.
void mark_incomplete(UnitResult& r, const UnitSums& sums) {
    if (!sums.error_criterion.empty()) {
        set_incomplete(r, core::T_("criterion '{id}' has no points (its evidence is missing and on_missing is error)",
                                   {{"id", sums.error_criterion}}));
    } else if (sums.range.failed()) {
        set_incomplete(r, sums.range.reason());
    } else if (r.max.is_zero()) {
        set_incomplete(r, core::T_("no criterion applies to this unit (its maximum is 0)"));
    }
}

/// The band from the total (the first whose min it reaches, else the last), then the caps that hold.
void place_in_band(const rules::Rulebook& rulebook, UnitResult& r) {
    const auto& bands = rulebook.bands;
    r.band_from_total = static_cast<int>(bands.size()) - 1;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        if (bands[i].min <= *r.total) {
            r.band_from_total = static_cast<int>(i);
            break;
        }
    }
    r.band_after_caps = r.band_from_total;
    for (CapResult& cap : r.caps) {
        int at_most = static_cast<int>(rulebook.band_index(rulebook.band_caps[cap.cap].at_most).value_or(0));
        if (at_most > r.band_from_total) cap.applied = true;
        r.band_after_caps = std::max(r.band_after_caps, at_most);
    }
    r.band = r.band_after_caps;
}

}  // namespace

Warning make_warning(std::string code, std::string id, core::Text text) {
    std::string message = text.english();
    return Warning{std::move(code), std::move(id), std::move(message), std::move(text)};
}

void set_incomplete(UnitResult& r, core::Text why) {
    r.complete = false;
    r.reason = why.english();
    r.reason_text = std::move(why);
}

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
    for (const dsl::EvalWarning& w : evaluator_.warnings()) result.warnings.push_back({w.code, id, w.message, w.text});
    evaluator_.warnings().clear();
    return v;
}

UnitResult UnitScorer::score(const dsl::UnitInfo& unit, const core::UnitEvidence& evidence, int year,
                             dsl::Trace* trace) {
    check_evidence_shape(rulebook_, unit, evidence);
    evaluator_.set_trace(trace);
    input_ = dsl::EvalInput{&unit, year, &evidence};
    UnitResult r = empty_result(unit, rulebook_, criteria_);
    const auto eval = [this, &r](const dsl::Compiled& expr, const std::string& id) { return run(expr, id, r); };
    const auto subject = [this] { return measure_of(evaluator_.first_steps_subject()); };

    // §4.2–§4.3: criteria.
    UnitSums sums;
    for (const rules::Group& g : rulebook_.groups) r.groups.push_back(score_group(g, r, sums, eval, subject));
    score_adjustments(rulebook_, r, sums.range, eval);
    add_holding_caps(rulebook_, r, eval);
    evaluator_.set_trace(nullptr);

    mark_incomplete(r, sums);
    if (!r.complete) return r;
    if (!total_of(sums.criteria_points, rulebook_.scale, r, sums.range)) {
        set_incomplete(r, sums.range.reason());
        return r;
    }
    place_in_band(rulebook_, r);
    return r;
}

std::vector<UnitResult> score_units(const rules::Rulebook& rulebook, const std::vector<dsl::UnitInfo>& units,
                                    const std::vector<core::UnitEvidence>& evidence, int year, unsigned threads) {
    std::vector<UnitResult> results(units.size());
    if (threads == 0) threads = core::hardware_workers();
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, units.size() / 64)));
    // Workers take blocks of units in turn and score each unit into its own slot, so the output
    // never depends on scheduling; each has its own scorer (an evaluator is not shared).
    constexpr std::size_t kBlock = 128;
    std::vector<std::optional<UnitScorer>> scorers(threads);
    core::parallel_blocks(units.size(), kBlock, threads, [&](unsigned worker, std::size_t begin, std::size_t end) {
        std::optional<UnitScorer>& scorer = scorers[worker];
        if (!scorer) scorer.emplace(rulebook);
        for (std::size_t i = begin; i < end; ++i) results[i] = scorer->score(units[i], evidence[i], year);
    });
    return results;
}

}  // namespace parscore::engine
