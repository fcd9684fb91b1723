// inspections, show, template: reading the store.
#include <CLI/CLI.hpp>

#include "parscore/app/format.hpp"
#include "parscore/app/inspections.hpp"
#include "parscore/app/review.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/inspections_json.hpp"
#include "shared.hpp"
#include "store_cli.hpp"
#include "store_show.hpp"

namespace parscore::cli::store {

namespace {

namespace ins = parscore::inspections;
using i18n::NC_;

const std::vector<std::string> kListColumns = {"id", "unit", "date", "year", "kind", "status", "revisions", "records"};

std::vector<std::vector<std::string>> list_cells(const std::vector<ins::InspectionSummary>& rows) {
    std::vector<std::vector<std::string>> cells;
    for (const auto& r : rows) {
        cells.push_back({r.id, r.unit, core::format_date(r.date), std::to_string(r.year), ins::kind_name(r.kind),
                         ins::status_name(r.status), std::to_string(r.revisions), std::to_string(r.records)});
    }
    return cells;
}

constexpr i18n::Message kListHeads[] = {NC_("inspections list", "id"),        NC_("inspections list", "unit"),
                                        NC_("inspections list", "date"),      NC_("inspections list", "year"),
                                        NC_("inspections list", "kind"),      NC_("inspections list", "status"),
                                        NC_("inspections list", "revisions"), NC_("inspections list", "records")};

// The table: heads, dates, kinds, statuses and counts in the reader's language.
std::string list_table(i18n::Language lang, const std::vector<ins::InspectionSummary>& rows) {
    std::vector<std::string> header;
    for (const i18n::Message& head : kListHeads) header.push_back(i18n::tr(lang, head));
    std::vector<std::vector<std::string>> cells;
    for (const auto& r : rows) {
        cells.push_back({r.id, r.unit, date_text(lang, r.date), std::to_string(r.year), kind_label(lang, r.kind),
                         status_label(lang, r.status), number_text(lang, r.revisions),
                         number_text(lang, static_cast<std::int64_t>(r.records))});
    }
    return format_table(header, cells);
}

std::string list_csv(const std::vector<ins::InspectionSummary>& rows) {
    std::string out;
    for (std::size_t c = 0; c < kListColumns.size(); ++c) out += (c ? "," : "") + kListColumns[c];
    out += "\n";
    for (const auto& row : list_cells(rows)) {
        for (std::size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + csv_cell(row[c], c == 3 || c >= 6);
        out += "\n";
    }
    return out;
}

struct ListOptions {
    std::string unit;
    std::optional<int> year;
    app::Format format = app::Format::Table;
};

void list(Context& ctx, const ListOptions& o) {
    auto request = ctx.request<app::InspectionsRequest>();
    if (!o.unit.empty()) request.unit = o.unit;
    request.year = o.year;
    const std::vector<ins::InspectionSummary> rows = app::list_inspections(request);
    switch (o.format) {
        case app::Format::Json: ctx.out << engine::inspections_json(rows); break;
        case app::Format::Csv: ctx.out << list_csv(rows); break;
        default: ctx.out << list_table(ctx.lang, rows); break;
    }
}

struct ShowOptions {
    std::string id;
    app::Format format = app::Format::Table;
    std::string attachment, out;
};

/// show ID --attachment SHA256 --out FILE: the attachment's bytes into FILE, as they were stored.
void save_attachment(Context& ctx, const ShowOptions& o) {
    if (o.out.empty()) throw CliError(kUsage, core::T_("--attachment needs --out FILE to write the file to"));
    auto request = ctx.request<app::AttachmentRequest>();
    request.id = o.id;
    request.sha256 = o.attachment;
    request.out = o.out;
    const app::AttachmentResult found = app::read_attachment(request);
    write_output(ctx, o.out, found.bytes);
    ctx.out << i18n::tr(ctx.lang, "{name} ({type}, {size} bytes) written to {out}",
                        {{"name", core::printable(found.info.file_name)},
                         {"type", found.info.media_type},
                         {"size", number_text(ctx.lang, found.info.size)},
                         {"out", core::sanitize_utf8(o.out)}})
            << "\n";
}

void show(Context& ctx, const ShowOptions& o) {
    if (!o.attachment.empty()) return save_attachment(ctx, o);
    if (!o.out.empty()) throw CliError(kUsage, core::T_("--out is only for --attachment"));
    auto request = ctx.request<app::ShowRequest>();
    request.id = o.id;
    const app::ShowResult shown = app::show_inspection(request);
    ctx.out << (o.format == app::Format::Json ? engine::inspection_json(shown.inspection)
                                              : show_table(ctx.lang, shown));
}

struct TemplateOptions {
    std::string rules, unit, date, kind = "scheduled";
    std::optional<int> year;
};

void make_template(Context& ctx, const TemplateOptions& o) {
    auto request = ctx.request<app::TemplateRequest>();
    if (!o.date.empty()) request.date = parse_cli_date("--date", o.date);
    request.kind = *ins::parse_inspection_kind(o.kind);
    request.year = o.year;
    request.rulebook = o.rules;
    request.unit = o.unit;
    request.lang = ctx.lang;
    ctx.out << app::make_template(request);
}

void add_list_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<ListOptions>();
    CLI::App* cmd = app.add_subcommand("inspections", i18n::tr(ctx.lang, "List inspections, one row each"));
    cmd->add_option("--unit", o.unit, i18n::tr(ctx.lang, "Only this unit's inspections"));
    cmd->add_option("--year", o.year, i18n::tr(ctx.lang, "Only inspections counting for this evaluation year"))
        ->check(CLI::Range(1, 9999));
    add_format_option(cmd, o.format, {app::Format::Table, app::Format::Json, app::Format::Csv});
    cmd->callback([&ctx, &o] { list(ctx, o); });
}

void add_show_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<ShowOptions>();
    CLI::App* cmd = app.add_subcommand("show",
                                       i18n::tr(ctx.lang, "An inspection's findings with their revision history"));
    cmd->add_option("ID", o.id, i18n::tr(ctx.lang, "Inspection id, or a prefix of at least 8 characters"))->required();
    add_format_option(cmd, o.format, {app::Format::Table, app::Format::Json});
    cmd->add_option("--attachment", o.attachment,
                    i18n::tr(ctx.lang,
                             "Write this attachment (its SHA-256, or 8 or more of its first digits) to --out"));
    cmd->add_option("--out", o.out, i18n::tr(ctx.lang, "With --attachment: the file to write"));
    cmd->callback([&ctx, &o] { show(ctx, o); });
}

void add_template_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<TemplateOptions>();
    CLI::App* cmd = app.add_subcommand("template",
                                       i18n::tr(ctx.lang, "Print a ready-to-fill inspection report for a unit"));
    cmd->add_option("--rules", o.rules, i18n::tr(ctx.lang, "Rulebook whose evidence schema the report follows"))
        ->required();
    cmd->add_option("--unit", o.unit, i18n::tr(ctx.lang, "Unit id"))->required();
    cmd->add_option("--date", o.date, i18n::tr(ctx.lang, "Inspection date YYYY-MM-DD (default: today)"));
    cmd->add_option("--year", o.year,
                    i18n::tr(ctx.lang, "Evaluation year the report counts for (default: the date's year)"))
        ->check(CLI::Range(1, 9999));
    cmd->add_option("--kind", o.kind, i18n::tr(ctx.lang, "Inspection kind (default: scheduled)"))
        ->check(CLI::IsMember({"surprise", "scheduled", "thematic", "other", "self"}));
    cmd->callback([&ctx, &o] { make_template(ctx, o); });
}

}  // namespace

void add_view_commands(CLI::App& app, Context& ctx) {
    add_list_command(app, ctx);
    add_show_command(app, ctx);
    add_template_command(app, ctx);
}

}  // namespace parscore::cli::store
