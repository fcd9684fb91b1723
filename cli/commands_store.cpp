#include <CLI/CLI.hpp>
#include <algorithm>

#include "context.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/terms.hpp"
#include "parscore/reports/report.hpp"
#include "store_cli.hpp"

namespace parscore::cli {

namespace store {

void print_problems(Context& ctx, const app::Problems& problems) {
    ctx.print_diagnostics(problems.diagnostics, problems.sources);
}

int worst(int a, int b) { return (a == kIo || b == kIo) ? kIo : std::max(a, b); }

core::Date parse_cli_date(const std::string& option, const std::string& text) {
    auto d = core::parse_date(text);
    if (!d)
        throw CliError(kUsage, core::T_("{option}: expected a date YYYY-MM-DD that exists, found '{value}'",
                                        {{"option", option}, {"value", core::sanitize_utf8(text)}}));
    return *d;
}

std::string number_text(i18n::Language lang, std::int64_t n) {
    return lang == i18n::Language::en ? std::to_string(n) : i18n::format_integer(lang, n);
}

std::string date_text(i18n::Language lang, core::Date date) { return i18n::format_date(lang, date); }

std::string kind_label(i18n::Language lang, inspections::InspectionKind kind) {
    using K = inspections::InspectionKind;
    switch (kind) {
        case K::Surprise: return i18n::trc(lang, "inspection kind", "surprise");
        case K::Scheduled: return i18n::trc(lang, "inspection kind", "scheduled");
        case K::Thematic: return i18n::trc(lang, "inspection kind", "thematic");
        case K::Other: return i18n::trc(lang, "inspection kind", "other");
        case K::Self: return i18n::trc(lang, "inspection kind", "self");
    }
    return inspections::kind_name(kind);
}

std::string status_label(i18n::Language lang, inspections::Status status) {
    return engine::terms::inspection_status(lang, status);
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

std::string json_strings(const std::vector<std::string>& texts) {
    std::string o = "[";
    for (std::size_t i = 0; i < texts.size(); ++i) o += (i ? ", " : "") + json_string(texts[i]);
    return o + "]";
}

}  // namespace store

void add_store_commands(CLI::App& app, Context& ctx) {
    store::add_record_commands(app, ctx);
    store::add_view_commands(app, ctx);
    store::add_admin_commands(app, ctx);
    store::add_adoption_commands(app, ctx);
}

}  // namespace parscore::cli
