#include "store_show.hpp"

#include <algorithm>
#include <utility>

#include "parscore/core/utf8.hpp"
#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/terms.hpp"
#include "store_cli.hpp"

namespace parscore::cli::store {

namespace {

namespace ins = parscore::inspections;

std::string datum_cell(i18n::Language lang, const std::optional<core::Datum>& d) {
    return engine::terms::finding_value(lang, d);
}

/// Every line of a table, indented.
std::string indented(const std::string& table, const std::string& indent) {
    std::string o;
    for (std::size_t at = 0; at < table.size();) {
        const std::size_t nl = table.find('\n', at);
        o += indent + table.substr(at, nl - at + 1);
        at = nl + 1;
    }
    return o;
}

/// "  label:   value" lines, the values in one column after the widest label.
std::string labelled_lines(const std::vector<std::pair<std::string, std::string>>& lines) {
    std::size_t width = 0;
    for (const auto& [label, value] : lines) width = std::max(width, core::display_width(label));
    std::string o;
    for (const auto& [label, value] : lines)
        o += "  " + label + ":" + std::string(width - core::display_width(label) + 1, ' ') + value + "\n";
    return o;
}

std::string header_table(i18n::Language lang, const app::ShowResult& shown) {
    using i18n::trc;
    const ins::InspectionSummary& s = shown.inspection.summary;
    const auto& unit = shown.unit;
    std::string team;
    for (const auto& t : s.team) team += (team.empty() ? "" : ", ") + t;
    const std::string year = std::to_string(s.year);
    return i18n::tr(lang, "inspection {id}", {{"id", s.id}}) + "\n" +
           labelled_lines({
               {trc(lang, "show", "unit"), s.unit + (unit ? " (" + unit->name + ", " + unit->category + ")" : "")},
               {trc(lang, "show", "date"),
                i18n::tr(lang, "{date} (year {year})", {{"date", date_text(lang, s.date)}, {"year", year}})},
               {trc(lang, "show", "kind"), kind_label(lang, s.kind)},
               {trc(lang, "show", "team"), team.empty() ? std::string("—") : team},
               {trc(lang, "show", "status"), status_label(lang, s.status)},
               {trc(lang, "show", "recorded"),
                i18n::tr(lang, "{at} by {who}", {{"at", s.recorded_at}, {"who", s.recorded_by}})},
           });
}

std::string findings_table(i18n::Language lang, const ins::Findings& findings) {
    std::string o;
    if (findings.empty()) o += "  " + i18n::tr(lang, "(none)") + "\n";
    for (const ins::KindFindings& f : findings) {
        if (f.fact) {
            o += "  " + f.kind + ": " +
                 (f.rows() ? datum_cell(lang, f.at(0, 0)) : i18n::tr(lang, "(checked, no value)")) + "\n";
            continue;
        }
        o += "  " + f.kind + ": " +
             i18n::trn(lang, "{n} record", "{n} records", f.rows(),
                       {{"n", number_text(lang, static_cast<std::int64_t>(f.rows()))}}) +
             "\n";
        if (f.rows() == 0) continue;
        std::vector<std::vector<std::string>> rows;
        for (std::size_t r = 0; r < f.rows(); ++r) {
            std::vector<std::string> row;
            for (std::size_t c = 0; c < f.fields.size(); ++c) row.push_back(datum_cell(lang, f.at(r, c)));
            rows.push_back(std::move(row));
        }
        o += indented(format_table(f.fields, rows), "    ");
    }
    return o;
}

std::string change_text(i18n::Language lang, const ins::HistoryEntry& e) {
    return engine::terms::history_change(lang, e);
}

std::string history_table(i18n::Language lang, const std::vector<ins::HistoryEntry>& history) {
    std::vector<std::vector<std::string>> rows;
    for (const ins::HistoryEntry& e : history) {
        rows.push_back({number_text(lang, e.seq), number_text(lang, e.no), e.recorded_at, e.recorded_by,
                        change_text(lang, e), e.hash.substr(0, 12)});
    }
    using i18n::trc;
    return indented(format_table({"#", trc(lang, "history", "revision"), trc(lang, "history", "at"),
                                  trc(lang, "history", "by"), trc(lang, "history", "change"),
                                  trc(lang, "history", "hash")},
                                 rows),
                    "  ");
}

/// Returns and comments, each a line with who and when and the text below it, indented; nothing
/// when there are none.
std::string notes_table(i18n::Language lang, const std::vector<ins::ReviewNote>& notes) {
    if (notes.empty()) return "";
    std::string o = i18n::tr(lang, "comments:") + "\n";
    for (const ins::ReviewNote& n : notes) {
        const std::string kind = n.kind == ins::ReviewNote::Kind::Return ? i18n::trc(lang, "comment kind", "returned")
                                                                         : i18n::trc(lang, "comment kind", "comment");
        o += "  " + i18n::tr(lang, "{at} by {who}", {{"at", n.recorded_at}, {"who", n.recorded_by}}) + " (" + kind +
             ", " + i18n::tr(lang, "revision {no}", {{"no", number_text(lang, n.no)}}) + "):\n";
        for (std::size_t at = 0; at <= n.text.size();) {  // line by line, each made safe to print
            std::size_t nl = n.text.find('\n', at);
            if (nl == std::string::npos) nl = n.text.size();
            std::string_view line = std::string_view(n.text).substr(at, nl - at);
            if (line.ends_with('\r')) line.remove_suffix(1);
            o += "    " + core::printable(line, true) + "\n";
            at = nl + 1;
        }
    }
    return o;
}

/// Attached files with their SHA-256 (its first 12 digits fetch one: show --attachment); nothing
/// when there are none.
std::string attachments_table(i18n::Language lang, const std::vector<ins::AttachmentInfo>& attachments) {
    if (attachments.empty()) return "";
    std::vector<std::vector<std::string>> rows;
    for (const ins::AttachmentInfo& a : attachments) {
        rows.push_back({a.sha256.substr(0, 12), a.file_name, a.media_type, number_text(lang, a.size), a.recorded_by,
                        a.recorded_at});
    }
    using i18n::trc;
    return i18n::tr(lang, "attachments:") + "\n" +
           indented(format_table({trc(lang, "attachments", "sha256"), trc(lang, "attachments", "name"),
                                  trc(lang, "attachments", "type"), trc(lang, "attachments", "bytes"),
                                  trc(lang, "attachments", "by"), trc(lang, "attachments", "at")},
                                 rows),
                    "  ");
}

}  // namespace

std::string show_table(i18n::Language lang, const app::ShowResult& shown) {
    const ins::InspectionDetail& d = shown.inspection;
    return header_table(lang, shown) +
           i18n::tr(lang, "findings (revision {revision}):", {{"revision", number_text(lang, d.summary.revision)}}) +
           "\n" + findings_table(lang, d.findings) + i18n::tr(lang, "history:") + "\n" +
           history_table(lang, d.history) + notes_table(lang, d.notes) + attachments_table(lang, d.attachments);
}

}  // namespace parscore::cli::store
