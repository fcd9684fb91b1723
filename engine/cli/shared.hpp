#pragma once
// Steps many subcommands share: loading the rulebook named by --rules, opening the database,
// writing a result to stdout or --out.
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>

#include "context.hpp"
#include "parscore/core/source.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/rules/rulebook.hpp"

namespace parscore::cli {

/// Loads and checks a rulebook; prints its diagnostics. Throws CliError (exit 1 for an invalid
/// rulebook, 3 when the file cannot be read) when it has errors.
rules::Rulebook load_rules(const std::string& path, Context& ctx, core::SourceSet& sources);

/// Opens the database of --db/$PARSCORE_DB/./parscore.db; StoreError becomes CliError with the
/// store's exit code.
inspections::Store open_store(const Context& ctx, inspections::OpenMode mode);

/// Writes `text` to --out FILE (exit 3 when it cannot be written) or to stdout.
void write_output(Context& ctx, const std::string& out_path, const std::string& text);
/// The same for output that `write` produces piece by piece.
void write_output_stream(Context& ctx, const std::string& out_path, const std::function<void(std::ostream&)>& write);

/// Parses a year given on the command line (exit 2 when it is not 1–9999).
int parse_year_option(const std::string& text);

}  // namespace parscore::cli
