#pragma once
// Strict YAML (docs/reference/rulebook-format.md): a document tree where every node knows its
// source span. Anchors, aliases, merge keys (`<<`), tags, duplicate keys, non-scalar keys, several
// documents, nesting deeper than 64 collections, a scalar over 64 KiB and a collection of more than
// 100,000 items are errors. A YAML syntax error stops the file. yaml-cpp stays inside the
// implementation.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parscore/core/diagnostic.hpp"
#include "parscore/core/source.hpp"

namespace parscore::core {

inline constexpr int kMaxYamlDepth = 64;
/// The longest scalar (decoded bytes) and the most items of one list or entries of one map. An
/// expression is at most 64 KiB too; nothing parscore reads needs more.
inline constexpr std::size_t kMaxYamlScalarBytes = 64 * 1024;
inline constexpr std::size_t kMaxYamlItems = 100'000;

enum class YamlKind { Null, Scalar, Sequence, Map };
enum class ScalarStyle { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };

struct YamlEntry;

struct YamlNode {
    YamlKind kind = YamlKind::Null;
    /// begin: the node's start (a scalar's first character, its opening quote, or its `|`/`>`
    /// indicator; a collection's first character). end: for scalars just after the last character
    /// of the scalar as written; for collections begin + 1.
    Span span{};
    ScalarStyle style = ScalarStyle::Plain;
    std::string value;               // decoded scalar text (not normalised)
    std::vector<YamlNode> items;     // Sequence
    std::vector<YamlEntry> entries;  // Map, in file order; keys are scalars

    bool is_null() const { return kind == YamlKind::Null; }
    bool is_scalar() const { return kind == YamlKind::Scalar; }
    bool is_sequence() const { return kind == YamlKind::Sequence; }
    bool is_map() const { return kind == YamlKind::Map; }
    bool is_plain() const { return kind == YamlKind::Scalar && style == ScalarStyle::Plain; }
    /// The value of a map entry by key, or nullptr.
    const YamlNode* find(std::string_view key) const;
    /// The key node of a map entry, or nullptr.
    const YamlNode* find_key(std::string_view key) const;
};

/// A map entry: `first` is the key (a scalar), `second` its value.
struct YamlEntry {
    YamlNode first;
    YamlNode second;
};

/// How a node is named in messages: "nothing", "a map", "a list", or the scalar quoted.
std::string describe(const YamlNode& node);
/// The same, translatable: a piece for a message's placeholder (core::part).
Text describe_text(const YamlNode& node);

/// Parses the file's text. Returns the root (Null for an empty document) or nullopt after a fatal
/// error (YAML syntax, anchors/aliases/tags, a limit); non-fatal problems (duplicate keys, merge
/// keys) are reported and parsing continues so every one is found.
/// Codes: E001 YAML syntax, E002 duplicate key, E003 anchor/alias/merge key/tag, E004 nesting too
/// deep, E005 non-scalar key, E006 several documents, E007 scalar too long, E008 too many items.
std::optional<YamlNode> parse_yaml(const SourceSet& sources, FileId file, Diagnostics& diags);

}  // namespace parscore::core
