// Checks on the merged rulebook: required sections, categories, and the band structure. Each
// problem is reported at the item, in the file that defined it.
#include <algorithm>

#include "codes.hpp"
#include "merge.hpp"

namespace parscore::rules::detail {

namespace {

void check_required(const Draft& d, Span leaf_root, Reader& reader) {
    const Text a_rulebook = core::T_("a rulebook");
    if (!d.units) reader.missing(leaf_root, "units", a_rulebook);
    if (!d.has_groups) {
        reader.missing(leaf_root, "groups", a_rulebook);
    } else if (d.groups.empty() && d.groups_listed) {
        reader.diags().error(code::kEmptyList, d.groups_span,
                             core::T_("a rulebook needs at least one group of criteria"));
    }
    if (!d.bands) reader.missing(leaf_root, "bands", a_rulebook);
    for (const DraftGroup& g : d.groups) {
        Text name = g.id.empty() ? core::T_("a group") : core::T_("group {id}", {{"id", "'" + g.id + "'"}});
        if (!g.has_criteria) {
            reader.missing(g.map_span, "criteria", name);
        } else if (g.criteria.empty() && g.criteria_listed) {
            reader.diags().error(code::kEmptyList, g.criteria_span,
                                 core::T_("{group} needs at least one criterion", {core::part("group", name)}));
        }
    }
}

void check_categories(const Draft& d, Reader& reader) {
    // Without usable units (reported already) every category would look unknown.
    if (!d.units || d.units->empty()) return;
    std::vector<std::string> units;
    for (const auto& u : *d.units) units.push_back(u.value);
    std::string listed;
    for (const auto& u : units) listed += (listed.empty() ? "" : ", ") + u;
    for (const DraftGroup& g : d.groups) {
        for (const DraftCriterion& c : g.criteria) {
            if (!c.applies_to) continue;
            for (const auto& category : *c.applies_to) {
                if (std::find(units.begin(), units.end(), category.value) != units.end()) continue;
                reader.diags().error(
                    code::kUnknownCategory, category.span,
                    core::T_("unit category {category} is not among the rulebook's units "
                             "({units}){hint}",
                             {{"category", quote(category.value)}, {"units", listed}, hint(category.value, units)}));
            }
        }
    }
}

void check_band_order(const std::vector<DraftBand>& bands, Reader& reader) {
    const DraftBand* previous = nullptr;
    for (const DraftBand& b : bands) {
        if (!b.min) continue;
        if (previous && b.min->value >= previous->min->value) {
            reader.diags().error(code::kBandOrder, b.min->span,
                                 core::T_("band {band} has min {min}, which is not below the min {previous_min} of "
                                          "band {previous} (bands are listed highest first)",
                                          {{"band", quote(b.id)},
                                           {"min", b.min->value.to_string()},
                                           {"previous_min", previous->min->value.to_string()},
                                           {"previous", quote(previous->id)}}));
        }
        previous = &b;
    }
    const DraftBand& last = bands.back();
    if (last.min && !last.min->value.is_zero()) {
        reader.diags().error(code::kBandOrder, last.min->span,
                             core::T_("the last band {band} must have min 0, found {min} (every total needs a band)",
                                      {{"band", quote(last.id)}, {"min", last.min->value.to_string()}}));
    }
}

void check_quotas(const std::vector<DraftBand>& bands, const std::vector<std::string>& ids, Reader& reader) {
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const DraftBand& b = bands[i];
        if (b.quota && i + 1 == bands.size()) {
            reader.diags().error(code::kBadQuota, b.quota->span,
                                 core::T_("the last band {band} cannot have a quota: units over it would have no "
                                          "lower band to move to",
                                          {{"band", quote(b.id)}}));
        }
        if (!b.quota_of) continue;
        if (!b.quota) {
            reader.diags().error(code::kBadQuota, b.quota_of->span,
                                 core::T_("band {band} has 'quota_of' but no 'quota'", {{"band", quote(b.id)}}));
        }
        auto it = std::find(ids.begin(), ids.end(), b.quota_of->value);
        if (it == ids.end()) {
            reader.diags().error(code::kUnknownBand, b.quota_of->span,
                                 core::T_("'quota_of' names no band: {band}{hint}",
                                          {{"band", quote(b.quota_of->value)}, hint(b.quota_of->value, ids)}));
        } else if (static_cast<std::size_t>(it - ids.begin()) < i) {
            reader.diags().error(code::kQuotaOfHigher, b.quota_of->span,
                                 core::T_("'quota_of' of band {band} names the higher band {higher} (it must name "
                                          "the band itself or a lower one)",
                                          {{"band", quote(b.id)}, {"higher", quote(b.quota_of->value)}}));
        }
    }
}

void check_band_caps(const Draft& d, const std::vector<std::string>& ids, Reader& reader) {
    for (const DraftBandCap& c : d.band_caps) {
        if (!c.at_most) continue;
        if (std::find(ids.begin(), ids.end(), c.at_most->value) != ids.end()) continue;
        reader.diags().error(code::kUnknownBand, c.at_most->span,
                             core::T_("'at_most' names no band: {band}{hint}",
                                      {{"band", quote(c.at_most->value)}, hint(c.at_most->value, ids)}));
    }
}

}  // namespace

void validate(const Draft& merged, Span leaf_root, Reader& reader) {
    check_required(merged, leaf_root, reader);
    check_categories(merged, reader);
    std::vector<std::string> band_ids;
    if (merged.bands) {
        for (const DraftBand& b : *merged.bands) band_ids.push_back(b.id);
        if (!merged.bands->empty()) {
            check_band_order(*merged.bands, reader);
            check_quotas(*merged.bands, band_ids, reader);
        }
    }
    // Without a usable `bands` list every name would be unknown; that is reported once, above.
    if (merged.bands && !merged.bands->empty()) check_band_caps(merged, band_ids, reader);
}

}  // namespace parscore::rules::detail
