#pragma once
// Helpers shared by the evidence-store commands (units, record, import, inspections, show,
// submit, lock, amend, template, merge).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "context.hpp"
#include "parscore/core/date.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/core/source.hpp"
#include "parscore/inspections/store.hpp"

namespace CLI {
class App;
}

namespace parscore::cli::store {

/// Runs a command body, turning StoreError into CliError with its exit code.
void guarded(Context& ctx, const std::function<void()>& body);

inspections::Store open_store(const Context& ctx, inspections::OpenMode mode);

/// Loads a rulebook's evidence schema. Errors are printed (with the rulebook's other diagnostics);
/// returns nullopt after setting ctx.exit_code (1, or 3 when the file cannot be read).
std::optional<core::EvidenceSchema> load_schema(Context& ctx, const std::string& path);

/// A date given on the command line; CliError(1) when it is not a real YYYY-MM-DD.
core::Date parse_cli_date(const std::string& option, const std::string& text);

/// Inspection ids as given on the command line: a whole id or a prefix of at least
/// kMinIdPrefix characters; CliError(2) naming a shorter one.
void check_id_lengths(const std::vector<std::string>& ids);

/// Stored unit ids in byte order.
std::vector<std::string> unit_ids(const inspections::Store& store);

/// Text tables and CSV for listings.
std::string format_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);
std::string csv_cell(const std::string& text, bool is_number = false);
/// A JSON string literal (UTF-8 kept, control characters escaped).
std::string json_string(std::string_view text);

void add_record_commands(CLI::App& app, Context& ctx);  // units import, record, import, amend
void add_units_list_command(CLI::App& units, Context& ctx);  // units list
void add_view_commands(CLI::App& app, Context& ctx);    // inspections, show, template
void add_admin_commands(CLI::App& app, Context& ctx);   // submit, lock, merge

}  // namespace parscore::cli::store
