// Calls of built-in functions. The declarations in builtins.cpp decide everything that differs
// between functions: which overload applies, what each argument position accepts, the opcode and
// the type rule. Record-kind calls continue in check_aggregates.cpp.
#include <algorithm>

#include "checker_context.hpp"
#include "codes.hpp"
#include "parscore/core/suggest.hpp"

namespace parscore::dsl::checking {

namespace {

bool takes_records(const Builtin& fn) { return fn.shapes[0] == ArgShape::Records || fn.shapes[0] == ArgShape::Kind; }

bool takes_constant(const Builtin& fn) {
    auto used = std::span(fn.shapes).first(fn.arity);
    return std::find(used.begin(), used.end(), ArgShape::Constant) != used.end();
}

/// min and max have a form over a record kind and a form over two values: the first argument
/// decides which one is meant.
const Builtin& choose(std::span<const Builtin> overloads, bool records_first) {
    for (const Builtin& fn : overloads) {
        if (takes_records(fn) == records_first) return fn;
    }
    return overloads.front();
}

core::Text arguments_of(const std::string& function) {
    return core::T_("the arguments of {function}", {{"function", function}});
}

}  // namespace

Typed Context::check_node(const Call& c, const Expr& e) {
    std::span<const Builtin> overloads = find_builtins(c.name);
    const Builtin* fn = nullptr;
    if (overloads.size() == 1) fn = &overloads.front();
    if (overloads.size() > 1) fn = &choose(overloads, first_arg_is_collection(c));
    if (fn && takes_records(*fn)) return record_call(*fn, c, e);
    reject_where(c, 0);
    if (!fn) return unknown_function(c);
    return takes_constant(*fn) ? constant_call(*fn, c, e) : scalar_call(*fn, c, e);
}

Typed Context::unknown_function(const Call& c) {
    error(code::kBadCall, c.name_span,
          core::T_("unknown function '{name}'{suggestion}",
                   {{"name", c.name}, core::suggestion(c.name, function_names())}));
    // Still check the arguments, except record kinds: the intended function may take them.
    for (const Arg& a : c.args) {
        const Name* n = std::get_if<Name>(&a.expr->node);
        if (!(n && schema.find(n->name))) check(*a.expr);
    }
    return bad();
}

bool Context::arity(const Call& c, const Builtin& fn) {
    if (c.args.size() == fn.arity) return true;
    error(code::kBadCall, c.name_span,
          core::TN_(
              "'{name}' takes {n} argument ({usage}), found {found}",
              "'{name}' takes {n} arguments ({usage}), found {found}", fn.arity,
              {{"name", c.name}, core::part("usage", usage_text(fn.usage)), {"found", std::to_string(c.args.size())}}));
    return false;
}

void Context::reject_where(const Call& c, std::size_t from) {
    for (std::size_t i = from; i < c.args.size(); ++i) {
        if (c.args[i].where) {
            error(code::kRecordKindMisuse, c.args[i].expr->span,
                  core::T_("'where' is only allowed in the first argument of an aggregate"));
        }
    }
}

/// Every argument an expression: all are checked (each mistake reported) before the count is.
Typed Context::scalar_call(const Builtin& fn, const Call& c, const Expr& e) {
    std::vector<Typed> args;
    for (const Arg& a : c.args) args.push_back(check(*a.expr));
    if (std::any_of(args.begin(), args.end(), [](const Typed& t) { return t.type.is_error(); })) return bad();
    if (!arity(c, fn)) return bad();
    switch (fn.rule) {
        case TypeRule::Numeric: return numeric_call(fn, c, e, args);
        case TypeRule::SameScalar: {
            bool ok = require_scalar(args[0], value_of(c.name)) &&
                      require_scalar(args[1], core::T_("the default value"));
            if (!ok ||
                !unify(args[0], args[1], e.span, core::T_("both arguments of {function}", {{"function", c.name}})))
                return bad();
            check_enum_literal(args[1], args[0]);
            return Typed{add(fn.op, args[0].type.base, e.span, args[0].node, args[1].node), args[0].type};
        }
        case TypeRule::ScalarToBool:
            if (!require_scalar(args[0], core::T_("the argument of {function}", {{"function", c.name}}))) return bad();
            return Typed{add(fn.op, fn.result, e.span, args[0].node), Type::of(fn.result)};
        case TypeRule::DatesToInt: {
            const core::Text what = arguments_of(c.name);
            bool ok = require(args[0], BaseType::Date, what);
            ok = require(args[1], BaseType::Date, what) && ok;
            if (!ok) return bad();
            return Typed{add(fn.op, fn.result, e.span, args[0].node, args[1].node), Type::of(fn.result)};
        }
        default: return bad();  // the table gives these rules only to other shapes
    }
}

Typed Context::numeric_call(const Builtin& fn, const Call& c, const Expr& e, std::vector<Typed>& args) {
    bool ok = true;
    const core::Text what = arguments_of(c.name);
    for (const Typed& a : args) ok = require_numeric(a, what) && ok;
    if (!ok) return bad();
    bool all_int = std::all_of(args.begin(), args.end(), [](const Typed& t) { return t.type.is(BaseType::Int); });
    if (!all_int) {
        for (Typed& a : args) a = widen(a);
    }
    BaseType t = all_int ? BaseType::Int : BaseType::Number;
    std::size_t n = args.size();
    return Typed{add(fn.op, t, e.span, args[0].node, n > 1 ? args[1].node : kNoNode, n > 2 ? args[2].node : kNoNode),
                 Type::of(t)};
}

/// A constant argument's position depends on the count, so the count is checked first; then the
/// expression arguments, then the type rule reads the constants.
Typed Context::constant_call(const Builtin& fn, const Call& c, const Expr& e) {
    if (!arity(c, fn)) return bad();
    std::vector<Typed> args(c.args.size());
    for (std::size_t i = 0; i < c.args.size(); ++i) {
        if (fn.shapes[i] == ArgShape::Expression) args[i] = check(*c.args[i].expr);
    }
    if (fn.rule == TypeRule::DateLiteral) return date_literal(fn, c, e);
    if (fn.rule == TypeRule::RoundDigits) return round_digits(fn, c, e, args[0]);
    return bad();  // the table gives constant arguments only to these rules
}

Typed Context::date_literal(const Builtin& fn, const Call& c, const Expr& e) {
    const Literal* lit = std::get_if<Literal>(&c.args[0].expr->node);
    const std::string* text = lit ? std::get_if<std::string>(&lit->value) : nullptr;
    if (!text) {
        error(code::kNotConstant, c.args[0].expr->span,
              core::T_("{function}() takes a string literal such as {function}(\"2013-06-30\")",
                       {{"function", c.name}}));
        return bad();
    }
    auto d = core::parse_date(*text);
    if (!d) {
        error(code::kBadLiteral, c.args[0].expr->span,
              core::T_("not a real date in YYYY-MM-DD form: \"{text}\"", {{"text", *text}}));
        return bad();
    }
    return Typed{constant(Value::date(*d), fn.result, e.span), Type::of(fn.result)};
}

Typed Context::round_digits(const Builtin& fn, const Call& c, const Expr& e, Typed x) {
    const Literal* lit = std::get_if<Literal>(&c.args[1].expr->node);
    const std::int64_t* digits = lit ? std::get_if<std::int64_t>(&lit->value) : nullptr;
    if (!digits || *digits < 0 || *digits > 9) {
        error(code::kNotConstant, c.args[1].expr->span,
              core::T_("{function}() takes an int literal from 0 to 9 as its number of decimals",
                       {{"function", c.name}}));
        return bad();
    }
    if (!require_numeric(x, value_of(c.name))) return bad();
    x = widen(x);
    return Typed{add(fn.op, fn.result, e.span, x.node, static_cast<NodeId>(*digits)), Type::of(fn.result)};
}

}  // namespace parscore::dsl::checking
