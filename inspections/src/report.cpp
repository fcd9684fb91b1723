#include "parscore/inspections/report.hpp"

#include <algorithm>
#include <map>

#include "parscore/core/utf8.hpp"
#include "parscore/core/yaml_tree.hpp"
#include "parscore/inspections/codes.hpp"
#include "text_pieces.hpp"

namespace parscore::inspections {

namespace {

using core::T_;
using core::Text;
using core::YamlNode;

std::string shown(std::string_view s) {
    return "'" + core::sanitize_utf8(s.substr(0, 60)) + (s.size() > 60 ? "…'" : "'");
}

/// A YAML null: an empty value, or a plain `~`, `null`, `Null` or `NULL` (however the parser
/// delivered it).
bool is_null(const YamlNode& n) {
    if (n.is_null()) return true;
    return n.is_plain() && (n.value == "~" || n.value == "null" || n.value == "Null" || n.value == "NULL");
}

/// `{found}`: what the report has where another shape was expected.
core::TextArg shape_name(const YamlNode& n) {
    if (is_null(n)) return core::part("found", T_("nothing"));
    switch (n.kind) {
        case core::YamlKind::Scalar: return core::part("found", T_("a scalar"));
        case core::YamlKind::Sequence: return core::part("found", T_("a list"));
        case core::YamlKind::Map: return core::part("found", T_("a map"));
        case core::YamlKind::Null: break;
    }
    return core::part("found", T_("nothing"));
}

core::TextArg key_arg(std::string name, std::string_view key) {
    return {std::move(name), "'" + std::string(key) + "'"};
}

class ReportReader {
public:
    ReportReader(const core::EvidenceSchema& schema, const KnownUnits& units, core::Diagnostics& diags,
                 const std::optional<std::string>& expected_unit)
        : schema_(schema), units_(units), diags_(diags), expected_unit_(expected_unit) {}

    std::optional<Report> read(const YamlNode& root, core::Span file_start) {
        const std::size_t errors_before = diags_.error_count();
        Report report;
        if (!is_report_map(root, file_start)) return std::nullopt;
        const YamlNode* inspection = nullptr;
        const YamlNode* findings = nullptr;
        for (const auto& [key, value] : root.entries) {
            const std::string name = core::to_nfc(key.value);
            if (name == "inspection") inspection = &value;
            else if (name == "findings") findings = &value;
            else unknown_key(key, name, {"inspection", "findings"}, T_("a report"));
        }
        if (!inspection) diags_.error(code::kMissingKey, root.span, T_("the report has no 'inspection' block"));
        else read_header(*inspection, report.header);
        if (!findings) diags_.error(code::kMissingKey, root.span, T_("the report has no 'findings' block"));
        else read_findings(*findings, report.findings);
        if (diags_.error_count() != errors_before) return std::nullopt;
        return report;
    }

    /// Only the `inspection` block (the findings are not looked at).
    std::optional<InspectionHeader> header_only(const YamlNode& root, core::Span file_start) {
        const std::size_t errors_before = diags_.error_count();
        if (!is_report_map(root, file_start)) return std::nullopt;
        InspectionHeader header;
        const YamlNode* inspection = nullptr;
        for (const auto& [key, value] : root.entries) {
            if (core::to_nfc(key.value) == "inspection") inspection = &value;
        }
        if (!inspection) diags_.error(code::kMissingKey, root.span, T_("the report has no 'inspection' block"));
        else read_header(*inspection, header);
        if (diags_.error_count() != errors_before) return std::nullopt;
        return header;
    }

    /// Only a `findings` map (rule-test cases give evidence this way).
    std::optional<Findings> findings_only(const YamlNode& node) {
        const std::size_t errors_before = diags_.error_count();
        Findings findings;
        read_findings(node, findings);
        if (diags_.error_count() != errors_before) return std::nullopt;
        return findings;
    }

    void read_findings(const YamlNode& node, Findings& out) {
        if (!node.is_map()) {
            diags_.error(is_null(node) ? code::kNull : code::kShape, node.span,
                         T_("'findings' must be a map from evidence kinds to records or values, found {found}",
                            {shape_name(node)}));
            return;
        }
        std::vector<std::string> kind_names;
        for (const auto& k : schema_.kinds) kind_names.push_back(k.name);
        for (const auto& [key, value] : node.entries) {
            const std::string name = core::to_nfc(key.value);
            const core::KindDef* kind = schema_.find(name);
            if (!kind) {
                diags_.error(code::kUnknownKind, key.span,
                             T_("unknown evidence kind {kind}{hint}", {{"kind", shown(name)}, hint(name, kind_names)}));
                continue;
            }
            KindFindings f;
            f.kind = kind->name;
            f.fact = kind->is_fact;
            for (const auto& field : kind->fields) f.fields.push_back(field.name);
            if (kind->is_fact) read_fact(*kind, value, f);
            else read_records(*kind, value, f);
            out.push_back(std::move(f));
        }
    }

private:
    bool is_report_map(const YamlNode& root, core::Span file_start) {
        if (root.is_map()) return true;
        diags_.error(code::kShape, root.is_null() ? file_start : root.span,
                     T_("a report is a map with 'inspection' and 'findings', found {found}", {shape_name(root)}));
        return false;
    }

    void unknown_key(const YamlNode& key, const std::string& name, const std::vector<std::string>& allowed,
                     const Text& where) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        diags_.error(code::kUnknownKey, key.span,
                     T_("unknown key {key} in {where}{hint}; expected {keys}",
                        {{"key", shown(name)}, core::part("where", where), hint(name, allowed), {"keys", list}}));
    }

    /// A scalar value, or an error (null / not a scalar); nullopt after an error.
    const YamlNode* scalar(const YamlNode& node, const Text& what) {
        if (is_null(node)) {
            diags_.error(code::kNull, node.span, T_("{what} has no value", {core::part("what", what)}));
            return nullptr;
        }
        if (!node.is_scalar()) {
            diags_.error(code::kShape, node.span,
                         T_("{what} must be a single value, found {found}",
                            {core::part("what", what), shape_name(node)}));
            return nullptr;
        }
        return &node;
    }

    void read_header(const YamlNode& node, InspectionHeader& h) {
        if (!node.is_map()) {
            diags_.error(code::kShape, node.span, T_("'inspection' must be a map, found {found}", {shape_name(node)}));
            return;
        }
        static const std::vector<std::string> kKeys = {"unit", "date", "year", "kind", "team", "status"};
        bool has_unit = false, has_date = false, has_kind = false;
        for (const auto& [key, value] : node.entries) {
            const std::string name = core::to_nfc(key.value);
            if (name == "unit") {
                has_unit = true;
                if (const YamlNode* v = scalar(value, core::verbatim("'unit'"))) read_unit(*v, h);
            } else if (name == "date") {
                has_date = true;
                if (const YamlNode* v = scalar(value, core::verbatim("'date'"))) {
                    if (auto d = core::parse_date(v->value)) h.date = *d;
                    else
                        diags_.error(code::kBadValue, v->span,
                                     T_("expected a date YYYY-MM-DD that exists, found {value}",
                                        {{"value", shown(v->value)}}));
                }
            } else if (name == "year") {
                if (const YamlNode* v = scalar(value, core::verbatim("'year'"))) {
                    core::FieldDef int_field{"year", core::FieldType::Int, {}, {}};
                    auto r = core::read_scalar(int_field, v->value);
                    auto* y = r.value ? std::get_if<std::int64_t>(&*r.value) : nullptr;
                    if (!y || *y < 1 || *y > 9999) {
                        diags_.error(code::kBadValue, v->span,
                                     T_("expected a year from 1 to 9999, found {value}", {{"value", shown(v->value)}}));
                    } else {
                        h.year = static_cast<int>(*y);
                    }
                }
            } else if (name == "kind") {
                has_kind = true;
                if (const YamlNode* v = scalar(value, core::verbatim("'kind'"))) {
                    if (auto k = parse_inspection_kind(v->value)) {
                        h.kind = *k;
                    } else {
                        static const std::vector<std::string> kKinds = {"surprise", "scheduled", "thematic", "other",
                                                                        "self"};
                        diags_.error(
                            code::kBadValue, v->span,
                            T_("unknown inspection kind {kind}{hint}; expected {kinds}",
                               {{"kind", shown(v->value)}, hint(v->value, kKinds), {"kinds", kInspectionKinds}}));
                    }
                }
            } else if (name == "team") {
                read_team(value, h.team);
            } else if (name == "status") {
                if (const YamlNode* v = scalar(value, core::verbatim("'status'"))) {
                    auto s = parse_status(v->value);
                    if (s && (*s == Status::Draft || *s == Status::Submitted)) {
                        h.status = *s;
                    } else {
                        diags_.error(code::kBadValue, v->span,
                                     T_("a report's status is draft or submitted, found {value}{hint}",
                                        {{"value", shown(v->value)}, hint(v->value, {"draft", "submitted"})}));
                    }
                }
            } else {
                unknown_key(key, name, kKeys, core::verbatim("'inspection'"));
            }
        }
        if (!has_unit) diags_.error(code::kMissingKey, node.span, T_("'inspection' has no 'unit'"));
        if (!has_date) diags_.error(code::kMissingKey, node.span, T_("'inspection' has no 'date'"));
        if (!has_kind)
            diags_.error(code::kMissingKey, node.span,
                         T_("'inspection' has no 'kind' ({kinds})", {{"kinds", kInspectionKinds}}));
    }

    void read_unit(const YamlNode& v, InspectionHeader& h) {
        h.unit = core::to_nfc(v.value);
        if (!units_.has(h.unit)) {
            diags_.error(code::kUnknownUnit, v.span,
                         T_("unknown unit {unit}{hint} (add units with 'parscore units import')",
                            {{"unit", shown(h.unit)}, hint(h.unit, units_.all())}));
            return;
        }
        if (expected_unit_ && h.unit != *expected_unit_) {
            diags_.error(code::kOtherUnit, v.span,
                         T_("the amended report must name the inspection's unit {expected}, found {unit}",
                            {key_arg("expected", *expected_unit_), {"unit", shown(h.unit)}}));
        }
    }

    void read_team(const YamlNode& node, std::vector<std::string>& team) {
        if (is_null(node)) {
            diags_.error(code::kNull, node.span, T_("'team' has no value; write [] for none"));
            return;
        }
        if (!node.is_sequence()) {
            diags_.error(code::kShape, node.span,
                         T_("'team' must be a list of names, found {found}", {shape_name(node)}));
            return;
        }
        for (const YamlNode& item : node.items) {
            if (const YamlNode* v = scalar(item, T_("a team member"))) team.push_back(core::to_nfc(v->value));
        }
    }

    void read_fact(const core::KindDef& kind, const YamlNode& value, KindFindings& f) {
        if (is_null(value)) {
            diags_.error(code::kNull, value.span, T_("fact {kind} has no value", {key_arg("kind", kind.name)}));
            return;
        }
        if (!value.is_scalar()) {
            diags_.error(code::kShape, value.span,
                         T_("fact {kind} takes one value, found {found} (lists are for record kinds)",
                            {key_arg("kind", kind.name), shape_name(value)}));
            return;
        }
        if (auto d = read_value(kind.fact_field(), value, T_("fact {kind}: {problem}", {key_arg("kind", kind.name)})))
            f.values.push_back(std::move(d));
    }

    void read_records(const core::KindDef& kind, const YamlNode& value, KindFindings& f) {
        if (is_null(value)) {
            diags_.error(code::kNull, value.span,
                         T_("record kind {kind} has no value; write [] when none were found",
                            {key_arg("kind", kind.name)}));
            return;
        }
        if (!value.is_sequence()) {
            diags_.error(code::kShape, value.span,
                         T_("record kind {kind} takes a list of records, found {found} (write [] when none were found)",
                            {key_arg("kind", kind.name), shape_name(value)}));
            return;
        }
        std::vector<std::string> field_names;
        for (const auto& fd : kind.fields) field_names.push_back(fd.name);
        std::map<std::string, core::Span> keys;
        for (const YamlNode& item : value.items) {
            if (records_ == kMaxReportRecords) {
                if (!records_reported_) {
                    diags_.error(code::kTooManyRecords, item.span,
                                 T_("a report holds at most {n} records; the rest were not read",
                                    {{"n", std::to_string(kMaxReportRecords)}}));
                    records_reported_ = true;
                }
                return;
            }
            ++records_;
            if (!item.is_map()) {
                diags_.error(is_null(item) ? code::kNull : code::kShape, item.span,
                             T_("a record of {kind} must be a map of fields, found {found}",
                                {key_arg("kind", kind.name), shape_name(item)}));
                continue;
            }
            std::vector<std::optional<core::Datum>> row(kind.fields.size());
            std::vector<const YamlNode*> nodes(kind.fields.size(), nullptr);
            bool row_ok = true;
            for (const auto& [key, v] : item.entries) {
                const std::string name = core::to_nfc(key.value);
                auto index = kind.field_index(name);
                if (!index) {
                    diags_.error(code::kUnknownField, key.span,
                                 T_("record kind {kind} has no field {field}{hint}",
                                    {key_arg("kind", kind.name), {"field", shown(name)}, hint(name, field_names)}));
                    row_ok = false;
                    continue;
                }
                nodes[*index] = &v;
                if (is_null(v)) {
                    diags_.error(code::kNull, v.span, T_("field {name} has no value", {key_arg("name", name)}));
                    row_ok = false;
                    continue;
                }
                if (!v.is_scalar()) {
                    diags_.error(code::kShape, v.span,
                                 T_("field {name} takes one value, found {found}",
                                    {key_arg("name", name), shape_name(v)}));
                    row_ok = false;
                    continue;
                }
                row[*index] = read_value(kind.fields[*index], v,
                                         T_("field {name}: {problem}", {key_arg("name", name)}));
                if (!row[*index]) row_ok = false;
            }
            for (std::size_t i = 0; i < kind.fields.size(); ++i) {
                if (!nodes[i]) {
                    diags_.error(code::kMissingField, item.span,
                                 T_("record of {kind} has no field {field} (every field is required)",
                                    {key_arg("kind", kind.name), key_arg("field", kind.fields[i].name)}));
                    row_ok = false;
                }
            }
            if (kind.key && row[*kind.key]) {
                const core::Datum& k = *row[*kind.key];
                const std::string canonical = std::string(1, static_cast<char>(core::datum_tag(k))) +
                                              core::datum_text(k);
                auto [it, inserted] = keys.emplace(canonical, nodes[*kind.key]->span);
                if (!inserted) {
                    diags_
                        .error(code::kDuplicateKey, nodes[*kind.key]->span,
                               T_("two records of {kind} have {field} {value} in one inspection",
                                  {key_arg("kind", kind.name),
                                   {"field", kind.fields[*kind.key].name},
                                   {"value", shown(core::datum_text(k))}}))
                        .add_note(it->second, T_("the first record with it is here"));
                    row_ok = false;
                }
            }
            if (row_ok) {
                for (auto& v : row) f.values.push_back(std::move(v));
            }
        }
    }

    /// `problem` says which value is wrong; its `{problem}` is filled with why.
    std::optional<core::Datum> read_value(const core::FieldDef& field, const YamlNode& v, Text problem) {
        auto r = core::read_scalar(field, v.value);
        if (!r.value) {
            problem.args.push_back({"problem", r.error});
            diags_.error(code::kBadValue, v.span, std::move(problem));
            return std::nullopt;
        }
        return std::move(r.value);
    }

    const core::EvidenceSchema& schema_;
    const KnownUnits& units_;
    core::Diagnostics& diags_;
    const std::optional<std::string>& expected_unit_;
    std::size_t records_ = 0;  // read so far, all kinds together
    bool records_reported_ = false;
};

}  // namespace

std::optional<Report> read_report(const core::SourceSet& sources, core::FileId file, const core::EvidenceSchema& schema,
                                  const KnownUnits& units, core::Diagnostics& diags,
                                  const std::optional<std::string>& expected_unit) {
    const std::size_t errors_before = diags.error_count();
    std::optional<YamlNode> root = core::parse_yaml(sources, file, diags);
    if (!root || diags.error_count() != errors_before) {
        // Keep checking a tree with non-fatal YAML errors (duplicate keys) so every error is found.
        if (!root) return std::nullopt;
        ReportReader(schema, units, diags, expected_unit).read(*root, core::Span{file, 0, 0});
        return std::nullopt;
    }
    return ReportReader(schema, units, diags, expected_unit).read(*root, core::Span{file, 0, 0});
}

std::optional<int> read_report_year(const core::SourceSet& sources, core::FileId file, const KnownUnits& units,
                                    core::Diagnostics& diags) {
    static const core::EvidenceSchema no_schema;
    static const std::optional<std::string> no_unit;
    const std::size_t errors_before = diags.error_count();
    std::optional<YamlNode> root = core::parse_yaml(sources, file, diags);
    if (!root || diags.error_count() != errors_before) return std::nullopt;
    auto header = ReportReader(no_schema, units, diags, no_unit).header_only(*root, core::Span{file, 0, 0});
    if (!header) return std::nullopt;
    return header->evaluation_year();
}

std::optional<Findings> read_findings(const YamlNode& findings, const core::EvidenceSchema& schema,
                                      core::Diagnostics& diags) {
    static const std::vector<std::string> no_ids;
    static const KnownUnits no_units(no_ids);
    static const std::optional<std::string> no_unit;
    return ReportReader(schema, no_units, diags, no_unit).findings_only(findings);
}

}  // namespace parscore::inspections
