#include "parscore/core/csv.hpp"

#include <cstring>
#include <string>

#include "codes.hpp"

namespace parscore::core {

namespace {

bool ends_cell(char c) { return c == ',' || c == '\n'; }

Span span_at(FileId file, std::size_t offset) {
    const auto at = static_cast<std::uint32_t>(offset);
    return Span{file, at, at + 1};
}

}  // namespace

CsvReader::CsvReader(const SourceSet& sources, FileId file) : text_(sources.file(file).text()), file_(file) {}

bool CsvReader::next_row(std::vector<CsvCell>& row, Diagnostics& diags) {
    row.clear();
    const std::size_t n = text_.size();
    if (pos_ >= n) return false;
    if (pos_ == 0) {
        // A NUL byte means a binary or UTF-16 file read as text; never store it in a value.
        if (const void* nul = std::memchr(text_.data(), '\0', n)) {
            diags.error(code::kCsvSyntax, span_at(file_, static_cast<const char*>(nul) - text_.data()),
                        T_("NUL character in CSV text"));
            pos_ = n;
            return false;
        }
    }

    const std::size_t start = pos_;
    std::size_t p = pos_;
    std::size_t scratch_used = 0;  // scratch strings reused across rows: no allocation once warm
    const char* data = text_.data();
    for (;;) {
        CsvCell cell;
        cell.offset = static_cast<std::uint32_t>(p);
        if (p < n && data[p] == '"') {
            cell.quoted = true;
            const std::size_t open = p;
            ++p;
            const std::size_t content = p;
            std::string* unescaped = nullptr;
            for (;;) {
                const void* hit = p < n ? std::memchr(data + p, '"', n - p) : nullptr;
                if (hit == nullptr) {
                    diags.error(code::kCsvSyntax, span_at(file_, open), T_("quoted cell is not closed"));
                    pos_ = n;
                    return false;
                }
                const std::size_t quote = static_cast<std::size_t>(static_cast<const char*>(hit) - data);
                const bool doubled = quote + 1 < n && data[quote + 1] == '"';
                if (doubled || unescaped != nullptr) {
                    // Only cells with "" escapes are copied; the rest stay views into the text.
                    if (unescaped == nullptr) {
                        if (scratch_used == scratch_.size()) scratch_.emplace_back();
                        unescaped = &scratch_[scratch_used++];
                        unescaped->clear();
                    }
                    unescaped->append(data + p, quote - p);
                }
                if (!doubled) {
                    // An unescaped cell's view is set once the row is complete (see below).
                    if (unescaped == nullptr) cell.text = std::string_view(data + content, quote - content);
                    p = quote + 1;
                    break;
                }
                unescaped->push_back('"');
                p = quote + 2;
            }
            if (p < n && !ends_cell(data[p])) {
                diags.error(code::kCsvSyntax, span_at(file_, p),
                            T_("unexpected text after the closing quote of a cell"));
                pos_ = n;
                return false;
            }
        } else {
            const std::size_t begin = p;
            while (p < n && !ends_cell(data[p])) {
                if (data[p] == '"') {
                    diags.error(code::kCsvSyntax, span_at(file_, p),
                                T_("quote inside an unquoted cell (quote the whole cell and double the quote)"));
                    pos_ = n;
                    return false;
                }
                if (data[p] == '\r') {  // CRLF was read as LF: this one ends no line
                    diags.error(code::kCsvSyntax, span_at(file_, p),
                                T_("carriage return without a line feed (lines must end with LF or CRLF)"));
                    pos_ = n;
                    return false;
                }
                ++p;
            }
            cell.text = std::string_view(data + begin, p - begin);
        }
        row.push_back(cell);
        if (p >= n) break;
        if (data[p++] == '\n') break;
    }
    // scratch_ may have grown while the row was read, moving its strings (and their short-string
    // buffers), so views into it are only taken now. Escaped cells are the quoted ones still
    // without data, in the order their scratch strings were used.
    std::size_t next_scratch = 0;
    for (CsvCell& cell : row) {
        if (cell.quoted && cell.text.data() == nullptr) cell.text = scratch_[next_scratch++];
        if (cell.text.size() > kMaxCsvCellBytes) {
            diags.error(code::kCellTooLong, span_at(file_, cell.offset),
                        T_("a cell is {size} bytes long; at most {limit} (64 KiB) are allowed",
                           {{"size", std::to_string(cell.text.size())}, {"limit", std::to_string(kMaxCsvCellBytes)}}));
            pos_ = n;
            return false;
        }
    }
    pos_ = p;
    row_offset_ = static_cast<std::uint32_t>(start);
    ++row_index_;
    return true;
}

}  // namespace parscore::core
