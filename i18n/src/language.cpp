#include "parscore/i18n/language.hpp"

#include <cctype>
#include <string>

namespace parscore::i18n {

std::optional<Language> parse_language(std::string_view text) {
    std::string_view primary = text.substr(0, text.find_first_of("_-.@"));
    std::string lower;
    for (char c : primary) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "en") return Language::en;
    if (lower == "vi") return Language::vi;
    return std::nullopt;
}

std::string_view language_code(Language language) { return language == Language::vi ? "vi" : "en"; }

}  // namespace parscore::i18n
