// A tree-walking evaluator over the compiled node array. Names are already slots and types are
// already settled, so each node is one switch case. Missing follows
// docs/reference/rule-language.md: it propagates through arithmetic, comparisons and functions;
// `and`/`or` are Kleene; aggregates evaluate every record (no early exit) so results never depend
// on record order.
#include "parscore/dsl/evaluator.hpp"

#include <algorithm>
#include <limits>

#include "codes.hpp"
#include "column_predicates.hpp"

namespace parscore::dsl {

namespace {

using core::Decimal;

Value number_or_missing(std::optional<Decimal> d) { return d ? Value::number(*d) : Value::missing(); }

// satisfied ÷ passed (passed > 0) to 9 decimals, half away from zero: exactly what Decimal::div
// gives for the two counts as decimals, in 64-bit arithmetic (the quotient and remainder are
// those of the decimal division divided by 10^9).
Value share_of(std::uint32_t satisfied, std::uint32_t passed) {
    const std::uint64_t scaled = std::uint64_t{satisfied} * static_cast<std::uint64_t>(Decimal::kScale);
    std::uint64_t q = scaled / passed;
    const std::uint64_t r = scaled % passed;
    if (r >= passed - r) ++q;
    return Value::number(Decimal::from_raw(static_cast<core::int128>(q)));
}

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

Value Evaluator::overflow(const Node& n, const char* what) {
    NodeId id = static_cast<NodeId>(&n - program_.nodes.data());
    for (const EvalWarning& w : warnings_) {
        if (w.node == id && w.code == code::kOutOfRange) return Value::missing();
    }
    warnings_.push_back(
        EvalWarning{code::kOutOfRange, id,
                    std::string(what) +
                        " is out of range (|x| must stay below 10^18 and ints within 64 bits); the result is missing"});
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
        return over ? overflow(n, "an int result") : Value::integer(r);
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
    return r ? Value::number(*r) : overflow(n, "a number result");
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

Value Evaluator::eval_columnar(const Node& n, const RecordTable& table) {
    if (table.rows == 0) {  // a kind with no records may have no columns at all
        switch (n.op) {
            case Op::Count: return Value::integer(0);
            case Op::Exists: return Value::boolean(false);
            case Op::All: return Value::boolean(true);
            case Op::Sum: return n.type == BaseType::Int ? Value::integer(0) : Value::number(Decimal{});
            default: return Value::missing();
        }
    }
    const unsigned char* where = n.b == kNoNode ? nullptr : predicate_rows(program_, n.b, table, where_rows_);
    bool missing = false;
    std::uint32_t passed = 0, satisfied = 0;
    if (n.op == Op::Count || n.op == Op::Exists || n.op == Op::All || n.op == Op::Share) {
        const unsigned char* cond = n.c == kNoNode ? nullptr : predicate_rows(program_, n.c, table, cond_rows_);
        // Row outcomes are 0, 1 or 2 (missing): `x & 1` is "true", `x >> 1` is "missing", so the
        // loops have no branches (and vectorise). A missing condition counts only where the
        // filter passed, as record by record.
        const std::uint32_t rows = table.rows;
        unsigned miss = 0;
        if (!where) {
            passed = rows;
            if (cond) {
                for (std::uint32_t r = 0; r < rows; ++r) {
                    satisfied += cond[r] & 1u;
                    miss |= cond[r] >> 1;
                }
            }
        } else if (!cond) {
            for (std::uint32_t r = 0; r < rows; ++r) {
                passed += where[r] & 1u;
                miss |= where[r] >> 1;
            }
        } else {
            for (std::uint32_t r = 0; r < rows; ++r) {
                const unsigned pass = where[r] & 1u;
                passed += pass;
                satisfied += pass & cond[r];  // 1 & 2 is 0: a missing condition is not counted
                miss |= (where[r] >> 1) | (pass & (cond[r] >> 1u));
            }
        }
        if (miss) return Value::missing();
        switch (n.op) {
            case Op::Count: return Value::integer(passed);
            case Op::Exists: return Value::boolean(passed > 0);
            case Op::All: return Value::boolean(satisfied == passed);
            default:
                if (passed == 0) return Value::missing();
                return share_of(satisfied, passed);
        }
    }
    // sum, avg, min, max of an int or number field.
    const core::Column& column = table.columns[program_.nodes[n.c].a];
    const unsigned char* present = column.flags();
    bool ints = column.type() == core::Column::Type::Int;
    core::int128 sum = 0, best = 0;
    bool have_best = false, overflowed = false;
    for (std::uint32_t r = 0; r < table.rows; ++r) {
        if (where) {
            if (where[r] == kRowMissing) {
                missing = true;
                continue;
            }
            if (!where[r]) continue;
        }
        if (!present[r]) {
            missing = true;
            continue;
        }
        ++passed;
        core::int128 v = ints ? static_cast<core::int128>(column.ints()[r]) : column.numbers()[r];
        sum += v;
        if (ints ? (sum > std::numeric_limits<std::int64_t>::max() || sum < std::numeric_limits<std::int64_t>::min())
                 : !Decimal::raw_in_range(sum)) {
            overflowed = true;
        }
        if (!have_best || (n.op == Op::MinOf ? v < best : v > best)) best = v;
        have_best = true;
    }
    if (missing) return Value::missing();
    auto make = [&](core::int128 v) {
        return ints ? Value::integer(static_cast<std::int64_t>(v)) : Value::number(Decimal::from_raw(v));
    };
    switch (n.op) {
        case Op::Sum: return overflowed ? overflow(n, "a sum") : make(sum);
        case Op::Avg: {
            if (passed == 0) return Value::missing();
            if (overflowed) return overflow(n, "a sum");
            core::int128 raw = ints ? sum * Decimal::kScale : sum;
            return number_or_missing(Decimal::div(Decimal::from_raw(raw), *Decimal::from_int(passed)));
        }
        default: return have_best ? make(best) : Value::missing();
    }
}

Value Evaluator::eval_aggregate(const Node& n) {
    // Absence of evidence is not evidence of absence: over a kind no counted inspection listed,
    // every aggregate is missing — on both paths below — unless the kind says `unchecked: none`.
    if (n.missing_unchecked && !input_->evidence->checked[n.a]) return Value::missing();
    NodeId id = static_cast<NodeId>(&n - program_.nodes.data());
    const RecordTable& table = input_->evidence->tables[n.a];
    if (n.columnar && columnar_enabled_ && !trace_) return eval_columnar(n, table);
    const RecordTable* saved_table = table_;
    std::uint32_t saved_row = row_;
    table_ = &table;

    bool missing = false;
    std::uint32_t passed = 0, satisfied = 0;
    std::int64_t int_sum = 0;
    Decimal sum;
    bool sum_overflow = false;
    Value best = Value::missing();
    std::vector<Value> seen;

    for (std::uint32_t r = 0; r < table.rows; ++r) {
        row_ = r;
        if (n.b != kNoNode) {
            Value w = eval(n.b);
            if (trace_ && n.c == kNoNode) trace_->records.push_back({id, n.a, r, w});
            if (w.is_missing()) {
                missing = true;
                continue;
            }
            if (!w.as_bool()) continue;
        } else if (trace_ && n.c == kNoNode) {
            trace_->records.push_back({id, n.a, r, Value::boolean(true)});
        }
        ++passed;
        if (n.c == kNoNode) continue;
        Value v = eval(n.c);
        if (trace_) trace_->records.push_back({id, n.a, r, v});
        if (v.is_missing()) {
            missing = true;
            continue;
        }
        switch (n.op) {
            case Op::All:
            case Op::Share: satisfied += v.as_bool() ? 1 : 0; break;
            case Op::Sum:
            case Op::Avg:
                if (n.op == Op::Sum && n.type == BaseType::Int) {
                    sum_overflow = sum_overflow || __builtin_add_overflow(int_sum, v.as_int(), &int_sum);
                } else if (auto s = Decimal::add(sum, v.as_number())) {
                    sum = *s;
                } else {
                    sum_overflow = true;
                }
                break;
            case Op::MinOf:
                if (best.is_missing() || core::compare_values(v, best) < 0) best = v;
                break;
            case Op::MaxOf:
                if (best.is_missing() || core::compare_values(v, best) > 0) best = v;
                break;
            case Op::Distinct: seen.push_back(v); break;
            default: break;
        }
    }
    table_ = saved_table;
    row_ = saved_row;

    if (missing) return Value::missing();
    switch (n.op) {
        case Op::Count: return Value::integer(passed);
        case Op::Exists: return Value::boolean(passed > 0);
        case Op::All: return Value::boolean(satisfied == passed);
        case Op::Share:
            if (passed == 0) return Value::missing();
            return number_or_missing(Decimal::div(*Decimal::from_int(satisfied), *Decimal::from_int(passed)));
        case Op::Sum:
            if (sum_overflow) return overflow(n, "a sum");
            return n.type == BaseType::Int ? Value::integer(int_sum) : Value::number(sum);
        case Op::Avg:
            if (passed == 0) return Value::missing();
            if (sum_overflow) return overflow(n, "a sum");
            return number_or_missing(Decimal::div(sum, *Decimal::from_int(passed)));
        case Op::MinOf:
        case Op::MaxOf: return best;
        case Op::Distinct: {
            std::sort(seen.begin(), seen.end(),
                      [](const Value& a, const Value& b) { return core::compare_values(a, b) < 0; });
            auto last = std::unique(seen.begin(), seen.end(),
                                    [](const Value& a, const Value& b) { return core::compare_values(a, b) == 0; });
            return Value::integer(last - seen.begin());
        }
        default: return Value::missing();
    }
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
            return d ? Value::number(*d) : overflow(n, "an int used as a number");
        }
        case Op::Neg: {
            Value x = eval(n.a);
            if (x.is_missing()) return x;
            if (n.type == BaseType::Int) {
                if (x.as_int() == std::numeric_limits<std::int64_t>::min()) return overflow(n, "an int result");
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
                    warnings_.push_back(EvalWarning{code::kClampReversed, id,
                                                    "clamp() with lo " + lo.to_string() + " above hi " +
                                                        hi.to_string() + "; the result is missing"});
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
                if (x.as_int() == std::numeric_limits<std::int64_t>::min()) return overflow(n, "an int result");
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
