#pragma once
// The store's vocabulary: units, inspection kinds and statuses, and findings as recorded —
// by kind and field name with typed values, independent of any rulebook
// (docs/reference/scoring.md#which-evidence-counts, docs/reference/database.md).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/core/date.hpp"
#include "parscore/core/datum.hpp"

namespace parscore::inspections {

enum class InspectionKind { Surprise, Scheduled, Thematic, Other, Self };
const char* kind_name(InspectionKind k);  // "surprise", …, "self"
std::optional<InspectionKind> parse_inspection_kind(std::string_view text);
inline constexpr const char* kInspectionKinds = "surprise, scheduled, thematic, other, self";
/// Every kind but `self` is "inspected".
inline bool is_inspected(InspectionKind k) { return k != InspectionKind::Self; }

// Returned: a submitted inspection sent back for amendment (docs/accounts.md, "Review"); it
// counts no more than a draft until it is submitted again.
enum class Status { Draft, Submitted, Locked, Returned };
const char* status_name(Status s);  // "draft", "submitted", "locked", "returned"
std::optional<Status> parse_status(std::string_view text);

/// Unit ids match [A-Za-z0-9][A-Za-z0-9._-]{0,63} (docs/reference/rulebook-format.md).
bool is_valid_unit_id(std::string_view id);

struct UnitInfo {
    std::string id;
    std::string name;
    std::string category;
    std::optional<std::string> parent;
    std::optional<int> active_from;  // inclusive
    std::optional<int> active_to;    // inclusive

    bool active_in(int year) const {
        return (!active_from || *active_from <= year) && (!active_to || year <= *active_to);
    }
    friend bool operator==(const UnitInfo&, const UnitInfo&) = default;
};

/// The findings of one kind in one inspection: for a record kind its records (possibly none:
/// "checked, none found"), for a fact one row with the field "value" (or none: checked, no value).
struct KindFindings {
    std::string kind;
    bool fact = false;
    std::vector<std::string> fields;                 // in recorded order
    std::vector<std::optional<core::Datum>> values;  // row-major: values[row * fields.size() + field]

    std::size_t rows() const { return fields.empty() ? 0 : values.size() / fields.size(); }
    const std::optional<core::Datum>& at(std::size_t row, std::size_t field) const {
        return values[row * fields.size() + field];
    }
};

using Findings = std::vector<KindFindings>;

/// What a report's `inspection:` block says.
struct InspectionHeader {
    std::string unit;
    core::Date date;
    std::optional<int> year;  // as given; the evaluation year is this, else the date's year
    InspectionKind kind = InspectionKind::Scheduled;
    std::vector<std::string> team;
    Status status = Status::Submitted;  // draft or submitted

    int evaluation_year() const { return year ? *year : core::year_of(date); }
};

/// A validated inspection report (docs/reference/database.md).
struct Report {
    InspectionHeader header;
    Findings findings;
};

}  // namespace parscore::inspections
