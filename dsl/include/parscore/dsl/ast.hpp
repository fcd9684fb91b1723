#pragma once
// The parsed form of an expression (docs/reference/rule-language.md, "Grammar"). Every node carries
// its source span; names are not resolved and types are not known yet — that is the checker's job
// (checker.hpp).
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "parscore/core/date.hpp"
#include "parscore/core/decimal.hpp"
#include "parscore/core/source.hpp"

namespace parscore::dsl {

using core::Span;

enum class UnaryOp { Neg, Not };
enum class BinaryOp { Or, And, Eq, Ne, Lt, Le, Gt, Ge, In, Add, Sub, Mul, Div };
/// The comparison of a `steps` arm: the arm holds when `x OP threshold`.
enum class ArmOp { Ge, Gt, Le, Lt, Eq };

const char* op_text(BinaryOp op);
const char* op_text(ArmOp op);

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

/// A literal: `true`, `4` (int), `0.25`/`80%` (number), `"text"`, or `date("2013-06-30")` (date;
/// only inside list literals — elsewhere `date(…)` is a call checked by the checker).
struct Literal {
    std::variant<bool, std::int64_t, core::Decimal, std::string, core::Date> value;
};
struct ListLiteral {
    std::vector<Expr> items;  // Literals only (negative numbers already folded)
};
struct Name {
    std::string name;
};
/// `object.member`: only `unit.id`, `unit.name`, `unit.category` and `params.NAME` are valid.
struct Member {
    ExprPtr object;
    std::string member;
    Span member_span;
};
struct Unary {
    UnaryOp op;
    ExprPtr operand;
};
struct Binary {
    BinaryOp op;
    ExprPtr lhs, rhs;
    Span op_span;
};
struct If {
    ExprPtr cond, then_branch, else_branch;
};
struct Let {
    std::string name;
    Span name_span;
    ExprPtr value, body;
};
struct StepsArm {
    ArmOp op;
    ExprPtr threshold, value;
    Span span;  // the whole arm
};
struct Steps {
    ExprPtr subject;
    std::vector<StepsArm> arms;
    ExprPtr otherwise;
    Span else_span;
};
/// One argument of a call: an expression, or `KIND where cond` (then `expr` is a Name).
struct Arg {
    ExprPtr expr;
    ExprPtr where;  // null unless `where` was written
};
struct Call {
    std::string name;
    Span name_span;
    std::vector<Arg> args;
};

struct Expr {
    std::variant<Literal, ListLiteral, Name, Member, Unary, Binary, If, Let, Steps, Call> node;
    Span span;
};

/// A deterministic s-expression dump, for golden tests and debugging.
std::string to_sexpr(const Expr& e);

}  // namespace parscore::dsl
