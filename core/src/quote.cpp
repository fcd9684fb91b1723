#include "parscore/core/quote.hpp"

#include "parscore/core/utf8.hpp"

namespace parscore::core {

std::string quote(std::string_view text) {
    constexpr std::size_t kShown = 40;
    std::string shown(text.substr(0, kShown));
    // Do not cut a multi-byte character in half.
    while (!shown.empty() && shown.size() < text.size() &&
           (static_cast<unsigned char>(text[shown.size()]) & 0xC0) == 0x80) {
        shown.pop_back();
    }
    std::string out = "'";
    for (char c : sanitize_utf8(shown)) {
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else {
            out += c;
        }
    }
    return out + (shown.size() < text.size() ? "…'" : "'");
}

}  // namespace parscore::core
