// Checks on the merged rulebook: required sections, categories, and the band structure. Each
// problem is reported at the item, in the file that defined it.
#include <algorithm>

#include "codes.hpp"
#include "merge.hpp"
#include "parscore/core/suggest.hpp"

namespace parscore::rules::detail {

namespace {

void check_required(const Draft& d, Span leaf_root, Reader& reader) {
    if (!d.units) reader.missing(leaf_root, "units", "a rulebook");
    if (!d.has_groups) {
        reader.missing(leaf_root, "groups", "a rulebook");
    } else if (d.groups.empty() && d.groups_listed) {
        reader.diags().error(code::kEmptyList, d.groups_span, "a rulebook needs at least one group of criteria");
    }
    if (!d.bands) reader.missing(leaf_root, "bands", "a rulebook");
    for (const DraftGroup& g : d.groups) {
        std::string name = g.id.empty() ? "a group" : "group '" + g.id + "'";
        if (!g.has_criteria) {
            reader.missing(g.map_span, "criteria", name);
        } else if (g.criteria.empty() && g.criteria_listed) {
            reader.diags().error(code::kEmptyList, g.criteria_span, name + " needs at least one criterion");
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
                reader.diags().error(code::kUnknownCategory, category.span,
                                     "unit category " + quote(category.value) + " is not among the rulebook's units (" +
                                         listed + ")" + core::did_you_mean(category.value, units));
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
                                 "band " + quote(b.id) + " has min " + b.min->value.to_string() +
                                     ", which is not below the min " + previous->min->value.to_string() + " of band " +
                                     quote(previous->id) + " (bands are listed highest first)");
        }
        previous = &b;
    }
    const DraftBand& last = bands.back();
    if (last.min && !last.min->value.is_zero()) {
        reader.diags().error(code::kBandOrder, last.min->span,
                             "the last band " + quote(last.id) + " must have min 0, found " +
                                 last.min->value.to_string() + " (every total needs a band)");
    }
}

void check_quotas(const std::vector<DraftBand>& bands, const std::vector<std::string>& ids, Reader& reader) {
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const DraftBand& b = bands[i];
        if (b.quota && i + 1 == bands.size()) {
            reader.diags().error(code::kBadQuota, b.quota->span,
                                 "the last band " + quote(b.id) +
                                     " cannot have a quota: units over it would have no lower band to move to");
        }
        if (!b.quota_of) continue;
        if (!b.quota) {
            reader.diags().error(code::kBadQuota, b.quota_of->span,
                                 "band " + quote(b.id) + " has 'quota_of' but no 'quota'");
        }
        auto it = std::find(ids.begin(), ids.end(), b.quota_of->value);
        if (it == ids.end()) {
            reader.diags().error(code::kUnknownBand, b.quota_of->span,
                                 "'quota_of' names no band: " + quote(b.quota_of->value) +
                                     core::did_you_mean(b.quota_of->value, ids));
        } else if (static_cast<std::size_t>(it - ids.begin()) < i) {
            reader.diags().error(code::kQuotaOfHigher, b.quota_of->span,
                                 "'quota_of' of band " + quote(b.id) + " names the higher band " +
                                     quote(b.quota_of->value) + " (it must name the band itself or a lower one)");
        }
    }
}

void check_band_caps(const Draft& d, const std::vector<std::string>& ids, Reader& reader) {
    for (const DraftBandCap& c : d.band_caps) {
        if (!c.at_most) continue;
        if (std::find(ids.begin(), ids.end(), c.at_most->value) != ids.end()) continue;
        reader.diags().error(code::kUnknownBand, c.at_most->span,
                             "'at_most' names no band: " + quote(c.at_most->value) +
                                 core::did_you_mean(c.at_most->value, ids));
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
