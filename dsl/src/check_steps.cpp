// `steps`: constant thresholds folded at check time (E109), arm and else values of one type,
// and W201 for arms earlier arms always take first.
#include "checker_context.hpp"
#include "codes.hpp"
#include "constant.hpp"
#include "unreachable_arms.hpp"

namespace parscore::dsl::checking {

Typed Context::check_node(const Steps& s, const Expr& e) {
    Typed subject = check(*s.subject);
    bool ok = !subject.type.is_error() && require_scalar(subject, core::T_("the value of 'steps'"));
    std::vector<Typed> values;
    std::vector<Arm> arms;
    for (const StepsArm& arm : s.arms) {
        Typed threshold = check(*arm.threshold);
        values.push_back(check(*arm.value));
        if (!ok || threshold.type.is_error()) {
            ok = false;
            continue;
        }
        Arm compiled;
        compiled.op = arm.op;
        compiled.span = arm.span;
        if (!steps_threshold(arm, subject, threshold, compiled)) {
            ok = false;
            continue;
        }
        arms.push_back(compiled);
    }
    Typed otherwise = check(*s.otherwise);
    // All arm values and the else value share one type.
    Typed common = otherwise;
    for (Typed& v : values) {
        if (v.type.is_error() || common.type.is_error()) {
            ok = false;
            continue;
        }
        if (!require_scalar(v, core::T_("a steps value"))) {
            ok = false;
            continue;
        }
        if (v.type.is_numeric() && common.type.is_numeric()) {
            if (v.type.base != common.type.base) common.type = Type::of(BaseType::Number);
        } else if (!(v.type == common.type)) {
            error(code::kType, span_of(v),
                  core::T_("steps values must have one type, found {first} and {second}",
                           {{"first", type_name(v.type)}, {"second", type_name(common.type)}}));
            ok = false;
        }
    }
    if (!ok || otherwise.type.is_error() || !require_scalar(otherwise, core::T_("the else value"))) return bad();
    if (common.type.is(BaseType::Number)) {
        for (Typed& v : values) v = widen(v);
        otherwise = widen(otherwise);
    }
    for (std::size_t i = 0; i < arms.size(); ++i) arms[i].value = values[i].node;
    warn_unreachable_arms(arms, diags);
    auto first = static_cast<NodeId>(p.arms.size());
    for (Arm& a : arms) p.arms.push_back(a);
    return Typed{add(Op::Steps, common.type.base, e.span, subject.node, first, static_cast<NodeId>(arms.size()),
                     otherwise.node),
                 common.type};
}

bool Context::steps_threshold(const StepsArm& arm, const Typed& subject, const Typed& threshold, Arm& out) {
    if (!is_constant(p, threshold.node)) {
        error(code::kNotConstant, span_of(threshold),
              core::T_("a steps threshold must be a constant (literals, params and arithmetic on them)"));
        return false;
    }
    bool ordering = arm.op != ArmOp::Eq;
    if (ordering && !(subject.type.is(BaseType::Date) && threshold.type.is(BaseType::Date)) &&
        !(subject.type.is_numeric() && threshold.type.is_numeric())) {
        error(code::kType, span_of(threshold),
              core::T_("'{operator}' compares int or number values, or dates; found {first} and {second}",
                       {{"operator", op_text(arm.op)},
                        {"first", type_name(subject.type)},
                        {"second", type_name(threshold.type)}}));
        return false;
    }
    if (!ordering && !(subject.type.is_numeric() && threshold.type.is_numeric()) && !(subject.type == threshold.type)) {
        error(code::kType, span_of(threshold),
              core::T_("'==' needs a threshold of type {type}, found {found}",
                       {{"type", type_name(subject.type)}, {"found", type_name(threshold.type)}}));
        return false;
    }
    if (!ordering) check_enum_literal(threshold, subject);
    Value t = evaluate_constant(p, threshold.node);
    if (t.is_missing()) {
        error(code::kNotConstant, span_of(threshold),
              core::T_("this steps threshold is missing (division by zero or out of range)"));
        return false;
    }
    out.threshold = t;  // an int threshold and a number subject compare by value
    return true;
}

}  // namespace parscore::dsl::checking
