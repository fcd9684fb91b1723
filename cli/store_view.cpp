// inspections, show, template: reading the store.
#include <CLI/CLI.hpp>
#include <chrono>
#include <ctime>

#include "parscore/core/utf8.hpp"
#include "parscore/inspections/report_template.hpp"
#include "store_cli.hpp"

namespace parscore::cli::store {

namespace {

namespace ins = parscore::inspections;

struct ListArgs {
    std::string unit;
    std::optional<int> year;
    std::string format = "table";
};

void list(Context& ctx, const ListArgs& args) {
    ins::Store store = open_store(ctx, ins::OpenMode::ReadOnly);
    ins::InspectionFilter filter;
    if (!args.unit.empty()) {
        if (!store.find_unit(args.unit)) throw CliError(kInvalid, "unknown unit '" + core::sanitize_utf8(args.unit) + "'");
        filter.unit = args.unit;
    }
    filter.year = args.year;
    const std::vector<ins::InspectionSummary> rows = store.inspections(filter);
    if (args.format == "json") {
        std::string out = "[";
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& r = rows[i];
            std::string team = "[";
            for (std::size_t t = 0; t < r.team.size(); ++t) team += (t ? ", " : "") + json_string(r.team[t]);
            team += "]";
            out += std::string(i ? ",\n  " : "\n  ") + "{\"id\": " + json_string(r.id) + ", \"unit\": " + json_string(r.unit) +
                   ", \"date\": \"" + core::format_date(r.date) + "\", \"year\": " + std::to_string(r.year) +
                   ", \"kind\": \"" + ins::kind_name(r.kind) + "\", \"team\": " + team + ", \"status\": \"" +
                   ins::status_name(r.status) + "\", \"revision\": " + std::to_string(r.revision) +
                   ", \"revisions\": " + std::to_string(r.revisions) + ", \"records\": " + std::to_string(r.records) +
                   ", \"recorded_by\": " + json_string(r.recorded_by) + ", \"recorded_at\": " + json_string(r.recorded_at) + "}";
        }
        out += rows.empty() ? "]\n" : "\n]\n";
        ctx.out << out;
        return;
    }
    const std::vector<std::string> header = {"id", "unit", "date", "year", "kind", "status", "revisions", "records"};
    std::vector<std::vector<std::string>> cells;
    for (const auto& r : rows) {
        cells.push_back({r.id, r.unit, core::format_date(r.date), std::to_string(r.year), ins::kind_name(r.kind),
                         ins::status_name(r.status), std::to_string(r.revisions), std::to_string(r.records)});
    }
    if (args.format == "csv") {
        std::string out;
        for (std::size_t c = 0; c < header.size(); ++c) out += (c ? "," : "") + header[c];
        out += "\n";
        for (const auto& row : cells) {
            for (std::size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + csv_cell(row[c], c == 3 || c >= 6);
            out += "\n";
        }
        ctx.out << out;
        return;
    }
    ctx.out << format_table(header, cells);
}

std::string datum_json(const std::optional<core::Datum>& d) {
    if (!d) return "null";
    switch (d->index()) {
        case 0: return std::get<bool>(*d) ? "true" : "false";
        case 1:
        case 2: return core::datum_text(*d);
        default: return json_string(core::datum_text(*d));
    }
}

std::string datum_cell(const std::optional<core::Datum>& d) { return d ? core::datum_text(*d) : "—"; }

const char* entry_name(ins::HistoryEntry::Type t) {
    switch (t) {
        case ins::HistoryEntry::Type::Revision: return "revision";
        case ins::HistoryEntry::Type::Submit: return "submit";
        case ins::HistoryEntry::Type::Lock: return "lock";
    }
    return "revision";
}

void show(Context& ctx, const std::string& name, const std::string& format) {
    ins::Store store = open_store(ctx, ins::OpenMode::ReadOnly);  // a missing database first: exit 3
    check_id_lengths({name});
    const std::optional<std::string> id = store.resolve_inspection(name);
    auto d = id ? store.inspection(*id) : std::nullopt;
    if (!d) throw CliError(kInvalid, "unknown inspection '" + core::sanitize_utf8(name) + "'");
    const ins::InspectionSummary& s = d->summary;
    if (format == "json") {
        std::string o = "{\n  \"id\": " + json_string(s.id) + ",\n  \"unit\": " + json_string(s.unit) + ",\n  \"date\": \"" +
                        core::format_date(s.date) + "\",\n  \"year\": " + std::to_string(s.year) + ",\n  \"kind\": \"" +
                        ins::kind_name(s.kind) + "\",\n  \"team\": [";
        for (std::size_t t = 0; t < s.team.size(); ++t) o += (t ? ", " : "") + json_string(s.team[t]);
        o += "],\n  \"status\": \"" + std::string(ins::status_name(s.status)) + "\",\n  \"revision\": " +
             std::to_string(s.revision) + ",\n  \"findings\": {";
        for (std::size_t k = 0; k < d->findings.size(); ++k) {
            const ins::KindFindings& f = d->findings[k];
            o += std::string(k ? "," : "") + "\n    " + json_string(f.kind) + ": ";
            if (f.fact) {
                o += f.rows() ? datum_json(f.at(0, 0)) : "null";
                continue;
            }
            o += "[";
            for (std::size_t r = 0; r < f.rows(); ++r) {
                o += std::string(r ? ", " : "") + "{";
                for (std::size_t c = 0; c < f.fields.size(); ++c) {
                    o += std::string(c ? ", " : "") + json_string(f.fields[c]) + ": " + datum_json(f.at(r, c));
                }
                o += "}";
            }
            o += "]";
        }
        o += d->findings.empty() ? "},\n  \"history\": [" : "\n  },\n  \"history\": [";
        for (std::size_t h = 0; h < d->history.size(); ++h) {
            const ins::HistoryEntry& e = d->history[h];
            o += std::string(h ? "," : "") + "\n    {\"seq\": " + std::to_string(e.seq) + ", \"revision\": " +
                 std::to_string(e.no) + ", \"type\": \"" + entry_name(e.type) + "\", \"by\": " + json_string(e.recorded_by) +
                 ", \"at\": " + json_string(e.recorded_at);
            if (e.type == ins::HistoryEntry::Type::Revision) {
                o += ", \"date\": \"" + core::format_date(e.date) + "\", \"kind\": \"" + ins::kind_name(e.kind) + "\"";
                o += ", \"reason\": " + (e.reason ? json_string(*e.reason) : std::string("null"));
            }
            o += ", \"hash\": \"" + e.hash + "\"}";
        }
        o += d->history.empty() ? "]\n}\n" : "\n  ]\n}\n";
        ctx.out << o;
        return;
    }
    std::string o;
    auto unit = store.find_unit(s.unit);
    o += "inspection " + s.id + "\n";
    o += "  unit:     " + s.unit + (unit ? " (" + unit->name + ", " + unit->category + ")" : "") + "\n";
    o += "  date:     " + core::format_date(s.date) + " (year " + std::to_string(s.year) + ")\n";
    o += std::string("  kind:     ") + ins::kind_name(s.kind) + "\n";
    std::string team;
    for (const auto& t : s.team) team += (team.empty() ? "" : ", ") + t;
    o += "  team:     " + (team.empty() ? std::string("—") : team) + "\n";
    o += std::string("  status:   ") + ins::status_name(s.status) + "\n";
    o += "  recorded: " + s.recorded_at + " by " + s.recorded_by + "\n";
    o += "findings (revision " + std::to_string(s.revision) + "):\n";
    if (d->findings.empty()) o += "  (none)\n";
    for (const ins::KindFindings& f : d->findings) {
        if (f.fact) {
            o += "  " + f.kind + ": " + (f.rows() ? datum_cell(f.at(0, 0)) : std::string("(checked, no value)")) + "\n";
            continue;
        }
        o += "  " + f.kind + ": " + std::to_string(f.rows()) + (f.rows() == 1 ? " record" : " records") + "\n";
        if (f.rows() == 0) continue;
        std::vector<std::vector<std::string>> rows;
        for (std::size_t r = 0; r < f.rows(); ++r) {
            std::vector<std::string> row;
            for (std::size_t c = 0; c < f.fields.size(); ++c) row.push_back(datum_cell(f.at(r, c)));
            rows.push_back(std::move(row));
        }
        std::string table = format_table(f.fields, rows);
        for (std::size_t at = 0; at < table.size();) {
            const std::size_t nl = table.find('\n', at);
            o += "    " + table.substr(at, nl - at + 1);
            at = nl + 1;
        }
    }
    o += "history:\n";
    std::vector<std::vector<std::string>> rows;
    for (const ins::HistoryEntry& e : d->history) {
        std::string what;
        if (e.type == ins::HistoryEntry::Type::Revision) {
            what = e.reason ? "amended: " + *e.reason : "recorded";
        } else {
            what = e.type == ins::HistoryEntry::Type::Submit ? "submitted" : "locked";
        }
        rows.push_back({std::to_string(e.seq), std::to_string(e.no), e.recorded_at, e.recorded_by, what, e.hash.substr(0, 12)});
    }
    std::string table = format_table({"#", "revision", "at", "by", "change", "hash"}, rows);
    for (std::size_t at = 0; at < table.size();) {
        const std::size_t nl = table.find('\n', at);
        o += "  " + table.substr(at, nl - at + 1);
        at = nl + 1;
    }
    ctx.out << o;
}

struct TemplateArgs {
    std::string rules, unit, date, kind = "scheduled";
    std::optional<int> year;
};

core::Date today() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return core::make_date(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1), static_cast<unsigned>(tm.tm_mday));
}

void make_template(Context& ctx, const TemplateArgs& args) {
    ins::TemplateOptions options;
    options.date = args.date.empty() ? today() : parse_cli_date("--date", args.date);
    options.kind = *ins::parse_inspection_kind(args.kind);
    options.year = args.year;
    auto schema = load_schema(ctx, args.rules);
    if (!schema) return;
    ins::Store store = open_store(ctx, ins::OpenMode::ReadOnly);
    auto unit = store.find_unit(args.unit);
    if (!unit) throw CliError(kInvalid, "unknown unit '" + core::sanitize_utf8(args.unit) + "'");
    ctx.out << ins::make_template(store, *schema, *unit, options);
}

}  // namespace

void add_view_commands(CLI::App& app, Context& ctx) {
    auto l = std::make_shared<ListArgs>();
    CLI::App* list_cmd = app.add_subcommand("inspections", "List inspections, one row each");
    list_cmd->add_option("--unit", l->unit, "Only this unit's inspections");
    list_cmd->add_option("--year", l->year, "Only inspections counting for this evaluation year")
        ->check(CLI::Range(1, 9999));
    list_cmd->add_option("--format", l->format, "Output format: table, json or csv (default: table)")
        ->check(CLI::IsMember({"table", "json", "csv"}));
    list_cmd->callback([&ctx, l] { guarded(ctx, [&] { list(ctx, *l); }); });

    auto id = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("table");
    CLI::App* show_cmd = app.add_subcommand("show", "An inspection's findings with their revision history");
    show_cmd->add_option("ID", *id, "Inspection id, or a prefix of at least 8 characters")->required();
    show_cmd->add_option("--format", *format, "Output format: table or json (default: table)")->check(CLI::IsMember({"table", "json"}));
    show_cmd->callback([&ctx, id, format] { guarded(ctx, [&] { show(ctx, *id, *format); }); });

    auto t = std::make_shared<TemplateArgs>();
    CLI::App* tpl = app.add_subcommand("template", "Print a ready-to-fill inspection report for a unit");
    tpl->add_option("--rules", t->rules, "Rulebook whose evidence schema the report follows")->required();
    tpl->add_option("--unit", t->unit, "Unit id")->required();
    tpl->add_option("--date", t->date, "Inspection date YYYY-MM-DD (default: today)");
    tpl->add_option("--year", t->year, "Evaluation year the report counts for (default: the date's year)")
        ->check(CLI::Range(1, 9999));
    tpl->add_option("--kind", t->kind, "Inspection kind (default: scheduled)")
        ->check(CLI::IsMember({"surprise", "scheduled", "thematic", "other", "self"}));
    tpl->callback([&ctx, t] { guarded(ctx, [&] { make_template(ctx, *t); }); });
}

}  // namespace parscore::cli::store
