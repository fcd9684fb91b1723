#include "rule_test_file.hpp"

#include <algorithm>
#include <filesystem>

#include "codes.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/core/suggest.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/inspections/model.hpp"

namespace parscore::engine {

namespace {

using core::YamlNode;

/// `{found}`: what the file holds instead, in the reader's language.
core::TextArg found(const YamlNode& n) { return core::part("found", core::describe_text(n)); }

void known_keys(const YamlNode& map, const std::vector<std::string>& allowed, const core::Text& where,
                core::Diagnostics& diags) {
    for (const auto& [key, value] : map.entries) {
        if (std::find(allowed.begin(), allowed.end(), key.value) != allowed.end()) continue;
        diags.error(code::kUnknownKey, key.span,
                    core::T_("unknown key '{key}' in {where}{suggestion}", {{"key", core::sanitize_utf8(key.value)},
                                                                            core::part("where", where),
                                                                            core::suggestion(key.value, allowed)}));
    }
}

const YamlNode* required(const YamlNode& map, const char* key, const core::Text& where, core::Diagnostics& diags) {
    const YamlNode* v = map.find(key);
    if (!v)
        diags.error(code::kMissingKey, map.span,
                    core::T_("{where} needs '{key}'", {core::part("where", where), {"key", key}}));
    return v;
}

std::optional<int> read_year(const YamlNode& n, core::Diagnostics& diags) {
    core::FieldDef year{"year", core::FieldType::Int, {}, {}};
    if (n.is_scalar()) {
        auto r = core::read_scalar(year, n.value);
        if (r.value) {
            auto y = std::get<std::int64_t>(*r.value);
            if (y >= 1 && y <= 9999) return static_cast<int>(y);
        }
    }
    diags.error(code::kBadValue, n.span, core::T_("'year' must be a year such as 2013, found {found}", {found(n)}));
    return std::nullopt;
}

std::optional<std::string> read_text(const YamlNode& n, const core::Text& what, core::Diagnostics& diags) {
    if (n.is_scalar()) return core::to_nfc(n.value);
    diags.error(code::kBadValue, n.span,
                core::T_("{what} must be text, found {found}", {core::part("what", what), found(n)}));
    return std::nullopt;
}

// A number (the engine's decimals), a word, or null.
Expected read_expected(const YamlNode& n) {
    Expected e;
    e.span = n.span;
    if (n.is_null() || (n.is_plain() && (n.value == "null" || n.value == "~"))) return e;
    if (!n.is_scalar()) {
        e.kind = Expected::Kind::Word;
        e.word = "\x01";  // never matches; reported by the caller
        return e;
    }
    if (auto d = core::Decimal::parse(n.value)) {
        e.kind = Expected::Kind::Number;
        e.number = *d;
        return e;
    }
    e.kind = Expected::Kind::Word;
    e.word = core::to_nfc(n.value);
    return e;
}

void expect_items(const YamlNode& map, const std::vector<std::string>& ids, const char* section, const core::Text& noun,
                  const std::vector<std::string>& words, std::vector<ExpectedItem>& out, core::Diagnostics& diags) {
    if (!map.is_map()) {
        diags.error(code::kBadValue, map.span,
                    core::T_("'{section}' must be a map from ids to expected points, found {found}",
                             {{"section", section}, found(map)}));
        return;
    }
    for (const auto& [key, value] : map.entries) {
        if (std::find(ids.begin(), ids.end(), key.value) == ids.end()) {
            diags.error(code::kUnknownId, key.span,
                        core::T_("unknown {noun} '{id}'{suggestion}", {core::part("noun", noun),
                                                                       {"id", core::sanitize_utf8(key.value)},
                                                                       core::suggestion(key.value, ids)}));
            continue;
        }
        Expected e = read_expected(value);
        bool ok = e.kind == Expected::Kind::Number ||
                  (e.kind == Expected::Kind::Word && std::find(words.begin(), words.end(), e.word) != words.end());
        if (!ok) {
            std::string allowed;
            for (const auto& w : words) allowed += (allowed.empty() ? "" : ", ") + w;
            diags.error(code::kBadValue, value.span,
                        core::T_("expected a number, {words} for {noun} '{id}', found {found}",
                                 {{"words", allowed}, core::part("noun", noun), {"id", key.value}, found(value)}));
            continue;
        }
        out.push_back({key.value, e});
    }
}

void read_expect(const YamlNode& node, const rules::Rulebook& rb, CaseSpec& c) {
    core::Diagnostics& diags = c.problems;
    if (!node.is_map()) {
        diags.error(code::kBadValue, node.span, core::T_("'expect' must be a map, found {found}", {found(node)}));
        return;
    }
    known_keys(node, {"criteria", "deductions", "bonuses", "points", "total", "band", "status"},
               core::verbatim("'expect'"), diags);
    std::vector<std::string> criteria, deductions, bonuses, bands;
    for (const auto& g : rb.groups) {
        for (const auto& cr : g.criteria) criteria.push_back(cr.id);
    }
    for (const auto& d : rb.deductions) deductions.push_back(d.id);
    for (const auto& b : rb.bonuses) bonuses.push_back(b.id);
    for (const auto& b : rb.bands) bands.push_back(b.id);
    if (const YamlNode* n = node.find("criteria")) {
        expect_items(*n, criteria, "criteria", core::T_("criterion"), {"exempt", "missing", "error"}, c.criteria,
                     diags);
    }
    if (const YamlNode* n = node.find("deductions"))
        expect_items(*n, deductions, "deductions", core::T_("deduction"), {"missing"}, c.deductions, diags);
    if (const YamlNode* n = node.find("bonuses"))
        expect_items(*n, bonuses, "bonuses", core::T_("bonus"), {"missing"}, c.bonuses, diags);
    for (const char* key : {"points", "total"}) {
        const YamlNode* n = node.find(key);
        if (!n) continue;
        Expected e = read_expected(*n);
        if (e.kind == Expected::Kind::Word) {
            diags.error(code::kBadValue, n->span,
                        core::T_("'{key}' must be a number or null, found {found}", {{"key", key}, found(*n)}));
            continue;
        }
        (std::string(key) == "points" ? c.points : c.total) = e;
    }
    if (const YamlNode* n = node.find("band")) {
        Expected e = read_expected(*n);
        if (e.kind == Expected::Kind::Number ||
            (e.kind == Expected::Kind::Word && std::find(bands.begin(), bands.end(), e.word) == bands.end())) {
            diags.error(code::kUnknownId, n->span,
                        core::T_("unknown band {band}{suggestion}",
                                 {core::part("band", core::describe_text(*n)), core::suggestion(e.word, bands)}));
        } else {
            c.band = e;
        }
    }
    if (const YamlNode* n = node.find("status")) {
        Expected e = read_expected(*n);
        if (e.kind != Expected::Kind::Word || (e.word != "complete" && e.word != "incomplete")) {
            diags.error(code::kBadValue, n->span,
                        core::T_("'status' must be complete or incomplete, found {found}", {found(*n)}));
        } else {
            c.status = e;
        }
    }
}

}  // namespace

std::string Expected::text() const {
    switch (kind) {
        case Kind::Number: return number.to_string();
        case Kind::Word: return word;
        case Kind::Null: return "null";
    }
    return "null";
}

bool read_test_file_header(TestFile& file, const core::SourceSet& sources, core::Diagnostics& diags) {
    file.root = core::parse_yaml(sources, file.file, diags);
    if (!file.root) return false;
    const YamlNode& root = *file.root;
    if (!root.is_map()) {
        diags.error(code::kBadValue, root.span,
                    core::T_("a test file must be a map with 'rulebook', 'year' and 'cases', found {found}",
                             {found(root)}));
        return false;
    }
    std::size_t before = diags.error_count();
    known_keys(root, {"rulebook", "year", "cases"}, core::T_("a test file"), diags);
    if (const YamlNode* rb = required(root, "rulebook", core::T_("a test file"), diags)) {
        if (auto path = read_text(*rb, core::verbatim("'rulebook'"), diags)) {
            file.rulebook_path = (std::filesystem::path(file.path).parent_path() / *path).lexically_normal().string();
            file.rulebook_span = rb->span;
        }
    }
    if (const YamlNode* y = root.find("year")) file.year = read_year(*y, diags);
    if (const YamlNode* cases = required(root, "cases", core::T_("a test file"), diags)) {
        if (cases->is_sequence()) {
            file.cases = cases;
        } else {
            diags.error(code::kBadValue, cases->span,
                        core::T_("'cases' must be a list of cases, found {found}", {found(*cases)}));
        }
    }
    return diags.error_count() == before;
}

CaseSpec read_case(const YamlNode& node, const TestFile& file, const rules::Rulebook& rb) {
    CaseSpec c;
    c.span = node.span;
    core::Diagnostics& diags = c.problems;
    if (!node.is_map()) {
        diags.error(code::kBadValue, node.span,
                    core::T_("a case must be a map with 'name', 'unit', 'evidence' and 'expect', found {found}",
                             {found(node)}));
        return c;
    }
    known_keys(node, {"name", "unit", "year", "evidence", "expect"}, core::T_("a case"), diags);
    if (const YamlNode* n = required(node, "name", core::T_("a case"), diags)) {
        if (auto name = read_text(*n, core::verbatim("'name'"), diags)) c.name = *name;
        c.span = n->span;
    }
    if (const YamlNode* u = required(node, "unit", core::T_("a case"), diags)) {
        if (!u->is_map()) {
            diags.error(code::kBadValue, u->span,
                        core::T_("'unit' must be a map with 'id' and 'category', found {found}", {found(*u)}));
        } else {
            known_keys(*u, {"id", "category", "name"}, core::verbatim("'unit'"), diags);
            if (const YamlNode* id = required(*u, "id", core::verbatim("'unit'"), diags)) {
                c.unit_id = read_text(*id, core::T_("the unit id"), diags).value_or("");
                if (id->is_scalar() && !inspections::is_valid_unit_id(c.unit_id)) {
                    diags.error(
                        code::kBadValue, id->span,
                        core::T_("a unit id is 1 to 64 letters, digits, '.', '_' or '-' and starts with a letter or "
                                 "digit; found {found}",
                                 {found(*id)}));
                }
            }
            if (const YamlNode* cat = required(*u, "category", core::verbatim("'unit'"), diags)) {
                c.unit_category = read_text(*cat, core::T_("the unit category"), diags).value_or("");
                if (!c.unit_category.empty() &&
                    std::find(rb.units.begin(), rb.units.end(), c.unit_category) == rb.units.end()) {
                    diags.error(code::kNotScored, cat->span,
                                core::T_("rulebook '{rulebook}' does not score category '{category}'{suggestion}",
                                         {{"rulebook", rb.id},
                                          {"category", c.unit_category},
                                          core::suggestion(c.unit_category, rb.units)}));
                }
            }
            c.unit_name = c.unit_id;
            if (const YamlNode* name = u->find("name"))
                c.unit_name = read_text(*name, core::T_("the unit name"), diags).value_or(c.unit_id);
        }
    }
    std::optional<int> year = file.year;
    if (const YamlNode* y = node.find("year")) year = read_year(*y, diags);
    if (year) {
        c.year = *year;
    } else if (!node.find("year")) {
        diags.error(code::kMissingKey, node.span, core::T_("a case needs a 'year' when the file gives none"));
    }
    if (const YamlNode* e = node.find("evidence"); e && !e->is_null()) c.evidence = e;
    if (const YamlNode* x = required(node, "expect", core::T_("a case"), diags)) read_expect(*x, rb, c);
    return c;
}

}  // namespace parscore::engine
