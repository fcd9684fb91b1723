#pragma once
// The languages a person can read parscore in (docs/i18n.md). A Language is always passed to
// the call that needs it, never kept in process-wide state: the server answers users in
// different languages at the same time.
#include <optional>
#include <string_view>

namespace parscore::i18n {

enum class Language { en, vi };

/// "en" or "vi", and locale-style values of $PARSCORE_LANG or LANG: "vi_VN.UTF-8", "en-GB",
/// "VI", "vi_VN@euro". The language is the part before the first '_', '-', '.' or '@', in any
/// case. nullopt for anything else ("fr", "C", "", "vie").
std::optional<Language> parse_language(std::string_view text);

/// "en" or "vi": the code `--lang` takes and JSON would carry.
std::string_view language_code(Language language);

}  // namespace parscore::i18n
