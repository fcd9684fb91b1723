#pragma once
// Reading the files parscore is given, with the checks of docs/reference/rulebook-format.md: a size
// limit, a leading BOM dropped, CRLF read as LF, UTF-8 validated (never replaced).
#include <cstddef>
#include <filesystem>
#include <string>

#include "parscore/core/text.hpp"

namespace parscore::core {

inline constexpr std::size_t kMaxRuleFileBytes = 16u << 20;  // rulebooks, reports, tests (docs/diagnostics.md)

enum class ReadStatus {
    Ok,
    NotFound,     // exit 3
    IsDirectory,  // exit 3
    Unreadable,   // exit 3
    TooLarge,     // exit 1 (a limit), text holds nothing
    InvalidUtf8,  // exit 1; text holds the normalised bytes, bad_offset the first ill-formed byte
    Utf16,        // exit 1; a UTF-16 or UTF-32 byte-order mark
};

struct TextFile {
    ReadStatus status = ReadStatus::Ok;
    std::string text;            // normalised: no BOM, LF line ends
    std::size_t bad_offset = 0;  // for InvalidUtf8: offset into text
    std::size_t size = 0;        // bytes on disk
    std::string raw_sha256;      // hex SHA-256 of the bytes on disk (as read, before normalising)
};

TextFile read_text_file(const std::filesystem::path& path, std::size_t max_bytes);
/// The same checks on bytes already in memory (a report sent to the server): status Ok, TooLarge,
/// InvalidUtf8 or Utf16.
TextFile decode_text(std::string bytes, std::size_t max_bytes);

/// A file's bytes as they are on disk (attachments). Status Ok, NotFound, IsDirectory, Unreadable
/// or TooLarge; the size of a regular file is checked before anything is read.
struct FileBytes {
    ReadStatus status = ReadStatus::Ok;
    std::string bytes;
    std::size_t size = 0;  // bytes on disk (for TooLarge: as far as known)
};
FileBytes read_file_bytes(const std::filesystem::path& path, std::size_t max_bytes);

/// Drops a leading UTF-8 BOM and turns CRLF into LF (a lone CR stays).
void normalize_text(std::string& text);

/// A short English explanation of a status for messages ("no such file", "is a directory", …).
const char* describe(ReadStatus status);
/// The same, translatable.
Text describe_text(ReadStatus status);

}  // namespace parscore::core
