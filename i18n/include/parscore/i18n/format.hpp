#pragma once
// Numbers and dates as a person reads them in each language (docs/i18n.md):
//
//                      en             vi
//   decimal            92.74          92,74
//   percentage         41.3%          41,3%
//   large integer      12,345         12.345       (grouped from 10 000 on)
//   small integer      2026           2026
//   date               2026-03-05     05/03/2026
//
// Integer parts are grouped by thousands only from five digits on: years, four-digit counts
// and codes read the same in both languages and as reports print them today, and a
// Vietnamese "1.151" is not mistaken for a decimal by an English reader. English dates stay
// ISO, as reports print them. JSON and CSV never go through these functions: they keep the
// exact values in one form for both languages.
//
// Values arrive as exact decimals (or their plain text) and are rounded on their digits, so
// nothing passes through binary floating point.
#include <cstdint>
#include <string>
#include <string_view>

#include "parscore/core/date.hpp"
#include "parscore/core/decimal.hpp"
#include "parscore/i18n/language.hpp"

namespace parscore::i18n {

/// Rounded half away from zero to `places` decimals (0–9) and written with exactly that many:
/// (92.7449, 2) → "92.74" / "92,74"; (12345.5, 1) → "12,345.5" / "12.345,5".
std::string format_decimal(Language language, const core::Decimal& value, int places);

/// A share (0.413) as a percentage with `places` decimals (0–9): "41.3%" / "41,3%".
std::string format_percent(Language language, const core::Decimal& share, int places);

/// -12345 → "-12,345" / "-12.345"; 2026 → "2026".
std::string format_integer(Language language, std::int64_t value);

/// en "2026-03-05", vi "05/03/2026".
std::string format_date(Language language, core::Date date);

/// A number already written in the program's plain form — an optional sign, digits, and
/// optionally '.' and digits ("75.20", "+2", "-1.5", as the renderers print totals and
/// points) — in `language`. Any other text ("–", "out of range") is returned unchanged.
std::string localize_number(Language language, std::string_view plain);

}  // namespace parscore::i18n
