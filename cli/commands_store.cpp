#include <CLI/CLI.hpp>
#include <algorithm>

#include "context.hpp"
#include "parscore/core/render.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/reports/report.hpp"
#include "parscore/rules/loader.hpp"
#include "store_cli.hpp"

namespace parscore::cli {

namespace store {

void guarded(Context& ctx, const std::function<void()>& body) {
    try {
        body();
    } catch (const inspections::StoreError& e) {
        throw CliError(e.exit_code(), e.what());
    }
    (void)ctx;
}

inspections::Store open_store(const Context& ctx, inspections::OpenMode mode) {
    return inspections::Store::open(ctx.db_path(), mode);
}

std::optional<core::EvidenceSchema> load_schema(Context& ctx, const std::string& path) {
    core::SourceSet sources;
    core::Diagnostics diags;
    rules::LoadOutcome outcome = rules::load_rulebook(path, sources, diags);
    if (outcome.rulebook) return std::move(outcome.rulebook->evidence);
    if (outcome.io_failure) {
        ctx.err << "parscore: error: cannot read rulebook '" << path << "'\n";
        ctx.exit_code = kIo;
        return std::nullopt;
    }
    core::Diagnostics errors;
    for (const core::Diagnostic& d : diags) {
        if (d.severity == core::Severity::Error || d.severity == core::Severity::Note) errors.add(d);
    }
    ctx.print_diagnostics(errors.empty() ? diags : errors, sources);
    ctx.err << "parscore: error: rulebook '" << path << "' has errors\n";
    ctx.exit_code = kInvalid;
    return std::nullopt;
}

core::Date parse_cli_date(const std::string& option, const std::string& text) {
    auto d = core::parse_date(text);
    if (!d) throw CliError(kUsage, option + ": expected a date YYYY-MM-DD that exists, found '" + core::sanitize_utf8(text) + "'");
    return *d;
}

void check_id_lengths(const std::vector<std::string>& ids) {
    for (const std::string& id : ids) {
        if (id.size() < inspections::kMinIdPrefix) {
            throw CliError(kUsage, "inspection id '" + core::sanitize_utf8(id) + "' is too short: give the whole id or its first " +
                                       std::to_string(inspections::kMinIdPrefix) + " characters or more");
        }
    }
}

std::vector<std::string> unit_ids(const inspections::Store& store) {
    std::vector<std::string> ids;
    for (auto& u : store.units()) ids.push_back(std::move(u.id));
    return ids;  // units() is ordered by id
}

std::string format_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> width(header.size());
    for (std::size_t c = 0; c < header.size(); ++c) width[c] = core::display_width(header[c]);
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) {
            width[c] = std::max(width[c], core::display_width(row[c]));
        }
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::string cell = core::sanitize_utf8(cells[c]);
            out += cell;
            if (c + 1 < cells.size()) out.append(width[c] - core::display_width(cell) + 2, ' ');
        }
        return out + "\n";
    };
    std::string out = line(header);
    for (const auto& row : rows) out += line(row);
    return out;
}

std::string csv_cell(const std::string& text, bool is_number) {
    return engine::csv_field(is_number ? text : engine::csv_text_cell(text));
}

std::string json_string(std::string_view text) { return engine::json_quoted(core::sanitize_utf8(text)); }

}  // namespace store

void add_store_commands(CLI::App& app, Context& ctx) {
    store::add_record_commands(app, ctx);
    store::add_view_commands(app, ctx);
    store::add_admin_commands(app, ctx);
}

}  // namespace parscore::cli
