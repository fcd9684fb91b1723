#pragma once
// Turns diagnostics into the text of docs/diagnostics.md (file:line:col: error[CODE]: message, the
// line and a caret) or into JSON-ready position records.
#include <string>

#include "parscore/core/diagnostic.hpp"

namespace parscore::core {

/// One diagnostic with its source line and caret, then its notes; ends with a line feed.
std::string render(const Diagnostic& d, const SourceSet& sources);

/// Every diagnostic, in order.
std::string render_all(const Diagnostics& ds, const SourceSet& sources);

/// The resolved position of a diagnostic: 1-based lines, code-point columns, end just after the
/// last character. All zero when the diagnostic has no span.
struct ResolvedPosition {
    std::string file;
    std::uint32_t line = 0, column = 0, end_line = 0, end_column = 0;
};
ResolvedPosition resolve(const Diagnostic& d, const SourceSet& sources);

}  // namespace parscore::core
