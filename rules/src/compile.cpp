// From the merged draft to the public model: defaults filled in, and every expression compiled
// into one shared program by one checker over the merged evidence schema and params, so a child
// file's expressions see its parents' kinds and a parent's expressions see the child's changes.
#include "codes.hpp"
#include "merge.hpp"
#include "parscore/dsl/embedded.hpp"

namespace parscore::rules::detail {

namespace {

enum class Expect { Points, Condition, Measure };

bool fits(const dsl::Type& type, Expect expect) {
    if (type.is_error()) return true;  // already reported
    switch (expect) {
        case Expect::Points: return type.is_numeric();
        case Expect::Condition: return type.is(dsl::BaseType::Bool);
        case Expect::Measure: return type.is_numeric() || type.is(dsl::BaseType::Bool);
    }
    return false;
}

core::Text expectation(Expect expect) {
    switch (expect) {
        case Expect::Points: return core::T_("an int or a number");
        case Expect::Condition: return core::T_("a bool");
        case Expect::Measure: break;
    }
    return core::T_("a bool, an int or a number");
}

class Compiler {
public:
    Compiler(Rulebook& rb, core::SourceSet& sources, core::Diagnostics& diags)
        : sources_(sources), diags_(diags), checker_(*rb.program, rb.evidence, rb.params) {}

    /// `what` names the expression in a type error: "the points of criterion 'tthc.posted'".
    dsl::Compiled compile(const YamlNode* node, Expect expect, const core::Text& what) {
        if (!node) return {};
        auto compiled = dsl::compile_scalar(sources_, node->span.file, *node, checker_, diags_);
        if (!compiled) return {};
        if (!fits(compiled->type, expect)) {
            diags_.error(code::kExpressionType, node->span,
                         core::T_("{what} must be {expected}, found {type}",
                                  {core::part("what", what),
                                   core::part("expected", expectation(expect)),
                                   {"type", dsl::type_name(compiled->type)}}));
            return {};
        }
        return *compiled;
    }

private:
    core::SourceSet& sources_;
    core::Diagnostics& diags_;
    dsl::Checker checker_;
};

/// `what` names the points in a type error, with `{id}` still to fill.
Adjustment build_adjustment(const DraftAdjustment& a, core::Text what, Compiler& compiler) {
    Adjustment out;
    out.id = a.id;
    out.title = a.title.value_or(a.id);
    out.cap = a.cap;
    out.span = a.span;
    what.args.push_back({"id", "'" + a.id + "'"});
    out.points = compiler.compile(a.points, Expect::Points, what);
    return out;
}

void build_groups(const Draft& d, Rulebook& rb, Compiler& compiler) {
    for (const DraftGroup& g : d.groups) {
        Group group;
        group.id = g.id;
        group.title = g.title.value_or(g.id);
        group.span = g.span;
        for (const DraftCriterion& c : g.criteria) {
            Criterion criterion;
            criterion.id = g.id + "." + c.id;
            criterion.local_id = c.id;
            criterion.title = c.title.value_or(c.id);
            criterion.max = c.max.value_or(Decimal{});
            criterion.on_missing = c.on_missing;
            if (c.applies_to) {
                for (const auto& category : *c.applies_to) criterion.applies_to.push_back(category.value);
            }
            criterion.span = c.span;
            criterion.points = compiler.compile(c.points, Expect::Points,
                                                core::T_("the points of criterion {id}",
                                                         {{"id", "'" + criterion.id + "'"}}));
            group.criteria.push_back(std::move(criterion));
        }
        rb.groups.push_back(std::move(group));
    }
}

void build_bands(const Draft& d, Rulebook& rb) {
    if (!d.bands) return;
    for (const DraftBand& b : *d.bands) {
        Band band;
        band.id = b.id;
        band.label = b.label.value_or(b.id);
        if (b.min) band.min = b.min->value;
        if (b.quota) band.quota = b.quota->value;
        if (b.quota_of) band.quota_of = b.quota_of->value;
        band.span = b.span;
        rb.bands.push_back(std::move(band));
    }
}

/// An indicator's `of`, and `over` or `format` with the types they need: a ratio's parts are
/// numbers (Σ of ÷ Σ over); `format: percent` marks number values that are shares, so it needs a
/// number `of` and is pointless on a ratio, which is a percentage already.
Indicator build_indicator(const DraftIndicator& i, Compiler& compiler, core::Diagnostics& diags) {
    Indicator out;
    out.id = i.id;
    out.title = i.title.value_or(i.id);
    out.span = i.span;
    const core::TextArg id{"id", "'" + i.id + "'"};
    out.of = compiler.compile(i.of, i.over ? Expect::Points : Expect::Measure,
                              i.over ? core::T_("the measure of indicator {id} (a ratio's numerator)", {id})
                                     : core::T_("the measure of indicator {id}", {id}));
    if (i.over) out.over = compiler.compile(i.over, Expect::Points, core::T_("'over' of indicator {id}", {id}));
    if (!i.format) return out;
    out.format = IndicatorFormat::Percent;
    if (i.over) {
        diags.error(code::kBadFormat, i.format->span,
                    core::T_("'format: percent' cannot be combined with 'over': a ratio is shown as a percentage "
                             "already"));
    } else if (i.of && out.of.root != dsl::kNoNode && !out.of.type.is(dsl::BaseType::Number)) {
        diags.error(code::kBadFormat, i.format->span,
                    core::T_("'format: percent' needs a number 'of' whose values are shares, found {type}",
                             {{"type", dsl::type_name(out.of.type)}}));
    }
    return out;
}

}  // namespace

Rulebook build_rulebook(const Draft& d, const FileDraft& leaf, core::SourceSet& sources, core::Diagnostics& diags) {
    Rulebook rb;
    rb.id = leaf.id ? leaf.id->value : "";
    rb.version = leaf.version ? leaf.version->value : "";
    rb.title = d.title ? d.title->value : rb.id;
    if (d.units) {
        for (const auto& u : *d.units) {
            rb.units.push_back(u.value);
            rb.unit_labels.push_back(u.label.value_or(u.value));
        }
    }
    rb.scale = d.scale ? d.scale->value : *Decimal::from_int(100);
    if (d.deduction_cap) rb.deduction_cap = d.deduction_cap->value;
    // Names that were reported as invalid are kept from the checker, which may rely on them being
    // identifiers; expressions using them then report an unknown name.
    for (const DraftParam& p : d.params) {
        if (p.usable) rb.params.push_back(p.param);
    }
    for (const DraftKind& k : d.kinds) {
        if (k.usable) rb.evidence.kinds.push_back(k.def);
    }
    // The checker keeps references to rb.evidence and rb.params: both must stay where they are
    // until compiling ends (moving the Rulebook later keeps their heap storage).
    rb.program = std::make_shared<dsl::Program>();
    Compiler compiler(rb, sources, diags);

    build_groups(d, rb, compiler);
    for (const auto& a : d.deductions)
        rb.deductions.push_back(build_adjustment(a, core::T_("the points of deduction {id}"), compiler));
    for (const auto& a : d.bonuses)
        rb.bonuses.push_back(build_adjustment(a, core::T_("the points of bonus {id}"), compiler));
    build_bands(d, rb);
    for (const DraftBandCap& c : d.band_caps) {
        BandCap cap;
        cap.id = c.id;
        cap.title = c.title.value_or(c.id);
        cap.at_most = c.at_most ? c.at_most->value : "";
        cap.span = c.span;
        cap.when = compiler.compile(c.when, Expect::Condition,
                                    core::T_("the condition of band cap {id}", {{"id", "'" + c.id + "'"}}));
        rb.band_caps.push_back(std::move(cap));
    }
    for (const DraftIndicator& i : d.indicators) rb.indicators.push_back(build_indicator(i, compiler, diags));
    return rb;
}

}  // namespace parscore::rules::detail
