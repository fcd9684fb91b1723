#include "shared.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include <CLI/CLI.hpp>

#include "parscore/core/utf8.hpp"
#include "parscore/rules/loader.hpp"

namespace parscore::cli {

rules::Rulebook load_rules(const std::string& path, Context& ctx, core::SourceSet& sources) {
    core::Diagnostics diags;
    rules::LoadOutcome outcome = rules::load_rulebook(path, sources, diags);
    if (outcome.io_failure) {
        ctx.print_diagnostics(diags, sources);
        throw CliError(kIo, "cannot read rulebook '" + path + "'");
    }
    if (!outcome.rulebook || diags.has_errors()) {
        ctx.print_diagnostics(diags, sources);
        throw CliError(kInvalid, "rulebook '" + path + "' has errors");
    }
    return std::move(*outcome.rulebook);
}

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

void refuse_output_over_inputs(const Context& ctx, const std::string& option, const std::string& out_path,
                               const core::SourceSet& sources, bool uses_database) {
    if (out_path.empty()) return;
    auto refuse = [&](const std::string& what) {
        throw CliError(kUsage, option + ": '" + out_path + "' is " + what + "; write the output to another file");
    };
    if (uses_database) {
        const fs::path db = ctx.db_path();
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            if (!same_file(out_path, db.string() + suffix)) continue;
            refuse(*suffix ? "'" + db.string() + suffix + "', a side file of the database" : "the database '" + db.string() + "'");
        }
    }
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const std::string& name = sources.file(static_cast<core::FileId>(i)).name();
        if (same_file(out_path, name)) refuse(name == out_path ? "a file this command reads" : "'" + name + "', a file this command reads");
    }
}

void write_file_atomically(const std::string& path, const std::function<void(const fs::path& tmp)>& write) {
    std::error_code ec;
    fs::path target = path;
    // Through a symbolic link the file it names is replaced; the link stays.
    if (fs::is_symlink(fs::symlink_status(target, ec))) target = fs::weakly_canonical(target, ec);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string name = (folder / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(name.data());
    if (fd < 0) throw CliError(kIo, "cannot write '" + path + "': " + std::strerror(errno));
    ::close(fd);
    const fs::path tmp = name;
    struct Remove {
        const fs::path& file;
        bool keep = false;
        ~Remove() {
            std::error_code ignored;
            if (!keep) fs::remove(file, ignored);
        }
    } cleanup{tmp};
    write(tmp);
    // An existing file keeps its permissions; a new one gets those of any new file (0666 less the umask).
    const fs::file_status old = fs::status(target, ec);
    if (fs::exists(old)) {
        fs::permissions(tmp, old.permissions(), ec);
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        fs::permissions(tmp, static_cast<fs::perms>(0666 & ~mask), ec);
    }
    if (::rename(tmp.c_str(), target.c_str()) != 0) throw CliError(kIo, "cannot write '" + path + "': " + std::strerror(errno));
    cleanup.keep = true;
}

void write_output(Context& ctx, const std::string& out_path, const std::string& text) {
    write_output_stream(ctx, out_path, [&](std::ostream& os) { os << text; });
}

void write_output_stream(Context& ctx, const std::string& out_path, const std::function<void(std::ostream&)>& write) {
    if (out_path.empty()) {
        write(ctx.out);
        return;
    }
    write_file_atomically(out_path, [&](const fs::path& tmp) {
        std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
        if (!file) throw CliError(kIo, "cannot write '" + out_path + "'");
        write(file);
        if (!file.flush()) throw CliError(kIo, "cannot write '" + out_path + "'");
    });
}

void refuse_bom_unless_csv(bool bom, const std::string& format) {
    if (bom && format != "csv") throw CliError(kUsage, "--bom: only for --format csv, not --format " + format);
}

void print_warnings(Context& ctx, const std::vector<engine::Warning>& warnings) {
    for (const auto& w : warnings) ctx.err << "warning[" << w.code << "]: " << core::printable(w.message) << "\n";
}

void add_rules_option(CLI::App* cmd, std::string& into) {
    cmd->add_option("--rules", into, "Rulebook file")->required();
}

void add_year_option(CLI::App* cmd, std::string& into) {
    cmd->add_option("--year", into, "Evaluation year")->required();
}

void add_basis_option(CLI::App* cmd, std::string& into) {
    cmd->add_option("--basis", into, "Inspection kinds that count: all, self or inspected (default: all)")
        ->check(CLI::IsMember({"all", "self", "inspected"}));
}

void add_format_option(CLI::App* cmd, std::string& into, const std::vector<std::string>& formats) {
    std::string list;
    for (std::size_t i = 0; i < formats.size(); ++i) {
        list += (i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ") + formats[i];
    }
    cmd->add_option("--format", into, "Output format: " + list + " (default: " + formats.front() + ")")
        ->check(CLI::IsMember(formats));
}

void add_out_option(CLI::App* cmd, std::string& into) {
    cmd->add_option("--out", into, "Write to FILE instead of stdout");
}

void add_category_option(CLI::App* cmd, std::string& into) {
    cmd->add_option("--category", into, "Only this category");
}

void add_bom_option(CLI::App* cmd, bool& into) {
    cmd->add_flag("--bom", into, "CSV: start with a UTF-8 byte-order mark");
}

int parse_year_option(const std::string& text) {
    int year = 0;
    bool digits = !text.empty() && text.size() <= 4 && text.find_first_not_of("0123456789") == std::string::npos;
    if (digits) year = std::stoi(text);
    if (!digits || year < 1) {
        throw CliError(kUsage, "--year: expected a year from 1 to 9999, found '" + core::sanitize_utf8(text) + "'");
    }
    return year;
}

}  // namespace parscore::cli
