// A tree-walking evaluator over the compiled node array. Names are already slots and types are
// already settled, so each node is one switch case. Missing follows
// docs/reference/rule-language.md: it propagates through arithmetic, comparisons and functions;
// `and`/`or` are Kleene; aggregates evaluate every record (no early exit) so results never depend
// on record order.
#include "parscore/dsl/evaluator.hpp"

#include <algorithm>
#include <limits>

#include "codes.hpp"

namespace parscore::dsl {

namespace {

using core::Decimal;

/// The nodes whose values a trace records — what `explain` shows as the parts that decided a
/// value: evidence reads (facts, `checked`, aggregates) and function calls.
bool is_traced(Op op) {
    switch (op) {
        case Op::Fact:
        case Op::Checked:
        case Op::Min2:
        case Op::Max2:
        case Op::Clamp:
        case Op::Abs:
        case Op::Round:
        case Op::Default:
        case Op::IsMissing:
        case Op::Days: return true;
        default: return is_aggregate(op);
    }
}

}  // namespace

Evaluator::Evaluator(const Program& program) : program_(program), slots_(program.slot_count) {}

Value Evaluator::evaluate(NodeId root, const EvalInput& input) {
    input_ = &input;
    table_ = nullptr;
    row_ = 0;
    first_steps_subject_.reset();
    if (slots_.size() < program_.slot_count) slots_.resize(program_.slot_count);
    return eval(root);
}

Value Evaluator::overflow(const Node& n, const core::Text& what) {
    NodeId id = static_cast<NodeId>(&n - program_.nodes.data());
    for (const EvalWarning& w : warnings_) {
        if (w.node == id && w.code == code::kOutOfRange) return Value::missing();
    }
    core::Text text =
        core::T_("{what} is out of range (|x| must stay below 10^18 and ints within 64 bits); the result is missing",
                 {core::part("what", what)});
    warnings_.push_back(EvalWarning{code::kOutOfRange, id, text.english(), std::move(text)});
    return Value::missing();
}

Value Evaluator::arithmetic(const Node& n, const Value& a, const Value& b) {
    if (n.type == BaseType::Int) {
        std::int64_t x = a.as_int(), y = b.as_int(), r = 0;
        bool over = false;
        switch (n.op) {
            case Op::Add: over = __builtin_add_overflow(x, y, &r); break;
            case Op::Sub: over = __builtin_sub_overflow(x, y, &r); break;
            case Op::Mul: over = __builtin_mul_overflow(x, y, &r); break;
            default: break;
        }
        return over ? overflow(n, core::T_("an int result")) : Value::integer(r);
    }
    Decimal x = a.as_number(), y = b.as_number();
    std::optional<Decimal> r;
    switch (n.op) {
        case Op::Add: r = Decimal::add(x, y); break;
        case Op::Sub: r = Decimal::sub(x, y); break;
        case Op::Mul: r = Decimal::mul(x, y); break;
        case Op::Div:
            if (y.is_zero()) return Value::missing();  // division by zero is missing, not a warning
            r = Decimal::div(x, y);
            break;
        default: break;
    }
    return r ? Value::number(*r) : overflow(n, core::T_("a number result"));
}

bool Evaluator::holds(ArmOp op, const Value& x, const Value& t) const {
    int c = core::compare_values(x, t);
    switch (op) {
        case ArmOp::Ge: return c >= 0;
        case ArmOp::Gt: return c > 0;
        case ArmOp::Le: return c <= 0;
        case ArmOp::Lt: return c < 0;
        case ArmOp::Eq: return c == 0;
    }
    return false;
}

Value Evaluator::eval_steps(NodeId id, const Node& n) {
    Value x = eval(n.a);
    if (!first_steps_subject_) first_steps_subject_ = x;
    if (x.is_missing()) {
        if (trace_) trace_->steps.push_back({id, x, kMissingSubject});
        return x;
    }
    for (NodeId i = 0; i < n.c; ++i) {
        const Arm& arm = program_.arms[n.b + i];
        if (holds(arm.op, x, arm.threshold)) {
            if (trace_) trace_->steps.push_back({id, x, static_cast<int>(i)});
            return eval(arm.value);
        }
    }
    if (trace_) trace_->steps.push_back({id, x, kElseArm});
    return eval(n.d);
}

Value Evaluator::eval(NodeId id) {
    const Node& n = program_.nodes[id];
    Value v;
    switch (n.op) {
        case Op::Const: return n.constant;
        case Op::Let: slots_[n.c] = eval(n.a); return eval(n.b);
        case Op::LetRef: return slots_[n.c];
        case Op::Field: return table_->columns[n.a].get(row_);
        case Op::Fact: v = input_->evidence->facts[n.a]; break;
        case Op::UnitId: return Value::text(input_->unit->id);
        case Op::UnitName: return Value::text(input_->unit->name);
        case Op::UnitCategory: return Value::text(input_->unit->category);
        case Op::Year: return Value::integer(input_->year);
        case Op::ToNumber: {
            Value x = eval(n.a);
            if (x.is_missing()) return x;
            auto d = Decimal::from_int(x.as_int());
            return d ? Value::number(*d) : overflow(n, core::T_("an int used as a number"));
        }
        case Op::Neg: {
            Value x = eval(n.a);
            if (x.is_missing()) return x;
            if (n.type == BaseType::Int) {
                if (x.as_int() == std::numeric_limits<std::int64_t>::min())
                    return overflow(n, core::T_("an int result"));
                return Value::integer(-x.as_int());
            }
            return Value::number(x.as_number().negate());
        }
        case Op::Not: {
            Value x = eval(n.a);
            return x.is_missing() ? x : Value::boolean(!x.as_bool());
        }
        case Op::And: {
            Value l = eval(n.a);
            if (!l.is_missing() && !l.as_bool()) return l;
            Value r = eval(n.b);
            if (!r.is_missing() && !r.as_bool()) return r;
            return l.is_missing() ? l : r;
        }
        case Op::Or: {
            Value l = eval(n.a);
            if (!l.is_missing() && l.as_bool()) return l;
            Value r = eval(n.b);
            if (!r.is_missing() && r.as_bool()) return r;
            return l.is_missing() ? l : r;
        }
        case Op::Add:
        case Op::Sub:
        case Op::Mul:
        case Op::Div: {
            Value l = eval(n.a), r = eval(n.b);
            if (l.is_missing() || r.is_missing()) return Value::missing();
            return arithmetic(n, l, r);
        }
        case Op::Eq:
        case Op::Ne:
        case Op::Lt:
        case Op::Le:
        case Op::Gt:
        case Op::Ge: {
            Value l = eval(n.a), r = eval(n.b);
            if (l.is_missing() || r.is_missing()) return Value::missing();
            int c = core::compare_values(l, r);
            bool result = n.op == Op::Eq   ? c == 0
                          : n.op == Op::Ne ? c != 0
                          : n.op == Op::Lt ? c < 0
                          : n.op == Op::Le ? c <= 0
                          : n.op == Op::Gt ? c > 0
                                           : c >= 0;
            return Value::boolean(result);
        }
        case Op::In: {
            Value x = eval(n.a);
            if (x.is_missing()) return x;
            for (const Value& item : n.constant.as_list().items) {
                if (core::compare_values(x, item) == 0) return Value::boolean(true);
            }
            return Value::boolean(false);
        }
        case Op::If: {
            Value c = eval(n.a);
            if (c.is_missing()) return c;
            return eval(c.as_bool() ? n.b : n.c);
        }
        case Op::Steps: return eval_steps(id, n);
        case Op::Checked: v = Value::boolean(input_->evidence->checked[n.a] != 0); break;
        case Op::Count:
        case Op::Exists:
        case Op::All:
        case Op::Share:
        case Op::Sum:
        case Op::Avg:
        case Op::MinOf:
        case Op::MaxOf:
        case Op::Distinct: v = eval_aggregate(n); break;
        case Op::Min2:
        case Op::Max2: {
            Value a = eval(n.a), b = eval(n.b);
            if (a.is_missing() || b.is_missing()) {
                v = Value::missing();
                break;
            }
            int c = core::compare_values(a, b);
            v = (n.op == Op::Min2) == (c <= 0) ? a : b;
            break;
        }
        case Op::Clamp: {
            Value x = eval(n.a), lo = eval(n.b), hi = eval(n.c);
            if (x.is_missing() || lo.is_missing() || hi.is_missing()) {
                v = Value::missing();
            } else if (core::compare_values(lo, hi) > 0) {
                if (std::none_of(warnings_.begin(), warnings_.end(),
                                 [&](const EvalWarning& w) { return w.node == id; })) {
                    core::Text text = core::T_("clamp() with lo {lo} above hi {hi}; the result is missing",
                                               {{"lo", lo.to_string()}, {"hi", hi.to_string()}});
                    warnings_.push_back(EvalWarning{code::kClampReversed, id, text.english(), std::move(text)});
                }
                v = Value::missing();
            } else {
                v = core::compare_values(x, lo) < 0 ? lo : core::compare_values(x, hi) > 0 ? hi : x;
            }
            break;
        }
        case Op::Abs: {
            Value x = eval(n.a);
            if (x.is_missing()) {
                v = x;
            } else if (n.type == BaseType::Int) {
                if (x.as_int() == std::numeric_limits<std::int64_t>::min())
                    return overflow(n, core::T_("an int result"));
                v = Value::integer(x.as_int() < 0 ? -x.as_int() : x.as_int());
            } else {
                v = Value::number(x.as_number().abs());
            }
            break;
        }
        case Op::Round: {
            Value x = eval(n.a);
            v = x.is_missing() ? x : Value::number(x.as_number().round(static_cast<int>(n.b)));
            break;
        }
        case Op::Default: {
            Value x = eval(n.a);
            v = x.is_missing() ? eval(n.b) : x;
            break;
        }
        case Op::IsMissing: v = Value::boolean(eval(n.a).is_missing()); break;
        case Op::Days: {
            Value a = eval(n.a), b = eval(n.b);
            v = a.is_missing() || b.is_missing() ? Value::missing() : Value::integer(b.as_int() - a.as_int());
            break;
        }
    }
    if (trace_ && is_traced(n.op)) {
        trace_->values.push_back({id, v});
    }
    return v;
}

}  // namespace parscore::dsl
