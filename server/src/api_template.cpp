// What `parscore template` gives, as JSON (docs/api.md, "Inspections"): the YAML text as it is,
// with its comments in the reader's language, and the same report as a JSON object a client can
// fill in and post back.
#include "api_template.hpp"

#include <charconv>

#include "parscore/app/inspections.hpp"
#include "parscore/core/yaml_tree.hpp"
#include "parscore/i18n/translate.hpp"

namespace parscore::server {

namespace {

/// A YAML value of the template as JSON: booleans and integers typed, an empty value null,
/// every other value its text (the report reader reads a value's text, quoted or not).
nlohmann::json to_json(const core::YamlNode& node) {
    switch (node.kind) {
        case core::YamlKind::Null: return nullptr;
        case core::YamlKind::Sequence: {
            nlohmann::json out = nlohmann::json::array();
            for (const core::YamlNode& item : node.items) out.push_back(to_json(item));
            return out;
        }
        case core::YamlKind::Map: {
            nlohmann::json out = nlohmann::json::object();
            for (const core::YamlEntry& e : node.entries) out[e.first.value] = to_json(e.second);
            return out;
        }
        case core::YamlKind::Scalar: break;
    }
    if (!node.is_plain()) return node.value;
    if (node.value == "true" || node.value == "false") return node.value == "true";
    if (node.value == "~" || node.value == "null") return nullptr;
    std::int64_t n = 0;
    const char* end = node.value.data() + node.value.size();
    if (auto [at, ec] = std::from_chars(node.value.data(), end, n); ec == std::errc() && at == end) return n;
    return node.value;
}

int path_year(const Call& call) {
    const std::string& text = call.param("year");
    int year = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (ec != std::errc() || end != text.data() + text.size() || year < 1 || year > 9999)
        throw ApiError{404, "not_found", core::T_("no such resource")};
    return year;
}

}  // namespace

HttpResponse report_template(const Call& call) {
    auto r = call.operation<app::TemplateRequest>();
    r.year = path_year(call);
    const auto unit = call.request.param("unit");
    if (!unit || unit->empty()) throw ApiError{400, "bad_request", core::T_("give the unit: ?unit=")};
    r.unit = std::string(*unit);
    if (const auto kind = call.request.param("kind")) {
        const auto parsed = inspections::parse_inspection_kind(*kind);
        if (!parsed)
            throw ApiError{400, "bad_request",
                           core::T_("kind must be one of surprise, scheduled, thematic, other, self")};
        r.kind = *parsed;
    }
    if (const auto date = call.request.param("date")) {
        r.date = core::parse_date(*date);
        if (!r.date) throw ApiError{400, "bad_request", core::T_("date must be a date YYYY-MM-DD that exists")};
    }
    r.lang = call.caller.lang;
    const std::string text = app::make_template(r);
    core::SourceSet sources;
    core::Diagnostics diags;
    const auto root = core::parse_yaml(sources, sources.add("template", text), diags);
    return json_response(200, {{"year", *r.year},
                               {"unit", r.unit},
                               {"kind", inspections::kind_name(r.kind)},
                               {"yaml", text},
                               {"report", root ? to_json(*root) : nlohmann::json(nullptr)}});
}

}  // namespace parscore::server
