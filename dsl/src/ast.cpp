#include "parscore/dsl/ast.hpp"

#include "parscore/dsl/types.hpp"

namespace parscore::dsl {

const char* op_text(BinaryOp op) {
    switch (op) {
        case BinaryOp::Or: return "or";
        case BinaryOp::And: return "and";
        case BinaryOp::Eq: return "==";
        case BinaryOp::Ne: return "!=";
        case BinaryOp::Lt: return "<";
        case BinaryOp::Le: return "<=";
        case BinaryOp::Gt: return ">";
        case BinaryOp::Ge: return ">=";
        case BinaryOp::In: return "in";
        case BinaryOp::Add: return "+";
        case BinaryOp::Sub: return "-";
        case BinaryOp::Mul: return "*";
        case BinaryOp::Div: return "/";
    }
    return "?";
}

const char* op_text(ArmOp op) {
    switch (op) {
        case ArmOp::Ge: return ">=";
        case ArmOp::Gt: return ">";
        case ArmOp::Le: return "<=";
        case ArmOp::Lt: return "<";
        case ArmOp::Eq: return "==";
    }
    return "?";
}

std::string type_name(const Type& t) {
    const char* base = "?";
    switch (t.base) {
        case BaseType::Bool: base = "bool"; break;
        case BaseType::Int: base = "int"; break;
        case BaseType::Number: base = "number"; break;
        case BaseType::Text: base = "text"; break;
        case BaseType::Date: base = "date"; break;
        case BaseType::Error: base = "unknown"; break;
    }
    return t.list ? std::string("list of ") + base : std::string(base);
}

namespace {

std::string literal_text(const Literal& l) {
    struct V {
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(const core::Decimal& d) const { return d.to_string() + "n"; }
        std::string operator()(const std::string& s) const { return "\"" + s + "\""; }
        std::string operator()(const core::Date& d) const { return "date(" + core::format_date(d) + ")"; }
    };
    return std::visit(V{}, l.value);
}

struct Printer {
    std::string operator()(const Literal& l) const { return literal_text(l); }
    std::string operator()(const ListLiteral& l) const {
        std::string s = "(list";
        for (const auto& i : l.items) s += " " + to_sexpr(i);
        return s + ")";
    }
    std::string operator()(const Name& n) const { return n.name; }
    std::string operator()(const Member& m) const { return "(. " + to_sexpr(*m.object) + " " + m.member + ")"; }
    std::string operator()(const Unary& u) const {
        return std::string("(") + (u.op == UnaryOp::Neg ? "neg" : "not") + " " + to_sexpr(*u.operand) + ")";
    }
    std::string operator()(const Binary& b) const {
        return std::string("(") + op_text(b.op) + " " + to_sexpr(*b.lhs) + " " + to_sexpr(*b.rhs) + ")";
    }
    std::string operator()(const If& i) const {
        return "(if " + to_sexpr(*i.cond) + " " + to_sexpr(*i.then_branch) + " " + to_sexpr(*i.else_branch) + ")";
    }
    std::string operator()(const Let& l) const {
        return "(let " + l.name + " " + to_sexpr(*l.value) + " " + to_sexpr(*l.body) + ")";
    }
    std::string operator()(const Steps& s) const {
        std::string out = "(steps " + to_sexpr(*s.subject);
        for (const auto& a : s.arms) {
            out += std::string(" (") + op_text(a.op) + " " + to_sexpr(*a.threshold) + " " + to_sexpr(*a.value) + ")";
        }
        return out + " (else " + to_sexpr(*s.otherwise) + "))";
    }
    std::string operator()(const Call& c) const {
        std::string out = "(" + c.name;
        for (const auto& a : c.args) {
            out += " " + (a.where ? "(where " + to_sexpr(*a.expr) + " " + to_sexpr(*a.where) + ")" : to_sexpr(*a.expr));
        }
        return out + ")";
    }
};

}  // namespace

std::string to_sexpr(const Expr& e) { return std::visit(Printer{}, e.node); }

}  // namespace parscore::dsl
