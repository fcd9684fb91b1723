// `groups:` — each group's id, title and criteria; each criterion's max, on_missing, applies_to
// and points expression. Whether `applies_to` names rulebook categories is checked after merging.
#include "codes.hpp"
#include "sections.hpp"

namespace parscore::rules::detail {

namespace {

DraftCriterion read_criterion(Reader& reader, const YamlNode& map) {
    DraftCriterion c;
    c.span = map.span;
    c.map_span = map.span;
    const std::string where = item_name("criterion", map);
    reader.known_keys(map, {"id", "title", "max", "on_missing", "applies_to", "points"}, where);
    if (const YamlNode* id = reader.required(map, "id", where)) {
        c.id = reader.id(*id, IdKind::Item, "criterion id").value;
        c.span = id->span;
    }
    c.title = read_title(reader, map, "title");
    if (const YamlNode* max = reader.required(map, "max", where)) {
        c.max = reader.number(*max, "'max'");
        if (c.max && (c.max->is_negative() || c.max->is_zero())) {
            reader.diags().error(code::kOutOfRange, max->span,
                                 "'max' must be greater than 0, found " + c.max->to_string());
            c.max.reset();
        }
    }
    if (const YamlNode* on_missing = map.find("on_missing")) {
        auto value = reader.choice(*on_missing, {"zero", "exempt", "error"}, "'on_missing'");
        if (value == "exempt") c.on_missing = OnMissing::Exempt;
        if (value == "error") c.on_missing = OnMissing::Error;
    }
    if (const YamlNode* applies_to = map.find("applies_to")) {
        c.applies_to = reader.id_list(*applies_to, IdKind::Category, "'applies_to'", "unit category");
        if (c.applies_to && applies_to->items.empty()) {
            reader.diags().error(code::kEmptyList, applies_to->span,
                                 "'applies_to' must name at least one unit category (leave it out for all)");
        }
    }
    if (const YamlNode* points = reader.required(map, "points", where))
        c.points = reader.expression(*points, "'points'");
    return c;
}

DraftGroup read_group(Reader& reader, const YamlNode& map) {
    DraftGroup g;
    g.span = map.span;
    g.map_span = map.span;
    const std::string where = item_name("group", map);
    reader.known_keys(map, {"id", "title", "criteria"}, where);
    if (const YamlNode* id = reader.required(map, "id", where)) {
        g.id = reader.id(*id, IdKind::Group, "group id").value;
        g.span = id->span;
    }
    g.title = read_title(reader, map, "title");
    // `criteria` may be left out when a child file only retitles a parent's group; whether every
    // group ends up with criteria is checked on the merged rulebook.
    if (const YamlNode* criteria = map.find("criteria")) {
        g.has_criteria = true;
        g.criteria_span = criteria->span;
        g.criteria_listed = criteria->is_sequence();
        if (reader.list(*criteria, "'criteria'")) {
            SeenIds seen(reader, "criterion id");
            for (const YamlNode& item : criteria->items) {
                if (!reader.map(item, "a criterion")) continue;
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
    if (!reader.list(node, "'groups'")) return;
    SeenIds seen(reader, "group id");
    for (const YamlNode& item : node.items) {
        if (!reader.map(item, "a group")) continue;
        DraftGroup g = read_group(reader, item);
        seen.add(g.id, g.span);
        out.groups.push_back(std::move(g));
    }
}

}  // namespace parscore::rules::detail
