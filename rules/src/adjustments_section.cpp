// `deductions:` and `bonuses:` — the same shape: id, title, points, optional cap ≥ 0.
#include "codes.hpp"
#include "sections.hpp"

namespace parscore::rules::detail {

void read_adjustments(Reader& reader, const YamlNode& node, std::string_view section,
                      std::vector<DraftAdjustment>& out) {
    const bool bonus = section == "bonus";
    const Text an_item = bonus ? core::T_("a bonus") : core::T_("a deduction");
    const Noun id_noun = bonus ? Noun{core::T_("bonus id"), core::T_("a bonus id")}
                               : Noun{core::T_("deduction id"), core::T_("a deduction id")};
    if (!reader.list(node, key_name(bonus ? "bonuses" : "deductions"))) return;
    SeenIds seen(reader, id_noun.bare);
    for (const YamlNode& map : node.items) {
        if (!reader.map(map, an_item)) continue;
        DraftAdjustment a;
        a.span = map.span;
        const Text where = item_name(map, bonus ? core::T_("bonus {id}") : core::T_("deduction {id}"), an_item);
        reader.known_keys(map, {"id", "title", "points", "cap"}, where);
        if (const YamlNode* id = reader.required(map, "id", where)) {
            a.id = reader.id(*id, IdKind::Item, id_noun).value;
            a.span = id->span;
        }
        a.title = read_title(reader, map, "title");
        if (const YamlNode* points = reader.required(map, "points", where)) {
            a.points = reader.expression(*points, key_name("points"));
        }
        if (const YamlNode* cap = map.find("cap")) {
            a.cap = reader.number(*cap, key_name("cap"));
            if (a.cap && a.cap->is_negative()) {
                reader.diags().error(code::kOutOfRange, cap->span,
                                     core::T_("'cap' must be 0 or more, found {value}",
                                              {{"value", a.cap->to_string()}}));
                a.cap.reset();
            }
        }
        seen.add(a.id, a.span);
        out.push_back(std::move(a));
    }
}

}  // namespace parscore::rules::detail
