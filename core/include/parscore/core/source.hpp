#pragma once
// Source texts and positions. Every diagnostic points into a SourceFile held by a SourceSet; files
// are never re-read to print a message.
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace parscore::core {

using FileId = std::uint32_t;

/// A byte range [begin, end) in one source file.
struct Span {
    FileId file = 0;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

/// A 1-based line and a 1-based column counted in code points (a tab counts as 1).
struct Location {
    std::uint32_t line = 1;
    std::uint32_t column = 1;
};

/// One text with its name and line table. The text is stored as given (callers normalise a BOM
/// and CRLF before adding it); offsets are byte offsets into it.
class SourceFile {
public:
    SourceFile(std::string name, std::string text);

    const std::string& name() const { return name_; }
    const std::string& text() const { return text_; }

    /// Line and code-point column of a byte offset (an offset past the end maps to the end).
    Location location(std::uint32_t offset) const;
    /// Byte offset of the start of a 1-based line.
    std::uint32_t line_start(std::uint32_t line) const;
    /// The text of a 1-based line, without its line feed.
    std::string_view line_text(std::uint32_t line) const;

private:
    std::string name_;
    std::string text_;
    std::vector<std::uint32_t> line_starts_;
};

/// Owns every source text of a run. Ids are stable; references to files stay valid.
class SourceSet {
public:
    FileId add(std::string name, std::string text);
    const SourceFile& file(FileId id) const { return files_.at(id); }
    std::size_t size() const { return files_.size(); }

private:
    std::deque<SourceFile> files_;
};

}  // namespace parscore::core
