// Parsing with PEGTL into a parse tree, then lowering the tree into the typed AST. The only file
// (besides the grammar test) that sees PEGTL.
#include "parscore/dsl/parser.hpp"

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "codes.hpp"
#include "grammar.hpp"
#include "parscore/core/utf8.hpp"

namespace parscore::dsl {

namespace {

/// A message of grammar.hpp's table. Message ids are ASCII (every tool reads them alike), so the
/// example with an ellipsis is an argument.
core::Text grammar_message(std::string_view message) { return core::T_(message, {{"example", "date(\"…\")"}}); }

namespace g = grammar;
namespace pegtl = tao::pegtl;
using PNode = pegtl::parse_tree::node;

// clang-format off
template <typename Rule>
using selector = pegtl::parse_tree::selector<Rule,
    pegtl::parse_tree::store_content::on<
        g::identifier, g::number, g::string_lit, g::true_lit, g::false_lit,
        g::op_le, g::op_ge, g::op_eq, g::op_ne, g::op_lt, g::op_gt, g::op_in,
        g::op_add, g::op_sub, g::op_mul, g::op_div,
        g::neg_number, g::date_const, g::list_lit, g::call, g::where_arg, g::postfix, g::negate,
        g::negation<true>, g::negation<false>, g::prod_expr, g::sum_expr,
        g::cmp_expr<true>, g::cmp_expr<false>, g::and_expr<true>, g::and_expr<false>,
        g::or_expr<true>, g::or_expr<false>, g::if_expr<true>, g::if_expr<false>, g::let_expr,
        g::steps_expr<true>, g::steps_expr<false>, g::arm, g::steps_else>>;
// clang-format on

/// Raised while lowering (invalid literals): one syntax diagnostic per expression.
struct LowerError {
    std::string code;
    Span span;
    core::Text message;
};

class Lowerer {
public:
    explicit Lowerer(core::FileId file) : file_(file) {}

    Expr lower(const PNode& n) {
        if (n.is_type<g::identifier>()) return make(n, Name{n.string()});
        if (n.is_type<g::number>()) return make(n, number_literal(n));
        if (n.is_type<g::string_lit>()) return make(n, Literal{string_value(n)});
        if (n.is_type<g::true_lit>()) return make(n, Literal{true});
        if (n.is_type<g::false_lit>()) return make(n, Literal{false});
        if (n.is_type<g::list_lit>()) return list(n);
        if (n.is_type<g::call>()) return call(n);
        if (n.is_type<g::postfix>()) return postfix(n);
        if (n.is_type<g::negate>()) return make(n, Unary{UnaryOp::Neg, boxed(*n.children.at(0))});
        if (n.is_type<g::negation<true>>() || n.is_type<g::negation<false>>()) {
            return make(n, Unary{UnaryOp::Not, boxed(*n.children.at(0))});
        }
        if (n.is_type<g::prod_expr>() || n.is_type<g::sum_expr>() || n.is_type<g::cmp_expr<true>>() ||
            n.is_type<g::cmp_expr<false>>()) {
            return with_operators(n);
        }
        if (n.is_type<g::and_expr<true>>() || n.is_type<g::and_expr<false>>()) return chain(n, BinaryOp::And);
        if (n.is_type<g::or_expr<true>>() || n.is_type<g::or_expr<false>>()) return chain(n, BinaryOp::Or);
        if (n.is_type<g::if_expr<true>>() || n.is_type<g::if_expr<false>>()) {
            return make(n, If{boxed(*n.children.at(0)), boxed(*n.children.at(1)), boxed(*n.children.at(2))});
        }
        if (n.is_type<g::let_expr>()) {
            const PNode& name = *n.children.at(0);
            return make(n, Let{name.string(), span(name), boxed(*n.children.at(1)), boxed(*n.children.at(2))});
        }
        if (n.is_type<g::steps_expr<true>>() || n.is_type<g::steps_expr<false>>()) return steps(n);
        throw LowerError{code::kSyntax, span(n), core::T_("unexpected syntax")};  // unreachable with the grammar above
    }

private:
    template <typename T> Expr make(const PNode& n, T node) { return Expr{std::move(node), span(n)}; }
    ExprPtr boxed(const PNode& n) { return std::make_unique<Expr>(lower(n)); }
    Span span(const PNode& n) const {
        return Span{file_, static_cast<std::uint32_t>(n.begin().byte), static_cast<std::uint32_t>(n.end().byte)};
    }

    Literal number_literal(const PNode& n) {
        std::string text = n.string();
        bool percent = text.back() == '%';
        if (percent) text.pop_back();
        auto dot = text.find('.');
        std::size_t decimals = dot == std::string::npos ? 0 : text.size() - dot - 1;
        std::size_t allowed = percent ? 7 : 9;
        if (decimals > allowed) {
            const core::TextArg limit{"limit", std::to_string(allowed)};
            throw LowerError{code::kBadLiteral, span(n),
                             percent ? core::T_("too many decimals in a number (at most {limit} before '%')", {limit})
                                     : core::T_("too many decimals in a number (at most {limit})", {limit})};
        }
        if (!percent && dot == std::string::npos) {
            // An int literal: at most 9223372036854775807.
            std::string digits = text.substr(
                text.find_first_not_of('0') == std::string::npos ? text.size() - 1 : text.find_first_not_of('0'));
            const std::string max = "9223372036854775807";
            if (digits.size() > max.size() || (digits.size() == max.size() && digits > max)) {
                throw LowerError{code::kBadLiteral, span(n),
                                 core::T_("integer literal too large (at most 9223372036854775807)")};
            }
            return Literal{static_cast<std::int64_t>(std::stoll(digits))};
        }
        auto value = core::Decimal::parse(text);
        if (!value) throw LowerError{code::kBadLiteral, span(n), core::T_("number too large (at most 10^18)")};
        if (percent) value = core::Decimal::div(*value, *core::Decimal::from_int(100));
        return Literal{*value};
    }

    std::string string_value(const PNode& n) {
        std::string_view raw = n.string_view();
        raw = raw.substr(1, raw.size() - 2);
        std::string out;
        out.reserve(raw.size());
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '\\') {
                char c = raw[++i];
                out += c == 'n' ? '\n' : c;
            } else {
                out += raw[i];
            }
        }
        return core::to_nfc(out);
    }

    Expr constant(const PNode& n) {
        if (n.is_type<g::neg_number>()) {
            Literal lit = number_literal(*n.children.at(0));
            if (auto* i = std::get_if<std::int64_t>(&lit.value)) lit.value = -*i;
            if (auto* d = std::get_if<core::Decimal>(&lit.value)) lit.value = d->negate();
            return make(n, std::move(lit));
        }
        if (n.is_type<g::date_const>()) {
            const PNode& s = *n.children.at(0);
            auto date = core::parse_date(string_value(s));
            if (!date) throw LowerError{code::kBadLiteral, span(s), core::T_("not a real date in YYYY-MM-DD form")};
            return make(n, Literal{*date});
        }
        return lower(n);
    }

    Expr list(const PNode& n) {
        if (n.children.size() > kMaxListItems) {
            throw LowerError{code::kTooLarge, span(n),
                             core::T_("list too long (at most {limit} values)",
                                      {{"limit", std::to_string(kMaxListItems)}})};
        }
        ListLiteral l;
        for (const auto& c : n.children) l.items.push_back(constant(*c));
        return make(n, std::move(l));
    }

    Expr call(const PNode& n) {
        Call c;
        const PNode& name = *n.children.at(0);
        c.name = name.string();
        c.name_span = span(name);
        for (std::size_t i = 1; i < n.children.size(); ++i) {
            const PNode& a = *n.children[i];
            if (a.is_type<g::where_arg>()) {
                c.args.push_back(Arg{boxed(*a.children.at(0)), boxed(*a.children.at(1))});
            } else {
                c.args.push_back(Arg{boxed(a), nullptr});
            }
        }
        return make(n, std::move(c));
    }

    Expr postfix(const PNode& n) {
        Expr e = lower(*n.children.at(0));
        // A parenthesised operand's span includes its parentheses (the postfix node covers them).
        if (n.children.size() == 1) e.span = span(n);
        for (std::size_t i = 1; i < n.children.size(); ++i) {
            const PNode& m = *n.children[i];
            Span whole{file_, e.span.begin, static_cast<std::uint32_t>(m.end().byte)};
            Member member{std::make_unique<Expr>(std::move(e)), m.string(), span(m)};
            e = Expr{std::move(member), whole};
        }
        return e;
    }

    static BinaryOp binary_op(const PNode& op) {
        if (op.is_type<g::op_add>()) return BinaryOp::Add;
        if (op.is_type<g::op_sub>()) return BinaryOp::Sub;
        if (op.is_type<g::op_mul>()) return BinaryOp::Mul;
        if (op.is_type<g::op_div>()) return BinaryOp::Div;
        if (op.is_type<g::op_eq>()) return BinaryOp::Eq;
        if (op.is_type<g::op_ne>()) return BinaryOp::Ne;
        if (op.is_type<g::op_lt>()) return BinaryOp::Lt;
        if (op.is_type<g::op_le>()) return BinaryOp::Le;
        if (op.is_type<g::op_gt>()) return BinaryOp::Gt;
        if (op.is_type<g::op_ge>()) return BinaryOp::Ge;
        return BinaryOp::In;
    }

    static ArmOp arm_op(const PNode& op) {
        if (op.is_type<g::op_ge>()) return ArmOp::Ge;
        if (op.is_type<g::op_gt>()) return ArmOp::Gt;
        if (op.is_type<g::op_le>()) return ArmOp::Le;
        if (op.is_type<g::op_lt>()) return ArmOp::Lt;
        return ArmOp::Eq;
    }

    // operand (op operand)*, folded to the left.
    Expr with_operators(const PNode& n) {
        Expr e = lower(*n.children.at(0));
        for (std::size_t i = 1; i + 1 < n.children.size(); i += 2) {
            const PNode& op = *n.children[i];
            Expr rhs = lower(*n.children[i + 1]);
            Span whole{file_, e.span.begin, rhs.span.end};
            Binary b{binary_op(op), std::make_unique<Expr>(std::move(e)), std::make_unique<Expr>(std::move(rhs)),
                     span(op)};
            e = Expr{std::move(b), whole};
        }
        return e;
    }

    // operand (keyword operand)*, folded to the left.
    Expr chain(const PNode& n, BinaryOp op) {
        Expr e = lower(*n.children.at(0));
        for (std::size_t i = 1; i < n.children.size(); ++i) {
            Expr rhs = lower(*n.children[i]);
            Span whole{file_, e.span.begin, rhs.span.end};
            Span op_span{file_, e.span.end, rhs.span.begin};
            Binary b{op, std::make_unique<Expr>(std::move(e)), std::make_unique<Expr>(std::move(rhs)), op_span};
            e = Expr{std::move(b), whole};
        }
        return e;
    }

    Expr steps(const PNode& n) {
        Steps s;
        s.subject = boxed(*n.children.at(0));
        for (std::size_t i = 1; i < n.children.size(); ++i) {
            const PNode& c = *n.children[i];
            if (c.is_type<g::arm>()) {
                s.arms.push_back(
                    StepsArm{arm_op(*c.children.at(0)), boxed(*c.children.at(1)), boxed(*c.children.at(2)), span(c)});
            } else {  // steps_else
                s.otherwise = boxed(*c.children.at(0));
                s.else_span = span(c);
            }
        }
        return make(n, std::move(s));
    }

    core::FileId file_;
};

}  // namespace

ExprPtr parse_expression(const core::SourceSet& sources, core::FileId file, core::Diagnostics& diags) {
    const std::string& text = sources.file(file).text();
    if (text.size() > kMaxExpressionBytes) {
        diags.error(code::kTooLarge, Span{file, 0, 1},
                    core::T_("expression too long ({size} bytes; at most {limit})",
                             {{"size", std::to_string(text.size())}, {"limit", std::to_string(kMaxExpressionBytes)}}));
        return nullptr;
    }
    pegtl::memory_input<> in(text.data(), text.size(), sources.file(file).name());
    g::ParseState state;
    try {
        auto root = pegtl::parse_tree::parse<g::expression, selector, pegtl::nothing, g::control>(in, state);
        if (!root || root->children.empty()) {
            diags.error(code::kSyntax, Span{file, 0, 0}, core::T_("expected an expression"));
            return nullptr;
        }
        Lowerer lowerer(file);
        return std::make_unique<Expr>(lowerer.lower(*root->children.front()));
    } catch (const g::PositionedError& e) {
        auto at = static_cast<std::uint32_t>(e.offset);
        diags.error(code::kTooDeep, Span{file, at, at + 1}, core::T_(e.what()));  // marked in grammar.hpp
    } catch (const pegtl::parse_error& e) {
        std::size_t at = e.positions().empty() ? state.furthest : e.positions().front().byte;
        at = std::max(at, state.furthest);
        auto pos = static_cast<std::uint32_t>(std::min(at, text.size()));
        diags.error(code::kSyntax, Span{file, pos, pos + 1}, grammar_message(e.message()));
    } catch (const LowerError& e) {
        diags.error(e.code, e.span, e.message);
    }
    return nullptr;
}

}  // namespace parscore::dsl
