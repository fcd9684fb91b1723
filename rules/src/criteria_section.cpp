// `groups:` — each group's id, title and criteria; each criterion's max, on_missing, applies_to
// and points expression. Whether `applies_to` names rulebook categories is checked after merging.
#include "codes.hpp"
#include "sections.hpp"

namespace parscore::rules::detail {

namespace {

Noun criterion_id() { return {core::T_("criterion id"), core::T_("a criterion id")}; }
Noun group_id() { return {core::T_("group id"), core::T_("a group id")}; }

DraftCriterion read_criterion(Reader& reader, const YamlNode& map) {
    DraftCriterion c;
    c.span = map.span;
    c.map_span = map.span;
    const Text where = item_name(map, core::T_("criterion {id}"), core::T_("a criterion"));
    reader.known_keys(map, {"id", "title", "max", "on_missing", "applies_to", "points"}, where);
    if (const YamlNode* id = reader.required(map, "id", where)) {
        c.id = reader.id(*id, IdKind::Item, criterion_id()).value;
        c.span = id->span;
    }
    c.title = read_title(reader, map, "title");
    if (const YamlNode* max = reader.required(map, "max", where)) {
        c.max = reader.number(*max, key_name("max"));
        if (c.max && (c.max->is_negative() || c.max->is_zero())) {
            reader.diags().error(code::kOutOfRange, max->span,
                                 core::T_("'max' must be greater than 0, found {value}",
                                          {{"value", c.max->to_string()}}));
            c.max.reset();
        }
    }
    if (const YamlNode* on_missing = map.find("on_missing")) {
        auto value = reader.choice(*on_missing, {"zero", "exempt", "error"}, key_name("on_missing"));
        if (value == "exempt") c.on_missing = OnMissing::Exempt;
        if (value == "error") c.on_missing = OnMissing::Error;
    }
    if (const YamlNode* applies_to = map.find("applies_to")) {
        c.applies_to = reader.id_list(*applies_to, IdKind::Category, key_name("applies_to"),
                                      Noun{core::T_("unit category"), core::T_("a unit category")});
        if (c.applies_to && applies_to->items.empty()) {
            reader.diags().error(code::kEmptyList, applies_to->span,
                                 core::T_("'applies_to' must name at least one unit category (leave it out for all)"));
        }
    }
    if (const YamlNode* points = reader.required(map, "points", where))
        c.points = reader.expression(*points, key_name("points"));
    return c;
}

DraftGroup read_group(Reader& reader, const YamlNode& map) {
    DraftGroup g;
    g.span = map.span;
    g.map_span = map.span;
    const Text where = item_name(map, core::T_("group {id}"), core::T_("a group"));
    reader.known_keys(map, {"id", "title", "criteria"}, where);
    if (const YamlNode* id = reader.required(map, "id", where)) {
        g.id = reader.id(*id, IdKind::Group, group_id()).value;
        g.span = id->span;
    }
    g.title = read_title(reader, map, "title");
    // `criteria` may be left out when a child file only retitles a parent's group; whether every
    // group ends up with criteria is checked on the merged rulebook.
    if (const YamlNode* criteria = map.find("criteria")) {
        g.has_criteria = true;
        g.criteria_span = criteria->span;
        g.criteria_listed = criteria->is_sequence();
        if (reader.list(*criteria, key_name("criteria"))) {
            SeenIds seen(reader, criterion_id().bare);
            for (const YamlNode& item : criteria->items) {
                if (!reader.map(item, core::T_("a criterion"))) continue;
                DraftCriterion c = read_criterion(reader, item);
                seen.add(c.id, c.span);
                g.criteria.push_back(std::move(c));  // kept, so its expression is still checked
            }
        }
    }
    return g;
}

}  // namespace

void read_groups(Reader& reader, const YamlNode& node, Draft& out) {
    if (!reader.list(node, key_name("groups"))) return;
    SeenIds seen(reader, group_id().bare);
    for (const YamlNode& item : node.items) {
        if (!reader.map(item, core::T_("a group"))) continue;
        DraftGroup g = read_group(reader, item);
        seen.add(g.id, g.span);
        out.groups.push_back(std::move(g));
    }
}

}  // namespace parscore::rules::detail
