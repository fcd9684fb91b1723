// The table of built-in functions (docs/reference/rule-language.md lists them with examples).
// To add a function: declare it here, give it an opcode the evaluator runs, and — only if no
// existing type rule fits — add a TypeRule and its case in check_calls.cpp or
// check_aggregates.cpp.
#include "builtins.hpp"

#include <algorithm>

#include "marked.hpp"
#include "parscore/dsl/checker.hpp"

namespace parscore::dsl {

namespace {

using enum ArgShape;
using enum TypeRule;

constexpr Usage kPerRecord = words(N_("a record kind and an expression per record"));
constexpr Usage kRecordsOnly = words(N_("a record kind, optionally with where"));

// Sorted by name (checked at compile time below); overloads of one name are adjacent.
constexpr std::array kBuiltins = {
    Builtin{"abs", 1, {Expression}, names("x"), Op::Abs, BaseType::Error, Numeric},
    Builtin{"all", 2, {Records, Expression}, kPerRecord, Op::All, BaseType::Bool, RecordCondition},
    Builtin{"avg", 2, {Records, Expression}, kPerRecord, Op::Avg, BaseType::Number, RecordAverage},
    Builtin{"checked", 1, {Kind}, words(N_("a record kind")), Op::Checked, BaseType::Bool, KindToBool},
    Builtin{"clamp", 3, {Expression, Expression, Expression}, names("x, lo, hi"), Op::Clamp, BaseType::Error, Numeric},
    Builtin{"count", 1, {Records}, kRecordsOnly, Op::Count, BaseType::Int, RecordCount},
    Builtin{
        "date", 1, {Constant}, words(N_("a string literal \"YYYY-MM-DD\"")), Op::Const, BaseType::Date, DateLiteral},
    Builtin{"days", 2, {Expression, Expression}, names("d1, d2"), Op::Days, BaseType::Int, DatesToInt},
    Builtin{"default", 2, {Expression, Expression}, names("x, v"), Op::Default, BaseType::Error, SameScalar},
    Builtin{"distinct", 2, {Records, Expression}, kPerRecord, Op::Distinct, BaseType::Int, RecordScalar},
    Builtin{"exists", 1, {Records}, kRecordsOnly, Op::Exists, BaseType::Bool, RecordCount},
    Builtin{"max", 2, {Records, Expression}, kPerRecord, Op::MaxOf, BaseType::Error, RecordFold},
    Builtin{"max", 2, {Expression, Expression}, names("a, b"), Op::Max2, BaseType::Error, Numeric},
    Builtin{"min", 2, {Records, Expression}, kPerRecord, Op::MinOf, BaseType::Error, RecordFold},
    Builtin{"min", 2, {Expression, Expression}, names("a, b"), Op::Min2, BaseType::Error, Numeric},
    Builtin{"missing", 1, {Expression}, names("x"), Op::IsMissing, BaseType::Bool, ScalarToBool},
    Builtin{"round", 2, {Expression, Constant}, names("x, digits"), Op::Round, BaseType::Number, RoundDigits},
    Builtin{"share", 2, {Records, Expression}, kPerRecord, Op::Share, BaseType::Number, RecordCondition},
    Builtin{"sum", 2, {Records, Expression}, kPerRecord, Op::Sum, BaseType::Error, RecordFold},
};

constexpr bool by_name(const Builtin& a, const Builtin& b) { return a.name < b.name; }
static_assert(std::is_sorted(kBuiltins.begin(), kBuiltins.end(), by_name), "keep the built-ins sorted by name");

}  // namespace

std::span<const Builtin> find_builtins(std::string_view name) {
    Builtin key;
    key.name = name;
    auto [first, last] = std::equal_range(kBuiltins.begin(), kBuiltins.end(), key, by_name);
    return {first, last};
}

core::Text usage_text(const Usage& usage) { return usage.words ? core::T_(usage.text) : core::verbatim(usage.text); }

const std::vector<std::string>& function_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const Builtin& fn : kBuiltins) {
            if (out.empty() || out.back() != fn.name) out.emplace_back(fn.name);
        }
        return out;
    }();
    return names;
}

}  // namespace parscore::dsl
