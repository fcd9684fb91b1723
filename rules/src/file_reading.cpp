#include "file_reading.hpp"

#include <fstream>

#include "codes.hpp"
#include "parscore/core/utf8.hpp"

namespace parscore::rules::detail {

namespace fs = std::filesystem;

namespace {

std::string mebibytes(std::size_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB"; }

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

}  // namespace

RawFile read_raw_file(const fs::path& path, std::size_t limit) {
    RawFile out;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        bool absent = !ec || ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory;
        out.status = absent ? core::ReadStatus::NotFound : core::ReadStatus::Unreadable;
        return out;
    }
    if (fs::is_directory(status)) {
        out.status = core::ReadStatus::IsDirectory;
        return out;
    }
    if (fs::is_regular_file(status)) {
        const auto size = fs::file_size(path, ec);
        if (!ec && size > limit) {
            out.status = core::ReadStatus::TooLarge;
            out.size = static_cast<std::size_t>(size);
            return out;
        }
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out.status = core::ReadStatus::Unreadable;
        return out;
    }
    // Read at most one byte past the limit: a file that grows (or a pipe) is still refused.
    std::string bytes;
    char buffer[1 << 16];
    while (bytes.size() <= limit && in) {
        in.read(buffer, sizeof buffer);
        bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) {
        out.status = core::ReadStatus::Unreadable;
        return out;
    }
    out.size = bytes.size();
    if (bytes.size() > limit) {
        out.status = core::ReadStatus::TooLarge;
        return out;
    }
    out.bytes = std::move(bytes);
    return out;
}

std::optional<core::FileId> add_source(const std::string& name, const RawFile& raw, core::SourceSet& sources,
                                       core::Diagnostics& diags) {
    const std::size_t size = raw.status == core::ReadStatus::TooLarge ? raw.size : raw.bytes.size();
    if (raw.status == core::ReadStatus::TooLarge || size > core::kMaxRuleFileBytes) {
        core::FileId id = sources.add(name, "");
        diags.error(code::kTooLarge, core::Span{id, 0, 0},
                    core::T_("file is too large ({size}; a rulebook file is at most {limit})",
                             {{"size", mebibytes(size)}, {"limit", mebibytes(core::kMaxRuleFileBytes)}}));
        return std::nullopt;
    }
    const std::string_view bytes = raw.bytes;
    if (starts_with(bytes, std::string_view("\xFF\xFE", 2)) || starts_with(bytes, std::string_view("\xFE\xFF", 2)) ||
        starts_with(bytes, std::string_view("\x00\x00\xFE\xFF", 4))) {
        core::FileId id = sources.add(name, "");
        diags.error(code::kNotUtf8, core::Span{id, 0, 0}, core::describe_text(core::ReadStatus::Utf16));
        return std::nullopt;
    }
    std::string text = raw.bytes;
    core::normalize_text(text);
    const auto bad = core::find_invalid_utf8(text);
    core::FileId id = sources.add(name, std::move(text));
    if (bad) {
        auto at = static_cast<std::uint32_t>(*bad);
        std::string byte = "0x";
        const char* hex = "0123456789ABCDEF";
        const auto c = static_cast<unsigned char>(sources.file(id).text()[*bad]);
        byte += hex[c >> 4];
        byte += hex[c & 15];
        diags.error(code::kNotUtf8, core::Span{id, at, at + 1},
                    core::T_("invalid UTF-8 (byte {byte})", {{"byte", byte}}));
        return std::nullopt;
    }
    return id;
}

}  // namespace parscore::rules::detail
