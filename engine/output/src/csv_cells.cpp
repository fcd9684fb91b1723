// CSV cells every CSV output shares: formula-safe text and RFC 4180 quoting.
#include "parscore/output/csv_cells.hpp"

namespace parscore::engine {

namespace {

// A text cell a spreadsheet would read as a formula gets a leading apostrophe.
std::string safe_text(const std::string& s) {
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')) {
        return "'" + s;
    }
    return s;
}

}  // namespace

std::string csv_text_cell(const std::string& text) { return safe_text(text); }

std::string csv_field(const std::string& value) {
    if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
    std::string q = "\"";
    for (char c : value) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

}  // namespace parscore::engine
