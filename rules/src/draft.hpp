#pragma once
// The rulebook as read from YAML, before merging and compiling: every value keeps the span it was
// written at (so later phases report in the file that defined it) and every expression is still
// the YAML scalar it was written as. Values that were missing or invalid are left empty; an
// item's id is "" when it had none, so it never matches another item when merging.
#include <optional>
#include <string>
#include <vector>

#include "parscore/core/decimal.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/core/source.hpp"
#include "parscore/core/yaml_tree.hpp"
#include "parscore/dsl/checker.hpp"
#include "parscore/rules/rulebook.hpp"

namespace parscore::rules::detail {

using core::YamlNode;

template <typename T> struct Located {
    T value;
    Span span{};
};

struct DraftCriterion {
    std::string id;
    Span span{};      // the id value (or the item when it has none)
    Span map_span{};  // the criterion's map, for missing keys
    std::optional<std::string> title;
    std::optional<Decimal> max;
    OnMissing on_missing = OnMissing::Zero;
    std::optional<std::vector<Located<std::string>>> applies_to;
    const YamlNode* points = nullptr;  // a scalar
};

struct DraftGroup {
    std::string id;
    Span span{};
    Span map_span{};
    std::optional<std::string> title;
    bool has_criteria = false;     // some file gave `criteria:` for this group
    bool criteria_listed = false;  // … and it was a list (so an empty one is worth reporting)
    Span criteria_span{};          // where the latest `criteria:` list starts
    std::vector<DraftCriterion> criteria;
};

/// A deduction or a bonus.
struct DraftAdjustment {
    std::string id;
    Span span{};
    std::optional<std::string> title;
    const YamlNode* points = nullptr;
    std::optional<Decimal> cap;
};

struct DraftBandCap {
    std::string id;
    Span span{};
    std::optional<std::string> title;
    const YamlNode* when = nullptr;
    std::optional<Located<std::string>> at_most;
};

struct DraftBand {
    std::string id;
    Span span{};
    std::optional<std::string> label;
    std::optional<Located<Decimal>> min;
    std::optional<Located<Decimal>> quota;
    std::optional<Located<std::string>> quota_of;
};

struct DraftIndicator {
    std::string id;
    Span span{};
    std::optional<std::string> title;
    const YamlNode* of = nullptr;
    const YamlNode* over = nullptr;              // optional: the ratio's denominator
    std::optional<Located<std::string>> format;  // "percent"
};

/// A category of `units`: its id (value, span) and an optional label for people.
struct DraftUnit : Located<std::string> {
    std::optional<std::string> label;
};

struct DraftKind {
    core::KindDef def;   // def.span: the kind's name
    bool usable = true;  // a valid name: offered to the expression checker
};

struct DraftParam {
    dsl::Param param;
    Span span{};  // the name
    bool usable = true;
};

/// What a rulebook says (one file, or several merged).
struct Draft {
    std::optional<Located<std::string>> title;
    std::optional<std::vector<DraftUnit>> units;
    std::optional<Located<Decimal>> scale;
    std::optional<Located<Decimal>> deduction_cap;
    std::vector<DraftParam> params;
    std::vector<DraftKind> kinds;
    std::vector<DraftGroup> groups;
    bool has_groups = false;
    bool groups_listed = false;  // `groups:` was a list (an empty one is reported)
    Span groups_span{};
    std::vector<DraftAdjustment> deductions;
    std::vector<DraftAdjustment> bonuses;
    std::vector<DraftBandCap> band_caps;
    std::optional<std::vector<DraftBand>> bands;
    Span bands_span{};
    std::vector<DraftIndicator> indicators;
};

/// One file as read: its header (keys every file gives) and its contents.
struct FileDraft {
    core::FileId file = 0;
    Span root_span{};
    std::optional<Located<std::string>> id;
    std::optional<Located<std::string>> version;
    std::optional<Located<std::string>> extends;
    std::vector<Located<std::string>> remove;
    std::optional<Span> remove_key;  // `remove:` was written here
    Draft body;
};

}  // namespace parscore::rules::detail
