#include "parscore/app/outputs.hpp"

#include "parscore/app/error.hpp"

namespace parscore::app {

namespace {

namespace fs = std::filesystem;

/// Whether two paths name one file: the same device and inode when both exist, else the same
/// path once links and `.`/`..` are resolved (an output not yet written may still be an input's
/// side file, e.g. `parscore.db-wal`).
bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    if (fs::equivalent(a, b, ec) && !ec) return true;
    // Absolute first: a relative path none of whose parts exists is returned unresolved.
    const fs::path ca = fs::weakly_canonical(fs::absolute(a, ec), ec);
    if (ec) return false;
    const fs::path cb = fs::weakly_canonical(fs::absolute(b, ec), ec);
    return !ec && ca == cb;
}

}  // namespace

void refuse_output_over_inputs(const std::string& option, const std::optional<std::string>& out,
                               const std::vector<const core::SourceSet*>& inputs, const fs::path* database) {
    if (!out || out->empty()) return;
    const std::string& out_path = *out;
    auto refuse = [&](core::Text what) {
        throw Error(ErrorKind::BadRequest,
                    core::T_("{option}: '{path}' is {what}; write the output to another file",
                             {{"option", option}, {"path", out_path}, core::part("what", std::move(what))}));
    };
    if (database) {
        const std::string db = database->string();
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            if (!same_file(out_path, db + suffix)) continue;
            const std::string file = db + suffix;
            refuse(*suffix ? core::T_("'{file}', a side file of the database", {{"file", file}})
                           : core::T_("the database '{file}'", {{"file", file}}));
        }
    }
    for (const core::SourceSet* sources : inputs) {
        for (std::size_t i = 0; i < sources->size(); ++i) {
            const std::string& name = sources->file(static_cast<core::FileId>(i)).name();
            if (same_file(out_path, name)) {
                refuse(name == out_path ? core::T_("a file this command reads")
                                        : core::T_("'{file}', a file this command reads", {{"file", name}}));
            }
        }
    }
}

void require_file_for_xlsx(Format format, const std::optional<std::string>& out) {
    if (format == Format::Xlsx && (!out || out->empty())) {
        throw Error(ErrorKind::BadRequest,
                    core::T_("--format xlsx: expected --out FILE (a workbook is not written to stdout)"));
    }
}

void refuse_bom_unless_csv(bool bom, Format format) {
    if (bom && format != Format::Csv) {
        throw Error(ErrorKind::BadRequest, core::T_("--bom: only for --format csv, not --format {format}",
                                                    {{"format", std::string(format_name(format))}}));
    }
}

void check_year(int year) {
    if (year < 1 || year > 9999) {
        throw Error(ErrorKind::BadRequest, core::T_("--year: expected a year from 1 to 9999, found '{value}'",
                                                    {{"value", std::to_string(year)}}));
    }
}

}  // namespace parscore::app
