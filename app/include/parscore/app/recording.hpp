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
    std::string id;      // the whole inspection id
    std::string report;  // the corrected report's file
    std::string reason;  // why the findings change; may not be empty
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
