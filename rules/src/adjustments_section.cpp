// `deductions:` and `bonuses:` — the same shape: id, title, points, optional cap ≥ 0.
#include "codes.hpp"
#include "sections.hpp"

namespace parscore::rules::detail {

void read_adjustments(Reader& reader, const YamlNode& node, std::string_view section,
                      std::vector<DraftAdjustment>& out) {
    const std::string noun(section);
    if (!reader.list(node, section == "bonus" ? "'bonuses'" : "'deductions'")) return;
    SeenIds seen(reader, noun + " id");
    for (const YamlNode& map : node.items) {
        if (!reader.map(map, "a " + noun)) continue;
        DraftAdjustment a;
        a.span = map.span;
        const std::string where = item_name(noun, map);
        reader.known_keys(map, {"id", "title", "points", "cap"}, where);
        if (const YamlNode* id = reader.required(map, "id", where)) {
            a.id = reader.id(*id, IdKind::Item, noun + " id").value;
            a.span = id->span;
        }
        a.title = read_title(reader, map, "title");
        if (const YamlNode* points = reader.required(map, "points", where)) {
            a.points = reader.expression(*points, "'points'");
        }
        if (const YamlNode* cap = map.find("cap")) {
            a.cap = reader.number(*cap, "'cap'");
            if (a.cap && a.cap->is_negative()) {
                reader.diags().error(code::kOutOfRange, cap->span,
                                     "'cap' must be 0 or more, found " + a.cap->to_string());
                a.cap.reset();
            }
        }
        seen.add(a.id, a.span);
        out.push_back(std::move(a));
    }
}

}  // namespace parscore::rules::detail
