// `parscore template`: a report to fill in. For an inspected kind nothing in it is evidence yet —
// the unit's known keys (procedure codes, staff names) are listed with every other value empty, so
// an unedited form is refused instead of turning earlier claims, often the unit's own
// self-assessment, into inspected findings. A self-assessment starts from the unit's latest one.
#include "parscore/inspections/report_template.hpp"

#include <algorithm>
#include <cstdio>

#include "parscore/core/utf8.hpp"

namespace parscore::inspections {

std::string yaml_quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (u < 0x20 || u == 0x7F) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\x%02x", u);
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

namespace {

/// Writes the comments in the reader's language.
class Say {
public:
    explicit Say(const core::Localize& localize) : localize_(localize) {}
    std::string operator()(const core::Text& text) const { return localize_ ? localize_(text) : text.english(); }

private:
    const core::Localize& localize_;
};

/// A field's type and what it takes. Type names, `true | false` and YYYY-MM-DD are written as in
/// the report, so they are the same in every language.
std::string describe(const core::FieldDef& f, const Say& say) {
    switch (f.type) {
        case core::FieldType::Bool: return "bool: true | false";
        case core::FieldType::Int: return say(core::T_("int: a whole number"));
        case core::FieldType::Number: return say(core::T_("number: e.g. 12.5"));
        case core::FieldType::Percent: return say(core::T_("percent: 0 to 1, or 0% to 100%"));
        case core::FieldType::Text: return "text";
        case core::FieldType::Date: return "date: YYYY-MM-DD";
        case core::FieldType::Enum: {
            std::string s;
            for (std::size_t i = 0; i < f.enum_values.size(); ++i) s += (i ? " | " : "") + f.enum_values[i];
            return say(core::T_("one of: {values}", {{"values", s}}));
        }
    }
    return "";
}

/// " — LABEL" after a kind's or field's comment, when the rulebook gives one; shown as written
/// (control characters, which the loader refuses anyway, cannot end the comment line).
std::string with_label(std::string comment, const std::string& label) {
    if (label.empty()) return comment;
    return comment + " — " + core::printable(label);
}

/// The heading of a record kind's comment: what it holds, before its fields.
core::Text kind_heading(const core::KindDef& kind) {
    const core::TextArg name{"kind", kind.name};
    const bool latest = kind.combine == core::Combine::Latest;
    if (!kind.key) {
        return latest
                   ? core::T_("{kind}: records (the latest inspection's list replaces earlier ones); fields:", {name})
                   : core::T_("{kind}: records; fields:", {name});
    }
    const core::TextArg key{"key", kind.fields[*kind.key].name};
    return latest ? core::T_(
                        "{kind}: records, one per {key} (the latest inspection's list replaces earlier ones); "
                        "fields:",
                        {name, key})
                  : core::T_("{kind}: records, one per {key}; fields:", {name, key});
}

/// A stored value as the report writes it, or "" when it does not fit the field.
std::string value_text(const core::FieldDef& f, const std::optional<core::Datum>& stored) {
    if (!stored) return "";
    const std::optional<core::Datum> d = core::fit_to(f, *stored);
    if (!d) return "";
    if (auto* s = std::get_if<std::string>(&*d)) return yaml_quote(*s);
    return core::datum_text(*d);
}

/// Lines of YAML whose trailing comments line up in one column.
class Lines {
public:
    void add(std::string text, std::string comment = {}) { lines_.push_back({std::move(text), std::move(comment)}); }

    std::string render() const {
        constexpr std::size_t kMaxColumn = 44;  // longer lines put their comment two spaces after
        std::size_t column = 0;
        for (const auto& [text, comment] : lines_) {
            const std::size_t width = core::display_width(text);
            if (!comment.empty() && width + 2 <= kMaxColumn) column = std::max(column, width + 2);
        }
        std::string out;
        for (const auto& [text, comment] : lines_) {
            out += text;
            if (!comment.empty()) {
                const std::size_t width = core::display_width(text);
                out.append(width + 2 <= column ? column - width : 2, ' ');
                out += "# " + comment;
            }
            out += "\n";
        }
        return out;
    }

private:
    std::vector<std::pair<std::string, std::string>> lines_;
};

/// What the template is filled from.
struct Sources {
    std::optional<InspectionDetail> self;                                // for kind self: the latest self-assessment
    std::vector<std::pair<std::string, std::vector<std::string>>> keys;  // kind → key values as written
};

const std::vector<std::string>* keys_of(const Sources& sources, const std::string& kind) {
    for (const auto& [name, values] : sources.keys) {
        if (name == kind) return &values;
    }
    return nullptr;
}

/// The key values the unit's counted inspections (newest first) list for each keyed kind, each once.
Sources read_sources(const Store& store, const core::EvidenceSchema& schema, const UnitInfo& unit,
                     InspectionKind kind) {
    Sources sources;
    for (const InspectionSummary& s : store.inspections(InspectionFilter{unit.id, std::nullopt})) {
        if (s.status == Status::Draft || s.status == Status::Returned) continue;  // not counted
        std::optional<InspectionDetail> detail = store.inspection(s.id);
        if (!detail) continue;
        for (const KindFindings& f : detail->findings) {
            const core::KindDef* def = schema.find(f.kind);
            if (!def || def->is_fact || !def->key) continue;
            const core::FieldDef& key = def->fields[*def->key];
            const auto column = std::find(f.fields.begin(), f.fields.end(), key.name);
            if (column == f.fields.end()) continue;
            const auto c = static_cast<std::size_t>(column - f.fields.begin());
            auto it = std::find_if(sources.keys.begin(), sources.keys.end(),
                                   [&](const auto& k) { return k.first == f.kind; });
            if (it == sources.keys.end()) it = sources.keys.insert(sources.keys.end(), {f.kind, {}});
            for (std::size_t r = 0; r < f.rows(); ++r) {
                const std::string value = value_text(key, f.at(r, c));
                if (!value.empty() && std::find(it->second.begin(), it->second.end(), value) == it->second.end()) {
                    it->second.push_back(value);
                }
            }
        }
        if (kind == InspectionKind::Self && s.kind == InspectionKind::Self && !sources.self)
            sources.self = std::move(detail);
    }
    return sources;
}

/// One record on one line; an empty value is left for the team to write.
void write_record(Lines& y, const core::KindDef& kind, const std::vector<std::string>& values) {
    std::string line = "    - {";
    for (std::size_t i = 0; i < kind.fields.size(); ++i) {
        line += std::string(i ? ", " : " ") + kind.fields[i].name + ": " + values[i];
    }
    y.add(line + " }");
}

/// The kind's comment: what it holds, then each field with its type, the types in one column.
void describe_kind(Lines& y, const core::KindDef& kind, const Say& say) {
    if (!kind.label.empty()) y.add("  # " + core::printable(kind.label));
    y.add("  # " + say(kind_heading(kind)));
    std::size_t width = 0;
    for (const core::FieldDef& f : kind.fields) width = std::max(width, f.name.size());
    for (const core::FieldDef& f : kind.fields) {
        y.add("  #   " + f.name + std::string(width - f.name.size() + 2, ' ') + with_label(describe(f, say), f.label));
    }
}

/// The kind's records in the unit's latest self-assessment, when it listed the kind.
const KindFindings* self_assessed(const Sources& sources, const std::string& kind) {
    if (!sources.self) return nullptr;
    for (const KindFindings& f : sources.self->findings) {
        if (f.kind == kind && !f.fact) return &f;
    }
    return nullptr;
}

void write_record_kind(Lines& y, const core::KindDef& kind, const Sources& sources, const Say& say) {
    describe_kind(y, kind, say);
    if (const KindFindings* stored = self_assessed(sources, kind.name)) {
        if (stored->rows() == 0) {
            y.add("  " + kind.name + ": []", say(core::T_("checked, none found (in the latest self-assessment)")));
            return;
        }
        y.add("  " + kind.name + ":", say(core::T_("from the latest self-assessment; update what changed")));
        for (std::size_t r = 0; r < stored->rows(); ++r) {
            std::vector<std::string> values;
            for (const core::FieldDef& f : kind.fields) {
                const auto c = std::find(stored->fields.begin(), stored->fields.end(), f.name);
                const auto column = static_cast<std::size_t>(c - stored->fields.begin());
                values.push_back(c == stored->fields.end() ? "" : value_text(f, stored->at(r, column)));
            }
            write_record(y, kind, values);
        }
        return;
    }
    const std::vector<std::string>* keys = kind.key ? keys_of(sources, kind.name) : nullptr;
    if (!keys || keys->empty()) {
        y.add("  " + kind.name + ":", say(core::T_("delete if not checked")));
        write_record(y, kind, std::vector<std::string>(kind.fields.size()));
        return;
    }
    y.add("  " + kind.name + ":",
          say(core::T_("the {key}s known for the unit; add any new one", {{"key", kind.fields[*kind.key].name}})));
    for (const std::string& key : *keys) {
        std::vector<std::string> values(kind.fields.size());
        values[*kind.key] = key;
        write_record(y, kind, values);
    }
}

void write_fact(Lines& y, const core::KindDef& kind, const Sources& sources, const Say& say) {
    std::string value;
    if (sources.self) {
        for (const KindFindings& f : sources.self->findings) {
            if (f.kind == kind.name && f.fact && f.rows() == 1) value = value_text(kind.fact_field(), f.at(0, 0));
        }
    }
    y.add("  " + kind.name + ":" + (value.empty() ? "" : " " + value),
          with_label(say(core::T_("a fact; {type}", {{"type", describe(kind.fact_field(), say)}})), kind.label));
}

}  // namespace

std::string make_template(const Store& store, const core::EvidenceSchema& schema, const UnitInfo& unit,
                          const TemplateOptions& options) {
    const Sources sources = read_sources(store, schema, unit, options.kind);
    const Say say(options.localize);
    Lines y;
    y.add("# " + say(core::T_("Inspection report for {name} ({id}, {category}).",
                              {{"name", unit.name}, {"id", unit.id}, {"category", unit.category}})));
    // One message over two lines, so a translation wraps where its own words need.
    const std::string how = say(
        core::T_("Fill in every empty value: a report with an empty value is refused. Delete "
                 "the kinds that\nwere not checked; write [] for a record kind checked with "
                 "nothing found."));
    for (std::size_t start = 0, end = 0; start <= how.size(); start = end + 1) {
        end = std::min(how.find('\n', start), how.size());
        y.add("# " + how.substr(start, end - start));
    }
    y.add("# " + say(core::T_("Record with: parscore record --rules RULEBOOK FILE")));
    y.add("inspection:");
    y.add("  unit: " + yaml_quote(unit.id));
    y.add("  date: " + core::format_date(options.date));
    y.add("  year: " + std::to_string(options.year.value_or(core::year_of(options.date))),
          say(core::T_("the evaluation year it counts for")));
    y.add(std::string("  kind: ") + kind_name(options.kind), kInspectionKinds);
    y.add("  team: []", say(core::T_("names, e.g. {example}", {{"example", "[\"Nguyễn Văn A\", \"Trần Thị B\"]"}})));
    y.add("  status: submitted", "draft | submitted");
    y.add("findings:");
    for (const core::KindDef& kind : schema.kinds) {
        if (kind.is_fact) write_fact(y, kind, sources, say);
        else write_record_kind(y, kind, sources, say);
    }
    return y.render();
}

}  // namespace parscore::inspections
