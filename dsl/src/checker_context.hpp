#pragma once
// The state the checker's files share while checking one expression: the program being built,
// the schema and params names resolve against, the enclosing `let`s and aggregates, and the
// helpers every construct uses (node building, type requirements, enum literals).
// Each construct is checked in its own file: check_names.cpp (names, members, let),
// check_operators.cpp (unary, binary, if), check_steps.cpp, check_calls.cpp (built-in
// functions, driven by the table in builtins.cpp) and check_aggregates.cpp.
#include <cstdint>
#include <string>
#include <vector>

#include "builtins.hpp"
#include "parscore/dsl/checker.hpp"

namespace parscore::dsl::checking {

/// A checked sub-expression: its node and type. A sub-expression with an error has the Error
/// type, which is accepted everywhere, so each mistake is reported once.
struct Typed {
    NodeId node = kNoNode;
    Type type;
    bool literal_text = false;  // a string literal (for enum checks)
};

struct LetBinding {
    std::string name;
    Type type;
    std::uint32_t slot = 0;
    NodeId list_node = kNoNode;  // bound to a list literal: the constant node
};

/// "the value of sum": the piece of a type message about a function's value argument.
core::Text value_of(const std::string& function);

struct Context {
    Program& p;
    const core::EvidenceSchema& schema;
    const std::vector<Param>& params;
    core::Diagnostics& diags;
    bool failed = false;
    std::vector<LetBinding> lets;
    std::vector<const core::KindDef*> records;  // innermost aggregate's kind last
    std::uint32_t next_slot = 0;

    // ---- building nodes and shared type checks (checker_context.cpp) ---------------------------
    void error(const char* code, Span span, core::Text message);
    Typed bad();
    NodeId add(Op op, BaseType type, Span span, NodeId a = kNoNode, NodeId b = kNoNode, NodeId c = kNoNode,
               NodeId d = kNoNode);
    NodeId constant(Value v, BaseType type, Span span);
    Typed widen(Typed t);  // an int operand used where a number is needed
    Span span_of(const Typed& t) const { return p.nodes[t.node].span; }
    bool require(const Typed& t, BaseType want, const core::Text& what);
    bool require_numeric(const Typed& t, const core::Text& what);
    bool require_scalar(const Typed& t, const core::Text& what);
    void check_enum_literal(const Typed& value, const Typed& other);
    void check_enum_list(NodeId list_node, const Typed& other, Span span);
    bool unify(Typed& a, Typed& b, Span where, const core::Text& what);

    // ---- dispatch, literals and params (checker.cpp) -------------------------------------------
    Typed check(const Expr& e);
    Typed check_node(const Literal& lit, const Expr& e);
    Typed check_node(const ListLiteral& list, const Expr& e);
    Typed param_constant(const Param& param, Span span);

    // ---- names, members and let (check_names.cpp) ----------------------------------------------
    Typed check_node(const Name& name, const Expr& e);
    Typed check_node(const Member& m, const Expr& e);
    Typed check_node(const Let& l, const Expr& e);
    void unknown_name(const std::string& name, Span span);
    bool valid_let_name(const Let& l);

    // ---- operators (check_operators.cpp) -------------------------------------------------------
    Typed check_node(const Unary& u, const Expr& e);
    Typed check_node(const Binary& b, const Expr& e);
    Typed check_node(const If& i, const Expr& e);
    Typed equality(const Binary& b, const Expr& e, Typed lhs, Typed rhs);
    Typed ordering(const Binary& b, const Expr& e, Typed lhs, Typed rhs);
    Typed membership(const Binary& b, const Expr& e, Typed lhs, Typed rhs);
    NodeId numeric_list(NodeId list);

    // ---- steps (check_steps.cpp) ---------------------------------------------------------------
    Typed check_node(const Steps& s, const Expr& e);
    bool steps_threshold(const StepsArm& arm, const Typed& subject, const Typed& threshold, Arm& out);

    // ---- built-in functions (check_calls.cpp) --------------------------------------------------
    Typed check_node(const Call& c, const Expr& e);
    Typed unknown_function(const Call& c);
    bool arity(const Call& c, const Builtin& fn);
    void reject_where(const Call& c, std::size_t from);
    Typed scalar_call(const Builtin& fn, const Call& c, const Expr& e);
    Typed constant_call(const Builtin& fn, const Call& c, const Expr& e);
    Typed numeric_call(const Builtin& fn, const Call& c, const Expr& e, std::vector<Typed>& args);
    Typed date_literal(const Builtin& fn, const Call& c, const Expr& e);
    Typed round_digits(const Builtin& fn, const Call& c, const Expr& e, Typed x);

    // ---- aggregates and checked (check_aggregates.cpp) -----------------------------------------
    bool first_arg_is_collection(const Call& c);
    const core::KindDef* collection_kind(const Arg& arg, const std::string& fn);
    Typed record_call(const Builtin& fn, const Call& c, const Expr& e);
    Typed aggregate(const Builtin& fn, const Call& c, const Expr& e, NodeId kind, NodeId where, Typed per_record);
};

}  // namespace parscore::dsl::checking
