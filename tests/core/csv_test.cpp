#include "parscore/core/csv.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parscore::core {
namespace {

using Rows = std::vector<std::vector<std::string>>;

struct Read {
    Rows rows;
    Diagnostics diags;
};

Read read_all(const SourceSet& sources, FileId file) {
    Read result;
    CsvReader reader(sources, file);
    std::vector<CsvCell> row;
    while (reader.next_row(row, result.diags)) {
        std::vector<std::string> cells;
        for (const CsvCell& cell : row) cells.emplace_back(cell.text);
        result.rows.push_back(std::move(cells));
    }
    return result;
}

Read read_text(const std::string& text) {
    SourceSet sources;
    const FileId file = sources.add("t.csv", text);
    return read_all(sources, file);
}

struct ParseCase {
    const char* name;
    std::string text;
    Rows rows;
};

class CsvParseTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(CsvParseTest, ReadsRecords) {
    const Read read = read_text(GetParam().text);
    EXPECT_TRUE(read.diags.empty());
    EXPECT_EQ(read.rows, GetParam().rows);
}

const ParseCase kParseCases[] = {
    {"Empty", "", {}},
    {"OneCell", "a", {{"a"}}},
    {"TrailingNewline", "a,b\n1,2\n", {{"a", "b"}, {"1", "2"}}},
    {"NoTrailingNewline", "a,b\n1,2", {{"a", "b"}, {"1", "2"}}},
    {"EmptyCells", ",,\n", {{"", "", ""}}},
    {"TrailingComma", "a,\n", {{"a", ""}}},
    {"TrailingCommaAtEnd", "a,", {{"a", ""}}},
    {"EmptyLineInMiddle", "a\n\nb\n", {{"a"}, {""}, {"b"}}},
    {"FinalEmptyLineIsARecord", "a\n\n", {{"a"}, {""}}},
    {"OnlyNewline", "\n", {{""}}},
    {"Quoted", "\"a\",\"b c\"\n", {{"a", "b c"}}},
    {"QuotedEmpty", "\"\",x\n", {{"", "x"}}},
    {"EmbeddedComma", "\"Ho\u00E0 B\u00ECnh, Vi\u1EC7t Nam\",2\n", {{"Ho\u00E0 B\u00ECnh, Vi\u1EC7t Nam", "2"}}},
    {"EmbeddedNewline", "\"line 1\nline 2\",x\ny\n", {{"line 1\nline 2", "x"}, {"y"}}},
    {"DoubledQuotes", "\"say \"\"hi\"\"\",\"\"\"\"\n", {{"say \"hi\"", "\""}}},
    {"OnlyEscapedQuote", "\"\"\"\"\"\"", {{"\"\""}}},
    {"SpacesKept", " a , b \n", {{" a ", " b "}}},
    {"QuotedCrIsData", "\"a\rb\",c\n", {{"a\rb", "c"}}},
    {"QuotedLastCellNoNewline", "1,\"x\"", {{"1", "x"}}},
};

INSTANTIATE_TEST_SUITE_P(Cases, CsvParseTest, ::testing::ValuesIn(kParseCases),
                         [](const auto& test) { return std::string(test.param.name); });

struct ErrorCase {
    const char* name;
    std::string text;
    std::uint32_t offset;
    std::uint32_t line;
    std::uint32_t column;
    const char* message_part;
    std::size_t rows_before;
};

class CsvErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(CsvErrorTest, ReportsE401AtOffset) {
    const ErrorCase& c = GetParam();
    SourceSet sources;
    const FileId file = sources.add("t.csv", c.text);
    const Read read = read_all(sources, file);
    EXPECT_EQ(read.rows.size(), c.rows_before);
    ASSERT_EQ(read.diags.size(), 1u);
    const Diagnostic& d = read.diags.items()[0];
    EXPECT_EQ(d.code, "E401");
    EXPECT_EQ(d.severity, Severity::Error);
    ASSERT_TRUE(d.span.has_value());
    EXPECT_EQ(d.span->begin, c.offset);
    EXPECT_EQ(d.span->end, c.offset + 1);
    const Location loc = sources.file(file).location(d.span->begin);
    EXPECT_EQ(loc.line, c.line);
    EXPECT_EQ(loc.column, c.column);
    EXPECT_NE(d.message.find(c.message_part), std::string::npos) << d.message;
}

const ErrorCase kErrorCases[] = {
    {"QuoteInUnquotedCell", "ab\"c\n", 2, 1, 3, "quote inside an unquoted cell", 0},
    {"QuoteInUnquotedCellLaterRow", "a,b\nx,y\"\n", 7, 2, 4, "quote inside an unquoted cell", 1},
    {"TextAfterClosingQuote", "\"a\"b,c\n", 3, 1, 4, "after the closing quote", 0},
    {"SpaceAfterClosingQuote", "x,\"a\" \n", 5, 1, 6, "after the closing quote", 0},
    {"UnterminatedQuote", "a\n\"unclosed,x\ny\n", 2, 2, 1, "not closed", 1},
    {"UnterminatedAfterEscape", "x,\"a\"\"", 2, 1, 3, "not closed", 0},
    {"LoneCr", "a\rb,c\n", 1, 1, 2, "carriage return without a line feed", 0},
    {"LoneCrLaterRow", "a\nb,c\rd\n", 5, 2, 4, "carriage return without a line feed", 1},
    {"NulByte", std::string("a,b\nc,\0\n", 8), 6, 2, 3, "NUL character", 0},
    {"ErrorColumnCountsCodePoints", "t\u00EAn,\u1EDF\"x\n", 8, 1, 6, "quote inside", 0},
};

INSTANTIATE_TEST_SUITE_P(Cases, CsvErrorTest, ::testing::ValuesIn(kErrorCases),
                         [](const auto& test) { return std::string(test.param.name); });

TEST(CsvReaderTest, StopsAfterAnError) {
    SourceSet sources;
    const FileId file = sources.add("t.csv", "a\"\nb\n");
    CsvReader reader(sources, file);
    Diagnostics diags;
    std::vector<CsvCell> row;
    EXPECT_FALSE(reader.next_row(row, diags));
    EXPECT_FALSE(reader.next_row(row, diags));
    EXPECT_EQ(diags.size(), 1u);
}

TEST(CsvReaderTest, CellOffsetsAndPositions) {
    SourceSet sources;
    const std::string text = "unit,name\nso-tu-phap,\"S\u1EDF T\u01B0\nph\u00E1p\",x\n";
    const FileId file = sources.add("t.csv", text);
    CsvReader reader(sources, file);
    Diagnostics diags;
    std::vector<CsvCell> row;
    ASSERT_TRUE(reader.next_row(row, diags));
    EXPECT_EQ(reader.row_index(), 0u);
    EXPECT_EQ(reader.row_offset(), 0u);
    ASSERT_EQ(row.size(), 2u);
    EXPECT_EQ(row[1].offset, 5u);
    EXPECT_FALSE(row[1].quoted);

    ASSERT_TRUE(reader.next_row(row, diags));
    EXPECT_EQ(reader.row_index(), 1u);
    EXPECT_EQ(reader.row_offset(), 10u);
    ASSERT_EQ(row.size(), 3u);
    EXPECT_TRUE(row[1].quoted);
    EXPECT_EQ(row[1].offset, text.find('"'));
    EXPECT_EQ(row[1].text, "S\u1EDF T\u01B0\nph\u00E1p");
    // The cell after a multi-line quoted cell starts on the next physical line.
    const Location loc = sources.file(file).location(row[2].offset);
    EXPECT_EQ(loc.line, 3u);
    EXPECT_EQ(loc.column, 7u);
    EXPECT_FALSE(reader.next_row(row, diags));
    EXPECT_EQ(reader.position(), reader.size());
    EXPECT_TRUE(diags.empty());
}

TEST(CsvReaderTest, SeveralEscapedCellsInOneRowStayValid) {
    const Read read = read_text("\"a\"\"1\",\"b\"\"2\",\"c\"\"3\"\n\"d\"\"4\"\n");
    ASSERT_TRUE(read.diags.empty());
    EXPECT_EQ(read.rows, (Rows{{"a\"1", "b\"2", "c\"3"}, {"d\"4"}}));
}

TEST(CsvReaderTest, UnquotedCellsPointIntoTheText) {
    SourceSet sources;
    const FileId file = sources.add("t.csv", "abc,\"de\"\n");
    CsvReader reader(sources, file);
    Diagnostics diags;
    std::vector<CsvCell> row;
    ASSERT_TRUE(reader.next_row(row, diags));
    const std::string& text = sources.file(file).text();
    EXPECT_EQ(row[0].text.data(), text.data());
    EXPECT_EQ(row[1].text.data(), text.data() + 5);  // no escapes: still a view, without quotes
}

TEST(CsvReaderTest, ReadsTwoHundredThousandRows) {
    constexpr std::size_t kRows = 200000;
    std::string text = "unit,date,code,posted,note\n";
    for (std::size_t i = 0; i < kRows; ++i) {
        text += "unit-" + std::to_string(i % 97) + ",2013-10-15,TP-" + std::to_string(i) + ",";
        text += (i % 2 == 0) ? "true," : "false,";
        text += (i % 10 == 0) ? "\"S\u1EDF \"\"" + std::to_string(i) + "\"\", a\nb\"\n" : "\n";
    }
    SourceSet sources;
    const FileId file = sources.add("big.csv", std::move(text));
    CsvReader reader(sources, file);
    Diagnostics diags;
    std::vector<CsvCell> row;
    ASSERT_TRUE(reader.next_row(row, diags));
    std::size_t count = 0;
    while (reader.next_row(row, diags)) {
        ASSERT_EQ(row.size(), 5u) << "record " << reader.row_index();
        const std::size_t i = count++;
        if (i % 1000 == 0 || i == kRows - 1) {
            ASSERT_EQ(row[2].text, "TP-" + std::to_string(i));
            ASSERT_EQ(row[3].text, i % 2 == 0 ? "true" : "false");
            const std::string note = i % 10 == 0 ? "S\u1EDF \"" + std::to_string(i) + "\", a\nb" : "";
            ASSERT_EQ(row[4].text, note);
        }
    }
    EXPECT_TRUE(diags.empty());
    EXPECT_EQ(count, kRows);
    EXPECT_EQ(reader.row_index(), kRows);
}

}  // namespace
}  // namespace parscore::core
