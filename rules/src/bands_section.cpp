// `bands:` (highest first) and `band_caps:`. Band names in `at_most`/`quota_of` and the order of
// mins are checked on the merged rulebook, where the final list of bands is known.
#include "codes.hpp"
#include "sections.hpp"

namespace parscore::rules::detail {

namespace {

Noun band_id() { return {core::T_("band id"), core::T_("a band id")}; }

std::optional<Located<std::string>> band_ref(Reader& reader, const YamlNode& node) {
    IdValue id = reader.id(node, IdKind::Item, band_id());
    if (!id.valid) return std::nullopt;
    return Located<std::string>{id.value, node.span};
}

DraftBand read_band(Reader& reader, const YamlNode& map) {
    DraftBand b;
    b.span = map.span;
    const Text where = item_name(map, core::T_("band {id}"), core::T_("a band"));
    reader.known_keys(map, {"id", "label", "min", "quota", "quota_of"}, where);
    if (const YamlNode* id = reader.required(map, "id", where)) {
        b.id = reader.id(*id, IdKind::Item, band_id()).value;
        b.span = id->span;
    }
    b.label = read_title(reader, map, "label");
    if (const YamlNode* min = reader.required(map, "min", where)) {
        if (auto value = reader.number(*min, key_name("min"))) b.min = Located<Decimal>{*value, min->span};
    }
    if (const YamlNode* quota = map.find("quota")) {
        if (auto value = reader.fraction(*quota, key_name("quota"))) b.quota = Located<Decimal>{*value, quota->span};
    }
    if (const YamlNode* quota_of = map.find("quota_of")) b.quota_of = band_ref(reader, *quota_of);
    return b;
}

}  // namespace

void read_bands(Reader& reader, const YamlNode& node, Draft& out) {
    out.bands_span = node.span;
    if (!reader.list(node, key_name("bands"))) {
        out.bands.emplace();  // given, though unusable: not reported missing as well
        return;
    }
    std::vector<DraftBand> bands;
    SeenIds seen(reader, band_id().bare);
    for (const YamlNode& map : node.items) {
        if (!reader.map(map, core::T_("a band"))) continue;
        DraftBand b = read_band(reader, map);
        seen.add(b.id, b.span);
        bands.push_back(std::move(b));
    }
    if (node.items.empty())
        reader.diags().error(code::kEmptyList, node.span, core::T_("'bands' must list at least one band"));
    out.bands = std::move(bands);
}

void read_band_caps(Reader& reader, const YamlNode& node, Draft& out) {
    if (!reader.list(node, key_name("band_caps"))) return;
    const Noun cap_id{core::T_("band cap id"), core::T_("a band cap id")};
    SeenIds seen(reader, cap_id.bare);
    for (const YamlNode& map : node.items) {
        if (!reader.map(map, core::T_("a band cap"))) continue;
        DraftBandCap c;
        c.span = map.span;
        const Text where = item_name(map, core::T_("band cap {id}"), core::T_("a band cap"));
        reader.known_keys(map, {"id", "title", "when", "at_most"}, where);
        if (const YamlNode* id = reader.required(map, "id", where)) {
            c.id = reader.id(*id, IdKind::Item, cap_id).value;
            c.span = id->span;
        }
        c.title = read_title(reader, map, "title");
        if (const YamlNode* when = reader.required(map, "when", where))
            c.when = reader.expression(*when, key_name("when"));
        if (const YamlNode* at_most = reader.required(map, "at_most", where)) {
            c.at_most = band_ref(reader, *at_most);
        }
        seen.add(c.id, c.span);
        out.band_caps.push_back(std::move(c));
    }
}

}  // namespace parscore::rules::detail
