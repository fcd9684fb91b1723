#include "parscore/engine/year_evidence.hpp"

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
