#pragma once
// The id patterns and reserved names of docs/reference/rulebook-format.md and rule-language.md.
#include <string_view>

namespace parscore::rules::detail {

enum class IdKind {
    Rulebook,  // [a-z0-9][a-z0-9.-]*
    Group,     // [a-z][a-z0-9_]*
    Item,      // criteria, deductions, bonuses, band caps, bands, indicators: [a-z][a-z0-9_-]*
    Name,      // evidence kinds, fields and params, used in expressions: [A-Za-z_][A-Za-z0-9_]*
    Category,  // unit categories, like unit ids: [A-Za-z0-9][A-Za-z0-9._-]{0,63}
};

bool matches(IdKind kind, std::string_view id);
/// The pattern as shown in messages.
const char* pattern(IdKind kind);

/// A keyword of the rule language (docs/reference/rule-language.md).
bool is_keyword(std::string_view name);
/// Names no kind, field, param or group may take: keywords, `unit`, `params`, `year`.
bool is_reserved_name(std::string_view name);
/// The six section words of qualified `remove:` ids, which therefore are not group ids.
bool is_remove_section(std::string_view name);
/// Field names taken by the columns every finding has (`unit`, `date`, `year`).
bool is_reserved_field(std::string_view name);

}  // namespace parscore::rules::detail
