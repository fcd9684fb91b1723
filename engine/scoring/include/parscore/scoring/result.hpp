#pragma once
// The results of scoring (docs/reference/scoring.md, docs/reference/outputs.md): per criterion, deduction, bonus and
// band cap, per unit, and for a whole evaluation. Plain data; the reports render it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parscore/core/decimal.hpp"
#include "parscore/core/text.hpp"
#include "parscore/inspections/evidence_set.hpp"

namespace parscore::engine {

using core::Decimal;

enum class CriterionStatus { Scored, Missing, Exempt, Error };
const char* status_name(CriterionStatus s);

/// A warning attached to a unit or to a whole run: `{code, id, message}` in JSON.
struct Warning {
    std::string code;
    std::string id;       // the criterion, deduction, bonus, band cap or kind.field it concerns
    std::string message;  // in English (JSON, CSV)
    core::Text text{};    // the same, translatable; empty: `message` reads as is in every language
};

/// A warning whose English message is its text's.
Warning make_warning(std::string code, std::string id, core::Text text);

/// A measure value (docs/reference/outputs.md): the subject of the first `steps` evaluated, printed as JSON.
struct Measure {
    enum class Kind { Null, Bool, Number, Text, Date } kind = Kind::Null;
    bool boolean = false;
    Decimal number;
    std::string text;  // Text and Date (YYYY-MM-DD)
};

struct CriterionResult {
    CriterionStatus status = CriterionStatus::Scored;
    std::optional<Decimal> points;  // null when exempt or error
    Measure measure;
};

struct AdjustmentResult {
    Decimal points;        // max(0, min(points, cap)); 0 when missing
    bool missing = false;  // the expression was missing
};

struct GroupResult {
    std::optional<Decimal> points;  // null if one criterion is an error
    Decimal max;                    // non-exempt maxes
};

struct CapResult {
    std::size_t cap = 0;  // index into Rulebook::band_caps
    bool applied = false;
};

struct UnitResult {
    std::string id, name, category;
    bool complete = true;
    std::string reason;                     // why incomplete, in English (JSON, CSV)
    core::Text reason_text;                 // the same, translatable
    std::vector<CriterionResult> criteria;  // rulebook order (groups flattened)
    std::vector<GroupResult> groups;
    std::vector<AdjustmentResult> deductions, bonuses;
    Decimal deduct, bonus;
    Decimal max;
    std::optional<Decimal> points, total;
    int band_from_total = -1;  // index into Rulebook::bands, -1 when incomplete
    int band_after_caps = -1;
    int band = -1;                // final, after quotas
    std::vector<CapResult> caps;  // caps whose `when` held
    std::optional<int> rank;
    std::optional<int> rank_change;
    std::optional<Decimal> total_change;
    std::vector<Warning> warnings;
};

/// Leaves `r` without a total for `why`: its English reason and the translatable one.
void set_incomplete(UnitResult& r, core::Text why);

using inspections::Basis;
using inspections::basis_name;
using inspections::parse_basis;

/// A whole run: units ordered as docs/reference/outputs.md says for the command that produced it.
struct Evaluation {
    std::string rulebook_id, rulebook_version, rulebook_sha256;
    int year = 0;
    Basis basis = Basis::All;
    std::vector<Warning> warnings;
    std::vector<UnitResult> units;
    std::string evidence_sha256;
    std::size_t counted_inspections = 0;  // of the covered units; 0: nothing was scored on evidence
};

}  // namespace parscore::engine
