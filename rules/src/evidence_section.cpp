// `evidence:` — record kinds (`fields`, optional `key`, `combine`, `unchecked` and `label`) and
// facts (`fact: TYPE`, optional `label`).
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
    const YamlNode* values = map.find("enum");
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

/// The longest label, in code points (docs/reference/rulebook-format.md, "Labels").
constexpr std::size_t kMaxLabel = 200;

/// An optional `label` of a kind or a record field: one line of text, not blank, at most
/// kMaxLabel code points, NFC. It is valid UTF-8 already: the file is checked (E202) and a YAML
/// escape cannot make ill-formed text (E001). `owner` names the kind or field.
void read_label(Reader& reader, const YamlNode& map, const Text& owner, std::string& out) {
    const YamlNode* node = map.find("label");
    if (!node) return;
    std::optional<std::string> label = reader.text(*node, key_name("label"));
    if (!label) return;
    if (label->find_first_not_of(' ') == std::string::npos) {
        reader.diags().error(code::kWrongType, node->span,
                             core::T_("the label of {owner} is empty or only spaces", {core::part("owner", owner)}));
        return;
    }
    if (core::printable(*label) != *label) {  // a line break, a tab or another control character
        reader.diags().error(
            code::kWrongType, node->span,
            core::T_("the label of {owner} must be one line of text without control characters, found {found}",
                     {core::part("owner", owner), found(*node)}));
        return;
    }
    if (const std::size_t length = core::code_point_count(*label); length > kMaxLabel) {
        reader.diags().error(code::kOutOfRange, node->span,
                             core::T_("the label of {owner} is {length} characters long; at most {max} are allowed",
                                      {core::part("owner", owner),
                                       {"length", std::to_string(length)},
                                       {"max", std::to_string(kMaxLabel)}}));
        return;
    }
    out = std::move(*label);
}

/// A type name: bool, int, number, percent, text or date.
void read_type_name(Reader& reader, const YamlNode& node, const Text& owner, core::FieldDef& field) {
    if (!node.is_scalar()) {
        reader.diags().error(code::kWrongType, node.span,
                             core::T_("the type of {owner} must be a type name or { enum: [...] }, found {found}",
                                      {core::part("owner", owner), found(node)}));
        return;
    }
    const auto& names = scalar_types();
    if (std::find(names.begin(), names.end(), node.value) != names.end()) {
        field.type = scalar_type(node.value);
        return;
    }
    reader.diags().error(code::kUnknownChoice, node.span,
                         core::T_("unknown type {value} for {owner} (expected bool, int, number, percent, text, "
                                  "date or { enum: [...] }){hint}",
                                  {{"value", quote(node.value)}, core::part("owner", owner), hint(node.value, names)}));
}

/// A type written as a map: `{ enum: [...] }` or `{ type: NAME }`, each with an optional `label`
/// when `labelled` (record fields; a fact's label stands beside `fact:`).
void read_type_map(Reader& reader, const YamlNode& map, const Text& owner, core::FieldDef& field, bool labelled) {
    const Text where = core::T_("the type of {owner}", {core::part("owner", owner)});
    const bool is_enum = map.find_key("enum") != nullptr;
    const bool is_named = !is_enum && map.find_key("type") != nullptr;
    std::vector<std::string> keys = {"label"};  // refused below when not `labelled`
    if (!is_named) keys.push_back("enum");
    if (!is_enum) keys.push_back("type");
    reader.known_keys(map, keys, where);
    if (const YamlNode* label = map.find_key("label"); label && !labelled) {
        reader.diags().error(code::kUnknownKey, label->span,
                             core::T_("a fact's label stands beside 'fact:', as in {example}",
                                      {{"example", "{ fact: bool, label: \"…\" }"}}));
    }
    if (is_enum) {
        read_enum(reader, map, owner, field);
    } else if (is_named) {
        read_type_name(reader, *map.find("type"), owner, field);
    } else {
        reader.diags().error(code::kMissingKey, map.span,
                             core::T_("{where} has no 'type' or 'enum' (required)", {core::part("where", where)}));
    }
    if (labelled) read_label(reader, map, owner, field.label);
}

/// A field type: one of the scalar type names, or a map (read_type_map). `owner` names the field.
void read_type(Reader& reader, const YamlNode& node, const Text& owner, core::FieldDef& field, bool labelled) {
    if (node.is_map()) {
        read_type_map(reader, node, owner, field, labelled);
        return;
    }
    read_type_name(reader, node, owner, field);
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
    reader.known_keys(map, {"fields", "key", "combine", "unchecked", "label"}, where);
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
            read_type(reader, type, core::T_("field {name}", {{"name", quote(key.value)}}), field, true);
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
    read_label(reader, map, where, def.label);
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
    reader.known_keys(map, {"fact", "unchecked", "label"}, fact);
    def.is_fact = true;
    core::FieldDef value;
    value.name = "value";
    value.span = def.span;
    read_type(reader, *map.find("fact"), fact, value, false);
    def.fields.push_back(std::move(value));
    read_label(reader, map, fact, def.label);
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
