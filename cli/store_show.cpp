#include "store_show.hpp"

#include <algorithm>
#include <utility>

#include "parscore/core/utf8.hpp"
#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "store_cli.hpp"

namespace parscore::cli::store {

namespace {

namespace ins = parscore::inspections;

std::string datum_json(const std::optional<core::Datum>& d) {
    if (!d) return "null";
    switch (d->index()) {
        case 0: return std::get<bool>(*d) ? "true" : "false";
        case 1:
        case 2: return core::datum_text(*d);
        default: return json_string(core::datum_text(*d));
    }
}

// A finding as the table shows it: numbers and dates written for the reader, text as stored.
std::string datum_cell(i18n::Language lang, const std::optional<core::Datum>& d) {
    if (!d) return "—";
    if (std::holds_alternative<core::Date>(*d)) return date_text(lang, std::get<core::Date>(*d));
    const std::string text = core::datum_text(*d);
    return std::holds_alternative<std::string>(*d) ? text : i18n::localize_number(lang, text);
}

const char* entry_name(ins::HistoryEntry::Type t) {
    switch (t) {
        case ins::HistoryEntry::Type::Revision: return "revision";
        case ins::HistoryEntry::Type::Submit: return "submit";
        case ins::HistoryEntry::Type::Lock: return "lock";
        case ins::HistoryEntry::Type::Return: return "return";
        case ins::HistoryEntry::Type::Comment: return "comment";
        case ins::HistoryEntry::Type::Attach: return "attach";
    }
    return "revision";
}

std::string findings_json(const ins::Findings& findings) {
    std::string o = "{";
    for (std::size_t k = 0; k < findings.size(); ++k) {
        const ins::KindFindings& f = findings[k];
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
    return o + (findings.empty() ? "}" : "\n  }");
}

std::string history_json(const std::vector<ins::HistoryEntry>& history) {
    std::string o = "[";
    for (std::size_t h = 0; h < history.size(); ++h) {
        const ins::HistoryEntry& e = history[h];
        o += std::string(h ? "," : "") + "\n    {\"seq\": " + std::to_string(e.seq) +
             ", \"revision\": " + std::to_string(e.no) + ", \"type\": \"" + entry_name(e.type) +
             "\", \"by\": " + json_string(e.recorded_by) + ", \"at\": " + json_string(e.recorded_at);
        if (e.type == ins::HistoryEntry::Type::Revision) {
            o += ", \"date\": \"" + core::format_date(e.date) + "\", \"kind\": \"" + ins::kind_name(e.kind) + "\"";
            o += ", \"reason\": " + (e.reason ? json_string(*e.reason) : std::string("null"));
        }
        if (e.note) o += ", \"text\": " + json_string(*e.note);
        if (e.attachment) o += ", \"sha256\": " + json_string(*e.attachment);
        if (e.file_name) o += ", \"name\": " + json_string(*e.file_name);
        o += ", \"hash\": \"" + e.hash + "\"}";
    }
    return o + (history.empty() ? "]" : "\n  ]");
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
    using Type = ins::HistoryEntry::Type;
    if (e.type == Type::Submit) return i18n::trc(lang, "history change", "submitted");
    if (e.type == Type::Lock) return i18n::trc(lang, "history change", "locked");
    if (e.type == Type::Return) return i18n::trc(lang, "history change", "returned");
    if (e.type == Type::Comment) return i18n::trc(lang, "history change", "commented");
    if (e.type == Type::Attach)
        return i18n::tr(lang, "attached {name}", {{"name", core::printable(e.file_name.value_or(""))}});
    if (e.reason) return i18n::tr(lang, "amended: {reason}", {{"reason", *e.reason}});
    return i18n::trc(lang, "history change", "recorded");
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

const char* note_kind(ins::ReviewNote::Kind kind) {
    return kind == ins::ReviewNote::Kind::Return ? "return" : "comment";
}

std::string notes_json(const std::vector<ins::ReviewNote>& notes) {
    std::string o = "[";
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const ins::ReviewNote& n = notes[i];
        o += std::string(i ? "," : "") + "\n    {\"revision\": " + std::to_string(n.no) + ", \"kind\": \"" +
             note_kind(n.kind) + "\", \"by\": " + json_string(n.recorded_by) +
             ", \"at\": " + json_string(n.recorded_at) + ", \"text\": " + json_string(n.text) + "}";
    }
    return o + (notes.empty() ? "]" : "\n  ]");
}

std::string attachments_json(const std::vector<ins::AttachmentInfo>& attachments) {
    std::string o = "[";
    for (std::size_t i = 0; i < attachments.size(); ++i) {
        const ins::AttachmentInfo& a = attachments[i];
        o += std::string(i ? "," : "") + "\n    {\"revision\": " + std::to_string(a.no) +
             ", \"sha256\": " + json_string(a.sha256) + ", \"name\": " + json_string(a.file_name) +
             ", \"media_type\": " + json_string(a.media_type) + ", \"size\": " + std::to_string(a.size) +
             ", \"by\": " + json_string(a.recorded_by) + ", \"at\": " + json_string(a.recorded_at) + "}";
    }
    return o + (attachments.empty() ? "]" : "\n  ]");
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

std::string show_json(const app::ShowResult& shown) {
    const ins::InspectionDetail& d = shown.inspection;
    const ins::InspectionSummary& s = d.summary;
    return "{\n  \"id\": " + json_string(s.id) + ",\n  \"unit\": " + json_string(s.unit) + ",\n  \"date\": \"" +
           core::format_date(s.date) + "\",\n  \"year\": " + std::to_string(s.year) + ",\n  \"kind\": \"" +
           ins::kind_name(s.kind) + "\",\n  \"team\": " + json_strings(s.team) + ",\n  \"status\": \"" +
           ins::status_name(s.status) + "\",\n  \"revision\": " + std::to_string(s.revision) +
           ",\n  \"findings\": " + findings_json(d.findings) + ",\n  \"history\": " + history_json(d.history) +
           ",\n  \"comments\": " + notes_json(d.notes) + ",\n  \"attachments\": " + attachments_json(d.attachments) +
           "\n}\n";
}

std::string show_table(i18n::Language lang, const app::ShowResult& shown) {
    const ins::InspectionDetail& d = shown.inspection;
    return header_table(lang, shown) +
           i18n::tr(lang, "findings (revision {revision}):", {{"revision", number_text(lang, d.summary.revision)}}) +
           "\n" + findings_table(lang, d.findings) + i18n::tr(lang, "history:") + "\n" +
           history_table(lang, d.history) + notes_table(lang, d.notes) + attachments_table(lang, d.attachments);
}

}  // namespace parscore::cli::store
