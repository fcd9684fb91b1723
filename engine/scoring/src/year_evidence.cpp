#include "parscore/scoring/year_evidence.hpp"

#include <set>

#include "codes.hpp"

namespace parscore::engine {

inspections::EvidenceSet load_year_evidence(const rules::Rulebook& rulebook, const inspections::Store& store,
                                            const EvaluationRequest& request) {
    inspections::EvidenceQuery query;
    query.year = request.year;
    query.basis = request.basis;
    query.categories = rulebook.units;
    query.as_of_revision = request.as_of_revision;
    return store.load_evidence(rulebook.evidence, query);
}

namespace {

std::vector<Warning> misfit_warnings(const rules::Rulebook& rb, const inspections::EvidenceSet& evidence) {
    std::vector<Warning> out;
    for (const inspections::FieldMisfit& m : evidence.misfits) {
        const core::KindDef& kind = rb.evidence.kinds[m.kind];
        std::string id = kind.is_fact ? kind.name : kind.name + "." + kind.fields[m.field].name;
        if (m.not_fitting > 0) {
            out.push_back(make_warning(
                code::kStoredMismatch, id,
                core::TN_("{n} stored value of {id} does not fit the rulebook's declared type and read as missing",
                          "{n} stored values of {id} do not fit the rulebook's declared type and read as missing",
                          m.not_fitting, {{"id", id}})));
        }
        if (m.lacking > 0) {
            out.push_back(
                make_warning(code::kStoredMismatch, id,
                             core::TN_("{n} stored record of {kind} lacks the field '{field}', which reads "
                                       "as missing",
                                       "{n} stored records of {kind} lack the field '{field}', which reads "
                                       "as missing",
                                       m.lacking, {{"kind", kind.name}, {"field", kind.fields[m.field].name}})));
        }
    }
    return out;
}

// A year with no counted inspection is most often a mistyped --year: every unit would be scored,
// ranked and published on no evidence at all, so it is said loudly (docs/reports.md).
void coverage_warnings(const inspections::EvidenceSet& evidence, int year, Basis basis, std::vector<Warning>& out) {
    const std::string year_text = std::to_string(year), basis_text = basis_name(basis);
    if (evidence.inspections.empty()) {
        out.push_back(make_warning(
            code::kEmptyYear, "",
            core::T_("no inspection counts for {year} (basis {basis}): every unit is scored without evidence",
                     {{"year", year_text}, {"basis", basis_text}})));
    }
    std::set<std::string_view> with_evidence;
    for (const inspections::InspectionRef& i : evidence.inspections) with_evidence.insert(i.unit);
    std::string names;
    std::size_t without = 0;
    for (const inspections::UnitInfo& u : evidence.units) {
        if (with_evidence.count(u.id)) continue;
        names += (without++ ? ", " : "") + u.id;
    }
    if (without > 0) {
        out.push_back(make_warning(code::kUnitsWithoutEvidence, "",
                                   core::TN_("{n} unit has no counted inspection in {year} (basis {basis}): {units}",
                                             "{n} units have no counted inspection in {year} (basis {basis}): {units}",
                                             without, {{"year", year_text}, {"basis", basis_text}, {"units", names}})));
    }
}

}  // namespace

std::vector<Warning> evidence_warnings(const rules::Rulebook& rulebook, const inspections::EvidenceSet& evidence,
                                       int year, Basis basis) {
    std::vector<Warning> out = misfit_warnings(rulebook, evidence);
    for (const inspections::UncoveredUnit& u : evidence.uncovered) {
        out.push_back(make_warning(
            code::kUnitNotScored, u.id,
            u.inactive
                ? core::T_("unit '{unit}' has evidence in the year but is not scored: it is not active in the year",
                           {{"unit", u.id}})
                : core::T_("unit '{unit}' has evidence in the year but is not scored: its category '{category}' "
                           "is not among the rulebook's units",
                           {{"unit", u.id}, {"category", u.category}})));
    }
    coverage_warnings(evidence, year, basis, out);
    return out;
}

namespace {

bool same_field(const core::FieldDef& a, const core::FieldDef& b) {
    return a.name == b.name && a.type == b.type && a.enum_values == b.enum_values;
}

bool same_kind(const core::KindDef& a, const core::KindDef& b) {
    if (a.name != b.name || a.is_fact != b.is_fact || a.key != b.key || a.combine != b.combine) return false;
    if (a.fields.size() != b.fields.size()) return false;
    for (std::size_t i = 0; i < a.fields.size(); ++i) {
        if (!same_field(a.fields[i], b.fields[i])) return false;
    }
    return true;
}

}  // namespace

bool same_evidence_layout(const core::EvidenceSchema& a, const core::EvidenceSchema& b) {
    if (a.kinds.size() != b.kinds.size()) return false;
    for (std::size_t i = 0; i < a.kinds.size(); ++i) {
        if (!same_kind(a.kinds[i], b.kinds[i])) return false;
    }
    return true;
}

}  // namespace parscore::engine
