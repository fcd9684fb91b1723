// The keys about the rulebook as a whole. `parscore`, `id` and `version` are required in every
// file (docs/reference/rulebook-format.md); `units` is required too, but on the merged rulebook
// (validate.cpp).
#include "codes.hpp"
#include "sections.hpp"

namespace parscore::rules::detail {

namespace {

Text a_rulebook() { return core::T_("a rulebook"); }
Noun unit_category() { return {core::T_("unit category"), core::T_("a unit category")}; }

void read_format(Reader& reader, const YamlNode& root) {
    const YamlNode* node = reader.required(root, "parscore", a_rulebook());
    if (!node) return;
    auto version = reader.integer(*node, key_name("parscore"));
    if (version && *version != 1) {
        reader.diags().error(code::kFormatVersion, node->span,
                             core::T_("unsupported format version {version} (only 'parscore: 1' exists)",
                                      {{"version", std::to_string(*version)}}));
    }
}

void read_remove(Reader& reader, const YamlNode& node, FileDraft& out) {
    if (!reader.list(node, key_name("remove"))) return;
    SeenIds seen(reader, core::T_("removed id"));
    for (const YamlNode& item : node.items) {
        auto id = reader.text(item, core::T_("a removed id"));
        if (!id) continue;
        if (seen.add(*id, item.span)) out.remove.push_back({*id, item.span});
    }
}

std::optional<Located<Decimal>> read_positive(Reader& reader, const YamlNode& node, std::string_view key,
                                              bool zero_allowed) {
    auto value = reader.number(node, key_name(key));
    if (!value) return std::nullopt;
    if (value->is_negative() || (!zero_allowed && value->is_zero())) {
        core::Text message = zero_allowed ? core::T_("{key} must be 0 or more, found {value}")
                                          : core::T_("{key} must be greater than 0, found {value}");
        message.args = {{"key", "'" + std::string(key) + "'"}, {"value", value->to_string()}};
        reader.diags().error(code::kOutOfRange, node.span, message);
        return std::nullopt;
    }
    return Located<Decimal>{*value, node.span};
}

/// One entry of `units`: a category id, or `{ id: ID, label: TEXT }`.
std::optional<DraftUnit> read_unit(Reader& reader, const YamlNode& item) {
    const YamlNode* id_node = &item;
    std::optional<std::string> label;
    if (item.is_map()) {
        const Text where = item_name(item, core::T_("category {id}"), core::T_("a category"));
        reader.known_keys(item, {"id", "label"}, where);
        id_node = reader.required(item, "id", where);
        label = read_title(reader, item, "label");
        if (!id_node) return std::nullopt;
    }
    IdValue id = reader.id(*id_node, IdKind::Category, unit_category());
    if (!id.valid) return std::nullopt;
    return DraftUnit{{id.value, id_node->span}, std::move(label)};
}

std::vector<DraftUnit> read_units(Reader& reader, const YamlNode& node) {
    std::vector<DraftUnit> out;
    if (!reader.list(node, key_name("units"))) return out;
    SeenIds seen(reader, unit_category().bare);
    for (const YamlNode& item : node.items) {
        auto unit = read_unit(reader, item);
        if (unit && seen.add(unit->value, unit->span)) out.push_back(std::move(*unit));
    }
    if (node.items.empty())
        reader.diags().error(code::kEmptyList, node.span, core::T_("'units' must name at least one unit category"));
    return out;
}

}  // namespace

void read_header(Reader& reader, const YamlNode& root, FileDraft& out) {
    read_format(reader, root);
    if (const YamlNode* node = reader.required(root, "id", a_rulebook())) {
        IdValue id = reader.id(*node, IdKind::Rulebook, {core::T_("rulebook id"), core::T_("a rulebook id")});
        if (id.valid) out.id = Located<std::string>{id.value, node->span};
    }
    if (const YamlNode* node = reader.required(root, "version", a_rulebook())) {
        if (auto version = reader.text(*node, key_name("version")))
            out.version = Located<std::string>{*version, node->span};
    }
    Draft& body = out.body;
    if (const YamlNode* node = root.find("title")) {
        if (auto title = reader.text(*node, key_name("title"))) body.title = Located<std::string>{*title, node->span};
    }
    if (const YamlNode* node = root.find("extends")) {
        auto path = reader.text(*node, key_name("extends"));
        if (path && path->empty()) {
            reader.diags().error(code::kWrongType, node->span,
                                 core::T_("'extends' must be a path, found an empty text"));
        } else if (path) {
            out.extends = Located<std::string>{*path, node->span};
        }
    }
    if (const YamlNode* node = root.find("units")) {
        // Given but unusable still counts as given: it is not reported missing as well.
        body.units = read_units(reader, *node);
    }
    if (const YamlNode* node = root.find("scale")) body.scale = read_positive(reader, *node, "scale", false);
    if (const YamlNode* node = root.find("deduction_cap")) {
        body.deduction_cap = read_positive(reader, *node, "deduction_cap", true);
    }
    if (const YamlNode* node = root.find("remove")) {
        out.remove_key = root.find_key("remove")->span;
        read_remove(reader, *node, out);
    }
}

}  // namespace parscore::rules::detail
