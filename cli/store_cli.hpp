#pragma once
// What the evidence-store commands (units, record, import, inspections, show, submit, lock, amend,
// template, merge) share: showing an operation's diagnostics, and the text
// tables and CSV cells of the listings.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "context.hpp"
#include "parscore/app/actor.hpp"
#include "parscore/app/error.hpp"
#include "parscore/core/date.hpp"
#include "parscore/i18n/language.hpp"
#include "parscore/inspections/model.hpp"

namespace CLI {
class App;
}

namespace parscore::cli::store {

/// Prints diagnostics an operation returned (the errors of a rejected file).
void print_problems(Context& ctx, const app::Problems& problems);

/// Exit codes of several failures: Io wins, else the highest.
int worst(int a, int b);

/// A date given on the command line; CliError(2) when it is not a real YYYY-MM-DD.
core::Date parse_cli_date(const std::string& option, const std::string& text);

/// A count or number in a sentence or a table: in English as the program always wrote it (12345),
/// in Vietnamese grouped from five digits (12.345).
std::string number_text(i18n::Language lang, std::int64_t n);
/// A date in a table or sentence: 2026-03-05 in English, 05/03/2026 in Vietnamese.
std::string date_text(i18n::Language lang, core::Date date);

/// An inspection's kind and status as tables show them: the stored name in English ("surprise",
/// "locked"), words in Vietnamese. JSON and CSV keep the stored names.
std::string kind_label(i18n::Language lang, inspections::InspectionKind kind);
std::string status_label(i18n::Language lang, inspections::Status status);

/// Text tables and CSV for listings.
std::string format_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);
std::string csv_cell(const std::string& text, bool is_number = false);
/// A JSON string literal (UTF-8 kept, control characters escaped).
std::string json_string(std::string_view text);
/// A JSON array of strings on one line: ["a", "b"].
std::string json_strings(const std::vector<std::string>& texts);

void add_record_commands(CLI::App& app, Context& ctx);       // units import, record, import, amend
void add_units_list_command(CLI::App& units, Context& ctx);  // units list
void add_view_commands(CLI::App& app, Context& ctx);         // inspections, show, template
void add_admin_commands(CLI::App& app, Context& ctx);        // submit, lock, merge
void add_adoption_commands(CLI::App& app, Context& ctx);     // adopt, rulebooks, audit

}  // namespace parscore::cli::store
