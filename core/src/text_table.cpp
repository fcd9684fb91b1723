#include "parscore/core/text_table.hpp"

#include <algorithm>

#include "parscore/core/utf8.hpp"

namespace parscore::core {

TextTable::TextTable(std::vector<std::string> headers, std::vector<Align> align)
    : headers_(std::move(headers)), align_(std::move(align)) {
    align_.resize(headers_.size(), Align::Left);
}

void TextTable::add_row(std::vector<std::string> cells) {
    cells.resize(headers_.size());
    for (auto& c : cells) c = printable(c);  // never a control character on the terminal
    rows_.push_back(std::move(cells));
}

std::string TextTable::render() const {
    std::vector<std::size_t> width(headers_.size());
    for (std::size_t c = 0; c < headers_.size(); ++c) {
        width[c] = display_width(headers_[c]);
        for (const auto& row : rows_) width[c] = std::max(width[c], display_width(row[c]));
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            std::size_t pad = width[c] - display_width(cells[c]);
            bool last = c + 1 == cells.size();
            if (align_[c] == Align::Right) {
                out.append(pad, ' ');
                out += cells[c];
            } else {
                out += cells[c];
                if (!last) out.append(pad, ' ');
            }
            if (!last) out += "  ";
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out + "\n";
    };
    std::string out = line(headers_);
    std::vector<std::string> rule;
    for (std::size_t w : width) rule.emplace_back(w, '-');
    out += line(rule);
    for (const auto& row : rows_) out += line(row);
    return out;
}

}  // namespace parscore::core
