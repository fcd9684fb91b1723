#pragma once
// Evaluation of compiled expressions for one unit, with the missing semantics of
// docs/reference/rule-language.md.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/core/evidence.hpp"
#include "parscore/core/text.hpp"
#include "parscore/dsl/program.hpp"

namespace parscore::dsl {

using core::RecordTable;
using core::UnitEvidence;

struct UnitInfo {
    std::string_view id, name, category;
};

struct EvalInput {
    const UnitInfo* unit = nullptr;
    std::int64_t year = 0;
    const UnitEvidence* evidence = nullptr;
};

/// A runtime warning (W3xx): out-of-range numbers, int overflow, clamp with lo > hi.
struct EvalWarning {
    std::string code;
    NodeId node = kNoNode;
    std::string message;  // in English
    core::Text text{};    // the same, translatable
};

/// A traced `steps` that matched no arm took its `else`; one whose subject was missing took none.
inline constexpr int kElseArm = -1;
inline constexpr int kMissingSubject = -2;

/// What an evaluation did, for explanations and rule-test coverage. Filled only when a Trace is
/// attached; values of text point into the evidence.
struct Trace {
    struct StepsHit {
        NodeId node;
        Value subject;
        int arm;  // index of the arm that matched (steps_operands), kElseArm or kMissingSubject
    };
    struct NodeValue {
        NodeId node;
        Value value;
    };
    /// A record an aggregate looked at: `passed` is the condition's (or the filter's) outcome.
    struct RecordHit {
        NodeId node;
        std::uint32_t kind;
        std::uint32_t row;
        Value outcome;
    };
    std::vector<StepsHit> steps;
    std::vector<NodeValue> values;  // aggregates, facts and calls, in evaluation order
    std::vector<RecordHit> records;
    void clear() {
        steps.clear();
        values.clear();
        records.clear();
    }
};

class Evaluator {
public:
    explicit Evaluator(const Program& program);

    /// Evaluates one compiled expression. Warnings accumulate until cleared.
    Value evaluate(NodeId root, const EvalInput& input);

    /// The subject of the first `steps` evaluated by the last evaluate() call (`measure` in
    /// docs/reference/outputs.md).
    const std::optional<Value>& first_steps_subject() const { return first_steps_subject_; }

    std::vector<EvalWarning>& warnings() { return warnings_; }
    void set_trace(Trace* trace) { trace_ = trace; }
    /// Off: every aggregate evaluates its nodes record by record, as with a trace attached. The
    /// results are the same either way; tests and benchmarks compare the two paths.
    void set_columnar(bool on) { columnar_enabled_ = on; }

private:
    Value eval(NodeId id);
    Value eval_aggregate(const Node& n);
    Value eval_columnar(const Node& n, const RecordTable& table);
    Value eval_steps(NodeId id, const Node& n);
    Value arithmetic(const Node& n, const Value& a, const Value& b);
    Value overflow(const Node& n, const core::Text& what);
    bool holds(ArmOp op, const Value& x, const Value& t) const;

    const Program& program_;
    const EvalInput* input_ = nullptr;
    std::vector<Value> slots_;
    const RecordTable* table_ = nullptr;  // innermost aggregate's records
    std::uint32_t row_ = 0;
    std::optional<Value> first_steps_subject_;
    std::vector<EvalWarning> warnings_;
    Trace* trace_ = nullptr;
    bool columnar_enabled_ = true;
    std::vector<unsigned char> where_rows_, cond_rows_;  // scratch for column-wise predicates
};

}  // namespace parscore::dsl
