#include "yaml_reading.hpp"

#include <algorithm>
#include <charconv>

#include "codes.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/core/suggest.hpp"
#include "parscore/core/text.hpp"
#include "parscore/core/utf8.hpp"

namespace parscore::rules::detail {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The number shape of docs/reference/rulebook-format.md; YAML's own (1e3, .5, 0x10, .inf) is
// deliberately not accepted.
bool is_number_shape(std::string_view s) {
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
    auto dot = s.find('.');
    if (dot == std::string_view::npos) return all_digits(s);
    return all_digits(s.substr(0, dot)) && all_digits(s.substr(dot + 1));
}

// "a, b or c": the values stay as written, "or" is translated.
Text join(const std::vector<std::string>& values) {
    if (values.size() < 2) return core::verbatim(values.empty() ? "" : values.front());
    std::string list;
    for (std::size_t i = 0; i + 1 < values.size(); ++i) list += (i > 0 ? ", " : "") + values[i];
    return core::T_("{list} or {last}", {{"list", list}, {"last", values.back()}});
}

}  // namespace

void nullify_null_words(YamlNode& node) {
    if (node.is_plain() &&
        (node.value == "~" || node.value == "null" || node.value == "Null" || node.value == "NULL")) {
        node.kind = core::YamlKind::Null;
        node.value.clear();
        return;
    }
    for (YamlNode& item : node.items) nullify_null_words(item);
    for (auto& entry : node.entries) nullify_null_words(entry.second);
}

Text item_name(const YamlNode& map, Text named, Text unnamed) {
    const YamlNode* id = map.is_map() ? map.find("id") : nullptr;
    if (id && id->is_scalar() && !id->value.empty() && id->value.size() <= 64 && core::is_valid_utf8(id->value) &&
        id->value.find('\n') == std::string::npos) {
        named.args.push_back({"id", "'" + id->value + "'"});
        return named;
    }
    return unnamed;
}

Text key_name(std::string_view key) { return core::verbatim("'" + std::string(key) + "'"); }

core::TextArg found(const YamlNode& node) {
    switch (node.kind) {
        case core::YamlKind::Map: return core::part("found", core::T_("a map"));
        case core::YamlKind::Sequence: return core::part("found", core::T_("a list"));
        case core::YamlKind::Scalar: return {"found", quote(node.value)};
        case core::YamlKind::Null: break;
    }
    return core::part("found", core::T_("nothing"));
}

core::TextArg hint(std::string_view name, const std::vector<std::string>& candidates) {
    return core::suggestion(name, candidates, "hint");
}

bool Reader::map(const YamlNode& node, const Text& what) {
    if (node.is_map()) return true;
    diags_.error(code::kWrongType, node.span,
                 core::T_("{what} must be a map, found {found}", {core::part("what", what), found(node)}));
    return false;
}

bool Reader::list(const YamlNode& node, const Text& what) {
    if (node.is_sequence()) return true;
    diags_.error(code::kWrongType, node.span,
                 core::T_("{what} must be a list, found {found}", {core::part("what", what), found(node)}));
    return false;
}

bool Reader::scalar(const YamlNode& node, const Text& what) {
    if (node.is_scalar()) return true;
    diags_.error(code::kWrongType, node.span,
                 core::T_("{what} must be a single value, found {found}", {core::part("what", what), found(node)}));
    return false;
}

void Reader::known_keys(const YamlNode& map, const std::vector<std::string>& allowed, const Text& where) {
    for (const auto& [key, value] : map.entries) {
        if (std::find(allowed.begin(), allowed.end(), key.value) != allowed.end()) continue;
        diags_.error(code::kUnknownKey, key.span,
                     core::T_("unknown key {key} in {where}{hint}",
                              {{"key", quote(key.value)}, core::part("where", where), hint(key.value, allowed)}));
    }
}

const YamlNode* Reader::required(const YamlNode& map, std::string_view key, const Text& where) {
    if (const YamlNode* value = map.find(key)) return value;
    missing(map.span, key, where);
    return nullptr;
}

void Reader::missing(Span map_span, std::string_view key, const Text& where) {
    diags_.error(code::kMissingKey, map_span,
                 core::T_("{where} has no {key} (required)",
                          {core::part("where", where), {"key", "'" + std::string(key) + "'"}}));
}

std::optional<std::string> Reader::text(const YamlNode& node, const Text& what) {
    if (!node.is_scalar()) {
        diags_.error(code::kWrongType, node.span,
                     core::T_("{what} must be text, found {found}", {core::part("what", what), found(node)}));
        return std::nullopt;
    }
    return core::to_nfc(node.value);
}

std::optional<Decimal> Reader::number(const YamlNode& node, const Text& what) {
    if (!node.is_scalar() || !is_number_shape(node.value)) {
        diags_.error(code::kWrongType, node.span,
                     core::T_("{what} must be a number, found {found}", {core::part("what", what), found(node)}));
        return std::nullopt;
    }
    auto value = Decimal::parse(node.value);
    if (!value) {
        diags_.error(code::kOutOfRange, node.span,
                     core::T_("{what} is out of range (|x| must be below 10^18): {value}",
                              {core::part("what", what), {"value", quote(node.value)}}));
    }
    return value;
}

std::optional<std::int64_t> Reader::integer(const YamlNode& node, const Text& what) {
    std::string_view digits = node.is_scalar() ? std::string_view(node.value) : std::string_view();
    if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) digits.remove_prefix(1);
    if (!node.is_scalar() || !all_digits(digits)) {
        diags_.error(code::kWrongType, node.span,
                     core::T_("{what} must be an int, found {found}", {core::part("what", what), found(node)}));
        return std::nullopt;
    }
    std::string_view s = node.value[0] == '+' ? std::string_view(node.value).substr(1) : std::string_view(node.value);
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size()) {
        diags_.error(code::kOutOfRange, node.span,
                     core::T_("{what} is out of range: {value}",
                              {core::part("what", what), {"value", quote(node.value)}}));
        return std::nullopt;
    }
    return v;
}

std::optional<Decimal> Reader::fraction(const YamlNode& node, const Text& what) {
    std::string_view text = node.is_scalar() ? std::string_view(node.value) : std::string_view();
    std::string_view number = !text.empty() && text.back() == '%' ? text.substr(0, text.size() - 1) : text;
    if (!node.is_scalar() || !is_number_shape(number)) {
        diags_.error(code::kWrongType, node.span,
                     core::T_("{what} must be a share (a number in (0, 1] or a percentage such as 20%), found {found}",
                              {core::part("what", what), found(node)}));
        return std::nullopt;
    }
    core::FieldDef percent{"", core::FieldType::Percent, {}, {}};
    core::ScalarResult read = core::read_scalar(percent, text);
    const Decimal* value = read.value ? std::get_if<Decimal>(&*read.value) : nullptr;
    if (!value || value->is_zero()) {
        diags_.error(code::kOutOfRange, node.span,
                     core::T_("{what} must be in (0, 1], found {value}",
                              {core::part("what", what), {"value", quote(text)}}));
        return std::nullopt;
    }
    return *value;
}

std::optional<std::string> Reader::choice(const YamlNode& node, const std::vector<std::string>& values,
                                          const Text& what) {
    if (node.is_scalar() && std::find(values.begin(), values.end(), node.value) != values.end()) return node.value;
    core::TextArg suggestion = node.is_scalar() ? hint(node.value, values) : core::TextArg{"hint", ""};
    diags_.error(node.is_scalar() ? code::kUnknownChoice : code::kWrongType, node.span,
                 core::T_("{what} must be {choices}, found {found}{hint}",
                          {core::part("what", what), core::part("choices", join(values)), found(node), suggestion}));
    return std::nullopt;
}

IdValue Reader::id(const YamlNode& node, IdKind kind, const Noun& noun) {
    IdValue out;
    if (!scalar(node, noun.with_article)) return out;
    out.value = node.value;
    if (!matches(kind, node.value)) {
        diags_.error(code::kMalformedId, node.span,
                     core::T_("malformed {noun} {value} (must match {pattern})", {core::part("noun", noun.bare),
                                                                                  {"value", quote(node.value)},
                                                                                  {"pattern", pattern(kind)}}));
        return out;
    }
    if ((kind == IdKind::Group || kind == IdKind::Name) && is_reserved_name(node.value)) {
        diags_.error(code::kReservedId, node.span,
                     core::T_("{value} is reserved by the rule language and cannot be {noun}",
                              {{"value", quote(node.value)}, core::part("noun", noun.with_article)}));
        return out;
    }
    if (kind == IdKind::Group && is_remove_section(node.value)) {
        diags_.error(code::kReservedId, node.span,
                     core::T_("{value} names a section in qualified `remove:` ids and cannot be {noun}",
                              {{"value", quote(node.value)}, core::part("noun", noun.with_article)}));
        return out;
    }
    out.valid = true;
    return out;
}

bool Reader::name(const YamlNode& key, const Noun& noun) { return id(key, IdKind::Name, noun).valid; }

const YamlNode* Reader::expression(const YamlNode& node, const Text& what) {
    if (node.is_scalar() && !node.value.empty()) return &node;
    core::TextArg shown = node.is_scalar() ? core::part("found", core::T_("an empty text")) : found(node);
    diags_.error(code::kWrongType, node.span,
                 core::T_("{what} must be an expression, found {found}", {core::part("what", what), shown}));
    return nullptr;
}

std::optional<std::vector<Located<std::string>>> Reader::id_list(const YamlNode& node, IdKind kind, const Text& what,
                                                                 const Noun& noun) {
    if (!list(node, what)) return std::nullopt;
    std::vector<Located<std::string>> out;
    SeenIds seen(*this, noun.bare);
    for (const YamlNode& item : node.items) {
        IdValue id = this->id(item, kind, noun);
        if (!id.valid) continue;
        if (seen.add(id.value, item.span)) out.push_back({id.value, item.span});
    }
    return out;
}

void Reader::duplicate(const Text& noun, std::string_view id, Span later, Span first) {
    diags_
        .error(code::kDuplicate, later,
               core::T_("duplicate {noun} {id}", {core::part("noun", noun), {"id", quote(id)}}))
        .add_note(first, core::T_("first defined here"));
}

bool SeenIds::add(const std::string& id, Span span) {
    if (id.empty()) return true;
    auto [it, inserted] = seen_.try_emplace(id, span);
    if (!inserted) reader_.duplicate(noun_, id, span, it->second);
    return inserted;
}

}  // namespace parscore::rules::detail
