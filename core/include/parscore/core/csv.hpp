#pragma once
// RFC 4180 CSV over an in-memory source file: quoted cells with "" escapes, embedded commas and
// line feeds, no trimming. Positions are byte offsets into the SourceFile, which gives the
// physical line and code-point column of a cell's first character (docs/reference/database.md).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/core/diagnostic.hpp"
#include "parscore/core/source.hpp"

namespace parscore::core {

struct CsvCell {
    std::string_view text;     // decoded; valid until the next call of next_row
    std::uint32_t offset = 0;  // byte offset of the cell's first character (its quote if quoted)
    bool quoted = false;
};

/// The longest cell (decoded bytes), as for a YAML scalar.
inline constexpr std::size_t kMaxCsvCellBytes = 64 * 1024;

class CsvReader {
public:
    CsvReader(const SourceSet& sources, FileId file);

    /// Reads the next record into `row`. Returns false at the end of the text, or after a syntax
    /// error (a quote inside an unquoted cell, text after a closing quote, an unterminated quoted
    /// cell: E401) or a cell over kMaxCsvCellBytes (E418), which is added to `diags`. A final line feed does not start
    /// an empty record; an empty line in the middle is a record with one empty cell.
    bool next_row(std::vector<CsvCell>& row, Diagnostics& diags);

    /// Offset of the start of the record last returned.
    std::uint32_t row_offset() const { return row_offset_; }
    /// 0-based number of the record last returned (the header is record 0).
    std::size_t row_index() const { return row_index_; }
    /// Bytes consumed so far (for progress bars).
    std::size_t position() const { return pos_; }
    std::size_t size() const { return text_.size(); }

private:
    std::string_view text_;
    FileId file_;
    std::size_t pos_ = 0;
    std::uint32_t row_offset_ = 0;
    std::size_t row_index_ = static_cast<std::size_t>(-1);
    std::vector<std::string> scratch_;  // unescaped quoted cells
};

}  // namespace parscore::core
