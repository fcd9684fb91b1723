#pragma once
// What many subcommands share: the options they repeat (one wording in every command's --help),
// the textual parsing of option values, and writing a result to stdout or --out.
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "context.hpp"
#include "help.hpp"
#include "parscore/app/format.hpp"
#include "parscore/i18n/language.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::cli {

/// Writes `text` to --out FILE (atomically, exit 3 when it cannot be written) or to stdout.
void write_output(Context& ctx, const std::string& out_path, const std::string& text);
/// The same for output that `write` produces piece by piece.
void write_output_stream(Context& ctx, const std::string& out_path, const std::function<void(std::ostream&)>& write);

/// Prints run-wide warnings to stderr, one line each: "warning[W308]: …".
void print_warnings(Context& ctx, const std::vector<engine::Warning>& warnings);

/// Options many commands share (a description starts with a capital letter and has no full
/// stop; a default reads "(default: X)").
void add_rules_option(CLI::App* cmd, std::string& into);
void add_year_option(CLI::App* cmd, std::string& into);
void add_basis_option(CLI::App* cmd, std::string& into);
/// --format, limited to `formats`, the first of which is the default and is stored in `into` now.
/// `help` replaces the generated "Output format: a, b or c (default: a)".
void add_format_option(CLI::App* cmd, app::Format& into, const std::vector<app::Format>& formats,
                       const std::string& help = "");
void add_out_option(CLI::App* cmd, std::string& into);
/// --lang en|vi for what a person reads, bound to `into`.
CLI::Option* add_lang_option(CLI::App* cmd, i18n::Language& into);
/// $PARSCORE_LANG when it names a language parscore speaks ("vi", "vi_VN.UTF-8"), else English.
i18n::Language default_language();
/// The language a run speaks, read before parsing: the last valid `--lang X`/`--lang=X` among
/// `args`, else default_language(). An invalid value is left for the parser to report.
i18n::Language preferred_language(const std::vector<std::string>& args);
void add_category_option(CLI::App* cmd, std::string& into);
void add_bom_option(CLI::App* cmd, bool& into);
/// --threads; `what` is "Evaluation" or "Scoring" (the help reads "Scoring threads …").
void add_threads_option(CLI::App* cmd, unsigned& into, const std::string& what);

/// Parses a year given on the command line (exit 2 when it is not 1–9999).
int parse_year_option(const std::string& text);
/// --basis's value, already checked by CLI11.
engine::Basis parse_basis_option(const std::string& text);
/// An option left empty is an option not given.
std::optional<std::string> given(const std::string& text);

}  // namespace parscore::cli
