#include "parscore/core/utf8.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace parscore::core {
namespace {

// "Sở Tư pháp" precomposed (U+1EDF, U+01B0, U+00E1) and decomposed (base letters + U+031B horn,
// U+0309 hook above, U+0301 acute).
const std::string kPrecomposed = "S\u1EDF T\u01B0 ph\u00E1p";
const std::string kDecomposed = "So\u031B\u0309 Tu\u031B pha\u0301p";

struct InvalidCase {
    const char* name;
    std::string bytes;
    std::optional<std::size_t> offset;
};

class FindInvalidUtf8Test : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(FindInvalidUtf8Test, ReportsFirstIllFormedByte) {
    const InvalidCase& c = GetParam();
    EXPECT_EQ(find_invalid_utf8(c.bytes), c.offset);
    EXPECT_EQ(is_valid_utf8(c.bytes), !c.offset.has_value());
}

const InvalidCase kInvalidCases[] = {
    {"Empty", "", std::nullopt},
    {"Ascii", "procedure.posted", std::nullopt},
    {"LongAscii", std::string(1000, 'x'), std::nullopt},
    {"Vietnamese", kPrecomposed + kDecomposed, std::nullopt},
    {"TwoByteMax", "\xDF\xBF", std::nullopt},
    {"ThreeByteMin", "\xE0\xA0\x80", std::nullopt},
    {"LastBeforeSurrogates", "\xED\x9F\xBF", std::nullopt},
    {"FirstAfterSurrogates", "\xEE\x80\x80", std::nullopt},
    {"FourByteEmoji", "ok \xF0\x9F\x98\x80", std::nullopt},
    {"MaxCodePoint", "\xF4\x8F\xBF\xBF", std::nullopt},
    {"LoneContinuation", "ab\x80", 2},
    {"OverlongTwoByteC0", "a\xC0\x80", 1},
    {"OverlongTwoByteC1", "\xC1\xBF", 0},
    {"OverlongThreeByte", "xy\xE0\x80\xAF", 2},
    {"OverlongFourByte", "\xF0\x80\x80\xAF", 0},
    {"SurrogateHigh", "abc\xED\xA0\x80", 3},
    {"SurrogateLow", "\xED\xBF\xBF", 0},
    {"AboveMaxCodePoint", "\xF4\x90\x80\x80", 0},
    {"LeadF5", "\xF5\x80\x80\x80", 0},
    {"ByteFF", "ok\xFF", 2},
    {"TruncatedAtEnd", "S\xE1\xBB", 1},
    // Adjacent literals end a \x escape before a hex-digit letter; kept on one line, unformatted.
    // clang-format off
    {"TruncatedBeforeAscii", "\xE2\x82" "A", 0},
    // clang-format on
    {"TruncatedFourByte", "\xF0\x9F\x98", 0},
    {"BadAfterValidPrefix", kPrecomposed + "\xC3", kPrecomposed.size()},
    {"MissingContinuationAfterLongAscii", std::string(17, 'a') + "\xC3(", 17},
};

INSTANTIATE_TEST_SUITE_P(Cases, FindInvalidUtf8Test, ::testing::ValuesIn(kInvalidCases),
                         [](const auto& test) { return std::string(test.param.name); });

TEST(NfcTest, DecomposedVietnameseEqualsPrecomposed) {
    ASSERT_NE(kDecomposed, kPrecomposed);
    EXPECT_EQ(to_nfc(kDecomposed), kPrecomposed);
    EXPECT_EQ(to_nfc(kPrecomposed), kPrecomposed);
}

TEST(NfcTest, NormalizeInPlaceReportsChange) {
    std::string text = kDecomposed;
    EXPECT_TRUE(normalize_nfc(text));
    EXPECT_EQ(text, kPrecomposed);
    EXPECT_FALSE(normalize_nfc(text));
    EXPECT_EQ(text, kPrecomposed);
}

TEST(NfcTest, AsciiIsUnchanged) {
    std::string text = "so-tu-phap, 2013";
    EXPECT_FALSE(normalize_nfc(text));
    EXPECT_EQ(to_nfc(text), "so-tu-phap, 2013");
    EXPECT_EQ(to_nfc(""), "");
}

TEST(NfcTest, ReordersCombiningMarks) {
    // Canonical ordering: dot below (ccc 220) sorts before circumflex (ccc 230), then composes.
    EXPECT_EQ(to_nfc("e\u0302\u0323"), "\u1EC7");
    EXPECT_EQ(to_nfc("e\u0323\u0302"), "\u1EC7");
}

TEST(CodePointCountTest, CountsCodePointsNotBytes) {
    EXPECT_EQ(code_point_count(""), 0u);
    EXPECT_EQ(code_point_count("abc"), 3u);
    EXPECT_EQ(code_point_count(kPrecomposed), 10u);
    EXPECT_EQ(code_point_count(kDecomposed), 14u);
    EXPECT_EQ(code_point_count("\xF0\x9F\x98\x80"), 1u);
    EXPECT_EQ(code_point_count("a\xFF"), 2u);  // an ill-formed lead byte counts
}

struct WidthCase {
    const char* name;
    std::string text;
    std::size_t width;
};

class DisplayWidthTest : public ::testing::TestWithParam<WidthCase> {};

TEST_P(DisplayWidthTest, MeasuresTerminalColumns) { EXPECT_EQ(display_width(GetParam().text), GetParam().width); }

const WidthCase kWidthCases[] = {
    {"Empty", "", 0},
    {"Ascii", "points: 3", 9},
    {"Tab", "\t", 1},
    {"VietnamesePrecomposed", kPrecomposed, 10},
    {"VietnameseDecomposed", kDecomposed, 10},
    {"NameDecomposed", "Nguye\u0302\u0303n Va\u0306n A", 12},
    {"VietnameseBlockLetters", "\u1EA0\u1EF9", 2},
    {"Cjk", "\u6F22\u5B57", 4},
    {"Hangul", "\uD55C", 2},
    {"Fullwidth", "\uFF21\uFF22", 4},
    {"HalfwidthKatakana", "\uFF76", 1},
    {"LoneCombiningMark", "\u0301", 0},
    {"EnclosingMark", "a\u20DD", 1},
    {"ZeroWidthJoiner", "a\u200Db", 2},
    {"ZeroWidthSpace", "\u200B", 0},
    {"HangulJungseong", "\u1100\u1161", 2},
    {"IllFormedBytes", "a\xFF\xFE", 3},
    {"Emoji", "\xF0\x9F\x98\x80", 2},
};

INSTANTIATE_TEST_SUITE_P(Cases, DisplayWidthTest, ::testing::ValuesIn(kWidthCases),
                         [](const auto& test) { return std::string(test.param.name); });

TEST(SanitizeUtf8Test, ReplacesEveryIllFormedByte) {
    EXPECT_EQ(sanitize_utf8("ok"), "ok");
    EXPECT_EQ(sanitize_utf8(kPrecomposed), kPrecomposed);
    // clang-format off
    EXPECT_EQ(sanitize_utf8("a\xFF" "b"), "a\uFFFD" "b");
    EXPECT_EQ(sanitize_utf8("\xE2\x82" "A"), "\uFFFD\uFFFD" "A");
    // clang-format on
    EXPECT_EQ(sanitize_utf8("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");
    EXPECT_TRUE(is_valid_utf8(sanitize_utf8("\xC0\x80\xF5 x \xF0\x9F")));
}

TEST(PrintableTest, ReplacesControlCharactersAndIllFormedBytes) {
    EXPECT_EQ(printable("plain text"), "plain text");
    EXPECT_EQ(printable(kPrecomposed), kPrecomposed);
    EXPECT_EQ(printable("a\x1B[2Jb"), "a\uFFFD[2Jb");  // ESC cannot move the cursor
    EXPECT_EQ(printable("line\nbreak\r"), "line\uFFFDbreak\uFFFD");
    // clang-format off
    EXPECT_EQ(printable("a\x7F" "b\u0085" "c"), "a\uFFFD" "b\uFFFD" "c");  // DEL and C1
    EXPECT_EQ(printable("a\xFF" "b"), "a\uFFFD" "b");
    EXPECT_EQ(printable("a\tb"), "a\uFFFD" "b");
    // clang-format on
    EXPECT_EQ(printable("a\tb", true), "a\tb");
}

}  // namespace
}  // namespace parscore::core
