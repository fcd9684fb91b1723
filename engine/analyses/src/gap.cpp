// gap: the same year scored on the `self` and on the `inspected` basis, compared.
#include "parscore/analyses/gap.hpp"

#include <algorithm>
#include <cassert>
#include <map>

namespace parscore::engine {

namespace {

bool counted(CriterionStatus s) { return s == CriterionStatus::Scored || s == CriterionStatus::Missing; }

std::vector<const rules::Criterion*> flattened(const rules::Rulebook& rb) {
    std::vector<const rules::Criterion*> out;
    for (const rules::Group& g : rb.groups) {
        for (const rules::Criterion& c : g.criteria) out.push_back(&c);
    }
    return out;
}

}  // namespace

GapReport compare_bases(const rules::Rulebook& rulebook, const Evaluation& self, const Evaluation& inspected) {
    GapReport report;
    report.rulebook_id = rulebook.id;
    report.rulebook_version = rulebook.version;
    report.rulebook_sha256 = rulebook.sha256;
    report.year = self.year;

    std::map<std::string, const UnitResult*> by_id;
    for (const UnitResult& u : inspected.units) by_id[u.id] = &u;
    std::vector<const rules::Criterion*> criteria = flattened(rulebook);

    for (const UnitResult& s : self.units) {
        auto it = by_id.find(s.id);
        if (it == by_id.end()) continue;
        const UnitResult& i = *it->second;
        for (std::size_t c = 0; c < criteria.size() && c < s.criteria.size() && c < i.criteria.size(); ++c) {
            const CriterionResult& a = s.criteria[c];
            const CriterionResult& b = i.criteria[c];
            if (!counted(a.status) || !counted(b.status) || !a.points || !b.points) continue;
            GapRow row;
            row.unit = s.id;
            row.name = s.name;
            row.category = s.category;
            row.criterion = c;
            row.criterion_id = criteria[c]->id;
            row.max = criteria[c]->max;
            row.self = *a.points;
            row.inspected = *b.points;
            // Both lie in [0, max] and max < 10^18, so the difference is always in range.
            if (b.status != CriterionStatus::Missing) {
                row.gap = Decimal::sub(row.self, row.inspected);
                assert(row.gap);
            }
            row.self_status = a.status;
            row.inspected_status = b.status;
            report.rows.push_back(std::move(row));
        }
        UnitGap ug{s.id, s.name, s.category, s.total, i.total, std::nullopt};
        if (s.total && i.total) ug.gap = Decimal::sub(*s.total, *i.total);
        report.units.push_back(std::move(ug));
    }

    report.warnings = self.warnings;
    for (const Warning& w : inspected.warnings) {
        bool seen = std::any_of(report.warnings.begin(), report.warnings.end(), [&](const Warning& o) {
            return o.code == w.code && o.id == w.id && o.message == w.message;
        });
        if (!seen) report.warnings.push_back(w);
    }
    std::stable_sort(report.rows.begin(), report.rows.end(), [](const GapRow& x, const GapRow& y) {
        if (x.gap.has_value() != y.gap.has_value()) return x.gap.has_value();
        if (x.gap && *x.gap != *y.gap) return *x.gap > *y.gap;
        if (x.unit != y.unit) return x.unit < y.unit;
        return x.criterion < y.criterion;
    });
    std::stable_sort(report.units.begin(), report.units.end(), [](const UnitGap& x, const UnitGap& y) {
        if (x.gap.has_value() != y.gap.has_value()) return x.gap.has_value();
        if (x.gap && *x.gap != *y.gap) return *x.gap > *y.gap;
        return x.unit < y.unit;
    });
    return report;
}

GapReport gap(const rules::Rulebook& rulebook, const inspections::Store& store, const EvaluationRequest& request) {
    EvaluationRequest r = request;
    r.compare_previous = false;
    r.basis = Basis::Self;
    Evaluation self = evaluate(rulebook, store, r);
    r.basis = Basis::Inspected;
    Evaluation inspected = evaluate(rulebook, store, r);
    return compare_bases(rulebook, self, inspected);
}

}  // namespace parscore::engine
