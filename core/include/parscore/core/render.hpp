#pragma once
// Turns diagnostics into the text of docs/diagnostics.md (file:line:col: error[CODE]: message, the
// line and a caret) or into JSON-ready position records.
#include <functional>
#include <string>

#include "parscore/core/diagnostic.hpp"

namespace parscore::core {

/// Writes a translatable text in the reader's language (parscore::i18n::localizer); none: English.
using Localize = std::function<std::string(const Text&)>;

/// One diagnostic with its source line and caret, then its notes; ends with a line feed. The
/// prefix `file:line:col: error[CODE]:` is the same in every language; only the message after it
/// goes through `localize`.
std::string render(const Diagnostic& d, const SourceSet& sources, const Localize& localize = {});

/// Every diagnostic, in order.
std::string render_all(const Diagnostics& ds, const SourceSet& sources, const Localize& localize = {});

/// The resolved position of a diagnostic: 1-based lines, code-point columns, end just after the
/// last character. All zero when the diagnostic has no span.
struct ResolvedPosition {
    std::string file;
    std::uint32_t line = 0, column = 0, end_line = 0, end_column = 0;
};
ResolvedPosition resolve(const Diagnostic& d, const SourceSet& sources);

}  // namespace parscore::core
