// `indicators:` — province-wide summary figures: id, title, an `of` expression per unit, and
// optionally `over` (a ratio's denominator) or `format: percent`. Whether `over` and `format`
// fit the expressions' types is checked when they are compiled (compile.cpp).
#include "sections.hpp"

namespace parscore::rules::detail {

void read_indicators(Reader& reader, const YamlNode& node, Draft& out) {
    if (!reader.list(node, key_name("indicators"))) return;
    const Noun indicator_id{core::T_("indicator id"), core::T_("an indicator id")};
    SeenIds seen(reader, indicator_id.bare);
    for (const YamlNode& map : node.items) {
        if (!reader.map(map, core::T_("an indicator"))) continue;
        DraftIndicator i;
        i.span = map.span;
        const Text where = item_name(map, core::T_("indicator {id}"), core::T_("an indicator"));
        reader.known_keys(map, {"id", "title", "of", "over", "format"}, where);
        if (const YamlNode* id = reader.required(map, "id", where)) {
            i.id = reader.id(*id, IdKind::Item, indicator_id).value;
            i.span = id->span;
        }
        i.title = read_title(reader, map, "title");
        if (const YamlNode* of = reader.required(map, "of", where)) i.of = reader.expression(*of, key_name("of"));
        if (const YamlNode* over = map.find("over")) i.over = reader.expression(*over, key_name("over"));
        if (const YamlNode* format = map.find("format")) {
            if (auto value = reader.choice(*format, {"percent"}, key_name("format")))
                i.format = Located<std::string>{*value, format->span};
        }
        seen.add(i.id, i.span);
        out.indicators.push_back(std::move(i));
    }
}

}  // namespace parscore::rules::detail
