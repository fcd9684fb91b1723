#pragma once
// The PEGTL grammar of the rule language (docs/reference/rule-language.md, "Lexical rules" and
// "Grammar"). Private to dsl/src: only parser.cpp and the grammar test include it.
//
// Design notes:
// - Rules templated on `NoIn` are the second copy of the precedence levels used for the value of
//   `let NAME = E in B`: there `in` ends E, so it is not a membership operator and a nested `let`
//   needs parentheses. Brackets, braces and call arguments go back to the full language.
// - Every committing token (an operator, a keyword, an opening bracket) is followed by `must<>`,
//   so errors are raised where the text went wrong; each must-point has its own message.
// - `nest<Back, …>` counts language nesting (docs/reference/rule-language.md, "Limits") in the
//   parse state; `ws` records how far the parser got, so a syntax error is reported at the furthest
//   character reached.
#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

#include "marked.hpp"

namespace parscore::dsl::grammar {

namespace pegtl = tao::pegtl;
using namespace tao::pegtl;

inline constexpr int kMaxDepth = 64;

/// Parse state shared by the custom rules below.
struct ParseState {
    int depth = 0;
    std::size_t furthest = 0;  // byte offset just after the last whitespace run consumed
};

/// Thrown for errors raised at a position other than the current one (nesting depth).
struct PositionedError : std::runtime_error {
    PositionedError(std::size_t at, const std::string& message) : std::runtime_error(message), offset(at) {}
    std::size_t offset;
};

template <typename... States> ParseState& find_state(States&... st) {
    ParseState* found = nullptr;
    auto pick = [&found](auto& s) {
        if constexpr (std::is_same_v<std::decay_t<decltype(s)>, ParseState>) found = &s;
    };
    (pick(st), ...);
    return *found;
}

// clang-format off

// ---- whitespace and comments -----------------------------------------------------------------
struct comment : seq<one<'#'>, until<eolf>> {};
struct space_or_comment : sor<one<' ', '\t', '\n', '\r'>, comment> {};

/// Zero-width: remembers the furthest position the parser reached.
struct mark_furthest {
    using rule_t = mark_furthest;
    using subs_t = empty_list;
    template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class,
              typename ParseInput, typename... States>
    static bool match(ParseInput& in, States&... st) {
        auto& state = find_state(st...);
        state.furthest = std::max(state.furthest, in.byte());
        return true;
    }
};
struct ws : seq<star<space_or_comment>, mark_furthest> {};

/// Matches Token, then R... one nesting level deeper (docs/reference/rule-language.md, "Limits");
/// when that level would be 65, the error points at the start of Token.
template <typename Token, typename... R>
struct nest {
    using rule_t = nest;
    using subs_t = type_list<Token, R...>;
    template <apply_mode A, rewind_mode M, template <typename...> class Action, template <typename...> class Control,
              typename ParseInput, typename... States>
    static bool match(ParseInput& in, States&... st) {
        auto& state = find_state(st...);
        std::size_t token_start = in.byte();
        auto marker = in.template mark<M>();
        using marker_t = decltype(marker);
        if (!Control<Token>::template match<A, marker_t::next_rewind_mode, Action, Control>(in, st...)) {
            return marker(false);
        }
        if (state.depth >= kMaxDepth) {
            throw PositionedError(token_start, N_("expression nested too deeply (at most 64 levels)"));
        }
        ++state.depth;
        bool ok = Control<seq<R...>>::template match<A, marker_t::next_rewind_mode, Action, Control>(in, st...);
        --state.depth;
        return marker(ok);
    }
};

// ---- tokens ------------------------------------------------------------------------------------
// Rules used inside at<> lookaheads are never selected for the parse tree (PEGTL builds nodes
// inside at<> too), hence the separate *_token rules.
struct ident_first : ranges<'a', 'z', 'A', 'Z', '_'> {};
struct ident_other : ranges<'a', 'z', 'A', 'Z', '0', '9', '_'> {};

struct k_and : TAO_PEGTL_KEYWORD("and") {};
struct k_or : TAO_PEGTL_KEYWORD("or") {};
struct k_not : TAO_PEGTL_KEYWORD("not") {};
struct k_in : TAO_PEGTL_KEYWORD("in") {};
struct k_where : TAO_PEGTL_KEYWORD("where") {};
struct k_if : TAO_PEGTL_KEYWORD("if") {};
struct k_then : TAO_PEGTL_KEYWORD("then") {};
struct k_else : TAO_PEGTL_KEYWORD("else") {};
struct k_steps : TAO_PEGTL_KEYWORD("steps") {};
struct k_let : TAO_PEGTL_KEYWORD("let") {};
struct k_true : TAO_PEGTL_KEYWORD("true") {};
struct k_false : TAO_PEGTL_KEYWORD("false") {};
struct keyword : sor<k_and, k_or, k_not, k_in, k_where, k_if, k_then, k_else, k_steps, k_let, k_true, k_false> {};

struct ident_token : seq<not_at<keyword>, ident_first, star<ident_other>> {};
struct identifier : seq<ident_token> {};

// Numbers: 4, 0.25, 80%, 12.5%. A literal directly followed by a name character or '.' is an error.
struct digits : plus<ascii::digit> {};
struct number_end : not_at<sor<ident_other, one<'.'>>> {};
struct number : seq<digits, opt<one<'.'>, digits>, opt<one<'%'>>, must<number_end>> {};

// Strings: "..." with \" \\ \n; no raw control characters.
struct escape_code : one<'"', '\\', 'n'> {};
struct escape : seq<one<'\\'>, must<escape_code>> {};
struct string_plain : sor<ascii::ranges<' ', '!', '#', '[', ']', '~'>, utf8::range<0x80, 0x10FFFF>> {};
struct unterminated_string : success {};
struct string_control : success {};
struct string_char : sor<escape, string_plain, seq<eof, pegtl::raise<unterminated_string>>, pegtl::raise<string_control>> {};
struct string_lit : seq<one<'"'>, until<one<'"'>, string_char>> {};

struct true_lit : seq<k_true> {};
struct false_lit : seq<k_false> {};

// Operators (longest first).
struct op_le : string<'<', '='> {};
struct op_ge : string<'>', '='> {};
struct op_eq : string<'=', '='> {};
struct op_ne : string<'!', '='> {};
struct op_lt : one<'<'> {};
struct op_gt : one<'>'> {};
struct op_in : seq<k_in> {};
struct op_add : one<'+'> {};
struct op_sub : one<'-'> {};
struct op_mul : one<'*'> {};
struct op_div : one<'/'> {};
struct cmp_op : sor<op_le, op_ge, op_eq, op_ne, op_lt, op_gt> {};
struct arm_op : sor<op_le, op_ge, op_eq, op_lt, op_gt> {};
struct cmp_token : sor<one<'<', '>'>, string<'=', '='>, string<'!', '='>> {};

// ---- must-points (each its own message) -------------------------------------------------------
template <typename R> struct expect_expr : seq<R> {};
template <typename R> struct expect_operand : seq<R> {};
struct close_paren : one<')'> {};
struct call_close : one<')'> {};
struct close_bracket : one<']'> {};
struct close_brace : one<'}'> {};
struct open_brace : one<'{'> {};
struct colon : one<':'> {};
struct expect_then : seq<k_then> {};
struct expect_else : seq<k_else> {};
struct expect_let_in : seq<k_in> {};
struct let_eq : seq<one<'='>, not_at<one<'='>>> {};
struct let_name : seq<identifier> {};
struct member_name : seq<identifier> {};
struct chained_comparison : success {};
struct empty_list : success {};
struct end_of_expression : eof {};

// ---- expressions -------------------------------------------------------------------------------
template <bool NoIn> struct expr;

// Lists hold constants only: literals, negated numbers and date("…").
struct neg_number : seq<one<'-'>, ws, number> {};
struct date_const : seq<TAO_PEGTL_KEYWORD("date"), ws, one<'('>, ws, string_lit, ws, one<')'>> {};
struct list_constant : sor<number, string_lit, true_lit, false_lit, neg_number, date_const> {};
struct list_lit : nest<one<'['>, ws, opt<at<one<']'>>, pegtl::raise<empty_list>>, must<list_constant>,
                       star<ws, one<','>, ws, must<list_constant>>, ws, must<close_bracket>> {};

struct paren : nest<one<'('>, ws, must<expect_expr<expr<false>>>, ws, must<close_paren>> {};

// Calls: name ( args ); an argument may be `KIND where cond`.
struct where_arg : seq<identifier, ws, nest<k_where, ws, must<expect_expr<expr<false>>>>> {};
struct arg : sor<seq<at<ident_token, ws, k_where>, where_arg>, expr<false>> {};
struct call_args : seq<arg, star<ws, one<','>, ws, must<expect_expr<arg>>>> {};
struct call : seq<at<ident_token, ws, one<'('>>, identifier, ws, nest<one<'('>, ws, opt<call_args, ws>, must<call_close>>> {};

struct literal : sor<number, string_lit, true_lit, false_lit> {};
struct primary : sor<paren, list_lit, literal, call, identifier> {};
struct member : seq<one<'.'>, must<member_name>> {};
struct postfix : seq<primary, star<member>> {};

struct unary;
struct negate : nest<one<'-'>, ws, must<expect_operand<unary>>> {};
struct unary : sor<negate, postfix> {};

struct prod_op : sor<op_mul, op_div> {};
struct prod_expr : seq<unary, star<ws, prod_op, ws, must<expect_operand<unary>>>> {};
struct sum_op : sor<op_add, op_sub> {};
struct sum_expr : seq<prod_expr, star<ws, sum_op, ws, must<expect_operand<prod_expr>>>> {};

template <bool NoIn> struct cmp_tail;
template <> struct cmp_tail<false> : sor<seq<cmp_op, ws, must<expect_operand<sum_expr>>>,
                                         seq<op_in, ws, must<expect_operand<sum_expr>>>> {};
template <> struct cmp_tail<true> : seq<cmp_op, ws, must<expect_operand<sum_expr>>> {};
template <bool NoIn> struct chain_token : sor<cmp_token, std::conditional_t<NoIn, failure, k_in>> {};
template <bool NoIn> struct no_chain : opt<ws, at<chain_token<NoIn>>, pegtl::raise<chained_comparison>> {};
template <bool NoIn> struct cmp_expr : seq<sum_expr, opt<ws, cmp_tail<NoIn>>, no_chain<NoIn>> {};

template <bool NoIn> struct not_expr;
template <bool NoIn> struct negation : nest<k_not, ws, must<expect_operand<not_expr<NoIn>>>> {};
template <bool NoIn> struct not_expr : sor<negation<NoIn>, cmp_expr<NoIn>> {};
template <bool NoIn> struct and_expr : seq<not_expr<NoIn>, star<ws, k_and, ws, must<expect_operand<not_expr<NoIn>>>>> {};
template <bool NoIn> struct or_expr : seq<and_expr<NoIn>, star<ws, k_or, ws, must<expect_operand<and_expr<NoIn>>>>> {};

// if c then a else b — an `else if` continuation stays at its level.
template <bool NoIn> struct if_expr;
template <bool NoIn> struct if_expr
    : seq<nest<k_if, ws, must<expect_expr<expr<NoIn>>>>, ws,
          nest<must<expect_then>, ws, must<expect_expr<expr<NoIn>>>>, ws,
          sor<seq<k_else, ws, if_expr<NoIn>>, nest<must<expect_else>, ws, must<expect_expr<expr<NoIn>>>>>> {};

// let NAME = E in B — E is in the NoIn language; a body that is itself a let stays at its level.
struct let_expr;
struct let_expr : seq<k_let, ws, must<let_name>, ws, nest<must<let_eq>, ws, must<expect_expr<expr<true>>>>, ws,
                      sor<seq<k_in, ws, let_expr>, nest<must<expect_let_in>, ws, must<expect_expr<expr<false>>>>>> {};

// steps x { >= t: v  … else: v } — arms separated by whitespace or one comma.
struct arm_threshold : seq<sum_expr> {};
struct arm_value : seq<sum_expr> {};
struct arm : seq<nest<arm_op, ws, must<expect_operand<arm_threshold>>>, ws, nest<must<colon>, ws, must<expect_operand<arm_value>>>> {};
struct steps_else : seq<k_else, ws, nest<must<colon>, ws, must<expect_expr<expr<false>>>>, ws, must<close_brace>> {};
struct arm_separator : seq<ws, opt<one<','>, ws>> {};
struct steps_more;
struct arm_or_else : sor<steps_else, seq<arm, steps_more>> {};
struct steps_more : seq<arm_separator, must<arm_or_else>> {};
template <bool NoIn> struct steps_expr
    : seq<nest<k_steps, ws, must<expect_expr<expr<false>>>>, ws, must<open_brace>, ws, must<arm>, steps_more> {};

template <bool NoIn> struct expr : sor<std::conditional_t<NoIn, failure, let_expr>, if_expr<NoIn>, steps_expr<NoIn>, or_expr<NoIn>> {};

struct expression : seq<ws, must<expect_expr<expr<false>>>, ws, must<end_of_expression>> {};

// clang-format on

// ---- messages ----------------------------------------------------------------------------------
template <typename> inline constexpr const char* error_message = nullptr;
template <typename R> inline constexpr const char* error_message<expect_expr<R>> = N_("expected an expression");
template <typename R> inline constexpr const char* error_message<expect_operand<R>> = N_("expected an operand");
template <> inline constexpr const char* error_message<number_end> =
    N_("invalid number: a number may not be directly followed by a letter, digit, '_' or '.'");
template <> inline constexpr const char* error_message<escape_code> =
    N_("invalid escape sequence: only \\\", \\\\ and \\n are allowed");
template <> inline constexpr const char* error_message<unterminated_string> = N_("unterminated string");
template <> inline constexpr const char* error_message<string_control> =
    N_("control character in a string (write \\n for a line break)");
template <> inline constexpr const char* error_message<close_paren> = N_("expected ')'");
template <> inline constexpr const char* error_message<call_close> = N_("expected ',' or ')' in the arguments");
template <> inline constexpr const char* error_message<close_bracket> = N_("expected ',' or ']' in the list");
template <> inline constexpr const char* error_message<close_brace> = N_("expected '}' after the else value");
template <> inline constexpr const char* error_message<open_brace> = N_("expected '{' after the value of 'steps'");
template <> inline constexpr const char* error_message<colon> = N_("expected ':'");
template <> inline constexpr const char* error_message<expect_then> = N_("expected 'then'");
template <> inline constexpr const char* error_message<expect_else> = N_("expected 'else'");
template <> inline constexpr const char* error_message<expect_let_in> = N_("expected 'in' after the value of 'let'");
template <> inline constexpr const char* error_message<let_eq> = N_("expected '=' after the name");
template <> inline constexpr const char* error_message<let_name> = N_("expected a name after 'let'");
template <> inline constexpr const char* error_message<member_name> = N_("expected a name after '.'");
template <> inline constexpr const char* error_message<chained_comparison> =
    N_("comparisons cannot be chained; combine them with 'and'");
template <> inline constexpr const char* error_message<empty_list> = N_("a list needs at least one value");
template <> inline constexpr const char* error_message<list_constant> =
    N_("expected a constant (a number, a string, true, false or {example})");
template <> inline constexpr const char* error_message<arm> =
    N_("expected a step such as '>= 80%: 4' (a steps block needs at least one)");
template <>
inline constexpr const char* error_message<arm_or_else> = N_("expected another step (>=, >, <=, <, ==) or 'else'");
template <>
inline constexpr const char* error_message<end_of_expression> = N_("expected an operator or the end of the expression");

struct errors {
    template <typename Rule> static constexpr bool raise_on_failure = false;
    template <typename Rule> static constexpr const char* message = error_message<Rule>;
};

template <typename Rule> struct control : must_if<errors>::control<Rule> {};

}  // namespace parscore::dsl::grammar

namespace tao::pegtl {
template <typename Name> struct analyze_traits<Name, parscore::dsl::grammar::mark_furthest> : analyze_opt_traits<> {};
template <typename Name, typename Token, typename... R>
struct analyze_traits<Name, parscore::dsl::grammar::nest<Token, R...>>
    : analyze_traits<Name, typename seq<Token, R...>::rule_t> {};
}  // namespace tao::pegtl
