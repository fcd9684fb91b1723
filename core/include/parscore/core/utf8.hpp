#pragma once
// UTF-8 validation, NFC normalisation (ICU), code-point counting and terminal display width.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace parscore::core {

/// Byte offset of the first byte that is not part of well-formed UTF-8 (overlongs, surrogates and
/// code points above U+10FFFF are ill-formed), or nullopt when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);
inline bool is_valid_utf8(std::string_view text) { return !find_invalid_utf8(text); }

/// The text in Unicode Normalization Form C. Precondition: valid UTF-8. Fast path: ASCII text is
/// returned unchanged without calling ICU.
std::string to_nfc(std::string_view text);
/// In place; returns whether the text changed.
bool normalize_nfc(std::string& text);

/// Number of code points (continuation bytes are not counted, so ill-formed input is tolerated).
std::size_t code_point_count(std::string_view text);

/// Columns a terminal uses to show the text: East Asian wide/fullwidth 2, combining marks and
/// zero-width characters 0, others 1. Ill-formed bytes count 1 each.
std::size_t display_width(std::string_view text);

/// A copy with every ill-formed byte replaced by U+FFFD, for printing untrusted text.
std::string sanitize_utf8(std::string_view text);

/// A copy safe to show on a terminal: ill-formed bytes and control characters (C0 but a tab when
/// `keep_tab`, DEL, C1) replaced by U+FFFD, so text from input can neither move the cursor,
/// recolour or retitle the terminal, nor hide what follows it (a carriage return).
std::string printable(std::string_view text, bool keep_tab = false);

}  // namespace parscore::core
