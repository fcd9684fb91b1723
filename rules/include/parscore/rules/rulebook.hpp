#pragma once
// The typed model of a loaded rulebook (docs/reference/rulebook-format.md): evidence schema,
// params, groups of criteria, deductions, bonuses, band caps, bands and indicators, with every
// expression compiled into one shared dsl::Program. Spans point into the file that defined each
// item.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parscore/core/decimal.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/core/source.hpp"
#include "parscore/dsl/checker.hpp"
#include "parscore/dsl/program.hpp"

namespace parscore::rules {

using core::Decimal;
using core::Span;

enum class OnMissing { Zero, Exempt, Error };

struct Criterion {
    std::string id;        // full id "group.criterion"
    std::string local_id;  // "criterion"
    std::string title;     // defaults to local_id
    Decimal max;
    OnMissing on_missing = OnMissing::Zero;
    std::vector<std::string> applies_to;  // empty: every category of the rulebook
    dsl::Compiled points;
    Span span{};  // the criterion's `id` value
};

struct Group {
    std::string id;
    std::string title;
    std::vector<Criterion> criteria;
    Span span{};
};

/// A deduction or a bonus.
struct Adjustment {
    std::string id;
    std::string title;
    dsl::Compiled points;
    std::optional<Decimal> cap;
    Span span{};
};

struct BandCap {
    std::string id;
    std::string title;
    dsl::Compiled when;
    std::string at_most;  // a band id
    Span span{};
};

struct Band {
    std::string id;
    std::string label;  // defaults to id
    Decimal min;
    std::optional<Decimal> quota;  // in (0, 1]
    std::string quota_of;          // a band id, or empty: all complete units of the category
    Span span{};
};

/// How an indicator's figures read (docs/rule-authoring.md, "Indicators").
enum class IndicatorFormat {
    Plain,    // counts for bool, sum and mean for int/number
    Percent,  // a number whose values are shares: the mean is a percentage, the sum is not shown
};

struct Indicator {
    std::string id;
    std::string title;
    dsl::Compiled of;    // bool, int or number
    dsl::Compiled over;  // the ratio's denominator (int or number); root kNoNode when absent
    IndicatorFormat format = IndicatorFormat::Plain;
    Span span{};

    /// With `over`: the figure is Σ of ÷ Σ over, a share shown as a percentage.
    bool is_ratio() const { return over.root != dsl::kNoNode; }
};

/// One file a rulebook was built from (root first), with its bytes as read.
struct RulebookFile {
    std::string path;    // as resolved (relative paths stay relative to the working directory)
    std::string text;    // the file's bytes on disk
    std::string sha256;  // hex SHA-256 of those bytes
};

struct Rulebook {
    int format = 1;
    std::string id;
    std::string version;
    std::string title;
    std::vector<std::string> units;        // categories scored, in order
    std::vector<std::string> unit_labels;  // per category of `units`: its label, defaulting to the id
    Decimal scale;                         // default 100
    std::vector<dsl::Param> params;
    core::EvidenceSchema evidence;
    std::vector<Group> groups;
    std::vector<Adjustment> deductions;
    std::optional<Decimal> deduction_cap;
    std::vector<Adjustment> bonuses;
    std::vector<BandCap> band_caps;
    std::vector<Band> bands;  // highest first; the last has min 0
    std::vector<Indicator> indicators;

    std::shared_ptr<dsl::Program> program;  // owns every compiled expression
    std::vector<RulebookFile> files;        // root first (the extends chain), the loaded file last
    /// `rulebook.sha256` of docs/reference/outputs.md: the SHA-256 of the file's bytes; with
    /// extends, of the hex digests of its files, root first, each followed by a line feed.
    std::string sha256;

    /// What a person reads for a category: its label, or the id itself when it has none or is
    /// not one of `units`.
    std::string category_label(std::string_view category) const;
    const Band* band(std::string_view band_id) const;
    std::optional<std::size_t> band_index(std::string_view band_id) const;
    const Criterion* criterion(std::string_view full_id) const;
    std::size_t criterion_count() const;
};

}  // namespace parscore::rules
