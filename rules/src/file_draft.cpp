// The top level of one rulebook file: which keys exist, and which reader reads each.
#include "codes.hpp"
#include "sections.hpp"

namespace parscore::rules::detail {

namespace {

const std::vector<std::string>& top_level_keys() {
    static const std::vector<std::string> keys = {"parscore", "id",        "version",    "title",
                                                  "extends",  "units",     "scale",      "params",
                                                  "evidence", "groups",    "deductions", "deduction_cap",
                                                  "bonuses",  "band_caps", "bands",      "indicators",
                                                  "remove"};
    return keys;
}

}  // namespace

std::optional<std::string> read_title(Reader& reader, const YamlNode& map, std::string_view key) {
    const YamlNode* node = map.find(key);
    if (!node) return std::nullopt;
    return reader.text(*node, key_name(key));
}

FileDraft read_file_draft(Reader& reader, core::FileId file, const YamlNode& root) {
    FileDraft out;
    out.file = file;
    out.root_span = root.span;
    if (!reader.map(root, core::T_("a rulebook"))) return out;
    reader.known_keys(root, top_level_keys(), core::T_("a rulebook"));
    read_header(reader, root, out);
    Draft& body = out.body;
    if (const YamlNode* n = root.find("params")) read_params(reader, *n, body);
    if (const YamlNode* n = root.find("evidence")) read_evidence(reader, *n, body);
    if (const YamlNode* n = root.find("groups")) {
        body.has_groups = true;
        body.groups_span = n->span;
        body.groups_listed = n->is_sequence();
        read_groups(reader, *n, body);
    }
    if (const YamlNode* n = root.find("deductions")) read_adjustments(reader, *n, "deduction", body.deductions);
    if (const YamlNode* n = root.find("bonuses")) read_adjustments(reader, *n, "bonus", body.bonuses);
    if (const YamlNode* n = root.find("band_caps")) read_band_caps(reader, *n, body);
    if (const YamlNode* n = root.find("bands")) read_bands(reader, *n, body);
    if (const YamlNode* n = root.find("indicators")) read_indicators(reader, *n, body);
    return out;
}

}  // namespace parscore::rules::detail
