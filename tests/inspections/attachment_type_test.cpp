// Attachments are recognised by their first bytes, never by their name (docs/accounts.md).
#include <gtest/gtest.h>

#include "parscore/inspections/attachment_type.hpp"

namespace parscore::inspections {
namespace {

using namespace std::string_literals;

struct Case {
    const char* what;
    std::string content;
    std::optional<MediaType> expected;
};

TEST(AttachmentType, RecognisedByContent) {
    const Case cases[] = {
        {"JPEG (JFIF)", "\xFF\xD8\xFF\xE0\x00\x10JFIF"s, MediaType::jpeg},
        {"JPEG (Exif, a phone photo)", "\xFF\xD8\xFF\xE1\x12\x34"s + "Exif", MediaType::jpeg},
        {"PNG", "\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR"s, MediaType::png},
        {"WebP", "RIFF\x24\x00\x00\x00WEBPVP8 "s, MediaType::webp},
        {"PDF", "%PDF-1.7\n%\xE2\xE3\xCF\xD3"s, MediaType::pdf},
        {"empty", "", std::nullopt},
        {"JPEG cut short", "\xFF\xD8"s, std::nullopt},
        {"PNG without its line endings", "\x89PNG\n\x1A\n"s, std::nullopt},
        {"RIFF that is a WAV", "RIFF\x24\x00\x00\x00WAVEfmt "s, std::nullopt},
        {"RIFF cut short", "RIFF\x24\x00\x00\x00WEB"s, std::nullopt},
        {"PDF signature later in the file", " %PDF-1.7"s, std::nullopt},
        {"an HTML page named photo.jpg", "<!doctype html><script>", std::nullopt},
        {"SVG (can carry scripts)", "<svg xmlns=\"http://www.w3.org/2000/svg\">", std::nullopt},
        {"GIF", "GIF89a", std::nullopt},
        {"ZIP (a .docx)", "PK\x03\x04"s, std::nullopt},
    };
    for (const Case& c : cases) EXPECT_EQ(sniff_media_type(c.content), c.expected) << c.what;
}

TEST(AttachmentType, MimeTypes) {
    EXPECT_EQ(mime_type(MediaType::jpeg), "image/jpeg");
    EXPECT_EQ(mime_type(MediaType::png), "image/png");
    EXPECT_EQ(mime_type(MediaType::webp), "image/webp");
    EXPECT_EQ(mime_type(MediaType::pdf), "application/pdf");
    EXPECT_EQ(kMaxAttachmentBytes, 10485760u);
}

}  // namespace
}  // namespace parscore::inspections
