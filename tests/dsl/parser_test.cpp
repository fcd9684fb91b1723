// Parsing: precedence, associativity and every construct of docs/reference/rule-language.md,
// checked through the AST's s-expression dump; syntax errors with their exact code, message and
// column.
#include <gtest/gtest.h>

#include "parscore/core/source.hpp"
#include "parscore/dsl/parser.hpp"

namespace {

using parscore::core::Diagnostics;
using parscore::core::SourceSet;

struct ParseCase {
    const char* name;
    const char* text;
    const char* sexpr;
};

class ParserAccepts : public testing::TestWithParam<ParseCase> {};

TEST_P(ParserAccepts, ProducesTheExpectedTree) {
    SourceSet sources;
    auto file = sources.add("expr", GetParam().text);
    Diagnostics diags;
    auto expr = parscore::dsl::parse_expression(sources, file, diags);
    ASSERT_TRUE(expr) << (diags.empty() ? "" : diags.items()[0].message);
    EXPECT_EQ(parscore::dsl::to_sexpr(*expr), GetParam().sexpr);
}

const ParseCase kAccepted[] = {
    {"int", "4", "4"},
    {"decimal", "0.25", "0.25n"},
    {"percent", "80%", "0.8n"},
    {"percent_decimal", "12.5%", "0.125n"},
    {"string", R"("a\"b\\c\nd")", "\"a\"b\\c\nd\""},
    {"bools", "true or false", "(or true false)"},
    {"sum_left_assoc", "1 - 2 - 3", "(- (- 1 2) 3)"},
    {"prod_over_sum", "1 + 2 * 3", "(+ 1 (* 2 3))"},
    {"div_left_assoc", "8 / 4 / 2", "(/ (/ 8 4) 2)"},
    {"parens", "(1 + 2) * 3", "(* (+ 1 2) 3)"},
    {"unary_minus", "-x * 2", "(* (neg x) 2)"},
    {"double_minus", "- -1", "(neg (neg 1))"},
    {"cmp_over_and", "a < 1 and b >= 2", "(and (< a 1) (>= b 2))"},
    {"and_over_or", "a or b and c", "(or a (and b c))"},
    {"not_over_cmp", "not a == b", "(not (== a b))"},
    {"not_not", "not not a", "(not (not a))"},
    {"ne_le_gt", "a != 1 or b <= 2 or c > 3", "(or (or (!= a 1) (<= b 2)) (> c 3))"},
    {"in_list", "kind in [\"late\", \"drunk\"]", "(in kind (list \"late\" \"drunk\"))"},
    {"list_constants", "x in [1, -2, 0.5, -3%, true, date(\"2013-06-30\")]",
     "(in x (list 1 -2 0.5n -0.03n true date(2013-06-30)))"},
    {"member", "unit.id == \"x\"", "(== (. unit id) \"x\")"},
    {"params", "params.min_staff + 1", "(+ (. params min_staff) 1)"},
    {"call", "count(violation)", "(count violation)"},
    {"call_where", "count(violation where kind == \"late\")", "(count (where violation (== kind \"late\")))"},
    {"call_two_args", "share(procedure, posted)", "(share procedure posted)"},
    {"call_where_two_args", "share(procedure where one_stop, posted)", "(share (where procedure one_stop) posted)"},
    {"call_space_before_paren", "count (violation)", "(count violation)"},
    {"call_no_args", "f()", "(f)"},
    {"if", "if a then 1 else 2", "(if a 1 2)"},
    {"else_extends", "if c then a else b + 1", "(if c a (+ b 1))"},
    {"else_if", "if a then 1 else if b then 2 else 3", "(if a 1 (if b 2 3))"},
    {"let", "let x = 1 in x + 1", "(let x 1 (+ x 1))"},
    {"let_chain", "let x = 1 in let y = 2 in x + y", "(let x 1 (let y 2 (+ x y)))"},
    {"let_value_ends_at_in", "let x = a + 1 in x", "(let x (+ a 1) x)"},
    {"let_value_membership_parenthesised", "let x = (k in [1]) in x", "(let x (in k (list 1)) x)"},
    {"let_value_if", "let x = if a then 1 else 2 in x", "(let x (if a 1 2) x)"},
    {"let_value_ends_at_first_in", "let x = k in [1] in x", "(let x k (in (list 1) x))"},
    {"let_body_membership", "let k = kind in k in [\"a\"]", "(let k kind (in k (list \"a\")))"},
    {"steps", "steps x { >= 100%: 4 >= 80%: 2 else: 0 }", "(steps x (>= 1n 4) (>= 0.8n 2) (else 0))"},
    {"steps_commas", "steps x { >= 1: 4, > 0: 2, else: 0 }", "(steps x (>= 1 4) (> 0 2) (else 0))"},
    {"steps_all_ops", "steps x { <= 1: 1 < 2: 2 == 3: 3 else: 0 }", "(steps x (<= 1 1) (< 2 2) (== 3 3) (else 0))"},
    {"steps_arm_sums", "steps x { >= params.a * 2: 1 + 1 else: if y then 1 else 0 }",
     "(steps x (>= (* (. params a) 2) (+ 1 1)) (else (if y 1 0)))"},
    {"steps_multiline", "steps share(procedure, posted) {\n  >= 100%: 4\n  >= 80%:  2\n  else:    0\n}\n",
     "(steps (share procedure posted) (>= 1n 4) (>= 0.8n 2) (else 0))"},
    {"comments", "1 + # one\n 2 # two", "(+ 1 2)"},
    {"keyword_prefix_is_identifier", "notice and TRUE", "(and notice TRUE)"},
    {"identifier_with_keyword_prefix", "android or order", "(or android order)"},
    {"nested_calls", "round(avg(p, x) * 100, 2)", "(round (* (avg p x) 100) 2)"},
    {"vietnamese_string", "name == \"Sở Tư pháp\"", "(== name \"Sở Tư pháp\")"},
    {"max_int", "9223372036854775807", "9223372036854775807"},
    {"nine_decimals", "0.123456789", "0.123456789n"},
    {"seven_decimals_percent", "1.1234567%", "0.011234567n"},
};

INSTANTIATE_TEST_SUITE_P(Grammar, ParserAccepts, testing::ValuesIn(kAccepted),
                         [](const auto& test) { return std::string(test.param.name); });

struct ErrorCase {
    const char* name;
    const char* text;
    const char* code;
    unsigned column;
    const char* message;
};

class ParserRejects : public testing::TestWithParam<ErrorCase> {};

TEST_P(ParserRejects, ReportsOneErrorAtTheRightPlace) {
    SourceSet sources;
    auto file = sources.add("expr", GetParam().text);
    Diagnostics diags;
    auto expr = parscore::dsl::parse_expression(sources, file, diags);
    EXPECT_FALSE(expr);
    ASSERT_EQ(diags.size(), 1u);
    const auto& d = diags.items()[0];
    EXPECT_EQ(d.code, GetParam().code);
    EXPECT_EQ(d.message, GetParam().message);
    ASSERT_TRUE(d.span);
    EXPECT_EQ(sources.file(file).location(d.span->begin).column, GetParam().column);
}

const ErrorCase kRejected[] = {
    {"empty", "", "E100", 1, "expected an expression"},
    {"missing_operand", "1 + ", "E100", 5, "expected an operand"},
    {"operator_then_operator", "1 + * 2", "E100", 5, "expected an operand"},
    {"unclosed_paren", "(1 + 2", "E100", 7, "expected ')'"},
    {"unclosed_call", "count(x", "E100", 8, "expected ',' or ')' in the arguments"},
    {"trailing_comma_in_call", "f(1, )", "E100", 6, "expected an expression"},
    {"chained_comparison", "1 < 2 < 3", "E100", 7, "comparisons cannot be chained; combine them with 'and'"},
    {"chained_equality", "a == b == c", "E100", 8, "comparisons cannot be chained; combine them with 'and'"},
    {"number_then_letter", "1and", "E100", 2,
     "invalid number: a number may not be directly followed by a letter, digit, '_' or '.'"},
    {"exponent", "1e3", "E100", 2,
     "invalid number: a number may not be directly followed by a letter, digit, '_' or '.'"},
    {"trailing_dot", "1.", "E100", 2,
     "invalid number: a number may not be directly followed by a letter, digit, '_' or '.'"},
    {"leading_dot", ".5", "E100", 1, "expected an expression"},
    {"space_before_percent", "80 %", "E100", 4, "expected an operator or the end of the expression"},
    {"bad_escape", R"("a\tb")", "E100", 4, "invalid escape sequence: only \\\", \\\\ and \\n are allowed"},
    {"unterminated_string", "\"abc", "E100", 5, "unterminated string"},
    {"control_in_string", "\"a\tb\"", "E100", 3, "control character in a string (write \\n for a line break)"},
    {"empty_list", "x in []", "E100", 7, "a list needs at least one value"},
    {"trailing_comma_in_list", "x in [1,]", "E100", 9,
     "expected a constant (a number, a string, true, false or date(\"…\"))"},
    {"non_constant_in_list", "x in [y]", "E100", 7,
     "expected a constant (a number, a string, true, false or date(\"…\"))"},
    {"if_without_else", "if a then 1", "E100", 12, "expected 'else'"},
    {"if_without_then", "if a 1 else 2", "E100", 6, "expected 'then'"},
    {"if_as_operand", "2 * if a then 1 else 2", "E100", 5, "expected an operand"},
    {"let_without_in", "let x = 1", "E100", 10, "expected 'in' after the value of 'let'"},
    {"let_without_name", "let = 1 in 2", "E100", 5, "expected a name after 'let'"},
    {"let_double_equals", "let x == 1 in x", "E100", 8, "expected '=' after the name"},
    {"steps_without_arm", "steps x { else: 1 }", "E100", 11,
     "expected a step such as '>= 80%: 4' (a steps block needs at least one)"},
    {"steps_without_else", "steps x { >= 1: 2 }", "E100", 19, "expected another step (>=, >, <=, <, ==) or 'else'"},
    {"steps_not_equal_arm", "steps x { != 1: 2 else: 0 }", "E100", 11,
     "expected a step such as '>= 80%: 4' (a steps block needs at least one)"},
    {"steps_two_commas", "steps x { >= 1: 2,, else: 0 }", "E100", 19,
     "expected another step (>=, >, <=, <, ==) or 'else'"},
    {"steps_comma_after_else", "steps x { >= 1: 2 else: 0, }", "E100", 26, "expected '}' after the else value"},
    {"steps_missing_colon", "steps x { >= 1 2 else: 0 }", "E100", 16, "expected ':'"},
    {"steps_missing_brace", "steps x >= 1: 2 else: 0", "E100", 13, "expected '{' after the value of 'steps'"},
    {"steps_comparison_threshold", "steps x { >= a > b: 1 else: 0 }", "E100", 16, "expected ':'"},
    {"space_before_member", "unit .id", "E100", 6, "expected an operator or the end of the expression"},
    {"member_without_name", "unit.", "E100", 6, "expected a name after '.'"},
    {"single_equals", "a = 1", "E100", 3, "expected an operator or the end of the expression"},
    {"unbalanced_close", "1)", "E100", 2, "expected an operator or the end of the expression"},
    {"keyword_as_name", "let in = 1 in 2", "E100", 5, "expected a name after 'let'"},
    {"too_many_decimals", "0.1234567891", "E102", 1, "too many decimals in a number (at most 9)"},
    {"too_many_percent_decimals", "1.12345678%", "E102", 1, "too many decimals in a number (at most 7 before '%')"},
    {"int_too_large", "9223372036854775808", "E102", 1, "integer literal too large (at most 9223372036854775807)"},
    {"bad_date_in_list", "x in [date(\"2013-02-30\")]", "E102", 12, "not a real date in YYYY-MM-DD form"},
    {"two_expressions", "1 2", "E100", 3, "expected an operator or the end of the expression"},
    {"where_outside_call", "x where y", "E100", 3, "expected an operator or the end of the expression"},
};

INSTANTIATE_TEST_SUITE_P(Grammar, ParserRejects, testing::ValuesIn(kRejected),
                         [](const auto& test) { return std::string(test.param.name); });

std::string nested(int levels, const std::string& open, const std::string& close) {
    std::string s;
    for (int i = 0; i < levels; ++i) s += open;
    s += "1";
    for (int i = 0; i < levels; ++i) s += close;
    return s;
}

TEST(ParserLimits, SixtyFourLevelsParse) {
    SourceSet sources;
    auto file = sources.add("expr", nested(64, "(", ")"));
    Diagnostics diags;
    EXPECT_TRUE(parscore::dsl::parse_expression(sources, file, diags));
    EXPECT_TRUE(diags.empty());
}

TEST(ParserLimits, TheTokenOpeningLevel65IsAnError) {
    SourceSet sources;
    auto file = sources.add("expr", nested(65, "(", ")"));
    Diagnostics diags;
    EXPECT_FALSE(parscore::dsl::parse_expression(sources, file, diags));
    ASSERT_EQ(diags.size(), 1u);
    EXPECT_EQ(diags.items()[0].code, "E101");
    EXPECT_EQ(diags.items()[0].span->begin, 64u);
}

TEST(ParserLimits, ElseIfChainsAndLetChainsStayAtTheirLevel) {
    std::string chain = "if a then 1";
    for (int i = 0; i < 200; ++i) chain += " else if a then 1";
    chain += " else 0";
    std::string lets;
    for (int i = 0; i < 200; ++i) lets += "let x" + std::to_string(i) + " = 1 in ";
    lets += "1";
    for (const auto& text : {chain, lets}) {
        SourceSet sources;
        auto file = sources.add("expr", text);
        Diagnostics diags;
        EXPECT_TRUE(parscore::dsl::parse_expression(sources, file, diags)) << text.substr(0, 40);
    }
}

TEST(ParserLimits, DeepUnaryAndNotAreCounted) {
    for (const auto& [open, ok] : {std::pair{std::string(64, '-'), true}, std::pair{std::string(65, '-'), false}}) {
        SourceSet sources;
        auto file = sources.add("expr", open + "1");
        Diagnostics diags;
        EXPECT_EQ(static_cast<bool>(parscore::dsl::parse_expression(sources, file, diags)), ok);
    }
    std::string nots;
    for (int i = 0; i < 65; ++i) nots += "not ";
    SourceSet sources;
    auto file = sources.add("expr", nots + "a");
    Diagnostics diags;
    EXPECT_FALSE(parscore::dsl::parse_expression(sources, file, diags));
    EXPECT_EQ(diags.items().at(0).code, "E101");
    EXPECT_EQ(diags.items().at(0).span->begin, 64u * 4);
}

TEST(ParserLimits, HundredThousandBracketsDoNotCrash) {
    SourceSet sources;
    auto file = sources.add("expr", std::string(60000, '(') + "1");
    Diagnostics diags;
    EXPECT_FALSE(parscore::dsl::parse_expression(sources, file, diags));
    EXPECT_EQ(diags.items().at(0).code, "E101");
}

TEST(ParserLimits, OverlongExpressionIsRejected) {
    SourceSet sources;
    std::string text = "1";
    for (int i = 0; i < 40000; ++i) text += "+1";
    auto file = sources.add("expr", text);
    Diagnostics diags;
    EXPECT_FALSE(parscore::dsl::parse_expression(sources, file, diags));
    EXPECT_EQ(diags.items().at(0).code, "E110");
}

}  // namespace
