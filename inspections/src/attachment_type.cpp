#include "parscore/inspections/attachment_type.hpp"

namespace parscore::inspections {

namespace {

using namespace std::string_view_literals;

constexpr std::string_view kJpeg = "\xFF\xD8\xFF"sv;
constexpr std::string_view kPng = "\x89PNG\r\n\x1A\n"sv;
constexpr std::string_view kPdf = "%PDF-"sv;

bool is_webp(std::string_view content) {
    return content.size() >= 12 && content.substr(0, 4) == "RIFF" && content.substr(8, 4) == "WEBP";
}

}  // namespace

std::optional<MediaType> sniff_media_type(std::string_view content) {
    if (content.starts_with(kJpeg)) return MediaType::jpeg;
    if (content.starts_with(kPng)) return MediaType::png;
    if (is_webp(content)) return MediaType::webp;
    if (content.starts_with(kPdf)) return MediaType::pdf;
    return std::nullopt;
}

std::string_view mime_type(MediaType type) {
    switch (type) {
        case MediaType::jpeg: return "image/jpeg";
        case MediaType::png: return "image/png";
        case MediaType::webp: return "image/webp";
        case MediaType::pdf: return "application/pdf";
    }
    return "application/octet-stream";
}

}  // namespace parscore::inspections
