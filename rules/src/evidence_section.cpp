// `evidence:` — record kinds (`fields`, optional `key`, `combine` and `unchecked`) and facts
// (`fact: TYPE`).
#include <algorithm>
#include <unordered_map>

#include "codes.hpp"
#include "parscore/core/utf8.hpp"
#include "sections.hpp"

namespace parscore::rules::detail {

namespace {

const std::vector<std::string>& scalar_types() {
    static const std::vector<std::string> names = {"bool", "int", "number", "percent", "text", "date"};
    return names;
}

core::FieldType scalar_type(std::string_view name) {
    if (name == "bool") return core::FieldType::Bool;
    if (name == "int") return core::FieldType::Int;
    if (name == "number") return core::FieldType::Number;
    if (name == "percent") return core::FieldType::Percent;
    if (name == "date") return core::FieldType::Date;
    return core::FieldType::Text;
}

void read_enum(Reader& reader, const YamlNode& map, const Text& owner, core::FieldDef& field) {
    const Text where = core::T_("the type of {owner}", {core::part("owner", owner)});
    reader.known_keys(map, {"enum"}, where);
    const YamlNode* values = reader.required(map, "enum", where);
    field.type = core::FieldType::Enum;
    if (!values || !reader.list(*values, key_name("enum"))) return;
    if (values->items.empty()) {
        reader.diags().error(code::kBadEnum, values->span,
                             core::T_("the enum of {owner} has no values", {core::part("owner", owner)}));
        return;
    }
    std::unordered_map<std::string, Span> seen;
    for (const YamlNode& item : values->items) {
        auto value = reader.text(item, core::T_("an enum value"));
        if (!value) continue;
        auto [it, inserted] = seen.try_emplace(*value, item.span);
        if (!inserted) {
            reader.diags()
                .error(code::kBadEnum, item.span,
                       core::T_("enum value {value} is listed twice", {{"value", quote(*value)}}))
                .add_note(it->second, core::T_("first listed here"));
            continue;
        }
        field.enum_values.push_back(*value);
    }
}

/// A field type: one of the scalar type names, or `{ enum: [...] }`. `owner` names the field.
void read_type(Reader& reader, const YamlNode& node, const Text& owner, core::FieldDef& field) {
    if (node.is_map()) {
        read_enum(reader, node, owner, field);
        return;
    }
    if (node.is_scalar()) {
        const auto& names = scalar_types();
        if (std::find(names.begin(), names.end(), node.value) != names.end()) {
            field.type = scalar_type(node.value);
            return;
        }
        reader.diags().error(
            code::kUnknownChoice, node.span,
            core::T_("unknown type {value} for {owner} (expected bool, int, number, percent, text, "
                     "date or { enum: [...] }){hint}",
                     {{"value", quote(node.value)}, core::part("owner", owner), hint(node.value, names)}));
        return;
    }
    reader.diags().error(code::kWrongType, node.span,
                         core::T_("the type of {owner} must be a type name or { enum: [...] }, found {found}",
                                  {core::part("owner", owner), found(node)}));
}

/// `key: FIELD` — the field must exist and be text, int, enum or date
/// (docs/reference/rulebook-format.md).
void read_key(Reader& reader, const YamlNode& node, const std::string& kind, core::KindDef& def) {
    auto name = reader.text(node, key_name("key"));
    if (!name) return;
    auto index = def.field_index(*name);
    if (!index) {
        std::vector<std::string> names;
        for (const auto& f : def.fields) names.push_back(f.name);
        reader.diags().error(code::kBadKey, node.span,
                             core::T_("key {key} is not a field of record kind {kind}{hint}",
                                      {{"key", quote(*name)}, {"kind", quote(kind)}, hint(*name, names)}));
        return;
    }
    core::FieldType type = def.fields[*index].type;
    if (type != core::FieldType::Text && type != core::FieldType::Int && type != core::FieldType::Enum &&
        type != core::FieldType::Date) {
        reader.diags().error(code::kBadKey, node.span,
                             core::T_("field {name} has type {type}; a key must be a text, int, enum or date field",
                                      {{"name", quote(*name)}, {"type", core::field_type_name(type)}}));
        return;
    }
    def.key = *index;
}

void read_record_kind(Reader& reader, const YamlNode& map, const std::string& kind, core::KindDef& def) {
    const Text where = core::T_("record kind {kind}", {{"kind", quote(kind)}});
    reader.known_keys(map, {"fields", "key", "combine", "unchecked"}, where);
    if (const YamlNode* fields = reader.required(map, "fields", where);
        fields && reader.map(*fields, key_name("fields"))) {
        for (const auto& [key, type] : fields->entries) {
            core::FieldDef field;
            field.name = key.value;
            field.span = key.span;
            bool usable = true;
            if (is_reserved_field(key.value)) {
                reader.diags().error(code::kReservedField, key.span,
                                     core::T_("a field cannot be named {name}: every finding already has a unit, a "
                                              "date and a year",
                                              {{"name", quote(key.value)}}));
                usable = false;
            } else {
                usable = reader.name(key, {core::T_("field name"), core::T_("a field name")});
            }
            read_type(reader, type, core::T_("field {name}", {{"name", quote(key.value)}}), field);
            if (usable) def.fields.push_back(std::move(field));
        }
    }
    if (const YamlNode* key = map.find("key")) read_key(reader, *key, kind, def);
    if (const YamlNode* combine = map.find("combine")) {
        auto value = reader.choice(*combine, {"union", "latest"}, key_name("combine"));
        if (value) def.combine = *value == "latest" ? core::Combine::Latest : core::Combine::Union;
    }
    if (const YamlNode* unchecked = map.find("unchecked")) {
        auto value = reader.choice(*unchecked, {"none", "missing"}, key_name("unchecked"));
        if (value) def.unchecked = *value == "none" ? core::Unchecked::None : core::Unchecked::Missing;
    }
}

void read_fact(Reader& reader, const YamlNode& map, const std::string& kind, core::KindDef& def) {
    // A fact nobody recorded is missing already; `unchecked` says what an aggregate over records
    // means when nobody looked, so it is refused here with that reason rather than as a typo.
    if (const YamlNode* key = map.find_key("unchecked")) {
        reader.diags().error(code::kUnknownKey, key->span,
                             core::T_("'unchecked' applies to record kinds only; fact {kind} is missing for a unit "
                                      "whose inspections did not record it",
                                      {{"kind", quote(kind)}}));
    }
    const Text fact = core::T_("fact {kind}", {{"kind", quote(kind)}});
    reader.known_keys(map, {"fact", "unchecked"}, fact);
    def.is_fact = true;
    core::FieldDef value;
    value.name = "value";
    value.span = def.span;
    read_type(reader, *map.find("fact"), fact, value);
    def.fields.push_back(std::move(value));
}

}  // namespace

void read_evidence(Reader& reader, const YamlNode& node, Draft& out) {
    if (!reader.map(node, key_name("evidence"))) return;
    for (const auto& [key, value] : node.entries) {
        DraftKind kind;
        kind.def.name = key.value;
        kind.def.span = key.span;
        kind.usable = reader.name(key, {core::T_("evidence kind name"), core::T_("an evidence kind name")});
        if (!reader.map(value, core::T_("evidence kind {kind}", {{"kind", quote(key.value)}}))) {
            kind.usable = false;
        } else if (value.find("fact")) {
            read_fact(reader, value, key.value, kind.def);
        } else {
            read_record_kind(reader, value, key.value, kind.def);
        }
        out.kinds.push_back(std::move(kind));
    }
}

}  // namespace parscore::rules::detail
