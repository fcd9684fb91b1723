#include "store_show.hpp"

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

std::string datum_cell(const std::optional<core::Datum>& d) { return d ? core::datum_text(*d) : "—"; }

const char* entry_name(ins::HistoryEntry::Type t) {
    switch (t) {
        case ins::HistoryEntry::Type::Revision: return "revision";
        case ins::HistoryEntry::Type::Submit: return "submit";
        case ins::HistoryEntry::Type::Lock: return "lock";
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

std::string header_table(const app::ShowResult& shown) {
    const ins::InspectionSummary& s = shown.inspection.summary;
    const auto& unit = shown.unit;
    std::string o = "inspection " + s.id + "\n";
    o += "  unit:     " + s.unit + (unit ? " (" + unit->name + ", " + unit->category + ")" : "") + "\n";
    o += "  date:     " + core::format_date(s.date) + " (year " + std::to_string(s.year) + ")\n";
    o += std::string("  kind:     ") + ins::kind_name(s.kind) + "\n";
    std::string team;
    for (const auto& t : s.team) team += (team.empty() ? "" : ", ") + t;
    o += "  team:     " + (team.empty() ? std::string("—") : team) + "\n";
    o += std::string("  status:   ") + ins::status_name(s.status) + "\n";
    o += "  recorded: " + s.recorded_at + " by " + s.recorded_by + "\n";
    return o;
}

std::string findings_table(const ins::Findings& findings) {
    std::string o;
    if (findings.empty()) o += "  (none)\n";
    for (const ins::KindFindings& f : findings) {
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
        o += indented(format_table(f.fields, rows), "    ");
    }
    return o;
}

std::string history_table(const std::vector<ins::HistoryEntry>& history) {
    std::vector<std::vector<std::string>> rows;
    for (const ins::HistoryEntry& e : history) {
        std::string what;
        if (e.type == ins::HistoryEntry::Type::Revision) {
            what = e.reason ? "amended: " + *e.reason : "recorded";
        } else {
            what = e.type == ins::HistoryEntry::Type::Submit ? "submitted" : "locked";
        }
        rows.push_back(
            {std::to_string(e.seq), std::to_string(e.no), e.recorded_at, e.recorded_by, what, e.hash.substr(0, 12)});
    }
    return indented(format_table({"#", "revision", "at", "by", "change", "hash"}, rows), "  ");
}

}  // namespace

std::string show_json(const app::ShowResult& shown) {
    const ins::InspectionDetail& d = shown.inspection;
    const ins::InspectionSummary& s = d.summary;
    return "{\n  \"id\": " + json_string(s.id) + ",\n  \"unit\": " + json_string(s.unit) + ",\n  \"date\": \"" +
           core::format_date(s.date) + "\",\n  \"year\": " + std::to_string(s.year) + ",\n  \"kind\": \"" +
           ins::kind_name(s.kind) + "\",\n  \"team\": " + json_strings(s.team) + ",\n  \"status\": \"" +
           ins::status_name(s.status) + "\",\n  \"revision\": " + std::to_string(s.revision) +
           ",\n  \"findings\": " + findings_json(d.findings) + ",\n  \"history\": " + history_json(d.history) + "\n}\n";
}

std::string show_table(const app::ShowResult& shown) {
    const ins::InspectionDetail& d = shown.inspection;
    return header_table(shown) + "findings (revision " + std::to_string(d.summary.revision) + "):\n" +
           findings_table(d.findings) + "history:\n" + history_table(d.history);
}

}  // namespace parscore::cli::store
