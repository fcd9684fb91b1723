// Merging a child file onto its parents (`extends` in docs/reference/rulebook-format.md).
#include <unordered_map>

#include "codes.hpp"
#include "ids.hpp"
#include "merge.hpp"
#include "parscore/core/suggest.hpp"

namespace parscore::rules::detail {

namespace {

const std::string& id_of(const DraftParam& p) { return p.param.name; }
const std::string& id_of(const DraftKind& k) { return k.def.name; }
template <typename T> const std::string& id_of(const T& item) { return item.id; }
Span span_of(const DraftParam& p) { return p.span; }
Span span_of(const DraftKind& k) { return k.def.span; }
template <typename T> Span span_of(const T& item) { return item.span; }

/// Where each id of a list sits. Items without an id are not indexed: they never match.
template <typename T> std::unordered_map<std::string, std::size_t> index_by_id(const std::vector<T>& items) {
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!id_of(items[i]).empty()) index.try_emplace(id_of(items[i]), i);
    }
    return index;
}

/// The child's entries replace the parent's entry with the same id in place; new ids are appended.
template <typename T> void replace_or_append(std::vector<T>& into, std::vector<T>&& from) {
    auto index = index_by_id(into);
    for (T& item : from) {
        auto it = id_of(item).empty() ? index.end() : index.find(id_of(item));
        if (it != index.end()) {
            into[it->second] = std::move(item);
        } else {
            if (!id_of(item).empty()) index.emplace(id_of(item), into.size());
            into.push_back(std::move(item));
        }
    }
}

/// A child group with an existing id is merged: its title replaces the parent's, its criteria
/// replace or are appended.
void merge_groups(std::vector<DraftGroup>& into, std::vector<DraftGroup>&& from) {
    auto index = index_by_id(into);
    for (DraftGroup& group : from) {
        auto it = group.id.empty() ? index.end() : index.find(group.id);
        if (it == index.end()) {
            if (!group.id.empty()) index.emplace(group.id, into.size());
            into.push_back(std::move(group));
            continue;
        }
        DraftGroup& target = into[it->second];
        if (group.title) target.title = std::move(group.title);
        if (group.has_criteria) {
            target.has_criteria = true;
            target.criteria_listed = group.criteria_listed;
            target.criteria_span = group.criteria_span;
        }
        replace_or_append(target.criteria, std::move(group.criteria));
    }
}

/// Every id `remove:` can name in `d`, for "did you mean".
std::vector<std::string> removable_ids(const Draft& d) {
    std::vector<std::string> ids;
    for (const auto& g : d.groups) {
        ids.push_back(g.id);
        for (const auto& c : g.criteria) ids.push_back(g.id + "." + c.id);
    }
    for (const auto& a : d.deductions) ids.push_back("deductions." + a.id);
    for (const auto& a : d.bonuses) ids.push_back("bonuses." + a.id);
    for (const auto& c : d.band_caps) ids.push_back("band_caps." + c.id);
    for (const auto& i : d.indicators) ids.push_back("indicators." + i.id);
    for (const auto& p : d.params) ids.push_back("params." + p.param.name);
    for (const auto& k : d.kinds) ids.push_back("evidence." + k.def.name);
    return ids;
}

template <typename T> bool erase_id(std::vector<T>& items, std::string_view id) {
    for (auto it = items.begin(); it != items.end(); ++it) {
        if (id_of(*it) == id) {
            items.erase(it);
            return true;
        }
    }
    return false;
}

/// Removes one qualified id from `d`; false when it names nothing.
bool remove_one(Draft& d, const std::string& qualified) {
    auto dot = qualified.find('.');
    if (dot == std::string::npos) return erase_id(d.groups, qualified);
    std::string head = qualified.substr(0, dot), tail = qualified.substr(dot + 1);
    if (head == "deductions") return erase_id(d.deductions, tail);
    if (head == "bonuses") return erase_id(d.bonuses, tail);
    if (head == "band_caps") return erase_id(d.band_caps, tail);
    if (head == "indicators") return erase_id(d.indicators, tail);
    if (head == "params") return erase_id(d.params, tail);
    if (head == "evidence") return erase_id(d.kinds, tail);
    for (auto& g : d.groups) {
        if (g.id == head) return erase_id(g.criteria, tail);
    }
    return false;
}

/// The qualified ids a file defines, with where, to find ids it both removes and redefines.
std::vector<Located<std::string>> defined_ids(const Draft& d) {
    std::vector<Located<std::string>> ids;
    auto add = [&](std::string prefix, const auto& items) {
        for (const auto& item : items) {
            if (!id_of(item).empty()) ids.push_back({prefix + id_of(item), span_of(item)});
        }
    };
    for (const auto& g : d.groups) {
        if (!g.id.empty()) ids.push_back({g.id, g.span});
        add(g.id + ".", g.criteria);
    }
    add("deductions.", d.deductions);
    add("bonuses.", d.bonuses);
    add("band_caps.", d.band_caps);
    add("indicators.", d.indicators);
    add("params.", d.params);
    add("evidence.", d.kinds);
    return ids;
}

void check_not_redefined(const FileDraft& child, Reader& reader) {
    if (child.remove.empty()) return;
    std::unordered_map<std::string, Span> removed;
    for (const auto& r : child.remove) removed.try_emplace(r.value, r.span);
    for (const auto& defined : defined_ids(child.body)) {
        auto it = removed.find(defined.value);
        if (it == removed.end()) continue;
        reader.diags()
            .error(code::kRemovedRedefined, defined.span,
                   core::T_("{id} is removed and defined again in the same file (leave out the removal to "
                            "replace it)",
                            {{"id", "'" + defined.value + "'"}}))
            .add_note(it->second, core::T_("removed here"));
    }
}

}  // namespace

void apply_child(Draft& merged, FileDraft& child, Reader& reader) {
    if (!child.remove.empty()) {
        const std::vector<std::string> known = removable_ids(merged);
        for (const auto& r : child.remove) {
            if (remove_one(merged, r.value)) continue;
            reader.diags().error(code::kBadRemove, r.span,
                                 core::T_("cannot remove {id}: the extended rulebook has no such id{hint}",
                                          {{"id", quote(r.value)}, hint(r.value, known)}));
        }
    }
    check_not_redefined(child, reader);

    Draft& c = child.body;
    if (c.title) merged.title = std::move(c.title);
    if (c.units) merged.units = std::move(c.units);
    if (c.scale) merged.scale = c.scale;
    if (c.deduction_cap) merged.deduction_cap = c.deduction_cap;
    replace_or_append(merged.params, std::move(c.params));
    replace_or_append(merged.kinds, std::move(c.kinds));
    if (c.has_groups) {
        merged.has_groups = true;
        merged.groups_listed = c.groups_listed;
        merged.groups_span = c.groups_span;
    }
    merge_groups(merged.groups, std::move(c.groups));
    replace_or_append(merged.deductions, std::move(c.deductions));
    replace_or_append(merged.bonuses, std::move(c.bonuses));
    replace_or_append(merged.band_caps, std::move(c.band_caps));
    if (c.bands) {
        merged.bands = std::move(c.bands);
        merged.bands_span = c.bands_span;
    }
    replace_or_append(merged.indicators, std::move(c.indicators));
}

Draft take_own(FileDraft& file, Reader& reader) {
    if (file.remove_key) {
        reader.diags().error(code::kBadRemove, *file.remove_key,
                             core::T_("'remove' needs 'extends': there is no extended rulebook to remove from"));
    }
    return std::move(file.body);
}

}  // namespace parscore::rules::detail
