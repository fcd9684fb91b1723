// Lexical helpers over YAML source text, and the pre-scan that finds flow collections too deep or
// too long before yaml-cpp reads them (the limits are in docs/reliability.md). Private to core: the tree
// builder in yaml_tree.cpp locates nodes in the text with these.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "parscore/core/yaml_tree.hpp"

namespace parscore::core::yaml_scan {

inline bool is_blank(char c) { return c == ' ' || c == '\t'; }
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
inline bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

/// Just after the closing quote of a double-quoted scalar opening at `open`, or npos.
std::size_t skip_double_quoted(std::string_view t, std::size_t open);
/// Just after the closing quote of a single-quoted scalar opening at `open` ('' escapes), or npos.
std::size_t skip_single_quoted(std::string_view t, std::size_t open);
std::size_t line_begin(std::string_view t, std::size_t pos);
std::size_t line_end(std::string_view t, std::size_t pos);
/// The style of the scalar whose first character is at `pos`.
ScalarStyle style_at(std::string_view t, std::size_t pos);
/// Just after the last character of a scalar as written; begin + 1 when it cannot be told.
std::size_t scalar_end(std::string_view t, std::size_t pos, ScalarStyle style, std::string_view value);
/// The length of a YAML null word (`~`, `null`, `Null`, `NULL`) standing alone at `pos`, or 0.
std::size_t null_word_at(std::string_view t, std::size_t pos);
/// Whether `pos` is followed, after blanks, by a `:` value indicator.
bool followed_by_colon(std::string_view t, std::size_t pos);
/// End of a property or alias token (`&a`, `*a`, `!tag`) starting at `pos`.
std::size_t token_end(std::string_view t, std::size_t pos);

/// Position of a `[` or `{` that opens flow nesting level kMaxYamlDepth + 1, or of the start of
/// item kMaxYamlItems + 1 of a flow collection; nullopt when neither happens. The scan knows
/// just enough YAML (quotes, comments, block scalars, where a node may start) to avoid counting
/// brackets and commas inside text; a rare miscount only costs a second parse (see parse_yaml),
/// never a wrong answer.
std::optional<std::size_t> find_flow_limit(std::string_view t);

}  // namespace parscore::core::yaml_scan
