// Reading an input file (a report, a CSV) into the source set: its size limit and encoding
// problems become diagnostics on the file, an I/O failure a message.
#include "parscore/core/text_file.hpp"
#include "parscore/inspections/codes.hpp"
#include "parscore/inspections/report.hpp"
#include "text_pieces.hpp"

namespace parscore::inspections {

InputFile read_input_file(const std::filesystem::path& path, std::size_t max_bytes, core::SourceSet& sources,
                          core::Diagnostics& diags) {
    InputFile out;
    core::TextFile file = core::read_text_file(path, max_bytes);
    out.raw_sha256 = file.raw_sha256;
    switch (file.status) {
        case core::ReadStatus::Ok: out.file = sources.add(path.string(), std::move(file.text)); break;
        case core::ReadStatus::NotFound:
        case core::ReadStatus::IsDirectory:
        case core::ReadStatus::Unreadable:
            out.io_failure = true;
            out.io_message = core::T_("cannot read {path}: {reason}",
                                      {{"path", "'" + path.string() + "'"},
                                       core::part("reason", core::describe_text(file.status))});
            break;
        case core::ReadStatus::TooLarge: {
            out.file = sources.add(path.string(), "");
            diags.error(code::kTooLarge, core::Span{*out.file, 0, 0},
                        core::T_("file is too large ({size} bytes; the limit is {limit})",
                                 {{"size", std::to_string(file.size)}, {"limit", std::to_string(max_bytes)}}));
            break;
        }
        case core::ReadStatus::InvalidUtf8: {
            const auto at = static_cast<std::uint32_t>(file.bad_offset);
            out.file = sources.add(path.string(), std::move(file.text));
            diags.error(code::kEncoding, core::Span{*out.file, at, at + 1},
                        core::T_("invalid UTF-8 (the file must be UTF-8 text)"));
            break;
        }
        case core::ReadStatus::Utf16:
            out.file = sources.add(path.string(), "");
            diags.error(code::kEncoding, core::Span{*out.file, 0, 0},
                        core::T_("UTF-16 or UTF-32 text; save the file as UTF-8"));
            break;
    }
    return out;
}

}  // namespace parscore::inspections
