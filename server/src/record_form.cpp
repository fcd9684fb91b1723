#include "record_form.hpp"

#include <algorithm>
#include <charconv>

namespace parscore::server {

namespace {

JsonNode text_node(std::string text) { return JsonNode{JsonNode::Kind::String, std::move(text), {}, {}}; }

JsonNode bool_node(bool value) { return JsonNode{JsonNode::Kind::Bool, value ? "true" : "false", {}, {}}; }

JsonNode object_node() { return JsonNode{JsonNode::Kind::Object, {}, {}, {}}; }

JsonNode array_node() { return JsonNode{JsonNode::Kind::Array, {}, {}, {}}; }

void add_member(JsonNode& object, std::string name, JsonNode value) {
    object.members.push_back(JsonNode::Member{std::move(name), std::move(value)});
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return std::string(s);
}

std::optional<int> small_number(std::string_view text, int limit) {
    int n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size() || n < 0 || n > limit) return std::nullopt;
    return n;
}

/// A value as typed, for the field's type: a decimal comma (how Vietnamese write 44,7) becomes the
/// point the report format reads when the number has no point already.
std::string typed_text(const core::FieldDef& field, std::string text) {
    if (field.type == core::FieldType::Number || field.type == core::FieldType::Percent) {
        if (text.find('.') == std::string::npos && std::count(text.begin(), text.end(), ',') == 1)
            text[text.find(',')] = '.';
    }
    return text;
}

std::string row_name(const std::string& kind, int row) { return "rec." + kind + "." + std::to_string(row); }

}  // namespace

int PostedRecording::rows_of(const std::string& record_kind) const {
    const auto it = rows.find(record_kind);
    return it == rows.end() ? 0 : it->second;
}

std::string PostedRecording::value(const std::string& name) const {
    const auto it = values.find(name);
    return it == values.end() ? std::string() : it->second;
}

PostedRecording read_recording(const std::vector<FormPart>& parts) {
    PostedRecording form;
    for (const FormPart& part : parts) {
        const std::string& name = part.name;
        if (part.file_name) {
            if (name == "photo" && !part.value.empty()) form.photos.push_back(part);
            continue;
        }
        if (name == "year") form.year = small_number(part.value, 9999);
        else if (name == "unit") form.unit = trimmed(part.value);
        else if (name == "date") form.date = trimmed(part.value);
        else if (name == "kind") form.kind = part.value;
        else if (name == "team") form.team = part.value;
        else if (name == "status") form.status = part.value;
        else if (name == "client_id") form.client_id = part.value;
        else if (name == "add") form.add = part.value;
        else if (name == "remove") form.remove = part.value;
        else if (name.starts_with("rows."))
            form.rows[name.substr(5)] = small_number(part.value, kMaxFormRows).value_or(0);
        else if (name.starts_with("none.")) form.none.insert(name.substr(5));
        else if (name != "csrf_token") form.values[name] = part.value;
    }
    return form;
}

PostedRecording posted_from(const inspections::InspectionDetail& inspection) {
    PostedRecording form;
    const inspections::InspectionSummary& s = inspection.summary;
    form.year = s.year;
    form.unit = s.unit;
    form.date = core::format_date(s.date);
    form.kind = inspections::kind_name(s.kind);
    for (const std::string& member : s.team) form.team += (form.team.empty() ? "" : ", ") + member;
    for (const inspections::KindFindings& f : inspection.findings) {
        if (f.fact) {
            if (f.rows() && f.at(0, 0)) form.values["fact." + f.kind] = core::datum_text(*f.at(0, 0));
            continue;
        }
        if (f.rows() == 0) form.none.insert(f.kind);
        const int rows = std::min(static_cast<int>(f.rows()), kMaxFormRows);
        form.rows[f.kind] = rows;
        for (int r = 0; r < rows; ++r) {
            for (std::size_t c = 0; c < f.fields.size(); ++c) {
                const auto& value = f.at(static_cast<std::size_t>(r), c);
                if (!value) continue;
                std::string text = core::datum_text(*value);
                if (text == "false" && std::holds_alternative<bool>(*value)) continue;  // an unticked box
                form.values[row_name(f.kind, r) + "." + f.fields[c]] = std::move(text);
            }
        }
    }
    return form;
}

void add_row(PostedRecording& form, const std::string& kind) {
    int& rows = form.rows[kind];
    rows = std::min(rows + 1, kMaxFormRows);
}

void remove_row(PostedRecording& form, const core::EvidenceSchema& schema, const std::string& kind_and_row) {
    const std::size_t dot = kind_and_row.rfind('.');
    if (!kind_and_row.starts_with("rec.") || dot < 4) return;
    const std::string kind = kind_and_row.substr(4, dot - 4);
    const core::KindDef* def = schema.find(kind);
    const auto row = small_number(std::string_view(kind_and_row).substr(dot + 1), kMaxFormRows);
    const int rows = form.rows_of(kind);
    if (!def || def->is_fact || !row || *row >= rows) return;
    for (int r = *row; r < rows; ++r) {
        for (const core::FieldDef& f : def->fields) {
            const std::string here = row_name(kind, r) + "." + f.name;
            const std::string next = row_name(kind, r + 1) + "." + f.name;
            if (const auto it = form.values.find(next); it != form.values.end() && r + 1 < rows)
                form.values[here] = it->second;
            else form.values.erase(here);
        }
    }
    form.rows[kind] = rows - 1;
}

BuiltReport build_report(const PostedRecording& form, const core::EvidenceSchema& schema, int year) {
    BuiltReport built;
    JsonNode header = object_node();
    if (!form.unit.empty()) add_member(header, "unit", text_node(form.unit));
    else built.problems.emplace_back("unit", "choose the unit inspected");
    if (!form.date.empty()) add_member(header, "date", text_node(form.date));
    else built.problems.emplace_back("date", "give the date of the inspection");
    add_member(header, "year", JsonNode{JsonNode::Kind::Number, std::to_string(year), {}, {}});
    if (!form.kind.empty()) add_member(header, "kind", text_node(form.kind));
    JsonNode team = array_node();
    std::string_view names = form.team;
    while (!names.empty()) {
        const std::size_t end = names.find_first_of(",;\n");
        std::string name = trimmed(names.substr(0, end));
        names = end == std::string_view::npos ? std::string_view() : names.substr(end + 1);
        if (!name.empty()) team.items.push_back(text_node(std::move(name)));
    }
    if (!team.items.empty()) add_member(header, "team", std::move(team));
    add_member(header, "status", text_node(form.status == "draft" ? "draft" : "submitted"));

    JsonNode findings = object_node();
    for (const core::KindDef& kind : schema.kinds) {
        if (kind.is_fact) {
            const std::string text = trimmed(form.value("fact." + kind.name));
            if (text.empty()) continue;
            const core::FieldDef& field = kind.fact_field();
            if (field.type == core::FieldType::Bool && (text == "true" || text == "false"))
                add_member(findings, kind.name, bool_node(text == "true"));
            else add_member(findings, kind.name, text_node(typed_text(field, text)));
            continue;
        }
        JsonNode records = array_node();
        std::vector<int>& rows = built.form_rows[kind.name];
        for (int r = 0; r < form.rows_of(kind.name); ++r) {
            JsonNode record = object_node();
            bool filled = false;
            for (const core::FieldDef& field : kind.fields) {
                const std::string text = trimmed(form.value(row_name(kind.name, r) + "." + field.name));
                if (field.type == core::FieldType::Bool) {
                    filled = filled || !text.empty();
                    add_member(record, field.name, bool_node(!text.empty()));
                } else if (!text.empty()) {
                    filled = true;
                    add_member(record, field.name, text_node(typed_text(field, text)));
                }
            }
            if (!filled) continue;
            records.items.push_back(std::move(record));
            rows.push_back(r);
        }
        const bool none = form.none.contains(kind.name);
        if (none && !records.items.empty())
            built.problems.emplace_back("none." + kind.name,
                                        "“checked, none found” is ticked, yet records are filled in");
        else if (none || !records.items.empty()) add_member(findings, kind.name, std::move(records));
    }
    built.report = object_node();
    add_member(built.report, "inspection", std::move(header));
    add_member(built.report, "findings", std::move(findings));
    return built;
}

std::string field_of(const std::string& pointer, const BuiltReport& built, const core::EvidenceSchema& schema) {
    std::vector<std::string> parts;
    for (std::size_t at = 1; at <= pointer.size() && !pointer.empty();) {
        const std::size_t end = std::min(pointer.find('/', at), pointer.size());
        parts.push_back(pointer.substr(at, end - at));
        at = end + 1;
    }
    if (parts.size() >= 2 && parts[0] == "inspection") {
        for (const char* known : {"unit", "date", "kind", "team"})
            if (parts[1] == known) return known;
        return "";
    }
    if (parts.size() < 2 || parts[0] != "findings") return "";
    const core::KindDef* kind = schema.find(parts[1]);
    if (!kind) return "";
    if (kind->is_fact) return "fact." + kind->name;
    if (parts.size() == 2) return "none." + kind->name;
    const auto index = small_number(parts[2], 1 << 20);
    const auto rows = built.form_rows.find(kind->name);
    if (!index || rows == built.form_rows.end() || *index >= static_cast<int>(rows->second.size()))
        return "none." + kind->name;
    const std::string row = row_name(kind->name, rows->second[static_cast<std::size_t>(*index)]);
    if (parts.size() >= 4 && kind->field_index(parts[3])) return row + "." + parts[3];
    return row;
}

}  // namespace parscore::server
