#include "parscore/app/recording.hpp"

#include <algorithm>

#include "log.hpp"
#include "parscore/app/evidence_schema.hpp"
#include "parscore/app/store.hpp"
#include "parscore/core/text_file.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/inspections/report.hpp"
#include "store_inputs.hpp"

namespace parscore::app {

namespace {

namespace ins = parscore::inspections;
using Outcome = RecordedReport::Outcome;

struct RecordContext {
    const RecordRequest& request;
    ins::Store& store;
    const core::EvidenceSchema& schema;
    const std::vector<std::string>& units;
};

/// Stores a validated report; a duplicate or a refusal is an outcome of this report, not a failure
/// of the whole request.
void store_report(const RecordContext& c, const ins::Report& report, RecordedReport& r) {
    ins::RecordOptions options;
    options.again = c.request.again;
    options.recorded_by = c.request.actor.name;
    try {
        ins::RecordOutcome outcome = c.store.record(report, c.schema, options);
        if (outcome.id.empty()) {
            r.outcome = Outcome::Duplicate;
            r.duplicate_of = outcome.duplicate_of;
        } else {
            r.id = outcome.id;
        }
    } catch (const ins::StoreError& e) {
        if (e.kind() != ins::StoreError::Kind::Refused) throw;
        r.outcome = Outcome::Refused;
        r.message = e.text();
    }
}

/// One report: read, validated against the schema, stored. Its diagnostics join `problems`.
RecordedReport record_one(const RecordContext& c, const std::string& path, Problems& problems) {
    RecordedReport r;
    r.path = path;
    core::Diagnostics diags;
    ins::InputFile in = ins::read_input_file(path, core::kMaxRuleFileBytes, problems.sources, diags);
    if (in.io_failure) {
        r.outcome = Outcome::Unreadable;
        r.message = in.io_message;
        return r;
    }
    std::optional<ins::Report> report;
    if (!diags.has_errors()) report = ins::read_report(problems.sources, *in.file, c.schema, c.units, diags);
    problems.diagnostics.append(diags);
    if (!report) {
        r.outcome = Outcome::Invalid;
        return r;
    }
    store_report(c, *report, r);
    return r;
}

}  // namespace

bool RecordResult::all_recorded() const {
    return std::all_of(reports.begin(), reports.end(),
                       [](const RecordedReport& r) { return r.outcome == Outcome::Recorded; });
}

RecordResult record(const RecordRequest& request) {
    const core::EvidenceSchema schema = load_evidence_schema(request.rulebook);
    RecordResult result;
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::CreateOnCommit);
        const std::vector<std::string> units = unit_ids(store);
        const RecordContext context{request, store, schema, units};
        for (const std::string& path : request.reports) {
            RecordedReport r = record_one(context, path, result.problems);
            if (r.outcome == Outcome::Recorded) log_info(request, "{}: recorded as inspection {}", path, r.id);
            if (request.on_report) request.on_report(r);
            result.reports.push_back(std::move(r));
        }
        result.problems.diagnostics.sort();
        const auto recorded = std::count_if(result.reports.begin(), result.reports.end(),
                                            [](const RecordedReport& r) { return r.outcome == Outcome::Recorded; });
        log_info(request, "{} of {} reports recorded", recorded, result.reports.size());
        if (result.all_recorded()) store.commit_creation();
    });
    return result;
}

AmendResult amend(const AmendRequest& request) {
    AmendResult result;
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::Existing);
        auto detail = store.inspection(request.id);
        if (!detail) throw Error(ErrorKind::Invalid, core::T_("unknown inspection '{id}'", {{"id", request.id}}));
        if (detail->summary.status == ins::Status::Locked) {
            throw Error(ErrorKind::Invalid, core::T_("inspection {id} is locked", {{"id", request.id}}));
        }
        const core::EvidenceSchema schema = request.rulebook ? load_evidence_schema(*request.rulebook) : detail->schema;
        if (request.reason.empty())
            throw Error(ErrorKind::BadRequest, core::T_("--reason: expected a reason, found an empty text"));
        Problems& problems = result.problems;
        ins::InputFile in = read_input(request.report, core::kMaxRuleFileBytes, problems);
        std::optional<ins::Report> report;
        if (!problems.diagnostics.has_errors()) {
            report = ins::read_report(problems.sources, *in.file, schema, unit_ids(store), problems.diagnostics,
                                      detail->summary.unit);
        }
        if (!report) return;
        result.outcome = store.amend(request.id, *report, schema, core::to_nfc(request.reason), request.actor.name);
        log_info(request, "{}: {} (revision {})", request.id, result.outcome->identical ? "unchanged" : "amended",
                 result.outcome->revision);
    });
    return result;
}

}  // namespace parscore::app
