// Reading an input file (a report, a CSV) into the source set: its size limit and encoding
// problems become diagnostics on the file, an I/O failure a message.
#include "parscore/core/text_file.hpp"
#include "parscore/inspections/codes.hpp"
#include "parscore/inspections/report.hpp"
#include "text_pieces.hpp"

namespace parscore::inspections {

namespace {

/// The file's text into `sources`, or why it cannot be read (a diagnostic, or an I/O message).
InputFile add_input(const std::string& name, core::TextFile file, std::size_t max_bytes, core::SourceSet& sources,
                    core::Diagnostics& diags) {
    InputFile out;
    out.raw_sha256 = file.raw_sha256;
    switch (file.status) {
        case core::ReadStatus::Ok: out.file = sources.add(name, std::move(file.text)); break;
        case core::ReadStatus::NotFound:
        case core::ReadStatus::IsDirectory:
        case core::ReadStatus::Unreadable:
            out.io_failure = true;
            out.io_message = core::T_("cannot read {path}: {reason}",
                                      {{"path", "'" + name + "'"},
                                       core::part("reason", core::describe_text(file.status))});
            break;
        case core::ReadStatus::TooLarge: {
            out.file = sources.add(name, "");
            diags.error(code::kTooLarge, core::Span{*out.file, 0, 0},
                        core::T_("file is too large ({size} bytes; the limit is {limit})",
                                 {{"size", std::to_string(file.size)}, {"limit", std::to_string(max_bytes)}}));
            break;
        }
        case core::ReadStatus::InvalidUtf8: {
            const auto at = static_cast<std::uint32_t>(file.bad_offset);
            out.file = sources.add(name, std::move(file.text));
            diags.error(code::kEncoding, core::Span{*out.file, at, at + 1},
                        core::T_("invalid UTF-8 (the file must be UTF-8 text)"));
            break;
        }
        case core::ReadStatus::Utf16:
            out.file = sources.add(name, "");
            diags.error(code::kEncoding, core::Span{*out.file, 0, 0},
                        core::T_("UTF-16 or UTF-32 text; save the file as UTF-8"));
            break;
    }
    return out;
}

}  // namespace

InputFile read_input_file(const std::filesystem::path& path, std::size_t max_bytes, core::SourceSet& sources,
                          core::Diagnostics& diags) {
    return add_input(path.string(), core::read_text_file(path, max_bytes), max_bytes, sources, diags);
}

InputFile input_text(const std::string& name, std::string bytes, std::size_t max_bytes, core::SourceSet& sources,
                     core::Diagnostics& diags) {
    return add_input(name, core::decode_text(std::move(bytes), max_bytes), max_bytes, sources, diags);
}

}  // namespace parscore::inspections
