// Exact decimals (docs/reference/rule-language.md, "Decimals"): parsing, rounding half away from
// zero, arithmetic and printing.
#include <gtest/gtest.h>

#include "parscore/core/decimal.hpp"

namespace {

using parscore::core::Decimal;

Decimal d(const char* text) {
    auto v = Decimal::parse(text);
    EXPECT_TRUE(v) << text;
    return v.value_or(Decimal{});
}

TEST(DecimalTest, ParsesAndPrintsShortestPlainForm) {
    EXPECT_EQ(d("4").to_string(), "4");
    EXPECT_EQ(d("4.0").to_string(), "4");
    EXPECT_EQ(d("0.25").to_string(), "0.25");
    EXPECT_EQ(d("-0").to_string(), "0");
    EXPECT_EQ(d("-0.000").to_string(), "0");
    EXPECT_EQ(d("+1.50").to_string(), "1.5");
    EXPECT_EQ(d("007").to_string(), "7");
    EXPECT_EQ(d("-12.000000001").to_string(), "-12.000000001");
    EXPECT_EQ(d("999999999999999999.999999999").to_string(), "999999999999999999.999999999");
}

TEST(DecimalTest, RejectsOtherShapesAndOutOfRange) {
    for (const char* bad : {"", "-", "1.", ".5", "1e3", "0x10", "1,5", " 1", "1 ", "inf", "nan", "1.2.3",
                            "1000000000000000000", "-1000000000000000000"}) {
        EXPECT_FALSE(Decimal::parse(bad)) << bad;
    }
}

TEST(DecimalTest, RoundsBeyondNineDecimalsHalfAwayFromZero) {
    EXPECT_EQ(d("0.0000000005").to_string(), "0.000000001");
    EXPECT_EQ(d("0.00000000049999").to_string(), "0");
    EXPECT_EQ(d("-0.0000000005").to_string(), "-0.000000001");
    EXPECT_EQ(d("1.9999999995").to_string(), "2");
}

TEST(DecimalTest, ArithmeticRoundsEachResultToNineDecimals) {
    EXPECT_EQ(*Decimal::add(d("0.1"), d("0.2")), d("0.3"));
    EXPECT_EQ(Decimal::div(d("1"), d("3"))->to_string(), "0.333333333");
    EXPECT_EQ(Decimal::mul(*Decimal::div(d("1"), d("3")), d("3"))->to_string(), "0.999999999");
    EXPECT_EQ(Decimal::div(d("2"), d("3"))->to_string(), "0.666666667");
    EXPECT_EQ(Decimal::div(d("-2"), d("3"))->to_string(), "-0.666666667");
    EXPECT_EQ(Decimal::mul(*Decimal::div(d("48.5"), d("80")), d("100"))->to_string(), "60.625");
    EXPECT_EQ(Decimal::mul(d("0.000000001"), d("0.5"))->to_string(), "0.000000001");
    EXPECT_EQ(Decimal::mul(d("-0.000000001"), d("0.5"))->to_string(), "-0.000000001");
    EXPECT_EQ(Decimal::mul(d("123456789.123456789"), d("1000"))->to_string(), "123456789123.456789");
    EXPECT_EQ(Decimal::sub(d("1"), d("1.5"))->to_string(), "-0.5");
}

TEST(DecimalTest, OverflowAndDivisionByZeroGiveNothing) {
    EXPECT_FALSE(Decimal::div(d("1"), d("0")));
    EXPECT_FALSE(Decimal::mul(d("1000000000"), d("1000000000")));
    EXPECT_TRUE(Decimal::mul(d("999999999"), d("1000000000")));
    EXPECT_FALSE(Decimal::add(d("999999999999999999"), d("1")));
    EXPECT_FALSE(Decimal::mul(d("999999999999999999"), d("999999999999999999")));
    EXPECT_FALSE(Decimal::div(d("100000000000"), d("0.0000001")));
}

TEST(DecimalTest, RoundToDigitsHalfAwayFromZero) {
    EXPECT_EQ(d("2.345").round(2).to_string(), "2.35");
    EXPECT_EQ(d("-2.345").round(2).to_string(), "-2.35");
    EXPECT_EQ(d("2.344999999").round(2).to_string(), "2.34");
    EXPECT_EQ(d("0.5").round(0).to_string(), "1");
    EXPECT_EQ(d("-0.5").round(0).to_string(), "-1");
    EXPECT_EQ(d("82.625").round(2).to_string(), "82.63");
    EXPECT_EQ(d("1.23").round(9).to_string(), "1.23");
}

TEST(DecimalTest, FloorAndIntegralParts) {
    EXPECT_EQ(d("2.7").floor().to_string(), "2");
    EXPECT_EQ(d("-2.1").floor().to_string(), "-3");
    EXPECT_EQ(d("3").to_int().value(), 3);
    EXPECT_FALSE(d("3.5").to_int());
    EXPECT_EQ(Decimal::from_int(-5)->to_string(), "-5");
    EXPECT_FALSE(Decimal::from_int(1'000'000'000'000'000'000));
}

// Reports show totals with exactly two decimals; the value is rounded half away from zero first.
TEST(DecimalTest, FixedFormShowsExactlyTheDigitsAsked) {
    auto fixed = [](const char* text, int digits) { return Decimal::parse(text)->to_fixed(digits); };
    EXPECT_EQ(fixed("75.2", 2), "75.20");
    EXPECT_EQ(fixed("100", 2), "100.00");
    EXPECT_EQ(fixed("0", 2), "0.00");
    EXPECT_EQ(fixed("82.625", 2), "82.63");
    EXPECT_EQ(fixed("-1.005", 2), "-1.01");
    EXPECT_EQ(fixed("-0.004", 2), "0.00");
    EXPECT_EQ(fixed("3.14159", 0), "3");
    EXPECT_EQ(fixed("1.5", 9), "1.500000000");
}

}  // namespace
