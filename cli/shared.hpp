#pragma once
// Steps many subcommands share: loading the rulebook named by --rules, opening the database,
// writing a result to stdout or --out.
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "context.hpp"
#include "parscore/core/source.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/rules/rulebook.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::cli {

/// Loads and checks a rulebook; prints its diagnostics. Throws CliError (exit 1 for an invalid
/// rulebook, 3 when the file cannot be read) when it has errors.
rules::Rulebook load_rules(const std::string& path, Context& ctx, core::SourceSet& sources);

/// Opens the database of --db/$PARSCORE_DB/./parscore.db; StoreError becomes CliError with the
/// store's exit code.
inspections::Store open_store(const Context& ctx, inspections::OpenMode mode);

/// Refuses (exit 2) an output file that is one the command reads: the database of --db with its
/// -wal, -shm and -journal files, and every file in `sources` (rulebooks with their `extends`
/// chain, reports, CSV). Files are compared as files (device and inode, else the resolved path),
/// so hard links, symbolic links and other spellings are caught. `option` names the flag.
void refuse_output_over_inputs(const Context& ctx, const std::string& option, const std::string& out_path,
                               const core::SourceSet& sources, bool uses_database = true);

/// Writes a file so that it is either complete or untouched: `write` fills a temporary file in
/// the target's folder, which then replaces the target (exit 3 when that fails; the temporary
/// file is removed and an existing target left as it was).
void write_file_atomically(const std::string& path, const std::function<void(const std::filesystem::path& tmp)>& write);

/// Writes `text` to --out FILE (atomically, exit 3 when it cannot be written) or to stdout.
void write_output(Context& ctx, const std::string& out_path, const std::string& text);
/// The same for output that `write` produces piece by piece.
void write_output_stream(Context& ctx, const std::string& out_path, const std::function<void(std::ostream&)>& write);

/// Prints run-wide warnings to stderr, one line each: "warning[W308]: …".
void print_warnings(Context& ctx, const std::vector<engine::Warning>& warnings);

/// Options many commands share, with one wording in every command's --help (a description starts
/// with a capital letter and has no full stop; a default reads "(default: X)").
void add_rules_option(CLI::App* cmd, std::string& into);
void add_year_option(CLI::App* cmd, std::string& into);
void add_basis_option(CLI::App* cmd, std::string& into);
/// --format, limited to `formats`, the first of which is the default.
void add_format_option(CLI::App* cmd, std::string& into, const std::vector<std::string>& formats);
void add_out_option(CLI::App* cmd, std::string& into);
void add_category_option(CLI::App* cmd, std::string& into);
void add_bom_option(CLI::App* cmd, bool& into);

/// --bom is for CSV only: with another format it is a usage error (exit 2).
void refuse_bom_unless_csv(bool bom, const std::string& format);

/// Parses a year given on the command line (exit 2 when it is not 1–9999).
int parse_year_option(const std::string& text);

}  // namespace parscore::cli
