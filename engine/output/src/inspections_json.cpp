// The inspections as JSON: `parscore inspections --format json` and `show --format json`, which
// the server answers too (docs/store.md).
#include "parscore/output/inspections_json.hpp"

#include "parscore/core/utf8.hpp"
#include "parscore/inspections/revision_changes.hpp"
#include "parscore/output/json_writer.hpp"

namespace parscore::engine {

namespace {

namespace ins = parscore::inspections;

std::string json_string(std::string_view text) { return json_quoted(core::sanitize_utf8(text)); }

std::string json_strings(const std::vector<std::string>& texts) {
    std::string o = "[";
    for (std::size_t i = 0; i < texts.size(); ++i) o += (i ? ", " : "") + json_string(texts[i]);
    return o + "]";
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

/// A record's fields (or a key) as an object, as the findings write them.
std::string fields_json(const std::vector<ins::FieldValue>& fields) {
    std::string o = "{";
    for (std::size_t i = 0; i < fields.size(); ++i)
        o += std::string(i ? ", " : "") + json_string(fields[i].field) + ": " + datum_json(fields[i].value);
    return o + "}";
}

/// One change of an amendment (docs/api.md, "Inspections"): `change` names what changed, `old`
/// and `new` are values written as the findings write them.
std::string change_json(const ins::RevisionChange& c) {
    using Type = ins::RevisionChange::Type;
    const std::string values = ", \"old\": " + datum_json(c.before) + ", \"new\": " + datum_json(c.after);
    const std::string kind = ", \"kind\": " + json_string(c.kind);
    switch (c.type) {
        case Type::Date: return "{\"change\": \"date\"" + values + "}";
        case Type::Year: return "{\"change\": \"year\"" + values + "}";
        case Type::Kind: return "{\"change\": \"kind\"" + values + "}";
        case Type::Team:
            return "{\"change\": \"team\", \"old\": " + json_strings(c.team_before) +
                   ", \"new\": " + json_strings(c.team_after) + "}";
        case Type::KindAdded:
            return "{\"change\": \"kind_added\"" + kind + (c.fact ? ", \"new\": " + datum_json(c.after) : "") + "}";
        case Type::KindRemoved:
            return "{\"change\": \"kind_removed\"" + kind + (c.fact ? ", \"old\": " + datum_json(c.before) : "") + "}";
        case Type::Fact: return "{\"change\": \"fact\"" + kind + values + "}";
        case Type::RecordAdded:
            return "{\"change\": \"record_added\"" + kind + ", \"record\": " + fields_json(c.record) + "}";
        case Type::RecordRemoved:
            return "{\"change\": \"record_removed\"" + kind + ", \"record\": " + fields_json(c.record) + "}";
        case Type::RecordChanged: {
            std::string fields;
            for (const ins::FieldChange& f : c.fields)
                fields += std::string(fields.empty() ? "" : ", ") + "{\"field\": " + json_string(f.field) +
                          ", \"old\": " + datum_json(f.before) + ", \"new\": " + datum_json(f.after) + "}";
            return "{\"change\": \"record_changed\"" + kind + ", \"key\": " + fields_json({*c.key}) +
                   ", \"fields\": [" + fields + "]}";
        }
    }
    return "{}";
}

std::string changes_json(const std::vector<ins::RevisionChange>& changes) {
    std::string o = "[";
    for (std::size_t i = 0; i < changes.size(); ++i)
        o += std::string(i ? "," : "") + "\n      " + change_json(changes[i]);
    return o + (changes.empty() ? "]" : "\n    ]");
}

std::string history_json(const ins::InspectionDetail& d) {
    const std::vector<ins::HistoryEntry>& history = d.history;
    const auto changes = ins::history_changes(d);
    std::string o = "[";
    for (std::size_t h = 0; h < history.size(); ++h) {
        const ins::HistoryEntry& e = history[h];
        o += std::string(h ? "," : "") + "\n    {\"seq\": " + std::to_string(e.seq) +
             ", \"revision\": " + std::to_string(e.no) + ", \"type\": \"" + entry_name(e.type) +
             "\", \"by\": " + json_string(e.recorded_by) + ", \"at\": " + json_string(e.recorded_at);
        if (e.type == ins::HistoryEntry::Type::Revision) {
            o += ", \"date\": \"" + core::format_date(e.date) + "\", \"kind\": \"" + ins::kind_name(e.kind) + "\"";
            o += ", \"reason\": " + (e.reason ? json_string(*e.reason) : std::string("null"));
            if (changes[h]) o += ", \"changes\": " + changes_json(*changes[h]);
        }
        if (e.note) o += ", \"text\": " + json_string(*e.note);
        if (e.attachment) o += ", \"sha256\": " + json_string(*e.attachment);
        if (e.file_name) o += ", \"name\": " + json_string(*e.file_name);
        o += ", \"hash\": \"" + e.hash + "\"}";
    }
    return o + (history.empty() ? "]" : "\n  ]");
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

}  // namespace

std::string inspections_json(const std::vector<ins::InspectionSummary>& rows) {
    std::string out = "[";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        out += std::string(i ? ",\n  " : "\n  ") + "{\"id\": " + json_string(r.id) +
               ", \"unit\": " + json_string(r.unit) + ", \"date\": \"" + core::format_date(r.date) +
               "\", \"year\": " + std::to_string(r.year) + ", \"kind\": \"" + ins::kind_name(r.kind) +
               "\", \"team\": " + json_strings(r.team) + ", \"status\": \"" + ins::status_name(r.status) +
               "\", \"revision\": " + std::to_string(r.revision) + ", \"revisions\": " + std::to_string(r.revisions) +
               ", \"records\": " + std::to_string(r.records) + ", \"recorded_by\": " + json_string(r.recorded_by) +
               ", \"recorded_at\": " + json_string(r.recorded_at) + "}";
    }
    return out + (rows.empty() ? "]\n" : "\n]\n");
}

std::string inspection_json(const ins::InspectionDetail& d) {
    const ins::InspectionSummary& s = d.summary;
    return "{\n  \"id\": " + json_string(s.id) + ",\n  \"unit\": " + json_string(s.unit) + ",\n  \"date\": \"" +
           core::format_date(s.date) + "\",\n  \"year\": " + std::to_string(s.year) + ",\n  \"kind\": \"" +
           ins::kind_name(s.kind) + "\",\n  \"team\": " + json_strings(s.team) + ",\n  \"status\": \"" +
           ins::status_name(s.status) + "\",\n  \"revision\": " + std::to_string(s.revision) +
           ",\n  \"findings\": " + findings_json(d.findings) + ",\n  \"history\": " + history_json(d) +
           ",\n  \"comments\": " + notes_json(d.notes) + ",\n  \"attachments\": " + attachments_json(d.attachments) +
           "\n}\n";
}

}  // namespace parscore::engine
