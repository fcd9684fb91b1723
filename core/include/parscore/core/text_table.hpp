#pragma once
// Plain-text tables for terminals: columns aligned by display width (Vietnamese diacritics,
// combining marks and wide characters keep columns straight), numbers right-aligned.
#include <string>
#include <vector>

namespace parscore::core {

class TextTable {
public:
    enum class Align { Left, Right };

    explicit TextTable(std::vector<std::string> headers, std::vector<Align> align = {});
    void add_row(std::vector<std::string> cells);
    std::size_t rows() const { return rows_.size(); }

    /// Header, a rule of dashes, then the rows; two spaces between columns; no trailing spaces.
    std::string render() const;

private:
    std::vector<std::string> headers_;
    std::vector<Align> align_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace parscore::core
