// Explanations: re-score one unit with an evaluation trace and turn what each expression did
// into text a person can check against the rulebook and the inspection records.
#include "parscore/analyses/explain.hpp"

#include <algorithm>
#include <set>

#include "parscore/core/suggest.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/scoring/scorer.hpp"
#include "parscore/scoring/year_evidence.hpp"

namespace parscore::engine {

namespace {

constexpr std::size_t kMaxRecordsShown = 50;

/// Reads the trace of one expression (nodes [begin, end)) of a scored unit.
class ExpressionReader {
public:
    ExpressionReader(const rules::Rulebook& rb, const core::SourceSet& sources, const dsl::Trace& trace,
                     const inspections::EvidenceSet& evidence, std::size_t unit)
        : rb_(rb), p_(*rb.program), sources_(sources), trace_(trace), evidence_(evidence), unit_(unit) {}

    void fill(const dsl::Compiled& expr, ExplainedItem& item) {
        std::set<dsl::NodeId> nested = inside_aggregates(expr);
        auto top = [&](dsl::NodeId n) { return n >= expr.begin && n < expr.end && !nested.count(n); };
        std::set<dsl::NodeId> seen;
        std::set<std::pair<std::string, std::string>> shown;  // a fact used twice is shown once
        for (const auto& v : trace_.values) {
            if (!top(v.node) || !seen.insert(v.node).second) continue;
            ExplainedValue value{text(v.node), not_checked(v.node) ? kNotChecked : v.value.to_string()};
            if (shown.insert({value.expression, value.value}).second) item.values.push_back(std::move(value));
        }
        for (const auto& s : trace_.steps) {
            if (!top(s.node)) continue;
            dsl::StepsOperands steps = dsl::steps_operands(p_, s.node);
            std::string arm = s.arm >= 0 ? span_text(steps.arms[static_cast<std::size_t>(s.arm)].span, "an arm")
                              : s.arm == dsl::kElseArm ? "else"
                                                       : "none (the value is missing)";
            item.steps.push_back({text(steps.subject), s.subject.to_string(), arm});
        }
        for (dsl::NodeId id = expr.begin; id < expr.end; ++id) {
            if (!top(id) || !dsl::is_aggregate(p_.nodes[id].op)) continue;
            if (auto r = records_of(id)) item.records.push_back(std::move(*r));
        }
    }

private:
    static constexpr const char* kNotChecked = "not checked by any counted inspection";

    /// An aggregate that is missing only because no counted inspection listed its kind: said
    /// so, since "missing" would read as if records lacked a value.
    bool not_checked(dsl::NodeId id) const {
        const dsl::Node& n = p_.nodes[id];
        return dsl::is_aggregate(n.op) && n.missing_unchecked &&
               !evidence_.evidence[unit_].checked[dsl::aggregate_operands(p_, id).kind];
    }

    std::set<dsl::NodeId> inside_aggregates(const dsl::Compiled& expr) const {
        std::set<dsl::NodeId> nested;
        std::vector<dsl::NodeId> stack;
        for (dsl::NodeId id = expr.begin; id < expr.end; ++id) {
            if (!dsl::is_aggregate(p_.nodes[id].op)) continue;
            for (dsl::NodeId c : dsl::children_of(p_, id)) stack.push_back(c);
        }
        while (!stack.empty()) {
            dsl::NodeId n = stack.back();
            stack.pop_back();
            if (!nested.insert(n).second) continue;
            for (dsl::NodeId c : dsl::children_of(p_, n)) stack.push_back(c);
        }
        return nested;
    }

    std::string span_text(core::Span span, const char* fallback) const {
        if (span.end <= span.begin + 1) return fallback;  // quoted scalars: no exact position
        std::string_view t = sources_.file(span.file).text();
        std::string s(t.substr(span.begin, span.end - span.begin));
        std::replace(s.begin(), s.end(), '\n', ' ');
        std::string squeezed;
        for (char c : s) {
            if (c == ' ' && !squeezed.empty() && squeezed.back() == ' ') continue;
            squeezed += c;
        }
        return squeezed;
    }

    std::string text(dsl::NodeId id) const { return span_text(p_.nodes[id].span, dsl::op_name(p_.nodes[id].op)); }

    std::optional<ExplainedRecords> records_of(dsl::NodeId id) const {
        const dsl::Node& n = p_.nodes[id];
        // all/share: the records whose condition was false; count/exists: the records the filter
        // let through; other aggregates: the records whose values were aggregated.
        bool condition = n.op == dsl::Op::All || n.op == dsl::Op::Share;
        bool filter_only = dsl::aggregate_operands(p_, id).value == dsl::kNoNode;
        auto is_bool = [](const core::Value& v, bool b) {
            return v.tag() == core::Value::Tag::Bool && v.as_bool() == b;
        };
        ExplainedRecords out;
        out.expression = text(id);
        out.shown = condition     ? ExplainedRecords::Shown::Failed
                    : filter_only ? ExplainedRecords::Shown::Matched
                                  : ExplainedRecords::Shown::Counted;
        out.meaning = condition ? "failed the condition" : filter_only ? "matched" : "counted";
        std::size_t hidden = 0;
        for (const auto& r : trace_.records) {
            if (r.node != id) continue;
            bool shown = condition ? is_bool(r.outcome, false) : filter_only ? is_bool(r.outcome, true) : true;
            if (!shown) continue;
            if (out.records.size() >= kMaxRecordsShown) {
                ++hidden;
                continue;
            }
            out.records.push_back(record(r.kind, r.row));
        }
        out.hidden = hidden;
        if (hidden > 0) out.meaning += " (" + std::to_string(hidden) + " more not shown)";
        if (out.records.empty()) return std::nullopt;
        return out;
    }

    ExplainedRecord record(std::uint32_t kind_index, std::uint32_t row) const {
        const core::KindDef& kind = rb_.evidence.kinds[kind_index];
        const core::RecordTable& table = evidence_.evidence[unit_].tables[kind_index];
        ExplainedRecord r;
        r.kind = kind.name;
        for (std::size_t f = 0; f < kind.fields.size(); ++f)
            r.fields.emplace_back(kind.fields[f].name, table.get(f, row).to_string());
        if (row < table.origin.size() && table.origin[row] < evidence_.inspections.size()) {
            const inspections::InspectionRef& ins = evidence_.inspections[table.origin[row]];
            r.inspection = ins.id;
            r.date = core::format_date(ins.date);
            r.inspection_kind = inspections::kind_name(ins.kind);
        }
        return r;
    }

    const rules::Rulebook& rb_;
    const dsl::Program& p_;
    const core::SourceSet& sources_;
    const dsl::Trace& trace_;
    const inspections::EvidenceSet& evidence_;
    std::size_t unit_;
};

std::string opt(const std::optional<Decimal>& d) { return d ? d->to_string() : ""; }

// The ids `--criterion` accepts: criteria (full ids), deductions, bonuses and band caps.
std::vector<std::string> item_ids(const rules::Rulebook& rb) {
    std::vector<std::string> ids;
    for (const auto& g : rb.groups) {
        for (const auto& c : g.criteria) ids.push_back(c.id);
    }
    for (const auto& d : rb.deductions) ids.push_back(d.id);
    for (const auto& b : rb.bonuses) ids.push_back(b.id);
    for (const auto& c : rb.band_caps) ids.push_back(c.id);
    return ids;
}

void check_item_id(const rules::Rulebook& rb, const std::string& id) {
    std::vector<std::string> ids = item_ids(rb);
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) return;
    throw NotCovered(core::T_("rulebook '{rulebook}' has no criterion, deduction, bonus or band cap '{id}'{suggestion}",
                              {{"rulebook", rb.id}, {"id", core::sanitize_utf8(id)}, core::suggestion(id, ids)}));
}

std::vector<Warning> warnings_for(const UnitResult& r, const std::string& id) {
    std::vector<Warning> out;
    for (const Warning& w : r.warnings) {
        if (w.id == id) out.push_back(w);
    }
    return out;
}

bool wanted(const std::optional<std::string>& only, const std::string& id) { return !only || id == *only; }

/// The explanation's header: the unit's result among all units, its rank's category and bands.
Explanation summary_of(const rules::Rulebook& rb, const EvaluationRequest& request, const Evaluation& evaluation,
                       const std::string& unit_id) {
    Explanation e;
    e.rulebook_id = rb.id;
    e.rulebook_version = rb.version;
    e.year = request.year;
    e.basis = request.basis;
    e.warnings = evaluation.warnings;
    for (const UnitResult& u : evaluation.units) {
        if (u.id == unit_id) e.result = u;
    }
    e.category_label = rb.category_label(e.result.category);
    for (const UnitResult& u : evaluation.units) {
        if (u.category == e.result.category && u.rank) ++e.ranked_in_category;
    }
    auto band = [&](int b) { return b < 0 ? std::string() : rb.bands[static_cast<std::size_t>(b)].id; };
    if (e.result.complete) {
        e.band_from_total = band(e.result.band_from_total);
        e.band_after_caps = band(e.result.band_after_caps);
        e.band = band(e.result.band);
    }
    return e;
}

void explain_criteria(const rules::Rulebook& rb, const UnitResult& traced, const std::string& category,
                      ExpressionReader& reader, const std::optional<std::string>& only,
                      std::vector<ExplainedItem>& items) {
    std::size_t ci = 0;
    for (const auto& g : rb.groups) {
        for (const auto& c : g.criteria) {
            const CriterionResult& cr = traced.criteria[ci++];
            if (!wanted(only, c.id)) continue;
            ExplainedItem item{"criterion",
                               c.id,
                               c.title,
                               cr.points ? cr.points->to_string() : status_name(cr.status),
                               c.max.to_string(),
                               status_name(cr.status),
                               {},
                               {},
                               {},
                               warnings_for(traced, c.id)};
            if (cr.status != CriterionStatus::Exempt || c.applies_to.empty() ||
                std::find(c.applies_to.begin(), c.applies_to.end(), category) != c.applies_to.end()) {
                reader.fill(c.points, item);
            }
            items.push_back(std::move(item));
        }
    }
}

void explain_adjustments(const std::vector<rules::Adjustment>& defs, const std::vector<AdjustmentResult>& results,
                         const char* what, const UnitResult& traced, ExpressionReader& reader,
                         const std::optional<std::string>& only, std::vector<ExplainedItem>& items) {
    for (std::size_t i = 0; i < defs.size(); ++i) {
        if (!wanted(only, defs[i].id)) continue;
        ExplainedItem item{what,
                           defs[i].id,
                           defs[i].title,
                           results[i].points.to_string(),
                           opt(defs[i].cap),
                           results[i].missing ? "missing" : "",
                           {},
                           {},
                           {},
                           warnings_for(traced, defs[i].id)};
        reader.fill(defs[i].points, item);
        items.push_back(std::move(item));
    }
}

/// Band caps, held or not as in the unit's evaluated result.
void explain_caps(const rules::Rulebook& rb, const UnitResult& result, const UnitResult& traced,
                  ExpressionReader& reader, const std::optional<std::string>& only, std::vector<ExplainedItem>& items) {
    for (std::size_t i = 0; i < rb.band_caps.size(); ++i) {
        const rules::BandCap& cap = rb.band_caps[i];
        if (!wanted(only, cap.id)) continue;
        auto held = std::find_if(result.caps.begin(), result.caps.end(),
                                 [&](const CapResult& c) { return c.cap == i; });
        std::string status = held == result.caps.end() ? "not held" : held->applied ? "held, applied" : "held";
        ExplainedItem item{"band cap", cap.id, cap.title, status, cap.at_most,
                           status,     {},     {},        {},     warnings_for(traced, cap.id)};
        reader.fill(cap.when, item);
        items.push_back(std::move(item));
    }
}

}  // namespace

Explanation explain(const rules::Rulebook& rb, const core::SourceSet& sources, const inspections::Store& store,
                    const EvaluationRequest& request, const std::optional<std::string>& only_criterion) {
    const std::string& unit_id = *request.unit;
    if (auto problem = coverage_problem(rb, store, unit_id, request.year)) throw NotCovered(*problem);
    if (only_criterion) check_item_id(rb, *only_criterion);
    inspections::EvidenceSet evidence = load_year_evidence(rb, store, request);  // as for the whole rulebook
    auto previous = store.latest_publication(rb.id, request.year - 1, request.basis);
    EvaluationRequest all = request;
    all.unit.reset();
    Explanation e = summary_of(rb, request, evaluate_loaded(rb, evidence, all, previous), unit_id);

    // Score the unit again, alone, with a trace: the same numbers, now with their reasons.
    std::size_t index = *evidence.unit_index(unit_id);
    const auto& info = evidence.units[index];
    dsl::UnitInfo unit{info.id, info.name, info.category};
    dsl::Trace trace;
    UnitScorer scorer(rb);
    UnitResult traced = scorer.score(unit, evidence.evidence[index], request.year, &trace);
    ExpressionReader reader(rb, sources, trace, evidence, index);

    explain_criteria(rb, traced, info.category, reader, only_criterion, e.items);
    explain_adjustments(rb.deductions, traced.deductions, "deduction", traced, reader, only_criterion, e.items);
    explain_adjustments(rb.bonuses, traced.bonuses, "bonus", traced, reader, only_criterion, e.items);
    explain_caps(rb, e.result, traced, reader, only_criterion, e.items);
    return e;
}

}  // namespace parscore::engine
