// Indicators (docs/reference/scoring.md#indicators): evaluate each indicator's `of` once per covered unit and count.
#include "parscore/analyses/summary.hpp"

#include <algorithm>

#include "parscore/dsl/evaluator.hpp"
#include "parscore/scoring/year_evidence.hpp"

namespace parscore::engine {

namespace {

using core::Value;

IndicatorType type_of(const rules::Indicator& indicator) {
    if (indicator.is_ratio()) return IndicatorType::Ratio;
    switch (indicator.of.type.base) {
        case dsl::BaseType::Bool: return IndicatorType::Bool;
        case dsl::BaseType::Int: return IndicatorType::Int;
        default: return IndicatorType::Number;
    }
}

std::optional<Decimal> as_decimal(const Value& v) {
    return v.tag() == Value::Tag::Int ? Decimal::from_int(v.as_int()) : std::optional<Decimal>(v.as_number());
}

/// `total` + `d`, or null once either is null or the sum leaves the decimal range.
std::optional<Decimal> add_to(std::optional<Decimal> total, std::optional<Decimal> d) {
    return total && d ? Decimal::add(*total, *d) : std::nullopt;
}

// Running figures: the sum stays exact (every value is a 9-decimal number, and so is the sum)
// until it leaves the decimal range, after which it is unknown rather than wrong.
struct Tally {
    IndicatorFigures figures;
    bool overflow = false;
    std::optional<Decimal> of_sum = Decimal{}, over_sum = Decimal{};  // ratios; null out of range

    /// A ratio's unit: it counts only when both values are there, so Σ of and Σ over cover the
    /// same units.
    void add_pair(const Value& of, const Value& over) {
        if (of.is_missing() || over.is_missing()) {
            ++figures.no_value;
            return;
        }
        ++figures.with_value;
        of_sum = add_to(of_sum, as_decimal(of));
        over_sum = add_to(over_sum, as_decimal(over));
    }

    void add(const Value& v) {
        if (v.is_missing()) {
            ++figures.no_value;
            return;
        }
        ++figures.with_value;
        switch (v.tag()) {
            case Value::Tag::Bool:
                if (v.as_bool()) ++figures.holds;
                return;
            case Value::Tag::Int: add_number(Decimal::from_int(v.as_int())); return;
            case Value::Tag::Number: add_number(v.as_number()); return;
            default: return;
        }
    }

    void add_number(std::optional<Decimal> d) {
        if (overflow) return;
        std::optional<Decimal> s = d ? Decimal::add(figures.sum.value_or(Decimal{}), *d) : std::nullopt;
        if (!s) {
            overflow = true;
            return;
        }
        figures.sum = s;
    }

    IndicatorFigures finish(IndicatorType type) {
        IndicatorFigures f = figures;
        if (type == IndicatorType::Bool) return f;
        if (type == IndicatorType::Ratio) {
            f.of_sum = of_sum;
            f.over_sum = over_sum;
            if (of_sum && over_sum && !over_sum->is_zero()) f.ratio = Decimal::div(*of_sum, *over_sum);
            return f;
        }
        if (overflow) {
            f.sum.reset();
            return f;
        }
        if (!f.sum) f.sum = Decimal{};
        if (f.with_value > 0) {
            f.mean = Decimal::div(*f.sum, *Decimal::from_int(static_cast<std::int64_t>(f.with_value)));
        }
        return f;
    }
};

}  // namespace

const char* indicator_type_name(IndicatorType t) {
    switch (t) {
        case IndicatorType::Bool: return "bool";
        case IndicatorType::Int: return "int";
        case IndicatorType::Number: return "number";
        case IndicatorType::Ratio: return "ratio";
    }
    return "number";
}

Summary summarize(const rules::Rulebook& rulebook, const inspections::EvidenceSet& evidence, int year, Basis basis) {
    Summary summary;
    summary.rulebook_id = rulebook.id;
    summary.rulebook_version = rulebook.version;
    summary.rulebook_sha256 = rulebook.sha256;
    summary.year = year;
    summary.basis = basis;
    summary.warnings = evidence_warnings(rulebook, evidence, year, basis);

    // Categories in the rulebook's order; a unit of another category (never one the store
    // covers) still counts, in a category of its own after those.
    std::vector<std::string> categories = rulebook.units;
    std::vector<std::size_t> category_of(evidence.units.size());
    for (std::size_t u = 0; u < evidence.units.size(); ++u) {
        const std::string& c = evidence.units[u].category;
        auto it = std::find(categories.begin(), categories.end(), c);
        if (it == categories.end()) it = categories.insert(categories.end(), c);
        category_of[u] = static_cast<std::size_t>(it - categories.begin());
    }

    dsl::Evaluator evaluator(*rulebook.program);
    for (const rules::Indicator& indicator : rulebook.indicators) {
        IndicatorType type = type_of(indicator);
        Tally overall;
        std::vector<Tally> per_category(categories.size());
        for (std::size_t u = 0; u < evidence.units.size() && u < evidence.evidence.size(); ++u) {
            const inspections::UnitInfo& unit = evidence.units[u];
            dsl::UnitInfo info{unit.id, unit.name, unit.category};
            dsl::EvalInput input{&info, year, &evidence.evidence[u]};
            Value v = evaluator.evaluate(indicator.of.root, input);
            Value over = indicator.is_ratio() ? evaluator.evaluate(indicator.over.root, input) : Value::missing();
            for (const dsl::EvalWarning& w : evaluator.warnings()) {
                summary.warnings.push_back(make_warning(w.code, indicator.id,
                                                        core::T_("unit '{unit}': {message}",
                                                                 {{"unit", unit.id}, core::part("message", w.text)})));
            }
            evaluator.warnings().clear();
            for (Tally* t : {&overall, &per_category[category_of[u]]}) {
                if (indicator.is_ratio()) {
                    t->add_pair(v, over);
                } else {
                    t->add(v);
                }
            }
        }
        IndicatorSummary s;
        s.id = indicator.id;
        s.title = indicator.title;
        s.type = type;
        s.percent = indicator.format == rules::IndicatorFormat::Percent;
        s.overall = overall.finish(type);
        for (std::size_t c = 0; c < categories.size(); ++c) {
            s.categories.push_back(per_category[c].finish(type));
            s.categories.back().category = categories[c];
            s.categories.back().label = rulebook.category_label(categories[c]);
        }
        summary.indicators.push_back(std::move(s));
    }
    return summary;
}

Summary summarize(const rules::Rulebook& rulebook, const inspections::Store& store, const EvaluationRequest& request) {
    inspections::EvidenceSet evidence = load_year_evidence(rulebook, store, request);
    return summarize(rulebook, evidence, request.year, request.basis);
}

}  // namespace parscore::engine
