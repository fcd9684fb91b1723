#pragma once
// Storing evidence: validated inspection reports (`record`), a CSV file of one evidence kind
// (`import`) and a corrected report replacing an inspection's findings (`amend`). A file that
// fails validation is not an Error: the result carries its diagnostics and no outcome, so that a
// front end shows them as they are (and `record` goes on with the next report).
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/app/error.hpp"
#include "parscore/app/request.hpp"
#include "parscore/inspections/evidence_csv.hpp"
#include "parscore/inspections/model.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::app {

/// What became of one report given to `record`.
struct RecordedReport {
    enum class Outcome {
        Recorded,    // stored as inspection `id`
        Unreadable,  // the file could not be read: `message` says why
        Invalid,     // the report has errors: they are in the result's problems
        Duplicate,   // an equal inspection is stored: `duplicate_of`
        Refused,     // the store refused it: `message` says why
    };
    std::string path;  // as given
    Outcome outcome = Outcome::Recorded;
    std::string id;
    std::string duplicate_of;
    core::Text message;  // Unreadable, Refused: why; shown in the reader's language
};

struct RecordRequest : StoreRequest {
    std::string rulebook;  // whose evidence schema the reports follow
    std::vector<std::string> reports;
    bool again = false;  // record a report even when an equal inspection is stored
    /// Called as each report is handled, before the next is read, so a front end can show an id
    /// as soon as it is stored.
    std::function<void(const RecordedReport&)> on_report;
};

struct RecordResult {
    std::vector<RecordedReport> reports;  // in the order given
    Problems problems;                    // every report's diagnostics, sorted
    /// Every report was recorded. Otherwise a database this request created is not kept (the
    /// reports recorded into an existing one are).
    bool all_recorded() const;
};

/// Validates each report against the rulebook's evidence schema and stores it in its own
/// transaction, recorded by request.actor.
RecordResult record(const RecordRequest& request);

/// A report sent as text (the server's uploads) rather than named as a file.
struct ReportText {
    std::string name;  // what diagnostics call it
    std::string text;  // as sent: checked for size and encoding like a file
};

struct RecordReportRequest : StoreRequest {
    ReportText report;
    /// A UUID the sender chose for this report, so that it may send it again safely: a client id
    /// stored already answers its inspection and stores nothing; with another report it is
    /// Invalid. A malformed one is a BadRequest.
    std::optional<std::string> client_id;
};

struct RecordReportResult {
    Problems problems;  // the report's diagnostics
    /// The inspection; absent when the report was rejected (problems say why).
    std::optional<std::string> id;
    bool resent = false;  // the client id was stored already with this report: nothing was stored
};

/// Records one report, validated against the evidence schema of the rulebook adopted for the
/// report's evaluation year (Invalid, naming the year, when none is), in one transaction with its
/// client id. An equal inspection stored already is Invalid, naming it.
RecordReportResult record_report(const RecordReportRequest& request);

/// Whether `text` is a UUID as a client writes it: 8-4-4-4-12 hexadecimal digits.
bool is_client_id(std::string_view text);

struct ImportRequest : StoreRequest {
    std::string rulebook;
    std::string kind;  // the evidence kind of the file
    std::string file;
    inspections::InspectionKind inspection_kind = inspections::InspectionKind::Scheduled;
    bool again = false;              // import even when the same file was imported before
    inspections::Progress progress;  // of reading the file, for a progress bar
};

struct ImportResult {
    Problems problems;
    std::size_t rows = 0;  // data rows read
    /// Absent when the file was rejected (problems say why); nothing was stored then.
    std::optional<inspections::ImportOutcome> outcome;
};

/// Reads the CSV file and stores its inspections in one transaction, all or nothing.
ImportResult import_csv(const ImportRequest& request);

struct AmendRequest : StoreRequest {
    std::string id;                          // the whole inspection id
    std::string report;                      // the corrected report's file (with report_text: only its name)
    std::optional<std::string> report_text;  // the report itself, sent as text
    std::string reason;                      // why the findings change; may not be empty
    /// Validate against this rulebook's schema instead of the one the inspection was recorded with.
    std::optional<std::string> rulebook;
};

struct AmendResult {
    Problems problems;
    /// Absent when the report was rejected. `identical`: it equals the latest revision and nothing
    /// was stored.
    std::optional<inspections::AmendOutcome> outcome;
};

/// Adds a revision to a draft or submitted inspection; a locked one is Invalid.
AmendResult amend(const AmendRequest& request);

}  // namespace parscore::app
