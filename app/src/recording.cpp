#include "parscore/app/recording.hpp"

#include <algorithm>

#include "log.hpp"
#include "parscore/app/access.hpp"
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
    const Access& access;
    const core::EvidenceSchema& schema;
    const std::vector<std::string>& units;  // those the actor can see: any other reads as unknown
};

/// A report read and validated, waiting to be stored once every report has been checked.
struct ReadReport {
    RecordedReport result;
    std::optional<ins::Report> report;
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

/// One report: read and validated against the schema. Its diagnostics join `problems`.
ReadReport read_one(const RecordContext& c, const std::string& path, Problems& problems) {
    ReadReport read;
    RecordedReport& r = read.result;
    r.path = path;
    core::Diagnostics diags;
    ins::InputFile in = ins::read_input_file(path, core::kMaxRuleFileBytes, problems.sources, diags);
    if (in.io_failure) {
        r.outcome = Outcome::Unreadable;
        r.message = in.io_message;
        return read;
    }
    if (!diags.has_errors()) read.report = ins::read_report(problems.sources, *in.file, c.schema, c.units, diags);
    problems.diagnostics.append(diags);
    if (!read.report) r.outcome = Outcome::Invalid;
    return read;
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
        const Access access = Access::of(request, store);
        const std::vector<std::string> units = access.units_in_scope();
        const RecordContext context{request, store, access, schema, units};
        // Every report is read and its permission checked before any is stored: a refused one
        // stops the request with nothing recorded.
        std::vector<ReadReport> reads;
        for (const std::string& path : request.reports) {
            reads.push_back(read_one(context, path, result.problems));
            if (const auto& report = reads.back().report) {
                access.require_on_unit(Access::recording_action(report->header.kind), report->header.unit);
            }
        }
        for (ReadReport& read : reads) {
            RecordedReport r = std::move(read.result);
            if (read.report) store_report(context, *read.report, r);
            if (r.outcome == Outcome::Recorded) log_info(request, "{}: recorded as inspection {}", r.path, r.id);
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
        const Access access = Access::of(request, store);
        auto detail = store.inspection(request.id);
        if (!detail) throw unknown_inspection(request.id);
        access.require_on_inspection(Access::recording_action(detail->summary.kind), detail->summary);
        if (detail->summary.status == ins::Status::Locked) {
            throw Error(ErrorKind::Invalid, core::T_("inspection {id} is locked", {{"id", request.id}}));
        }
        const core::EvidenceSchema schema = request.rulebook ? load_evidence_schema(*request.rulebook) : detail->schema;
        if (request.reason.empty())
            throw Error(ErrorKind::BadRequest, core::T_("--reason: expected a reason, found an empty text"));
        Problems& problems = result.problems;
        ins::InputFile in = request.report_text
                                ? ins::input_text(request.report, *request.report_text, core::kMaxRuleFileBytes,
                                                  problems.sources, problems.diagnostics)
                                : read_input(request.report, core::kMaxRuleFileBytes, problems);
        std::optional<ins::Report> report;
        if (!problems.diagnostics.has_errors()) {
            report = ins::read_report(problems.sources, *in.file, schema, access.units_in_scope(), problems.diagnostics,
                                      detail->summary.unit);
        }
        if (!report) return;
        // A report may change the kind: the new kind's row must allow it too (an inspector cannot
        // turn an inspection into a self-assessment).
        access.require_on_unit(Access::recording_action(report->header.kind), report->header.unit);
        result.outcome = store.amend(request.id, *report, schema, core::to_nfc(request.reason), request.actor.name);
        log_info(request, "{}: {} (revision {})", request.id, result.outcome->identical ? "unchanged" : "amended",
                 result.outcome->revision);
    });
    return result;
}

}  // namespace parscore::app
