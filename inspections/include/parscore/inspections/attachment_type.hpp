#pragma once
// What an attachment is, told by its first bytes and never by its name (docs/accounts.md,
// "Attachments"): a photo taken in the field or a scanned record.
#include <cstddef>
#include <optional>
#include <string_view>

namespace parscore::inspections {

enum class MediaType { jpeg, png, webp, pdf };

/// The largest attachment accepted: 10 MiB.
inline constexpr std::size_t kMaxAttachmentBytes = std::size_t{10} * 1024 * 1024;

/// The type whose signature `content` starts with, or nothing: JPEG (FF D8 FF), PNG (its 8-byte
/// signature), WebP ("RIFF", a size, "WEBP") or PDF ("%PDF-").
std::optional<MediaType> sniff_media_type(std::string_view content);

/// "image/jpeg", "image/png", "image/webp", "application/pdf".
std::string_view mime_type(MediaType type);

}  // namespace parscore::inspections
