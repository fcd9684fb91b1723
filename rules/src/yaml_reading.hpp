#pragma once
// Typed reading of rulebook values from the YAML tree. Every reader reports what is wrong at the
// node (E203–E211) and returns nothing, so the caller simply skips the value; no YAML shape makes
// a reader fail in any other way.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "draft.hpp"
#include "ids.hpp"
#include "parscore/core/diagnostic.hpp"
#include "parscore/core/quote.hpp"
#include "parscore/core/yaml_tree.hpp"

namespace parscore::rules::detail {

/// Turns plain `~`, `null`, `Null` and `NULL` values (not keys) into null nodes. The YAML reader
/// keeps them as text (docs/reference/rulebook-format.md reads scalars by their declared type), but
/// no rulebook value is meant as the text "null": `extends: ~` or `id: null` mean "nothing" and are
/// reported so.
void nullify_null_words(YamlNode& node);

using core::quote;
using core::Text;

/// `named` with `{id}` filled ("criterion 'posted'"), or `unnamed` ("a criterion") when the map
/// has no usable id: item_name(map, T_("criterion {id}"), T_("a criterion")).
Text item_name(const YamlNode& map, Text named, Text unnamed);
/// A rulebook key as messages name it: `'criteria'`, the same in every language.
Text key_name(std::string_view key);

/// How messages describe a value found where another was expected: `{found}` filled with
/// "nothing", "a map", "a list" or the quoted scalar (translatable, unlike core::describe).
core::TextArg found(const YamlNode& node);
/// `{hint}`: " (did you mean 'x'?)" when `name` is close to a candidate, else empty.
core::TextArg hint(std::string_view name, const std::vector<std::string>& candidates);

/// The kind of an id in messages, bare ("criterion id") and with its article ("a criterion id"):
/// English needs both, and the article cannot be glued on in a translatable message.
struct Noun {
    Text bare;
    Text with_article;
};

struct IdValue {
    std::string value;   // as written ("" when the node is not a scalar)
    bool valid = false;  // matches its pattern and is not reserved
};

class Reader {
public:
    explicit Reader(core::Diagnostics& diags) : diags_(diags) {}
    core::Diagnostics& diags() { return diags_; }

    /// Shape checks (E205). `what` names the value: key_name("criteria"), T_("a criterion").
    bool map(const YamlNode& node, const Text& what);
    bool list(const YamlNode& node, const Text& what);
    bool scalar(const YamlNode& node, const Text& what);

    /// Reports every key of `map` not in `allowed` (E203, with "did you mean").
    void known_keys(const YamlNode& map, const std::vector<std::string>& allowed, const Text& where);
    /// The value of `key`, or nullptr after reporting it missing at the map (E204).
    const YamlNode* required(const YamlNode& map, std::string_view key, const Text& where);
    /// Reports `key` missing from the map at `map_span` (E204).
    void missing(Span map_span, std::string_view key, const Text& where);

    /// Any scalar, NFC-normalised.
    std::optional<std::string> text(const YamlNode& node, const Text& what);
    /// `[-+]?[0-9]+(\.[0-9]+)?`.
    std::optional<Decimal> number(const YamlNode& node, const Text& what);
    /// `[-+]?[0-9]+`.
    std::optional<std::int64_t> integer(const YamlNode& node, const Text& what);
    /// A number in (0, 1], written as a decimal or as N% (quoted or not).
    std::optional<Decimal> fraction(const YamlNode& node, const Text& what);
    /// One of `values` (E211 otherwise).
    std::optional<std::string> choice(const YamlNode& node, const std::vector<std::string>& values, const Text& what);
    /// An id: its pattern (E206) and, for groups and names, the reserved words (E207). `noun`
    /// names the kind of id in messages ("criterion id").
    IdValue id(const YamlNode& node, IdKind kind, const Noun& noun);
    /// Checks a name given as a map key (kinds, fields, params).
    bool name(const YamlNode& key, const Noun& noun);
    /// An expression: a non-empty scalar, else nullptr after E205.
    const YamlNode* expression(const YamlNode& node, const Text& what);

    /// A list of unique ids (units, applies_to, remove): duplicates are E208 with a note.
    std::optional<std::vector<Located<std::string>>> id_list(const YamlNode& node, IdKind kind, const Text& what,
                                                             const Noun& noun);

    /// Reports `id` defined twice (E208) at `later`, with a note at `first`.
    void duplicate(const Text& noun, std::string_view id, Span later, Span first);

private:
    core::Diagnostics& diags_;
};

/// Remembers the ids of one list and reports repeats.
class SeenIds {
public:
    SeenIds(Reader& reader, Text noun) : reader_(reader), noun_(std::move(noun)) {}
    /// False (after E208) when `id` was seen already; an empty id is never a repeat.
    bool add(const std::string& id, Span span);

private:
    Reader& reader_;
    Text noun_;
    std::unordered_map<std::string, Span> seen_;
};

}  // namespace parscore::rules::detail
