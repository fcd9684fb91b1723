// Filling a database with the demo province and recognising one made that way.
#include <stdexcept>
#include <string>

#include "parscore/demo/demo.hpp"
#include "parscore/publication/publication.hpp"
#include "parscore/scoring/evaluation.hpp"

namespace parscore::engine::demo {

void check_fits(const inspections::Report& report, const core::EvidenceSchema& schema) {
    auto fail = [&](const std::string& what) {
        throw std::runtime_error("the demo data does not fit the rulebook's evidence schema: " + what);
    };
    for (const inspections::KindFindings& k : report.findings) {
        const core::KindDef* kind = schema.find(k.kind);
        if (kind == nullptr) fail("no evidence kind '" + k.kind + "'");
        if (kind->is_fact != k.fact) fail("'" + k.kind + "' is " + (kind->is_fact ? "a fact" : "a record kind"));
        if (kind->fields.size() != k.fields.size()) fail("'" + k.kind + "' has other fields");
        for (std::size_t f = 0; f < k.fields.size(); ++f) {
            if (kind->fields[f].name != k.fields[f]) fail("'" + k.kind + "' has no field '" + k.fields[f] + "' there");
        }
        for (std::size_t i = 0; i < k.values.size(); ++i) {
            const core::FieldDef& field = kind->fields[i % k.fields.size()];
            if (!k.values[i] || !core::fit_to(field, *k.values[i])) {
                fail("a value of '" + k.kind + (k.fact ? "" : "." + field.name) + "' is not a " +
                     core::field_type_name(field.type));
            }
        }
    }
}

namespace {

std::size_t record_year(inspections::Store& store, const rules::Rulebook& rulebook, int year) {
    inspections::RecordOptions options;
    options.recorded_by = std::string(kRecorder);
    std::size_t n = 0;
    for (const inspections::Report& report : year_reports(year)) {
        check_fits(report, rulebook.evidence);
        inspections::RecordOutcome outcome = store.record(report, rulebook.evidence, options);
        if (outcome.id.empty())
            throw std::runtime_error("the demo could not record an inspection of " + report.header.unit);
        ++n;
    }
    return n;
}

}  // namespace

DemoOutcome build(inspections::Store& store, const rules::Rulebook& rulebook) {
    DemoOutcome outcome;
    inspections::UnitsUpdate units;
    units.units = province_units();
    store.update_units(units);

    outcome.inspections += record_year(store, rulebook, kPreviousYear);
    PublishRequest publish_previous;
    publish_previous.year = kPreviousYear;
    publish_previous.published_by = std::string(kRecorder);
    PublishOutcome published = publish(rulebook, store, publish_previous);
    if (published.result != PublishOutcome::Result::Published) {
        throw std::runtime_error("the demo could not publish " + std::to_string(kPreviousYear) +
                                 " (a unit is incomplete under this rulebook)");
    }
    outcome.publication = published.publication;

    outcome.inspections += record_year(store, rulebook, kYear);
    EvaluationRequest request;
    request.year = kYear;
    request.by_rank = true;
    outcome.ranking = evaluate(rulebook, store, request);
    return outcome;
}

bool is_demo_database(const inspections::Store& store) {
    if (store.units() != province_units()) return false;
    const std::vector<inspections::InspectionSummary> all = store.inspections({});
    if (all.empty()) return false;
    for (const inspections::InspectionSummary& s : all) {
        if (s.recorded_by != kRecorder) return false;
        // Amendments, submits and locks carry who made them.
        if (s.revisions > 1 || s.status != inspections::Status::Submitted) {
            auto detail = store.inspection(s.id);
            if (!detail) return false;
            for (const inspections::HistoryEntry& e : detail->history) {
                if (e.recorded_by != kRecorder) return false;
            }
        }
    }
    return true;
}

}  // namespace parscore::engine::demo
