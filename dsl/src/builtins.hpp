#pragma once
// The built-in functions as data: each declaration says how many arguments a function takes,
// what each argument position accepts, the opcode it compiles to and the rule that gives its
// result type. The checker never names a function; it looks declarations up here.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "parscore/core/text.hpp"
#include "parscore/dsl/program.hpp"

namespace parscore::dsl {

/// What an argument position accepts.
enum class ArgShape : unsigned char {
    Expression,  // any expression, checked before the type rule runs
    Constant,    // a literal the type rule reads itself (date's text, round's digits)
    Records,     // a record kind, optionally with `where`; later arguments see its fields
    Kind,        // a record kind alone, without `where`
};

/// How a built-in's argument types give its result type.
enum class TypeRule : unsigned char {
    Numeric,          // int or number arguments: int when all are int, else number
    SameScalar,       // two scalars of one type (int and number make number): that type
    ScalarToBool,     // any scalar: bool
    DatesToInt,       // two dates: int
    DateLiteral,      // a "YYYY-MM-DD" string literal: a date constant
    RoundDigits,      // int or number, and an int literal 0–9: number
    KindToBool,       // a record kind: bool
    RecordCount,      // the records (no per-record value): the declared result
    RecordCondition,  // a bool per record: the declared result
    RecordScalar,     // any scalar per record: the declared result
    RecordAverage,    // an int or number per record: number
    RecordFold,       // an int or number per record: that type
};

/// A function's arguments for the message about a wrong argument count: a description in words,
/// translated where it is shown, or the arguments' names ("x, lo, hi"), shown as written.
struct Usage {
    const char* text = "";
    bool words = false;
};
/// A usage in words, marked with N_.
constexpr Usage words(const char* text) { return Usage{text, true}; }
/// A usage made of the arguments' names.
constexpr Usage names(const char* arguments) { return Usage{arguments, false}; }

struct Builtin {
    std::string_view name;
    std::uint8_t arity = 0;
    std::array<ArgShape, 3> shapes{};  // the first `arity` are used
    Usage usage{};                     // the arguments, for a wrong argument count
    Op op = Op::Const;
    BaseType result = BaseType::Error;  // fixed result type; Error where the rule derives it
    TypeRule rule = TypeRule::Numeric;
};

/// The declarations named `name`: none, one, or two (min and max have an aggregate form over a
/// record kind and a two-argument form). A binary search over a table sorted by name.
std::span<const Builtin> find_builtins(std::string_view name);

/// A usage as a translatable piece of a message.
core::Text usage_text(const Usage& usage);

}  // namespace parscore::dsl
