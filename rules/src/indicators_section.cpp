// `indicators:` — province-wide summary figures: id, title, an `of` expression per unit, and
// optionally `over` (a ratio's denominator) or `format: percent`. Whether `over` and `format`
// fit the expressions' types is checked when they are compiled (compile.cpp).
#include "sections.hpp"

namespace parscore::rules::detail {

void read_indicators(Reader& reader, const YamlNode& node, Draft& out) {
    if (!reader.list(node, "'indicators'")) return;
    SeenIds seen(reader, "indicator id");
    for (const YamlNode& map : node.items) {
        if (!reader.map(map, "an indicator")) continue;
        DraftIndicator i;
        i.span = map.span;
        const std::string where = item_name("indicator", map);
        reader.known_keys(map, {"id", "title", "of", "over", "format"}, where);
        if (const YamlNode* id = reader.required(map, "id", where)) {
            i.id = reader.id(*id, IdKind::Item, "indicator id").value;
            i.span = id->span;
        }
        i.title = read_title(reader, map, "title");
        if (const YamlNode* of = reader.required(map, "of", where)) i.of = reader.expression(*of, "'of'");
        if (const YamlNode* over = map.find("over")) i.over = reader.expression(*over, "'over'");
        if (const YamlNode* format = map.find("format")) {
            if (auto value = reader.choice(*format, {"percent"}, "'format'"))
                i.format = Located<std::string>{*value, format->span};
        }
        seen.add(i.id, i.span);
        out.indicators.push_back(std::move(i));
    }
}

}  // namespace parscore::rules::detail
