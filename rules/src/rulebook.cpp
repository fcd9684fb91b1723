#include "parscore/rules/rulebook.hpp"

namespace parscore::rules {

std::string Rulebook::category_label(std::string_view category) const {
    for (std::size_t i = 0; i < units.size() && i < unit_labels.size(); ++i) {
        if (units[i] == category) return unit_labels[i];
    }
    return std::string(category);
}

const Band* Rulebook::band(std::string_view band_id) const {
    auto i = band_index(band_id);
    return i ? &bands[*i] : nullptr;
}

std::optional<std::size_t> Rulebook::band_index(std::string_view band_id) const {
    for (std::size_t i = 0; i < bands.size(); ++i) {
        if (bands[i].id == band_id) return i;
    }
    return std::nullopt;
}

const Criterion* Rulebook::criterion(std::string_view full_id) const {
    for (const Group& g : groups) {
        // A full id is "group.criterion"; only the matching group can hold it.
        if (full_id.size() <= g.id.size() || full_id.substr(0, g.id.size()) != g.id || full_id[g.id.size()] != '.') {
            continue;
        }
        for (const Criterion& c : g.criteria) {
            if (c.id == full_id) return &c;
        }
    }
    return nullptr;
}

std::size_t Rulebook::criterion_count() const {
    std::size_t n = 0;
    for (const Group& g : groups) n += g.criteria.size();
    return n;
}

}  // namespace parscore::rules
