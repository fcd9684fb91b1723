#pragma once
// Parsing an expression into an AST. The whole text of one SourceFile is the expression; spans
// are byte offsets into it (the rulebook loader maps them back into its YAML file, scalar_origin.hpp).
#include <cstddef>

#include "parscore/core/diagnostic.hpp"
#include "parscore/dsl/ast.hpp"

namespace parscore::dsl {

inline constexpr std::size_t kMaxExpressionBytes = 64 * 1024;
inline constexpr std::size_t kMaxListItems = 10'000;

/// The AST, or null after a syntax error (exactly one diagnostic, at the furthest character the
/// parser reached; E100 syntax, E101 nesting deeper than 64 levels, E102 an invalid literal,
/// E110 an expression or list over its size limit).
ExprPtr parse_expression(const core::SourceSet& sources, core::FileId file, core::Diagnostics& diags);

}  // namespace parscore::dsl
