#include "constant.hpp"

#include "parscore/dsl/evaluator.hpp"

namespace parscore::dsl {

bool is_constant(const Program& program, NodeId node) {
    if (node == kNoNode) return true;
    const Node& n = program.nodes[node];
    switch (n.op) {
        case Op::Const:
        case Op::ToNumber:
        case Op::Neg:
        case Op::Add:
        case Op::Sub:
        case Op::Mul:
        case Op::Div:
        case Op::Min2:
        case Op::Max2:
        case Op::Clamp:
        case Op::Abs: return is_constant(program, n.a) && is_constant(program, n.b) && is_constant(program, n.c);
        case Op::Round: return is_constant(program, n.a);  // b is the digit count, not a node
        default: return false;
    }
}

Value evaluate_constant(const Program& program, NodeId node) {
    Evaluator evaluator(program);
    EvalInput none;
    return evaluator.evaluate(node, none);
}

}  // namespace parscore::dsl
