// Evaluation, table-driven: every operator, function, precedence level, type rule and missing
// rule of docs/reference/rule-language.md, each against a value worked out by hand from the fixture
// (fixture.hpp). Expectations are "<static type>:<value>" or "<static type>:missing".
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "parscore/core/render.hpp"
#include "parscore/i18n/translate.hpp"

namespace {

using parscore::testing::DslFixture;

struct EvalCase {
    const char* name;
    const char* expr;
    const char* expected;
};

std::string describe(const parscore::dsl::Type& t, const parscore::core::Value& v) {
    return parscore::dsl::type_name(t) + ":" + v.to_string();
}

class Evaluates : public testing::TestWithParam<EvalCase> {};

TEST_P(Evaluates, ToTheHandComputedValue) {
    DslFixture fx;
    parscore::dsl::Program program;
    parscore::core::SourceSet sources;
    parscore::core::Diagnostics diags;
    auto compiled = fx.compile(GetParam().expr, program, sources, diags);
    ASSERT_TRUE(compiled) << parscore::core::render_all(diags, sources);
    parscore::dsl::Evaluator evaluator(program);
    parscore::dsl::EvalInput input{&fx.unit, 2013, &fx.evidence};
    auto value = evaluator.evaluate(compiled->root, input);
    EXPECT_EQ(describe(compiled->type, value), GetParam().expected);
    // With a trace every aggregate takes the record-by-record path: the column-wise fast paths
    // must agree with it.
    parscore::dsl::Trace trace;
    evaluator.set_trace(&trace);
    EXPECT_EQ(describe(compiled->type, evaluator.evaluate(compiled->root, input)), GetParam().expected) << "traced";
}

const EvalCase kCases[] = {
    // literals
    {"int_literal", "4", "int:4"},
    {"number_literal", "0.25", "number:0.25"},
    {"number_literal_trailing_zero", "4.0", "number:4"},
    {"percent_literal", "80%", "number:0.8"},
    {"percent_decimal", "12.5%", "number:0.125"},
    {"true_literal", "true", "bool:true"},
    {"false_literal", "false", "bool:false"},
    {"text_literal", "\"Sở\"", "text:\"Sở\""},
    {"date_call", "date(\"2013-06-30\")", "date:2013-06-30"},
    // arithmetic and precedence
    {"add_ints", "1 + 2", "int:3"},
    {"sub_negative", "7 - 10", "int:-3"},
    {"mul_ints", "3 * 4", "int:12"},
    {"div_ints_is_number", "9 / 10", "number:0.9"},
    {"div_exact", "10 / 4", "number:2.5"},
    {"div_third", "1 / 3", "number:0.333333333"},
    {"div_two_thirds_rounds_up", "2 / 3", "number:0.666666667"},
    {"div_negative_rounds_away", "-2 / 3", "number:-0.666666667"},
    {"third_times_three", "(1 / 3) * 3", "number:0.999999999"},
    {"point_one_plus_point_two", "0.1 + 0.2 == 0.3", "bool:true"},
    {"spec_example_60_625", "48.5 / 80 * 100", "number:60.625"},
    {"mixed_add_widens", "1 + 0.5", "number:1.5"},
    {"mixed_mul_integral_number", "2 * 1.5", "number:3"},
    {"percent_times_int", "80% * 5", "number:4"},
    {"precedence_mul_first", "2 + 3 * 4", "int:14"},
    {"parentheses", "(2 + 3) * 4", "int:20"},
    {"sub_left_assoc", "10 - 2 - 3", "int:5"},
    {"div_left_assoc", "100 / 10 / 5", "number:2"},
    {"unary_minus", "-5", "int:-5"},
    {"double_minus", "- -5", "int:5"},
    {"unary_minus_binds_tighter", "-2 * 3", "int:-6"},
    {"minus_number", "-0.5 + 1", "number:0.5"},
    {"negative_zero_prints_zero", "-0.0", "number:0"},
    {"division_by_zero", "1 / 0", "number:missing"},
    {"division_by_zero_number", "1.5 / 0.0", "number:missing"},
    {"int_overflow_add", "9223372036854775807 + 1", "int:missing"},
    {"int_overflow_mul", "9223372036854775807 * 2", "int:missing"},
    {"int_overflow_sub", "-9223372036854775807 - 2", "int:missing"},
    {"int_large_fits", "1000000000 * 1000000000", "int:1000000000000000000"},
    {"number_out_of_range", "1000000000.0 * 1000000000", "number:missing"},
    {"number_below_limit", "999999999999999999 + 0.5", "number:999999999999999999.5"},
    {"int_widening_out_of_range", "9223372036854775807 + 0.5", "number:missing"},
    // comparisons
    {"lt", "1 < 2", "bool:true"},
    {"le_equal", "2 <= 2", "bool:true"},
    {"gt_false", "3 > 4", "bool:false"},
    {"ge", "4 >= 4.0", "bool:true"},
    {"eq_int_number", "1 == 1.0", "bool:true"},
    {"ne", "1 != 2", "bool:true"},
    {"eq_text", "\"a\" == \"a\"", "bool:true"},
    {"ne_text", "\"a\" != \"b\"", "bool:true"},
    {"eq_text_nfc", "\"Sở\" == \"So\u031b\u0309\"", "bool:true"},
    {"eq_bool", "true == false", "bool:false"},
    {"date_lt", "date(\"2013-01-01\") < date(\"2013-02-01\")", "bool:true"},
    {"date_eq", "date(\"2013-01-01\") == date(\"2013-01-01\")", "bool:true"},
    {"comparison_below_arithmetic", "1 + 1 == 2", "bool:true"},
    // logic (Kleene)
    {"and_true", "true and true", "bool:true"},
    {"and_false", "true and false", "bool:false"},
    {"or_true", "false or true", "bool:true"},
    {"or_false", "false or false", "bool:false"},
    {"not_true", "not true", "bool:false"},
    {"not_binds_below_comparison", "not 1 == 2", "bool:true"},
    {"and_binds_tighter_than_or", "true or false and false", "bool:true"},
    {"false_and_missing", "false and budget > 1", "bool:false"},
    {"missing_and_false", "budget > 1 and false", "bool:false"},
    {"true_and_missing", "true and budget > 1", "bool:missing"},
    {"missing_and_true", "budget > 1 and true", "bool:missing"},
    {"true_or_missing", "true or budget > 1", "bool:true"},
    {"missing_or_true", "budget > 1 or true", "bool:true"},
    {"false_or_missing", "false or budget > 1", "bool:missing"},
    {"missing_or_false", "budget > 1 or false", "bool:missing"},
    {"not_missing", "not (budget > 1)", "bool:missing"},
    // missing propagation
    {"fact_missing", "budget", "number:missing"},
    {"missing_plus", "budget + 1", "number:missing"},
    {"missing_times_zero", "budget * 0", "number:missing"},
    {"missing_eq_itself", "budget == budget", "bool:missing"},
    {"missing_in_list", "budget in [1, 2]", "bool:missing"},
    {"missing_unary_minus", "-budget", "number:missing"},
    {"missing_min", "min(budget, 1)", "number:missing"},
    {"missing_round", "round(budget, 2)", "number:missing"},
    {"missing_abs", "abs(budget)", "number:missing"},
    {"missing_clamp", "clamp(budget, 0, 1)", "number:missing"},
    {"missing_if_condition", "if budget > 1 then 1 else 2", "int:missing"},
    {"missing_in_untaken_branch", "if true then 1 else budget", "number:1"},
    {"missing_in_taken_branch", "if false then 1 else budget", "number:missing"},
    {"missing_function_default", "default(budget, 5)", "number:5"},
    {"missing_function_default_present", "default(staff_count, 0)", "int:12"},
    {"missing_function_default_widens", "default(autonomy_rate, 0)", "number:0.447"},
    {"missing_of_missing", "missing(budget)", "bool:true"},
    {"missing_of_present", "missing(website)", "bool:false"},
    {"missing_of_comparison", "missing(budget > 1)", "bool:true"},
    {"missing_of_division_by_zero", "missing(1 / 0)", "bool:true"},
    {"default_of_division_by_zero", "default(1 / 0, -1)", "number:-1"},
    {"steps_on_missing", "steps budget { >= 1: 1 else: 0 }", "int:missing"},
    // if
    {"if_then", "if true then 1 else 2", "int:1"},
    {"if_else", "if false then 1 else 2", "int:2"},
    {"if_unifies_number", "if true then 1 else 2.5", "number:1"},
    {"if_else_if", "if false then 1 else if true then 2 else 3", "int:2"},
    {"if_else_extends", "if false then 1 else 2 + 10", "int:12"},
    {"if_text", "if website then \"yes\" else \"no\"", "text:\"yes\""},
    // in
    {"in_int", "2 in [1, 2, 3]", "bool:true"},
    {"in_number_not_found", "2.5 in [1, 2]", "bool:false"},
    {"in_int_number_list", "2 in [2.0]", "bool:true"},
    {"in_text", "\"late\" in [\"late\", \"drunk\"]", "bool:true"},
    {"in_negative", "-2 in [1, -2]", "bool:true"},
    {"in_dates", "opened in [date(\"2013-03-01\")]", "bool:true"},
    {"in_enum_fact", "region in [\"north\"]", "bool:true"},
    // let
    {"let_simple", "let x = 2 in x * x", "int:4"},
    {"let_chain", "let a = 1 in let b = a + 1 in a + b", "int:3"},
    {"let_list", "let ks = [\"late\"] in count(violation where kind in ks)", "int:2"},
    {"let_value_if", "let x = if website then 10 else 0 in x + 1", "int:11"},
    {"let_shadows_nothing_outside", "(let x = 1 in x) + (let x = 2 in x)", "int:3"},
    {"let_inside_aggregate", "sum(procedure, let f = fee in f * 2)", "number:39.5"},
    {"let_outer_value_in_aggregate", "let lvl = 2 in count(procedure where online_level > lvl)", "int:2"},
    // steps
    {"steps_else", "steps share(procedure, posted) { >= 100%: 4 >= 80%: 2 else: 0 }", "int:0"},
    {"steps_second_arm", "steps 0.8 { >= 100%: 4 >= 80%: 2 else: 0 }", "int:2"},
    {"steps_first_arm", "steps 1 { >= 100%: 4 >= 80%: 2 else: 0 }", "int:4"},
    {"steps_gt_eq", "steps 5 { > 5: 1, == 5: 2, else: 3 }", "int:2"},
    {"steps_text", "steps \"a\" { == \"b\": 1 == \"a\": 2 else: 0 }", "int:2"},
    {"steps_le_lt", "steps 3 { <= 1: 1 < 5: 2 else: 0 }", "int:2"},
    {"steps_dates", "steps date(\"2013-05-01\") { >= date(\"2013-06-01\"): 1 else: 0 }", "int:0"},
    {"steps_number_values", "steps 1 { >= 1: 1.5 else: 0 }", "number:1.5"},
    {"steps_param_threshold", "steps 0.8 { >= params.target: 1 else: 0 }", "int:1"},
    {"steps_param_arithmetic", "steps 2 { >= params.min_staff * 2: 2 >= params.min_staff: 1 else: 0 }", "int:1"},
    {"steps_int_subject_number_threshold", "steps 3 { >= 2.5: 1 else: 0 }", "int:1"},
    {"steps_else_expression", "steps 0 { > 0: 1 else: if website then 5 else 6 }", "int:5"},
    {"steps_arm_value_sum", "steps 1 { >= 1: 1 + 1 else: 0 }", "int:2"},
    {"steps_nested_in_arithmetic", "2 * (steps 1 { >= 1: 3 else: 0 })", "int:6"},
    // aggregates
    {"count_all", "count(procedure)", "int:4"},
    {"count_where", "count(procedure where posted)", "int:3"},
    {"count_where_and", "count(procedure where online_level >= 3 and posted)", "int:2"},
    {"count_where_in", "count(violation where kind in [\"late\", \"left_early\"])", "int:2"},
    {"count_empty", "count(staff)", "int:0"},
    // absence of evidence is not evidence of absence: every aggregate over a kind nobody
    // checked is missing, unless the kind is declared `unchecked: none` (award)
    {"count_never_checked_is_missing", "count(complaint)", "int:missing"},
    {"count_where_never_checked_is_missing", "count(complaint where resolved)", "int:missing"},
    {"exists_never_checked_is_missing", "exists(complaint)", "bool:missing"},
    {"all_never_checked_is_missing", "all(complaint, resolved)", "bool:missing"},
    {"share_never_checked_is_missing", "share(complaint, resolved)", "number:missing"},
    {"sum_never_checked_is_missing", "sum(complaint, if resolved then 1 else 0)", "int:missing"},
    {"avg_never_checked_is_missing", "avg(complaint, if resolved then 1 else 0)", "number:missing"},
    {"min_never_checked_is_missing", "min(complaint, if resolved then 1 else 0)", "int:missing"},
    {"max_never_checked_is_missing", "max(complaint, if resolved then 1 else 0)", "int:missing"},
    {"distinct_never_checked_is_missing", "distinct(complaint, resolved)", "int:missing"},
    {"default_of_never_checked", "default(count(complaint), -1)", "int:-1"},
    {"missing_of_never_checked", "missing(exists(complaint)) and not checked(complaint)", "bool:true"},
    {"count_unchecked_none_is_zero", "count(award)", "int:0"},
    {"exists_unchecked_none_is_false", "exists(award where points > 1)", "bool:false"},
    {"all_unchecked_none_is_true", "all(award, points > 1)", "bool:true"},
    {"share_unchecked_none_is_missing_as_empty", "share(award, points > 1)", "number:missing"},
    {"sum_unchecked_none_is_zero", "sum(award, points)", "int:0"},
    {"avg_unchecked_none_is_missing_as_empty", "avg(award, points)", "number:missing"},
    {"distinct_unchecked_none_is_zero", "distinct(award, title)", "int:0"},
    {"checked_unchecked_none_is_false", "checked(award)", "bool:false"},
    {"exists_empty", "exists(staff)", "bool:false"},
    {"exists_where", "exists(violation where kind == \"drunk\")", "bool:true"},
    {"exists_where_none", "exists(violation where kind == \"asleep\")", "bool:false"},
    {"share", "share(procedure, posted)", "number:0.75"},
    {"share_where", "share(procedure where one_stop, posted)", "number:0.666666667"},
    {"share_empty_is_missing", "share(staff, qualified)", "number:missing"},
    {"share_where_matches_nothing", "share(procedure where online_level > 9, posted)", "number:missing"},
    {"share_text_condition", "share(violation, kind == \"late\")", "number:0.666666667"},
    {"all_empty_is_true", "all(staff, qualified)", "bool:true"},
    {"all_true", "all(procedure, online_level >= 1)", "bool:true"},
    {"all_false", "all(procedure, posted)", "bool:false"},
    {"sum_int", "sum(procedure, online_level)", "int:10"},
    {"sum_number", "sum(procedure, fee)", "number:19.75"},
    {"sum_where", "sum(procedure where area == \"justice\", fee)", "number:12.75"},
    {"sum_empty_is_zero", "sum(staff, years)", "int:0"},
    {"sum_minutes", "sum(violation, minutes)", "int:45"},
    {"avg_int", "avg(procedure, online_level)", "number:2.5"},
    {"avg_number", "avg(procedure, fee)", "number:4.9375"},
    {"avg_empty_is_missing", "avg(staff, years)", "number:missing"},
    {"min_aggregate", "min(procedure, online_level)", "int:1"},
    {"max_aggregate", "max(procedure, online_level)", "int:4"},
    {"min_aggregate_number", "min(procedure, fee)", "number:0"},
    {"max_aggregate_number", "max(procedure, fee)", "number:10.5"},
    {"min_aggregate_empty", "min(staff, years)", "int:missing"},
    {"max_aggregate_where", "max(violation where kind == \"late\", minutes)", "int:30"},
    {"distinct_text", "distinct(violation, person)", "int:2"},
    {"distinct_enum", "distinct(procedure, area)", "int:3"},
    {"distinct_bool", "distinct(procedure, posted)", "int:2"},
    {"distinct_empty", "distinct(staff, name)", "int:0"},
    {"distinct_dates", "distinct(violation, on)", "int:3"},
    {"aggregate_missing_field", "sum(survey, score)", "number:missing"},
    {"aggregate_missing_in_where", "count(survey where score >= 0.8)", "int:missing"},
    {"aggregate_missing_no_early_exit", "all(survey, score > 0.95)", "bool:missing"},
    {"aggregate_count_ignores_missing_fields", "count(survey)", "int:3"},
    {"aggregate_where_filters_missing", "avg(survey where respondent != \"b\", score)", "number:0.8"},
    {"aggregate_date_field", "count(violation where days(on, date(\"2013-06-30\")) > 0)", "int:2"},
    {"nested_aggregate", "count(procedure where online_level > count(violation))", "int:1"},
    {"aggregate_in_arithmetic", "2 * count(violation) + 1", "int:7"},
    {"aggregate_uses_fact", "count(procedure where website and posted)", "int:3"},
    {"checked_listed", "checked(violation)", "bool:true"},
    {"checked_listed_empty", "checked(staff)", "bool:true"},
    {"checked_never", "checked(complaint)", "bool:false"},
    // functions
    {"min_ints", "min(3, 4)", "int:3"},
    {"max_mixed", "max(3, 4.5)", "number:4.5"},
    {"min_equal", "min(2, 2)", "int:2"},
    {"clamp_high", "clamp(5, 0, 4)", "int:4"},
    {"clamp_low", "clamp(-1, 0, 4)", "int:0"},
    {"clamp_inside_number", "clamp(2.5, 0, 4)", "number:2.5"},
    {"clamp_inverted_is_missing", "clamp(1, 4, 0)", "int:missing"},
    {"abs_int", "abs(-3)", "int:3"},
    {"abs_number", "abs(-2.5)", "number:2.5"},
    {"round_half_away", "round(2.345, 2)", "number:2.35"},
    {"round_half_away_negative", "round(-2.345, 2)", "number:-2.35"},
    {"round_int", "round(2, 0)", "number:2"},
    {"round_half_to_one", "round(0.5, 0)", "number:1"},
    {"round_third", "round(1 / 3, 4)", "number:0.3333"},
    {"round_nine", "round(0.123456789, 9)", "number:0.123456789"},
    {"days_forward", "days(date(\"2013-01-01\"), date(\"2013-03-01\"))", "int:59"},
    {"days_backward", "days(date(\"2013-03-01\"), date(\"2013-01-01\"))", "int:-59"},
    {"days_from_fact", "days(opened, date(\"2013-12-31\"))", "int:305"},
    // names
    {"fact_bool", "website", "bool:true"},
    {"fact_percent", "autonomy_rate", "number:0.447"},
    {"fact_percent_compare", "autonomy_rate >= 40%", "bool:true"},
    {"fact_int", "staff_count + 1", "int:13"},
    {"fact_text", "portal", "text:\"https://sotp.gov.vn\""},
    {"fact_enum_eq", "region == \"north\"", "bool:true"},
    {"param_int", "params.min_staff", "int:2"},
    {"param_number", "params.target", "number:0.8"},
    {"param_text", "params.label", "text:\"x\""},
    {"param_bool", "params.strict", "bool:true"},
    {"unit_id", "unit.id == \"so-tu-phap\"", "bool:true"},
    {"unit_name", "unit.name", "text:\"Sở Tư pháp\""},
    {"unit_category", "unit.category == \"department\"", "bool:true"},
    {"year", "year", "int:2013"},
    {"year_arithmetic", "year - 2000", "int:13"},
    // realistic rules
    {"desk_staffing", "if count(staff) >= params.min_staff then 2 else 0", "int:0"},
    {"deduction_rule",
     "count(violation where kind in [\"late\", \"left_early\"]) + 2 * count(violation where kind in [\"drunk\", \"asleep\"])",
     "int:4"},
    {"not_arisen_full_points", "if count(staff) == 0 then 1 else share(staff, qualified)", "number:1"},
    {"not_arisen_needs_the_kind_checked", "if count(complaint) == 0 then 1 else share(complaint, resolved)",
     "number:missing"},
    {"pro_rata", "round(autonomy_rate * 3, 2)", "number:1.34"},
};

INSTANTIATE_TEST_SUITE_P(Language, Evaluates, testing::ValuesIn(kCases),
                         [](const auto& test) { return std::string(test.param.name); });

TEST(EvaluatorTest, OverflowAndInvertedClampWarn) {
    DslFixture fx;
    parscore::dsl::Program program;
    parscore::core::SourceSet sources;
    parscore::core::Diagnostics diags;
    auto a = fx.compile("9223372036854775807 + 1", program, sources, diags);
    auto b = fx.compile("clamp(1, 4, 0)", program, sources, diags);
    ASSERT_TRUE(a && b);
    parscore::dsl::Evaluator evaluator(program);
    parscore::dsl::EvalInput input{&fx.unit, 2013, &fx.evidence};
    evaluator.evaluate(a->root, input);
    evaluator.evaluate(b->root, input);
    ASSERT_EQ(evaluator.warnings().size(), 2u);
    EXPECT_EQ(evaluator.warnings()[0].code, "W301");
    EXPECT_EQ(evaluator.warnings()[1].code, "W302");
    // The warnings read in the reader's language too.
    for (const auto& w : evaluator.warnings()) EXPECT_EQ(w.text.english(), w.message);
    EXPECT_EQ(parscore::i18n::localize(parscore::i18n::Language::vi, evaluator.warnings()[0].text),
              "kết quả kiểu int vượt phạm vi cho phép (|x| phải nhỏ hơn 10^18 và số nguyên phải nằm trong 64 bit); "
              "kết quả bị thiếu");
    EXPECT_EQ(parscore::i18n::localize(parscore::i18n::Language::vi, evaluator.warnings()[1].text),
              "clamp() có lo 4 lớn hơn hi 0; kết quả bị thiếu");
}

TEST(EvaluatorTest, MeasureIsTheSubjectOfTheFirstStepsEvaluated) {
    DslFixture fx;
    parscore::dsl::Program program;
    parscore::core::SourceSet sources;
    parscore::core::Diagnostics diags;
    auto c = fx.compile("(steps share(procedure, posted) { >= 1: 4 else: 0 }) + (steps 7 { >= 1: 1 else: 0 })", program,
                        sources, diags);
    ASSERT_TRUE(c);
    parscore::dsl::Evaluator evaluator(program);
    parscore::dsl::EvalInput input{&fx.unit, 2013, &fx.evidence};
    evaluator.evaluate(c->root, input);
    ASSERT_TRUE(evaluator.first_steps_subject());
    EXPECT_EQ(evaluator.first_steps_subject()->to_string(), "0.75");
}

TEST(EvaluatorTest, TraceRecordsArmsAndFailingRecords) {
    DslFixture fx;
    parscore::dsl::Program program;
    parscore::core::SourceSet sources;
    parscore::core::Diagnostics diags;
    auto c = fx.compile("steps share(procedure, posted) { >= 1: 4 >= 0.5: 2 else: 0 }", program, sources, diags);
    ASSERT_TRUE(c);
    parscore::dsl::Evaluator evaluator(program);
    parscore::dsl::Trace trace;
    evaluator.set_trace(&trace);
    parscore::dsl::EvalInput input{&fx.unit, 2013, &fx.evidence};
    EXPECT_EQ(evaluator.evaluate(c->root, input).to_string(), "2");
    ASSERT_EQ(trace.steps.size(), 1u);
    EXPECT_EQ(trace.steps[0].arm, 1);
    std::vector<std::uint32_t> failed;
    for (const auto& r : trace.records) {
        if (!r.outcome.as_bool()) failed.push_back(r.row);
    }
    EXPECT_EQ(failed, std::vector<std::uint32_t>{2});  // procedure C is not posted
}

TEST(EvaluatorTest, ResultsDoNotDependOnRecordOrder) {
    DslFixture fx;
    parscore::dsl::Program program;
    parscore::core::SourceSet sources;
    parscore::core::Diagnostics diags;
    auto c = fx.compile("all(survey, score > 0.95)", program, sources, diags);
    ASSERT_TRUE(c);
    parscore::dsl::Evaluator evaluator(program);
    parscore::dsl::EvalInput input{&fx.unit, 2013, &fx.evidence};
    EXPECT_TRUE(evaluator.evaluate(c->root, input).is_missing());
    auto& score = fx.evidence.tables[4].columns[0];
    score.set(1, parscore::testing::DslFixture::num("0.9"));
    score.set(0, parscore::core::Value::missing());  // the missing score first
    EXPECT_TRUE(evaluator.evaluate(c->root, input).is_missing());
}

// The column-wise aggregates against the record-by-record path on random tables with missing
// values in filters, conditions and summed fields, every combination of where and condition.
TEST(EvaluatorTest, ColumnWiseAggregatesAgreeWithRecordByRecord) {
    const char* const exprs[] = {
        "count(procedure)",
        "count(procedure where posted)",
        "count(procedure where online_level > 2)",
        "count(procedure where area in [\"land\", \"health\"])",
        "exists(procedure where area == \"land\")",
        "all(procedure, posted)",
        "all(procedure where one_stop, online_level >= 2)",
        "share(procedure, posted)",
        "share(procedure, area != \"justice\")",
        "share(procedure where one_stop, posted)",
        "share(procedure where online_level <= 3, area == \"health\")",
        "sum(procedure, online_level)",
        "sum(procedure where posted, fee)",
        "avg(procedure where one_stop, fee)",
        "min(procedure, fee)",
        "max(procedure where area == \"land\", online_level)",
    };
    std::uint64_t state = 7;
    auto next = [&](std::uint64_t n) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return (state >> 33) % n;
    };
    const char* const areas[] = {"justice", "land", "health"};
    for (int round = 0; round < 200; ++round) {
        DslFixture fx;
        // Every tenth round nobody checked the procedures: no records, and every aggregate over
        // them missing on both paths.
        const bool unchecked = round % 10 == 9;
        fx.evidence.checked[0] = unchecked ? 0 : 1;
        const auto rows = unchecked ? 0u : static_cast<std::uint32_t>(next(40));
        auto& table = fx.evidence.tables[0];
        table.reset(fx.schema.kinds[0], rows);
        const double missing = round % 4 == 0 ? 0.0 : 0.15;  // a quarter of the rounds have none
        auto maybe = [&](parscore::core::Value v) {
            return static_cast<double>(next(1000)) < missing * 1000 ? parscore::core::Value::missing() : v;
        };
        for (std::uint32_t r = 0; r < rows; ++r) {
            table.columns[0].set(r, fx.text("P" + std::to_string(r)));
            table.columns[1].set(r, maybe(parscore::core::Value::boolean(next(4) != 0)));
            table.columns[2].set(r, maybe(parscore::core::Value::boolean(next(2) != 0)));
            table.columns[3].set(r, maybe(parscore::core::Value::integer(static_cast<std::int64_t>(next(5)))));
            table.columns[4].set(r, maybe(DslFixture::num(next(2) ? "2.5" : "10")));
            table.columns[5].set(r, maybe(fx.text(areas[next(3)])));
        }
        for (const char* text : exprs) {
            parscore::dsl::Program program;
            parscore::core::SourceSet sources;
            parscore::core::Diagnostics diags;
            auto c = fx.compile(text, program, sources, diags);
            ASSERT_TRUE(c) << text << "\n" << parscore::core::render_all(diags, sources);
            ASSERT_TRUE(program.nodes[c->root].columnar) << text << ": the comparison needs the column-wise path";
            parscore::dsl::Evaluator columnar(program), records(program);
            records.set_columnar(false);
            parscore::dsl::EvalInput input{&fx.unit, 2013, &fx.evidence};
            const std::string fast = describe(c->type, columnar.evaluate(c->root, input));
            EXPECT_EQ(fast, describe(c->type, records.evaluate(c->root, input)))
                << text << " (round " << round << ", " << rows << " rows)";
            if (unchecked) {
                EXPECT_EQ(fast, parscore::dsl::type_name(c->type) + ":missing") << text;
            }
        }
    }
}

// Shapes outside the column-wise conditions are evaluated record by record.
TEST(EvaluatorTest, AggregatesOverComputedValuesHaveNoColumnWisePath) {
    DslFixture fx;
    // avg of an int field averages the field widened to a number, per record.
    for (const char* text : {"count(procedure where fee * 2 > 5)", "sum(procedure, fee * 2)",
                             "avg(procedure where one_stop, online_level)", "share(procedure, online_level + 1 > 2)",
                             "all(procedure, days(date(\"2013-01-01\"), date(\"2013-02-01\")) > 3)"}) {
        parscore::dsl::Program program;
        parscore::core::SourceSet sources;
        parscore::core::Diagnostics diags;
        auto c = fx.compile(text, program, sources, diags);
        ASSERT_TRUE(c) << text << "\n" << parscore::core::render_all(diags, sources);
        EXPECT_FALSE(program.nodes[c->root].columnar) << text;
    }
}

}  // namespace
