#include "ids.hpp"

#include <algorithm>
#include <array>

namespace parscore::rules::detail {

namespace {

bool lower(char c) { return c >= 'a' && c <= 'z'; }
bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool digit(char c) { return c >= '0' && c <= '9'; }

template <typename First, typename Rest> bool shaped(std::string_view id, First first, Rest rest) {
    return !id.empty() && first(id.front()) && std::all_of(id.begin() + 1, id.end(), rest);
}

constexpr std::array<std::string_view, 12> kKeywords = {"and",  "or",   "not",   "in",  "where", "if",
                                                        "then", "else", "steps", "let", "true",  "false"};
constexpr std::array<std::string_view, 6> kRemoveSections = {"deductions", "bonuses", "band_caps",
                                                             "indicators", "params",  "evidence"};

}  // namespace

bool matches(IdKind kind, std::string_view id) {
    switch (kind) {
        case IdKind::Rulebook:
            return shaped(
                id, [](char c) { return lower(c) || digit(c); },
                [](char c) { return lower(c) || digit(c) || c == '.' || c == '-'; });
        case IdKind::Group: return shaped(id, lower, [](char c) { return lower(c) || digit(c) || c == '_'; });
        case IdKind::Item:
            return shaped(id, lower, [](char c) { return lower(c) || digit(c) || c == '_' || c == '-'; });
        case IdKind::Name:
            return shaped(
                id, [](char c) { return lower(c) || upper(c) || c == '_'; },
                [](char c) { return lower(c) || upper(c) || digit(c) || c == '_'; });
        case IdKind::Category:
            return id.size() <= 64 &&
                   shaped(
                       id, [](char c) { return lower(c) || upper(c) || digit(c); },
                       [](char c) { return lower(c) || upper(c) || digit(c) || c == '.' || c == '_' || c == '-'; });
    }
    return false;
}

const char* pattern(IdKind kind) {
    switch (kind) {
        case IdKind::Rulebook: return "[a-z0-9][a-z0-9.-]*";
        case IdKind::Group: return "[a-z][a-z0-9_]*";
        case IdKind::Item: return "[a-z][a-z0-9_-]*";
        case IdKind::Name: return "[A-Za-z_][A-Za-z0-9_]*";
        case IdKind::Category: return "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    }
    return "";
}

bool is_keyword(std::string_view name) {
    return std::find(kKeywords.begin(), kKeywords.end(), name) != kKeywords.end();
}

bool is_reserved_name(std::string_view name) {
    return is_keyword(name) || name == "unit" || name == "params" || name == "year";
}

bool is_remove_section(std::string_view name) {
    return std::find(kRemoveSections.begin(), kRemoveSections.end(), name) != kRemoveSections.end();
}

bool is_reserved_field(std::string_view name) { return name == "unit" || name == "date" || name == "year"; }

}  // namespace parscore::rules::detail
