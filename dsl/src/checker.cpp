// Name resolution, type checking and compilation into Program nodes, in one pass over the AST.
// A sub-expression with an error gets the Error type, which is accepted everywhere, so each
// mistake is reported once and the rest of the expression is still checked. This file holds the
// entry point, the dispatch by construct and the literals; checker_context.hpp lists the rest.
#include "parscore/dsl/checker.hpp"

#include "checker_context.hpp"
#include "codes.hpp"

namespace parscore::dsl {

namespace checking {

Typed Context::check(const Expr& e) {
    return std::visit([&](const auto& node) { return check_node(node, e); }, e.node);
}

Typed Context::check_node(const Literal& lit, const Expr& e) {
    struct V {
        Context& self;
        const Expr& e;
        Typed operator()(bool b) {
            return {self.constant(Value::boolean(b), BaseType::Bool, e.span), Type::of(BaseType::Bool)};
        }
        Typed operator()(std::int64_t i) {
            return {self.constant(Value::integer(i), BaseType::Int, e.span), Type::of(BaseType::Int)};
        }
        Typed operator()(const core::Decimal& d) {
            return {self.constant(Value::number(d), BaseType::Number, e.span), Type::of(BaseType::Number)};
        }
        Typed operator()(const std::string& s) {
            return {self.constant(Value::text(self.p.intern(s)), BaseType::Text, e.span), Type::of(BaseType::Text),
                    true};
        }
        Typed operator()(const core::Date& d) {
            return {self.constant(Value::date(d), BaseType::Date, e.span), Type::of(BaseType::Date)};
        }
    };
    return std::visit(V{*this, e}, lit.value);
}

Typed Context::check_node(const ListLiteral& list, const Expr& e) {
    // Items share one type; ints and numbers together make a list of numbers.
    std::vector<Typed> items;
    for (const Expr& item : list.items) items.push_back(check(item));
    BaseType elem = items.front().type.base;
    for (const Typed& t : items) {
        if (t.type.base == elem) continue;
        if (t.type.is_numeric() && (elem == BaseType::Int || elem == BaseType::Number)) {
            elem = BaseType::Number;
            continue;
        }
        error(code::kType, span_of(t),
              core::T_("list values must have one type, found {first} and {second}",
                       {{"first", type_name(items.front().type)}, {"second", type_name(t.type)}}));
        return bad();
    }
    p.lists.emplace_back();
    ValueList& values = p.lists.back();
    for (const Typed& t : items) {
        Value v = p.nodes[t.node].constant;
        if (elem == BaseType::Number && v.tag() == Value::Tag::Int)
            v = Value::number(*core::Decimal::from_int(v.as_int()));
        values.items.push_back(v);
    }
    return Typed{constant(Value::list(&values), elem, e.span), Type::list_of(elem)};
}

Typed Context::param_constant(const Param& param, Span span) {
    struct V {
        Context& self;
        Span span;
        Typed operator()(bool b) {
            return {self.constant(Value::boolean(b), BaseType::Bool, span), Type::of(BaseType::Bool)};
        }
        Typed operator()(std::int64_t i) {
            return {self.constant(Value::integer(i), BaseType::Int, span), Type::of(BaseType::Int)};
        }
        Typed operator()(const core::Decimal& d) {
            return {self.constant(Value::number(d), BaseType::Number, span), Type::of(BaseType::Number)};
        }
        Typed operator()(const std::string& s) {
            return {self.constant(Value::text(self.p.intern(s)), BaseType::Text, span), Type::of(BaseType::Text), true};
        }
    };
    return std::visit(V{*this, span}, param.value);
}

}  // namespace checking

Checker::Checker(Program& program, const core::EvidenceSchema& schema, const std::vector<Param>& params)
    : program_(program), schema_(schema), params_(params) {}

std::optional<Compiled> Checker::compile(const Expr& expr, core::Diagnostics& diags) {
    checking::Context context{program_, schema_, params_, diags, false, {}, {}, 0};
    auto begin = static_cast<NodeId>(program_.nodes.size());
    checking::Typed t = context.check(expr);
    if (context.failed || t.type.is_error()) return std::nullopt;
    Compiled c;
    c.root = t.node;
    c.type = t.type;
    c.begin = begin;
    c.end = static_cast<NodeId>(program_.nodes.size());
    return c;
}

}  // namespace parscore::dsl
