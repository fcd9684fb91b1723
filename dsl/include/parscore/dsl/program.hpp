#pragma once
// The compiled form of checked expressions: a flat array of typed nodes whose names are already
// resolved to slots (let slots, field columns, fact and kind indexes) and whose params are folded
// into constants, so evaluation never parses, looks up a name or checks a type.
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <vector>

#include "parscore/core/source.hpp"
#include "parscore/core/value.hpp"
#include "parscore/dsl/ast.hpp"
#include "parscore/dsl/types.hpp"

namespace parscore::dsl {

using core::Value;
using core::ValueList;

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = 0xFFFFFFFF;

// Grouped by operand layout, the comment naming the operands of the line (clang-format would
// put one per line and separate the comments from the group).
// clang-format off
enum class Op : unsigned char {
    Const,        // constant
    Let,          // a: value, b: body, c: slot
    LetRef,       // c: slot
    Field,        // a: field index of the innermost aggregate's kind
    Fact,         // a: kind index
    UnitId, UnitName, UnitCategory, Year,
    ToNumber,     // a: int operand
    Neg, Not,     // a
    And, Or,      // a, b (lazy, Kleene)
    Add, Sub, Mul, Div,
    Eq, Ne, Lt, Le, Gt, Ge,
    In,           // a: operand; constant: the list
    If,           // a: cond, b: then, c: else
    Steps,        // a: subject, b: first arm, c: arm count, d: else
    Count, Exists, Checked,          // a: kind, b: where
    All, Share,                      // a: kind, b: where, c: condition
    Sum, Avg, MinOf, MaxOf, Distinct, // a: kind, b: where, c: expression
    Min2, Max2, Clamp, Abs, Round,   // Round: a: x, b: digits
    Default, IsMissing, Days,
};
// clang-format on

const char* op_name(Op op);

/// Whether the op reads records of a kind (its `a` is a kind index, `b` a filter, `c` a value).
bool is_aggregate(Op op);

struct Node {
    Op op = Op::Const;
    BaseType type = BaseType::Error;  // the result type (lists: the element type)
    bool columnar = false;            // an aggregate with a column-wise path (set by Program::add)
    bool missing_unchecked = false;   // an aggregate over a kind declared `unchecked: missing`
    NodeId a = kNoNode, b = kNoNode, c = kNoNode, d = kNoNode;
    Span span{};
    Value constant{};
};

struct Arm {
    ArmOp op = ArmOp::Ge;
    Value threshold;  // folded constant, of the subject's type
    NodeId value = kNoNode;
    Span span{};
};

/// Owns the nodes of every expression of a rulebook, plus their constants.
struct Program {
    std::vector<Node> nodes;
    std::vector<Arm> arms;
    std::deque<ValueList> lists;
    std::deque<std::string> strings;
    std::uint32_t slot_count = 0;

    /// Appends a node whose operands are already in the program.
    NodeId add(Node n);
    std::string_view intern(std::string s) {
        strings.push_back(std::move(s));
        return strings.back();
    }
};

/// The sub-expression nodes of a node (operands, filters, branches, steps arm values), in
/// evaluation order; operands that are indexes (kinds, fields, slots, digits) are not nodes.
std::vector<NodeId> children_of(const Program& program, NodeId node);

/// The operands of a `steps` node by name, for code that reads a program without evaluating it
/// (explanations, rule-test coverage).
struct StepsOperands {
    NodeId subject = kNoNode;
    std::span<const Arm> arms;   // in order; a trace's arm index counts from the first
    NodeId otherwise = kNoNode;  // the `else` value
};
/// `node` must be a `steps` node.
StepsOperands steps_operands(const Program& program, NodeId node);

/// The operands of an aggregate node (is_aggregate) by name.
struct AggregateOperands {
    std::uint32_t kind = 0;   // index into the evidence schema's kinds
    NodeId filter = kNoNode;  // `where`, when given
    NodeId value = kNoNode;   // the condition (all, share) or the aggregated expression (sum, …);
                              // none for count and exists, which only filter
};
/// `node` must be an aggregate.
AggregateOperands aggregate_operands(const Program& program, NodeId node);

/// A checked, compiled expression: its root node and its type.
struct Compiled {
    NodeId root = kNoNode;
    Type type;
    NodeId begin = 0, end = 0;  // the expression's nodes are [begin, end)
};

}  // namespace parscore::dsl
