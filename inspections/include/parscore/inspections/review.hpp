#pragma once
// What review adds to an inspection (docs/store.md, "Review and attachments"): returns and
// comments with their text, and attached files stored once by their SHA-256. Each is an event in
// the inspection's hash chain with who and when.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "parscore/core/text.hpp"
#include "parscore/inspections/attachment_type.hpp"

namespace parscore::inspections {

/// The longest return or comment text, in code points.
inline constexpr std::size_t kMaxNoteChars = 4000;
/// Why a return's or a comment's text cannot be stored — blank, not UTF-8, or longer than
/// kMaxNoteChars code points — or nothing when it can.
std::optional<core::Text> note_problem(std::string_view text);

/// The longest name an attached file keeps, in bytes.
inline constexpr std::size_t kMaxFileNameBytes = 255;

/// A file to attach: its name (without folders), its type as sniffed from its bytes, its bytes.
struct AttachmentFile {
    std::string name;
    MediaType type = MediaType::pdf;
    std::string bytes;
};

/// A return (with its reason) or a comment on an inspection.
struct ReviewNote {
    enum class Kind { Return, Comment };
    Kind kind = Kind::Comment;
    std::int64_t no = 0;  // the database's revision number it took
    std::string text;
    std::string recorded_by, recorded_at;
};

/// A file attached to an inspection (its bytes are read with Store::attachment).
struct AttachmentInfo {
    std::int64_t no = 0;  // the attach event's revision number
    std::string sha256;
    std::string file_name;
    std::string media_type;  // "image/jpeg", "image/png", "image/webp" or "application/pdf"
    std::int64_t size = 0;   // bytes
    std::string recorded_by, recorded_at;
};

/// One stored attachment's bytes.
struct AttachmentBody {
    std::string sha256;
    std::string media_type;
    std::string bytes;
};

}  // namespace parscore::inspections
