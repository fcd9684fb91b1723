#include "parscore/dsl/program.hpp"

#include "column_predicates.hpp"

namespace parscore::dsl {

const char* op_name(Op op) {
    switch (op) {
        case Op::Const: return "const";
        case Op::Let: return "let";
        case Op::LetRef: return "name";
        case Op::Field: return "field";
        case Op::Fact: return "fact";
        case Op::UnitId: return "unit.id";
        case Op::UnitName: return "unit.name";
        case Op::UnitCategory: return "unit.category";
        case Op::Year: return "year";
        case Op::ToNumber: return "number";
        case Op::Neg: return "-";
        case Op::Not: return "not";
        case Op::And: return "and";
        case Op::Or: return "or";
        case Op::Add: return "+";
        case Op::Sub: return "-";
        case Op::Mul: return "*";
        case Op::Div: return "/";
        case Op::Eq: return "==";
        case Op::Ne: return "!=";
        case Op::Lt: return "<";
        case Op::Le: return "<=";
        case Op::Gt: return ">";
        case Op::Ge: return ">=";
        case Op::In: return "in";
        case Op::If: return "if";
        case Op::Steps: return "steps";
        case Op::Count: return "count";
        case Op::Exists: return "exists";
        case Op::Checked: return "checked";
        case Op::All: return "all";
        case Op::Share: return "share";
        case Op::Sum: return "sum";
        case Op::Avg: return "avg";
        case Op::MinOf: return "min";
        case Op::MaxOf: return "max";
        case Op::Distinct: return "distinct";
        case Op::Min2: return "min";
        case Op::Max2: return "max";
        case Op::Clamp: return "clamp";
        case Op::Abs: return "abs";
        case Op::Round: return "round";
        case Op::Default: return "default";
        case Op::IsMissing: return "missing";
        case Op::Days: return "days";
    }
    return "?";
}

bool is_aggregate(Op op) {
    switch (op) {
        case Op::Count:
        case Op::Exists:
        case Op::All:
        case Op::Share:
        case Op::Sum:
        case Op::Avg:
        case Op::MinOf:
        case Op::MaxOf:
        case Op::Distinct: return true;
        default: return false;
    }
}

std::vector<NodeId> children_of(const Program& program, NodeId id) {
    const Node& n = program.nodes[id];
    std::vector<NodeId> out;
    auto add = [&out](NodeId c) {
        if (c != kNoNode) out.push_back(c);
    };
    switch (n.op) {
        case Op::Const:
        case Op::LetRef:
        case Op::Field:
        case Op::Fact:
        case Op::UnitId:
        case Op::UnitName:
        case Op::UnitCategory:
        case Op::Year:
        case Op::Checked: break;
        case Op::Round:
        case Op::ToNumber:
        case Op::Neg:
        case Op::Not:
        case Op::Abs:
        case Op::IsMissing:
        case Op::In: add(n.a); break;
        case Op::Let:
            add(n.a);
            add(n.b);
            break;
        case Op::Steps:
            add(n.a);
            for (NodeId i = 0; i < n.c; ++i) add(program.arms[n.b + i].value);
            add(n.d);
            break;
        default:
            if (is_aggregate(n.op)) {
                add(n.b);
                add(n.c);
            } else {
                add(n.a);
                add(n.b);
                add(n.c);
            }
    }
    return out;
}

StepsOperands steps_operands(const Program& program, NodeId id) {
    const Node& n = program.nodes[id];
    std::span<const Arm> arms;
    if (n.c > 0) arms = std::span<const Arm>(program.arms).subspan(n.b, n.c);
    return {n.a, arms, n.d};
}

AggregateOperands aggregate_operands(const Program& program, NodeId id) {
    const Node& n = program.nodes[id];
    return {n.a, n.b, n.c};
}

NodeId Program::add(Node n) {
    // Decided once here, from the operands already added, rather than by every evaluator.
    n.columnar = is_aggregate(n.op) && column_aggregate(*this, n);
    nodes.push_back(std::move(n));
    return static_cast<NodeId>(nodes.size() - 1);
}

}  // namespace parscore::dsl
