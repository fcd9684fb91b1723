#pragma once
// The recording form as posted (docs/web.md, "Recording"): its fields read into a report of the
// shape `POST /api/v1/inspections` takes, and each error the report reader finds in that report
// led back to the input it concerns. record.js builds the same report in the browser from the
// same field names:
//   unit, date, kind, team, status, client_id, year  the inspection
//   fact.KIND                                        a fact's value
//   rows.KIND                                        how many rows a record kind has on the form
//   rec.KIND.ROW.FIELD                               a record's field (a ticked bool sends "true")
//   none.KIND                                        the kind was checked and nothing was found
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "json_report.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/server/http.hpp"

namespace parscore::server {

/// The most rows a record kind may have on the form: a posted count is never trusted.
inline constexpr int kMaxFormRows = 500;

struct PostedRecording {
    std::optional<int> year;
    std::string unit, date, kind, team, status, client_id;
    std::map<std::string, std::string, std::less<>> values;  // "fact.K" and "rec.K.ROW.FIELD"
    std::map<std::string, int, std::less<>> rows;            // record kind → rows on the form
    std::set<std::string, std::less<>> none;                 // kinds checked, none found
    std::vector<FormPart> photos;                            // files chosen (an empty input sends none)
    std::optional<std::string> add;     // "add row" pressed for this kind ("" for Enter: nothing to do)
    std::optional<std::string> remove;  // "remove row" pressed: "rec.KIND.ROW"

    int rows_of(const std::string& record_kind) const;
    std::string value(const std::string& name) const;
};

PostedRecording read_recording(const std::vector<FormPart>& parts);

/// The form filled with an inspection's latest revision, for amending it: a bool field that is
/// false is an unticked box, a kind recorded as [] is "checked, none found".
PostedRecording posted_from(const inspections::InspectionDetail& inspection);

/// Adds an empty row to a record kind, or removes one row (the later rows move up).
void add_row(PostedRecording& form, const std::string& kind);
void remove_row(PostedRecording& form, const core::EvidenceSchema& schema, const std::string& kind_and_row);

/// Messages for people, by the name of the input they concern ("rec.KIND.ROW" for a whole record,
/// "none.KIND" for a record kind, "" for the form as a whole).
using FieldErrors = std::map<std::string, std::vector<std::string>, std::less<>>;

struct BuiltReport {
    JsonNode report;
    std::map<std::string, std::vector<int>, std::less<>> form_rows;  // kind → the form row of each record sent
    /// What the form itself can tell (a date not given, "none found" ticked beside records), as
    /// untranslated English keys of the message catalog.
    std::vector<std::pair<std::string, std::string>> problems;
};

/// The report the form describes, for `year`'s schema. A row whose inputs are all empty (a bool
/// left unticked counts as empty) is no record; an empty fact is not sent; a record kind with no
/// rows is sent only when "none found" is ticked (as []).
BuiltReport build_report(const PostedRecording& form, const core::EvidenceSchema& schema, int year);

/// The input a JSON pointer into the built report concerns: "date", "fact.website",
/// "rec.procedure.3.code", "rec.procedure.3" (a whole record), "none.procedure" (the kind) or ""
/// (the form).
std::string field_of(const std::string& pointer, const BuiltReport& built, const core::EvidenceSchema& schema);

}  // namespace parscore::server
