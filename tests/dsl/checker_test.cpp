// Checking: every kind of check error with its exact code, message and column; warnings; and that
// all errors of an expression are reported, not only the first.
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "parscore/core/render.hpp"

namespace {

using parscore::testing::DslFixture;

struct CheckCase {
    const char* name;
    const char* expr;
    const char* code;
    unsigned column;
    const char* message;
};

class CheckRejects : public testing::TestWithParam<CheckCase> {};

TEST_P(CheckRejects, WithAPositionedCodedMessage) {
    DslFixture fx;
    parscore::dsl::Program program;
    parscore::core::SourceSet sources;
    parscore::core::Diagnostics diags;
    auto compiled = fx.compile(GetParam().expr, program, sources, diags);
    EXPECT_FALSE(compiled);
    ASSERT_GE(diags.size(), 1u);
    const auto& d = diags.items()[0];
    EXPECT_EQ(d.code, GetParam().code);
    EXPECT_EQ(d.message, GetParam().message);
    ASSERT_TRUE(d.span);
    EXPECT_EQ(sources.file(d.span->file).location(d.span->begin).column, GetParam().column);
}

const CheckCase kRejected[] = {
    {"unknown_name", "websit", "E103", 1, "unknown name 'websit' (did you mean 'website'?)"},
    {"unknown_field", "share(procedure, postd)", "E103", 18,
     "record kind 'procedure' has no field 'postd' (did you mean 'posted'?)"},
    {"field_outside_aggregate", "posted", "E103", 1,
     "unknown name 'posted': 'posted' is a field of record kind 'procedure', visible only inside an aggregate such as "
     "share(procedure, posted)"},
    {"outer_field_not_visible", "count(procedure where count(violation where posted) > 0)", "E103", 45,
     "record kind 'violation' has no field 'posted'"},
    {"unknown_kind", "count(procedures)", "E103", 7, "unknown record kind 'procedures' (did you mean 'procedure'?)"},
    {"unknown_function", "cont(procedure)", "E105", 1, "unknown function 'cont' (did you mean 'count'?)"},
    {"unknown_param", "params.min_stafff", "E103", 8, "unknown param 'min_stafff' (did you mean 'min_staff'?)"},
    {"unknown_unit_member", "unit.nam", "E103", 6, "unit has no member 'nam' (did you mean 'name'?)"},
    {"bare_unit", "unit", "E103", 1, "'unit' needs a member: unit.id, unit.name or unit.category"},
    {"bad_member_base", "website.x", "E103", 1,
     "only unit.id, unit.name, unit.category and params.NAME can be written with '.'"},
    {"record_kind_as_value", "procedure", "E106", 1,
     "record kind 'procedure' can only be the first argument of an aggregate (count, exists, all, share, sum, avg, "
     "min, max, distinct) or of checked"},
    {"fact_as_collection", "count(website)", "E106", 7,
     "'website' is a fact, not a record kind; count() needs a record kind"},
    {"where_in_second_argument", "share(procedure, procedure where posted)", "E106", 18,
     "'where' is only allowed in the first argument of an aggregate"},
    {"where_in_plain_function", "abs(procedure where posted)", "E106", 5,
     "'where' is only allowed in the first argument of an aggregate"},
    {"checked_with_where", "checked(procedure where posted)", "E106", 9,
     "checked() takes a record kind without 'where'"},
    {"count_arity", "count(procedure, posted)", "E105", 1,
     "'count' takes 1 argument (a record kind, optionally with where), found 2"},
    {"share_arity", "share(procedure)", "E105", 1,
     "'share' takes 2 arguments (a record kind and an expression per record), found 1"},
    {"clamp_arity", "clamp(1, 2)", "E105", 1, "'clamp' takes 3 arguments (x, lo, hi), found 2"},
    {"round_digits_not_literal", "round(1.5, staff_count)", "E109", 12,
     "round() takes an int literal from 0 to 9 as its number of decimals"},
    {"round_digits_too_many", "round(1.5, 10)", "E109", 12,
     "round() takes an int literal from 0 to 9 as its number of decimals"},
    {"date_not_literal", "date(portal)", "E109", 6, "date() takes a string literal such as date(\"2013-06-30\")"},
    {"date_not_real", "date(\"2013-02-30\")", "E102", 6, "not a real date in YYYY-MM-DD form: \"2013-02-30\""},
    {"add_bool", "1 + true", "E104", 5, "the operands of '+' must be int or number, found bool"},
    {"and_int", "website and 1", "E104", 13, "the operands of 'and' must be bool, found int"},
    {"not_int", "not 1", "E104", 5, "the operand of 'not' must be bool, found int"},
    {"neg_text", "-portal", "E104", 2, "the operand of '-' must be int or number, found text"},
    {"compare_text_order", "portal < \"b\"", "E104", 8,
     "the operands of '<' must both be int or number, or both dates; found text and text"},
    {"eq_mixed_types", "staff_count == \"12\"", "E104", 13,
     "the operands of '==' must have one type, found int and text"},
    {"eq_date_and_int", "opened == 3", "E104", 8, "the operands of '==' must have one type, found date and int"},
    {"if_condition_int", "if 1 then 2 else 3", "E104", 4, "the condition of 'if' must be bool, found int"},
    {"if_branches_differ", "if website then 1 else \"no\"", "E104", 1,
     "both branches of 'if' must have one type, found int and text"},
    {"in_not_list", "1 in 2", "E104", 6,
     "the right side of 'in' must be a list literal such as [\"a\", \"b\"], found int"},
    {"in_wrong_element_type", "1 in [\"a\"]", "E104", 3, "'in' needs a list of int, found list of text"},
    {"list_mixed", "1 in [1, \"a\"]", "E104", 10, "list values must have one type, found int and text"},
    {"list_outside_in", "[1, 2] + 1", "E104", 1, "the operands of '+' must be int or number, found list of int"},
    {"enum_literal_unknown", "count(violation where kind == \"lat\")", "E108", 31,
     "\"lat\" is not a value of this enum (late, left_early, drunk, asleep) (did you mean 'late'?)"},
    {"enum_literal_in_list", "count(violation where kind in [\"late\", \"slept\"])", "E108", 31,
     "\"slept\" is not a value of this enum"},
    {"enum_fact_literal", "region == \"west\"", "E108", 11, "\"west\" is not a value of this enum (north, south)"},
    {"where_not_bool", "count(procedure where online_level)", "E104", 23,
     "the condition after 'where' must be bool, found int"},
    {"share_condition_not_bool", "share(procedure, fee)", "E104", 18,
     "the condition of share must be bool, found number"},
    {"sum_text", "sum(procedure, code)", "E104", 16, "the value of sum must be int or number, found text"},
    {"let_reserved", "let year = 1 in year", "E107", 5, "cannot use 'year' as a let name: it is reserved"},
    {"let_kind_name", "let violation = 1 in 2", "E107", 5,
     "cannot use 'violation' as a let name: it is an evidence kind"},
    {"let_field_name", "let posted = 1 in 2", "E107", 5,
     "cannot use 'posted' as a let name: it is a field of a record kind"},
    {"let_rebinds_enclosing", "let x = 1 in let x = 2 in x", "E107", 18,
     "cannot use 'x' as a let name: an enclosing 'let' already binds it"},
    {"steps_threshold_not_constant", "steps 1 { >= staff_count: 1 else: 0 }", "E109", 14,
     "a steps threshold must be a constant (literals, params and arithmetic on them)"},
    {"steps_threshold_type", "steps 1 { >= \"a\": 1 else: 0 }", "E104", 14,
     "'>=' compares int or number values, or dates; found int and text"},
    {"steps_eq_threshold_type", "steps portal { == 1: 1 else: 0 }", "E104", 19,
     "'==' needs a threshold of type text, found int"},
    {"steps_values_differ", "steps 1 { >= 1: \"a\" else: 0 }", "E104", 17,
     "steps values must have one type, found text and int"},
    {"steps_threshold_missing", "steps 1 { >= 1 / 0: 1 else: 0 }", "E109", 14,
     "this steps threshold is missing (division by zero or out of range)"},
    {"steps_enum_threshold", "steps region { == \"east\": 1 else: 0 }", "E108", 19,
     "\"east\" is not a value of this enum (north, south)"},
    {"days_not_dates", "days(1, 2)", "E104", 6, "the arguments of days must be date, found int"},
    {"default_types_differ", "default(budget, \"none\")", "E104", 1,
     "both arguments of default must have one type, found number and text"},
};

INSTANTIATE_TEST_SUITE_P(Language, CheckRejects, testing::ValuesIn(kRejected),
                         [](const auto& test) { return std::string(test.param.name); });

TEST(CheckerTest, ReportsEveryErrorNotOnlyTheFirst) {
    DslFixture fx;
    parscore::dsl::Program program;
    parscore::core::SourceSet sources;
    parscore::core::Diagnostics diags;
    auto c = fx.compile("share(procedure, postd) + websit * cont(x) + (1 + true)", program, sources, diags);
    EXPECT_FALSE(c);
    std::vector<std::string> codes;
    for (const auto& d : diags) codes.push_back(d.code);
    EXPECT_EQ(codes, (std::vector<std::string>{"E103", "E103", "E105", "E103", "E104"}));
}

TEST(CheckerTest, WarnsAboutUnreachableArms) {
    struct Case {
        const char* expr;
        std::vector<unsigned> warned_columns;
    };
    const Case cases[] = {
        {"steps 1 { >= 80%: 2 >= 100%: 4 else: 0 }", {21}},
        {"steps 1 { > 0: 1 >= 5: 2 else: 0 }", {18}},
        {"steps 1 { >= 1: 1 == 3: 2 else: 0 }", {19}},
        {"steps 1 { > 0: 1 >= 1: 2 else: 0 }", {18}},  // every real x >= 1 is > 0
        {"steps 1 { >= 1: 1 > 0: 2 else: 0 }", {}},    // no integer reasoning: 0.5 reaches '> 0'
        {"steps 1 { >= 100%: 4 >= 80%: 2 else: 0 }", {}},
        {"steps 1 { < 5: 1 >= 5: 2 == 7: 3 else: 0 }", {26}},  // covered by the union of earlier arms
        {"steps 1 { < 5: 1 > 5: 2 == 5: 3 else: 0 }", {}},
        {"steps 1 { <= 5: 1 >= 5: 2 > 0: 3 else: 0 }", {27}},
        {"steps portal { == \"a\": 1 == \"a\": 2 else: 0 }", {26}},
        {"steps opened { >= date(\"2013-01-01\"): 1 > date(\"2013-06-01\"): 2 else: 0 }", {41}},
    };
    for (const auto& c : cases) {
        DslFixture fx;
        parscore::dsl::Program program;
        parscore::core::SourceSet sources;
        parscore::core::Diagnostics diags;
        ASSERT_TRUE(fx.compile(c.expr, program, sources, diags)) << c.expr;
        std::vector<unsigned> columns;
        for (const auto& d : diags) {
            EXPECT_EQ(d.code, "W201");
            columns.push_back(sources.file(d.span->file).location(d.span->begin).column);
        }
        EXPECT_EQ(columns, c.warned_columns) << c.expr;
    }
}

TEST(CheckerTest, WarnsWhereAFieldHidesAFact) {
    DslFixture fx;
    fx.schema.kinds[0].fields.push_back(parscore::testing::field("website", parscore::core::FieldType::Bool));
    parscore::dsl::Program program;
    parscore::core::SourceSet sources;
    parscore::core::Diagnostics diags;
    ASSERT_TRUE(fx.compile("count(procedure where website) + (if website then 1 else 0)", program, sources, diags));
    ASSERT_EQ(diags.size(), 1u);
    EXPECT_EQ(diags.items()[0].code, "W202");
    EXPECT_EQ(diags.items()[0].message, "field 'website' of 'procedure' hides the fact 'website'");
}

TEST(CheckerTest, ResultTypesFollowTheRules) {
    struct Case {
        const char* expr;
        const char* type;
    };
    const Case cases[] = {
        {"1 + 2", "int"},
        {"1 + 2.0", "number"},
        {"4 / 2", "number"},
        {"count(procedure)", "int"},
        {"share(procedure, posted)", "number"},
        {"sum(procedure, online_level)", "int"},
        {"avg(procedure, online_level)", "number"},
        {"min(1, 2)", "int"},
        {"min(1, 2.5)", "number"},
        {"round(1, 0)", "number"},
        {"default(staff_count, 0)", "int"},
        {"default(staff_count, 0.5)", "number"},
        {"region", "text"},
        {"opened", "date"},
        {"distinct(procedure, area)", "int"},
        {"max(procedure, fee)", "number"},
        {"days(opened, opened)", "int"},
        {"abs(-1)", "int"},
    };
    for (const auto& c : cases) {
        DslFixture fx;
        parscore::dsl::Program program;
        parscore::core::SourceSet sources;
        parscore::core::Diagnostics diags;
        auto compiled = fx.compile(c.expr, program, sources, diags);
        ASSERT_TRUE(compiled) << c.expr;
        EXPECT_EQ(parscore::dsl::type_name(compiled->type), c.type) << c.expr;
    }
}

}  // namespace
