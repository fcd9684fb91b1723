#pragma once
// The command line's own words in the run's language (docs/i18n.md): the labels CLI11 prints in
// --help ("Usage", "OPTIONS", "REQUIRED", the value types) and its parse errors ("--rules is
// required"). Descriptions and option help are translated where each command adds them.
#include <string>

#include "parscore/i18n/language.hpp"

namespace CLI {
class App;
class ParseError;
}  // namespace CLI

namespace parscore::cli {

/// Gives `app` the help formatter, the --help flag and the default group names of `lang`. Call it
/// before adding options and subcommands: CLI11 copies these into each subcommand.
void localize_help(CLI::App& app, i18n::Language lang);

/// The language localize_help gave `cmd` (a subcommand inherits it); English when none. The
/// options many commands share word their help with it.
i18n::Language help_language(const CLI::App& cmd);

/// A CLI11 parse error as our message: in English CLI11's own sentence with its first letter
/// lowered ("--rules is required"), in Vietnamese ours ("thiếu tùy chọn --rules").
std::string usage_message(const CLI::ParseError& error, i18n::Language lang);

}  // namespace parscore::cli
