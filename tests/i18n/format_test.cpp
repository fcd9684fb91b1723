#include "parscore/i18n/format.hpp"

#include <gtest/gtest.h>

namespace parscore::i18n {
namespace {

constexpr Language en = Language::en;
constexpr Language vi = Language::vi;

core::Decimal dec(const char* text) { return *core::Decimal::parse(text); }

TEST(Format, Decimals) {
    struct Case {
        const char* value;
        int places;
        const char* en;
        const char* vi;
    };
    const Case cases[] = {
        {"92.74", 2, "92.74", "92,74"},
        {"75.2", 2, "75.20", "75,20"},
        {"92.745", 2, "92.75", "92,75"},  // half away from zero
        {"-92.745", 2, "-92.75", "-92,75"},
        {"-0.004", 2, "0.00", "0,00"},  // never "-0"
        {"0", 0, "0", "0"},
        {"99.5", 0, "100", "100"},
        {"1234.5", 1, "1234.5", "1234,5"},  // four digits stay ungrouped
        {"12345.678", 2, "12,345.68", "12.345,68"},
        {"-1234567.891", 3, "-1,234,567.891", "-1.234.567,891"},
        {"0.123456789", 9, "0.123456789", "0,123456789"},
        {"999999999999999999.999999999", 0, "1,000,000,000,000,000,000", "1.000.000.000.000.000.000"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(format_decimal(en, dec(c.value), c.places), c.en) << c.value;
        EXPECT_EQ(format_decimal(vi, dec(c.value), c.places), c.vi) << c.value;
    }
}

TEST(Format, Percentages) {
    struct Case {
        const char* share;
        int places;
        const char* en;
        const char* vi;
    };
    const Case cases[] = {
        {"0.413", 1, "41.3%", "41,3%"},
        {"0.447368421", 1, "44.7%", "44,7%"},
        {"0.8266", 2, "82.66%", "82,66%"},
        {"1", 0, "100%", "100%"},
        {"0.0005", 1, "0.1%", "0,1%"},
        {"-0.25", 0, "-25%", "-25%"},
        {"123.456", 1, "12,345.6%", "12.345,6%"},
        {"999999999999999999", 0, "99,999,999,999,999,999,900%",
         "99.999.999.999.999.999.900%"},  // beyond Decimal's range
    };
    for (const Case& c : cases) {
        EXPECT_EQ(format_percent(en, dec(c.share), c.places), c.en) << c.share;
        EXPECT_EQ(format_percent(vi, dec(c.share), c.places), c.vi) << c.share;
    }
}

TEST(Format, Integers) {
    struct Case {
        std::int64_t value;
        const char* en;
        const char* vi;
    };
    const Case cases[] = {
        {0, "0", "0"},
        {241, "241", "241"},
        {2026, "2026", "2026"},
        {9999, "9999", "9999"},
        {10000, "10,000", "10.000"},
        {12345, "12,345", "12.345"},
        {-12345, "-12,345", "-12.345"},
        {1234567, "1,234,567", "1.234.567"},
        {INT64_MIN, "-9,223,372,036,854,775,808", "-9.223.372.036.854.775.808"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(format_integer(en, c.value), c.en) << c.value;
        EXPECT_EQ(format_integer(vi, c.value), c.vi) << c.value;
    }
}

TEST(Format, Dates) {
    struct Case {
        const char* iso;
        const char* vi;
    };
    const Case cases[] = {{"2026-03-05", "05/03/2026"}, {"2025-12-31", "31/12/2025"}, {"0001-01-01", "01/01/0001"}};
    for (const Case& c : cases) {
        core::Date d = *core::parse_date(c.iso);
        EXPECT_EQ(format_date(en, d), c.iso);
        EXPECT_EQ(format_date(vi, d), c.vi);
    }
}

TEST(Format, LocalizesPlainNumbersAndLeavesOtherText) {
    struct Case {
        const char* plain;
        const char* en;
        const char* vi;
    };
    const Case cases[] = {
        {"75.20", "75.20", "75,20"},
        {"+2", "+2", "+2"},
        {"-1.5", "-1.5", "-1,5"},
        {"+2.00", "+2.00", "+2,00"},
        {"12345", "12,345", "12.345"},
        {"–", "–", "–"},
        {"out of range", "out of range", "out of range"},
        {"", "", ""},
        {"1.", "1.", "1."},
        {".5", ".5", ".5"},
        {"1.2.3", "1.2.3", "1.2.3"},
        {"-", "-", "-"},
        {"1e5", "1e5", "1e5"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(localize_number(en, c.plain), c.en) << c.plain;
        EXPECT_EQ(localize_number(vi, c.plain), c.vi) << c.plain;
    }
}

}  // namespace
}  // namespace parscore::i18n
