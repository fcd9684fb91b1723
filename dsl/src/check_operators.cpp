// Operators (not, unary minus, and/or, arithmetic, comparisons, `in`) and `if`: operand types,
// int-to-number widening and the E104 messages.
#include "checker_context.hpp"
#include "codes.hpp"

namespace parscore::dsl::checking {

namespace {

core::Text operands_of(BinaryOp op) { return core::T_("the operands of '{operator}'", {{"operator", op_text(op)}}); }

}  // namespace

Typed Context::check_node(const Unary& u, const Expr& e) {
    Typed operand = check(*u.operand);
    if (u.op == UnaryOp::Not) {
        if (!require(operand, BaseType::Bool, core::T_("the operand of 'not'"))) return bad();
        return Typed{add(Op::Not, BaseType::Bool, e.span, operand.node), Type::of(BaseType::Bool)};
    }
    if (!require_numeric(operand, core::T_("the operand of '-'"))) return bad();
    return Typed{add(Op::Neg, operand.type.base, e.span, operand.node), operand.type};
}

Typed Context::check_node(const Binary& b, const Expr& e) {
    Typed lhs = check(*b.lhs);
    Typed rhs = check(*b.rhs);
    const core::Text side = operands_of(b.op);
    switch (b.op) {
        case BinaryOp::And:
        case BinaryOp::Or: {
            bool ok = require(lhs, BaseType::Bool, side);
            ok = require(rhs, BaseType::Bool, side) && ok;
            if (!ok) return bad();
            return Typed{add(b.op == BinaryOp::And ? Op::And : Op::Or, BaseType::Bool, e.span, lhs.node, rhs.node),
                         Type::of(BaseType::Bool)};
        }
        case BinaryOp::Add:
        case BinaryOp::Sub:
        case BinaryOp::Mul:
        case BinaryOp::Div: {
            bool ok = require_numeric(lhs, side);
            ok = require_numeric(rhs, side) && ok;
            if (!ok) return bad();
            bool integer = b.op != BinaryOp::Div && lhs.type.is(BaseType::Int) && rhs.type.is(BaseType::Int);
            if (!integer) {
                lhs = widen(lhs);
                rhs = widen(rhs);
            }
            Op op = b.op == BinaryOp::Add   ? Op::Add
                    : b.op == BinaryOp::Sub ? Op::Sub
                    : b.op == BinaryOp::Mul ? Op::Mul
                                            : Op::Div;
            BaseType t = integer ? BaseType::Int : BaseType::Number;
            return Typed{add(op, t, e.span, lhs.node, rhs.node), Type::of(t)};
        }
        case BinaryOp::Eq:
        case BinaryOp::Ne: return equality(b, e, lhs, rhs);
        case BinaryOp::Lt:
        case BinaryOp::Le:
        case BinaryOp::Gt:
        case BinaryOp::Ge: return ordering(b, e, lhs, rhs);
        case BinaryOp::In: return membership(b, e, lhs, rhs);
    }
    return bad();
}

Typed Context::equality(const Binary& b, const Expr& e, Typed lhs, Typed rhs) {
    if (lhs.type.is_error() || rhs.type.is_error()) return bad();
    bool ok = require_scalar(lhs, core::T_("a compared value"));
    ok = require_scalar(rhs, core::T_("a compared value")) && ok;
    if (!ok) return bad();
    if (!unify(lhs, rhs, b.op_span, operands_of(b.op))) return bad();
    check_enum_literal(lhs, rhs);
    check_enum_literal(rhs, lhs);
    return Typed{add(b.op == BinaryOp::Eq ? Op::Eq : Op::Ne, BaseType::Bool, e.span, lhs.node, rhs.node),
                 Type::of(BaseType::Bool)};
}

Typed Context::ordering(const Binary& b, const Expr& e, Typed lhs, Typed rhs) {
    if (lhs.type.is_error() || rhs.type.is_error()) return bad();
    bool dates = lhs.type.is(BaseType::Date) && rhs.type.is(BaseType::Date);
    if (!dates) {
        if (!(lhs.type.is_numeric() && rhs.type.is_numeric())) {
            error(code::kType, b.op_span,
                  core::T_("{what} must both be int or number, or both dates; found {first} and {second}",
                           {core::part("what", operands_of(b.op)),
                            {"first", type_name(lhs.type)},
                            {"second", type_name(rhs.type)}}));
            return bad();
        }
        if (lhs.type.base != rhs.type.base) {
            lhs = widen(lhs);
            rhs = widen(rhs);
        }
    }
    Op op = b.op == BinaryOp::Lt ? Op::Lt : b.op == BinaryOp::Le ? Op::Le : b.op == BinaryOp::Gt ? Op::Gt : Op::Ge;
    return Typed{add(op, BaseType::Bool, e.span, lhs.node, rhs.node), Type::of(BaseType::Bool)};
}

Typed Context::membership(const Binary& b, const Expr& e, Typed lhs, Typed rhs) {
    if (lhs.type.is_error() || rhs.type.is_error()) return bad();
    if (!require_scalar(lhs, core::T_("the value before 'in'"))) return bad();
    if (!rhs.type.list) {
        error(code::kType, span_of(rhs),
              core::T_("the right side of 'in' must be a list literal such as [\"a\", \"b\"], found {found}",
                       {{"found", type_name(rhs.type)}}));
        return bad();
    }
    BaseType elem = rhs.type.base;
    NodeId list = rhs.node;
    bool numeric = lhs.type.is_numeric() && (elem == BaseType::Int || elem == BaseType::Number);
    if (!numeric && lhs.type.base != elem) {
        error(code::kType, b.op_span,
              core::T_("'in' needs a list of {type}, found {found}",
                       {{"type", type_name(lhs.type)}, {"found", type_name(rhs.type)}}));
        return bad();
    }
    if (numeric && lhs.type.base != elem) {
        if (lhs.type.is(BaseType::Int)) {
            lhs = widen(lhs);
        } else {
            list = numeric_list(list);
        }
    }
    check_enum_list(list, lhs, span_of(rhs));
    Node n;
    n.op = Op::In;
    n.type = BaseType::Bool;
    n.span = e.span;
    n.a = lhs.node;
    n.constant = p.nodes[list].constant;
    return Typed{p.add(std::move(n)), Type::of(BaseType::Bool)};
}

NodeId Context::numeric_list(NodeId list) {
    p.lists.emplace_back();
    ValueList& values = p.lists.back();
    for (const Value& v : p.nodes[list].constant.as_list().items) {
        values.items.push_back(Value::number(*core::Decimal::from_int(v.as_int())));
    }
    return constant(Value::list(&values), BaseType::Number, p.nodes[list].span);
}

Typed Context::check_node(const If& i, const Expr& e) {
    Typed cond = check(*i.cond);
    Typed a = check(*i.then_branch);
    Typed b = check(*i.else_branch);
    bool ok = require(cond, BaseType::Bool, core::T_("the condition of 'if'"));
    ok = require_scalar(a, core::T_("a branch of 'if'")) && ok;
    ok = require_scalar(b, core::T_("a branch of 'if'")) && ok;
    if (!ok || !unify(a, b, e.span, core::T_("both branches of 'if'"))) return bad();
    return Typed{add(Op::If, a.type.base, e.span, cond.node, a.node, b.node), a.type};
}

}  // namespace parscore::dsl::checking
