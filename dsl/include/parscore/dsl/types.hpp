#pragma once
// Static types of the rule language (docs/reference/rule-language.md, "Types and values").
#include <string>
#include <vector>

namespace parscore::dsl {

enum class BaseType : unsigned char { Bool, Int, Number, Text, Date, Error };

/// A scalar type or a list of one. `Error` marks an expression whose type could not be known
/// after a reported error; it is compatible with everything so one mistake is reported once.
/// Text values that come from an enum field or fact remember its allowed values, so string
/// literals compared with them can be checked.
struct Type {
    BaseType base = BaseType::Error;
    bool list = false;
    const std::vector<std::string>* enum_values = nullptr;

    static Type of(BaseType b) { return Type{b, false, nullptr}; }
    static Type list_of(BaseType b) { return Type{b, true, nullptr}; }
    bool is(BaseType b) const { return !list && base == b; }
    bool is_error() const { return base == BaseType::Error; }
    bool is_numeric() const { return !list && (base == BaseType::Int || base == BaseType::Number); }
    friend bool operator==(const Type& a, const Type& b) { return a.base == b.base && a.list == b.list; }
};

std::string type_name(const Type& t);  // "int", "list of text", …

}  // namespace parscore::dsl
