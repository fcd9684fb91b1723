#include "schema_json.hpp"

#include <nlohmann/json.hpp>

#include "parscore/inspections/store_error.hpp"

namespace parscore::inspections {

namespace {

using Json = nlohmann::ordered_json;

core::FieldType type_from(const std::string& name) {
    static const std::pair<const char*, core::FieldType> kTypes[] = {
        {"bool", core::FieldType::Bool},       {"int", core::FieldType::Int},   {"number", core::FieldType::Number},
        {"percent", core::FieldType::Percent}, {"text", core::FieldType::Text}, {"date", core::FieldType::Date},
        {"enum", core::FieldType::Enum}};
    for (const auto& [n, t] : kTypes) {
        if (name == n) return t;
    }
    throw StoreError(StoreError::Kind::Database,
                     core::T_("stored evidence schema has an unknown field type {type}", {{"type", "'" + name + "'"}}));
}

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

std::string schema_to_json(const core::EvidenceSchema& schema) {
    Json kinds = Json::array();
    for (const core::KindDef& k : schema.kinds) {
        Json fields = Json::array();
        for (const core::FieldDef& f : k.fields) {
            Json field = {{"name", f.name}, {"type", core::field_type_name(f.type)}};
            if (f.type == core::FieldType::Enum) field["values"] = f.enum_values;
            fields.push_back(std::move(field));
        }
        Json kind = {{"name", k.name}, {"fact", k.is_fact}, {"fields", std::move(fields)}};
        kind["key"] = k.key ? Json(k.fields[*k.key].name) : Json(nullptr);
        kind["combine"] = k.combine == core::Combine::Latest ? "latest" : "union";
        kinds.push_back(std::move(kind));
    }
    return dump(Json{{"kinds", std::move(kinds)}});
}

core::EvidenceSchema schema_from_json(std::string_view text) {
    core::EvidenceSchema schema;
    try {
        Json j = Json::parse(text);
        for (const Json& kj : j.at("kinds")) {
            core::KindDef k;
            k.name = kj.at("name").get<std::string>();
            k.is_fact = kj.at("fact").get<bool>();
            for (const Json& fj : kj.at("fields")) {
                core::FieldDef f;
                f.name = fj.at("name").get<std::string>();
                f.type = type_from(fj.at("type").get<std::string>());
                if (fj.contains("values")) f.enum_values = fj.at("values").get<std::vector<std::string>>();
                k.fields.push_back(std::move(f));
            }
            if (!kj.at("key").is_null()) k.key = k.field_index(kj.at("key").get<std::string>());
            k.combine = kj.at("combine").get<std::string>() == "latest" ? core::Combine::Latest : core::Combine::Union;
            schema.kinds.push_back(std::move(k));
        }
    } catch (const nlohmann::json::exception& e) {
        throw StoreError(StoreError::Kind::Database,
                         core::T_("stored evidence schema is malformed: {error}", {{"error", e.what()}}));
    }
    return schema;
}

std::string team_to_json(const std::vector<std::string>& team) { return dump(Json(team)); }

std::vector<std::string> team_from_json(std::string_view text) {
    if (text == "[]") return {};  // the common case, read for every inspection a score covers
    try {
        return Json::parse(text).get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception&) {
        return {};
    }
}

}  // namespace parscore::inspections
