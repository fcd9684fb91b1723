#include "parscore/inspections/report_template.hpp"

#include <algorithm>
#include <cstdio>

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

std::string describe(const core::FieldDef& f) {
    switch (f.type) {
        case core::FieldType::Bool: return "bool: true | false";
        case core::FieldType::Int: return "int: a whole number";
        case core::FieldType::Number: return "number: e.g. 12.5";
        case core::FieldType::Percent: return "percent: 0 to 1, or 0% to 100%";
        case core::FieldType::Text: return "text";
        case core::FieldType::Date: return "date: YYYY-MM-DD";
        case core::FieldType::Enum: {
            std::string s = "one of: ";
            for (std::size_t i = 0; i < f.enum_values.size(); ++i) s += (i ? " | " : "") + f.enum_values[i];
            return s;
        }
    }
    return "";
}

std::string value_text(const core::FieldDef& f, const core::Datum& d) {
    if (f.type == core::FieldType::Text || f.type == core::FieldType::Enum) {
        if (auto* s = std::get_if<std::string>(&d)) return yaml_quote(*s);
    }
    if (auto* s = std::get_if<std::string>(&d)) return yaml_quote(*s);
    return core::datum_text(d);
}

/// Records of the latest counted inspection of the unit that listed `kind`, as report rows.
const KindFindings* latest_records(const std::vector<InspectionDetail>& details, const std::string& kind) {
    for (const InspectionDetail& d : details) {
        for (const KindFindings& f : d.findings) {
            if (f.kind == kind && !f.fact) return &f;
        }
    }
    return nullptr;
}

}  // namespace

std::string make_template(const Store& store, const core::EvidenceSchema& schema, const UnitInfo& unit,
                          const TemplateOptions& options) {
    // The unit's counted inspections, latest first (by date, then recording order).
    std::vector<InspectionSummary> list = store.inspections(InspectionFilter{unit.id, std::nullopt});
    std::erase_if(list, [](const InspectionSummary& s) { return s.status == Status::Draft; });
    std::sort(list.begin(), list.end(), [](const InspectionSummary& a, const InspectionSummary& b) {
        if (a.date != b.date) return a.date > b.date;
        if (a.stamp != b.stamp) return a.stamp > b.stamp;
        return a.id > b.id;
    });
    std::vector<InspectionDetail> details;
    const bool any_keyed = std::any_of(schema.kinds.begin(), schema.kinds.end(),
                                       [](const core::KindDef& k) { return !k.is_fact && k.key; });
    if (any_keyed) {
        for (const InspectionSummary& s : list) {
            if (auto d = store.inspection(s.id)) details.push_back(std::move(*d));
        }
    }

    std::string y;
    y += "# Inspection report for " + unit.name + " (" + unit.id + ", " + unit.category + ").\n";
    y += "# Fill in every empty value. A kind you did not check can be deleted; a record kind you\n";
    y += "# checked and found nothing for stays as []. Record with: parscore record --rules RULEBOOK FILE\n";
    y += "inspection:\n";
    y += "  unit: " + yaml_quote(unit.id) + "\n";
    y += "  date: " + core::format_date(options.date) + "\n";
    y += std::string("  kind: ") + kind_name(options.kind) + "            # " + kInspectionKinds + "\n";
    y += "  team: []              # names, e.g. [\"Nguyễn Văn A\", \"Trần Thị B\"]\n";
    y += "  status: submitted     # draft | submitted\n";
    y += "findings:\n";
    for (const core::KindDef& kind : schema.kinds) {
        if (kind.is_fact) {
            y += "  # " + kind.name + ": a fact; " + describe(kind.fact_field()) + "\n";
            y += "  " + kind.name + ":\n";
            continue;
        }
        y += "  # " + kind.name + ": records";
        if (kind.key) y += ", one per " + kind.fields[*kind.key].name;
        if (kind.combine == core::Combine::Latest) y += " (the latest inspection's list replaces earlier ones)";
        y += "; fields:\n";
        for (const core::FieldDef& f : kind.fields) y += "  #   " + f.name + ": " + describe(f) + "\n";
        const KindFindings* previous = kind.key ? latest_records(details, kind.name) : nullptr;
        std::string rows;
        if (previous) {
            for (std::size_t r = 0; r < previous->rows(); ++r) {
                std::string row;
                for (const core::FieldDef& f : kind.fields) {
                    std::string value;
                    for (std::size_t i = 0; i < previous->fields.size(); ++i) {
                        if (previous->fields[i] == f.name && previous->at(r, i)) {
                            if (auto fitted = core::fit_to(f, *previous->at(r, i))) value = value_text(f, *fitted);
                        }
                    }
                    row += (row.empty() ? "" : ", ") + f.name + ": " + (value.empty() ? "" : value);
                }
                rows += "    - { " + row + " }\n";
            }
        }
        if (rows.empty()) {
            std::string example;
            for (const core::FieldDef& f : kind.fields) example += (example.empty() ? "" : ", ") + f.name + ": ";
            y += "  #   e.g. - { " + example + " }\n";
            y += "  " + kind.name + ": []\n";
        } else {
            y += "  " + kind.name + ":   # from the latest inspection; update what changed\n" + rows;
        }
    }
    return y;
}

}  // namespace parscore::inspections
