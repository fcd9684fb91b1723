#pragma once
// What-if (docs/reference/commands.md#diff): the same evidence scored under two rulebooks — a unit's points,
// total, band or rank before and after, the criteria behind each change, and how many units move
// between bands. Units are matched by id, criteria by full id.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parscore/i18n/language.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/rules/rulebook.hpp"
#include "parscore/scoring/evaluation.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine {

/// A unit as one rulebook sees it.
struct UnitState {
    bool covered = false;  // the rulebook scores the unit (its category, and active in the year)
    bool complete = false;
    std::optional<Decimal> points, total;
    Decimal max, deduct, bonus;
    std::string band;  // band id; empty when not covered or incomplete
    std::optional<int> rank;
    /// "complete", "incomplete" or "not_covered".
    const char* status() const { return !covered ? "not_covered" : complete ? "complete" : "incomplete"; }
    /// What band moves count: the band id, "incomplete" or "not_covered".
    std::string band_or_status() const { return complete ? band : status(); }
};

struct CriterionChange {
    enum class Presence { Both, Added, Removed };
    std::string id;  // full id
    Presence presence = Presence::Both;
    std::optional<Decimal> before, after;                        // null when exempt, error or absent
    std::optional<CriterionStatus> before_status, after_status;  // null on the side that lacks it
};
const char* presence_name(CriterionChange::Presence p);  // "changed", "added", "removed"

struct UnitChange {
    std::string unit, name, category;
    UnitState before, after;
    /// Criteria whose points or status differ, then criteria only one rulebook has (where they
    /// are not exempt for the unit): the first rulebook's order, then the second's additions.
    std::vector<CriterionChange> criteria;
};

struct BandMove {
    std::string from, to;  // band ids, "incomplete" or "not_covered"
    std::size_t units = 0;
};

struct RulebookRef {
    std::string id, version, sha256;
};

struct RulebookDiff {
    RulebookRef before, after;
    int year = 0;
    Basis basis = Basis::All;
    std::vector<std::string> added_criteria, removed_criteria;  // full ids, rulebook order
    std::size_t units_compared = 0;                             // units either rulebook covers
    /// Units whose coverage, status, points, total, band or rank changes: by category (the first
    /// rulebook's `units` order, then the second's others), then id.
    std::vector<UnitChange> units;
    /// Moves between different bands (or statuses), ordered by the first rulebook's bands then
    /// the second's; unchanged bands are not listed.
    std::vector<BandMove> band_moves;
    std::vector<Warning> warnings;  // run-wide warnings of the second rulebook's evaluation
    /// What people read for each category: the second rulebook's label, else the first's.
    std::map<std::string, std::string> category_labels;
};

/// Compares two evaluations of the same evidence and year, under `before_rb` and `after_rb`.
RulebookDiff compare_rulebooks(const rules::Rulebook& before_rb, const Evaluation& before,
                               const rules::Rulebook& after_rb, const Evaluation& after);

/// Loads the year's evidence (once when both rulebooks read it alike), scores it under both and
/// compares. The request's category filter applies to the output; NotCovered when neither
/// rulebook scores that category.
RulebookDiff diff_rulebooks(const rules::Rulebook& before, const rules::Rulebook& after,
                            const inspections::Store& store, const EvaluationRequest& request);

std::string render_diff_json(const RulebookDiff& diff);
/// Text for a person in `lang`: bands read as their labels in the rulebook each side comes from,
/// categories as their labels, points written for the language.
std::string render_diff_table(const rules::Rulebook& before, const rules::Rulebook& after, const RulebookDiff& diff,
                              i18n::Language lang = i18n::Language::en);

}  // namespace parscore::engine
