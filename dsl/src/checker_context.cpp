// The helpers every construct's checking uses: building nodes, widening ints, type
// requirements with their E104 messages, enum literals (E108) and unifying branch types.
#include <algorithm>

#include "checker_context.hpp"
#include "codes.hpp"
#include "parscore/core/suggest.hpp"

namespace parscore::dsl::checking {

void Context::error(const char* code, Span span, core::Text message) {
    diags.error(code, span, std::move(message));
    failed = true;
}

core::Text value_of(const std::string& function) {
    return core::T_("the value of {function}", {{"function", function}});
}

Typed Context::bad() { return Typed{p.add(Node{Op::Const, BaseType::Error}), Type{}}; }

NodeId Context::add(Op op, BaseType type, Span span, NodeId a, NodeId b, NodeId c, NodeId d) {
    Node n;
    n.op = op;
    n.type = type;
    n.span = span;
    n.a = a;
    n.b = b;
    n.c = c;
    n.d = d;
    return p.add(std::move(n));
}

NodeId Context::constant(Value v, BaseType type, Span span) {
    Node n;
    n.op = Op::Const;
    n.type = type;
    n.span = span;
    n.constant = v;
    return p.add(std::move(n));
}

/// An int operand used where a number is needed.
Typed Context::widen(Typed t) {
    if (!t.type.is(BaseType::Int)) return t;
    const Node& n = p.nodes[t.node];
    if (n.op == Op::Const && !n.constant.is_missing()) {
        auto d = core::Decimal::from_int(n.constant.as_int());
        if (d) return Typed{constant(Value::number(*d), BaseType::Number, n.span), Type::of(BaseType::Number)};
    }
    return Typed{add(Op::ToNumber, BaseType::Number, n.span, t.node), Type::of(BaseType::Number)};
}

bool Context::require(const Typed& t, BaseType want, const core::Text& what) {
    if (t.type.is_error()) return false;
    if (t.type.is(want)) return true;
    error(code::kType, span_of(t),
          core::T_("{what} must be {type}, found {found}",
                   {core::part("what", what), {"type", type_name(Type::of(want))}, {"found", type_name(t.type)}}));
    return false;
}

bool Context::require_numeric(const Typed& t, const core::Text& what) {
    if (t.type.is_error()) return false;
    if (t.type.is_numeric()) return true;
    error(code::kType, span_of(t),
          core::T_("{what} must be int or number, found {found}",
                   {core::part("what", what), {"found", type_name(t.type)}}));
    return false;
}

bool Context::require_scalar(const Typed& t, const core::Text& what) {
    if (t.type.is_error()) return false;
    if (!t.type.list) return true;
    error(code::kType, span_of(t),
          core::T_("{what} cannot be a list (lists are only used after 'in')", {core::part("what", what)}));
    return false;
}

// A string literal compared with an enum must be one of its values.
void Context::check_enum_literal(const Typed& value, const Typed& other) {
    if (!value.literal_text || !other.type.enum_values) return;
    std::string text(p.nodes[value.node].constant.as_text());
    const auto& allowed = *other.type.enum_values;
    if (std::find(allowed.begin(), allowed.end(), text) == allowed.end()) {
        std::string listed;
        for (const auto& v : allowed) listed += (listed.empty() ? "" : ", ") + v;
        error(code::kNotEnumValue, span_of(value),
              core::T_("\"{value}\" is not a value of this enum ({values}){suggestion}",
                       {{"value", text}, {"values", listed}, core::suggestion(text, allowed)}));
    }
}

void Context::check_enum_list(NodeId list_node, const Typed& other, Span span) {
    if (!other.type.enum_values) return;
    const auto& allowed = *other.type.enum_values;
    for (const Value& v : p.nodes[list_node].constant.as_list().items) {
        std::string text(v.as_text());
        if (std::find(allowed.begin(), allowed.end(), text) == allowed.end()) {
            error(code::kNotEnumValue, span,
                  core::T_("\"{value}\" is not a value of this enum{suggestion}",
                           {{"value", text}, core::suggestion(text, allowed)}));
        }
    }
}

/// Unifies two branch types (int and number to number); returns false after an error.
bool Context::unify(Typed& a, Typed& b, Span where, const core::Text& what) {
    if (a.type.is_error() || b.type.is_error()) return false;
    if (a.type.is_numeric() && b.type.is_numeric()) {
        if (a.type.base != b.type.base) {
            a = widen(a);
            b = widen(b);
        }
        return true;
    }
    if (a.type == b.type && !a.type.list) return true;
    error(code::kType, where,
          core::T_("{what} must have one type, found {first} and {second}",
                   {core::part("what", what), {"first", type_name(a.type)}, {"second", type_name(b.type)}}));
    return false;
}

}  // namespace parscore::dsl::checking
