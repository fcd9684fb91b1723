// Aggregates (count, exists, all, sum, share, mean, min, max...) over a kind's records: the
// column-wise path over a RecordTable and the record-by-record path. Every record is evaluated
// (no early exit), so results never depend on record order (docs/reference/rule-language.md).
#include <algorithm>
#include <limits>

#include "column_predicates.hpp"
#include "parscore/dsl/evaluator.hpp"

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

}  // namespace

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
        case Op::Sum: return overflowed ? overflow(n, core::T_("a sum")) : make(sum);
        case Op::Avg: {
            if (passed == 0) return Value::missing();
            if (overflowed) return overflow(n, core::T_("a sum"));
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
            if (sum_overflow) return overflow(n, core::T_("a sum"));
            return n.type == BaseType::Int ? Value::integer(int_sum) : Value::number(sum);
        case Op::Avg:
            if (passed == 0) return Value::missing();
            if (sum_overflow) return overflow(n, core::T_("a sum"));
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

}  // namespace parscore::dsl
