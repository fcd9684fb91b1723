// Safe outputs (docs/reference/outputs.md): every value that comes from input — unit names, rulebook titles,
// versions, labels, ids — is escaped in HTML, and a text cell that a spreadsheet would run as a
// formula (leading =, +, -, @, tab or carriage return) is neutralised in every CSV output and in
// the workbook. Text too long for an Excel cell is cut rather than failing the workbook.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "parscore/analyses/gap.hpp"
#include "parscore/reports/report.hpp"
#include "parscore/reports/report_html.hpp"
#include "parscore/reports/report_xlsx.hpp"
#include "report_fixture.hpp"

namespace {

using namespace parscore::testing;
namespace engine = parscore::engine;

const std::string kScript = "<script>alert(1)</script>";
const std::string kImage = "\"><img src=x onerror=alert(1)>";

/// The report rulebook with hostile text in every place a rulebook holds text.
std::string hostile_rulebook() {
    std::string text = kRulebook;
    auto replace = [&text](const std::string& from, const std::string& to) {
        const auto at = text.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        text.replace(at, from.size(), to);
    };
    replace("version: \"1\"", "version: '" + kScript + "'");
    replace("title: \"Đánh giá thử nghiệm\"", "title: '" + kImage + "'");
    replace("title: \"Cải cách thủ tục hành chính\"", "title: '</th></tr><script>g()</script>'");
    replace("title: \"Niêm yết công khai TTHC\"", "title: '=1+1<b>'");
    replace("label: \"Hoàn thành tốt nhiệm vụ\"", "label: \"<iframe src=//x>\"");
    replace("title: \"Cơ quan có trang thông tin điện tử\"", "title: \"<svg onload=alert(1)>\"");
    return text;
}

/// Units named with markup, with every formula lead character, and one too long for Excel.
const std::vector<std::string> kNames = {kScript, "=HYPERLINK(\"http://x\",\"y\")", "+1", "-1+2", "@SUM(A1)", "\tx",
                                         "\rx"};

struct Rendered {
    std::unique_ptr<LoadedRulebook> loaded;
    engine::Evaluation evaluation;
    engine::Summary summary;
};

Rendered render(const std::string& long_name = "") {
    Rendered r;
    r.loaded = load_rulebook_text(hostile_rulebook());
    if (!r.loaded->rulebook) return r;
    const auto& rb = r.loaded->get();
    EvidenceBuilder b(rb);
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        b.unit("d" + std::to_string(i), "department", kNames[i]).fact("online_checked", yes()).fact("website", yes());
        b.records("procedure", {{b.text("P"), yes(), integer(3)}});
    }
    if (!long_name.empty()) b.unit("long", "district", long_name).fact("website", yes());
    auto evidence = b.take();
    engine::EvaluationRequest request;
    request.year = 2013;
    request.by_rank = true;
    r.evaluation = engine::evaluate_loaded(rb, evidence, request, std::nullopt);
    r.summary = engine::summarize(rb, evidence, 2013, engine::Basis::All);
    return r;
}

TEST(OutputSafetyTest, HtmlEscapesEveryValueFromInput) {
    Rendered r = render();
    ASSERT_TRUE(r.loaded->rulebook);
    for (bool ranking : {true, false}) {
        const std::string html = engine::render_html(r.loaded->get(), r.evaluation, &r.summary, ranking);
        for (const char* tag : {"<script", "<img", "<iframe", "<svg onload", "<b>", "</th></tr><script"}) {
            EXPECT_EQ(html.find(tag), std::string::npos) << tag;
        }
        EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);         // unit name, version
        EXPECT_NE(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);  // title
        EXPECT_NE(html.find("&lt;iframe src=//x&gt;"), std::string::npos);                        // band label
        EXPECT_NE(html.find("&lt;svg onload=alert(1)&gt;"), std::string::npos);                   // indicator
        EXPECT_NE(html.find("=1+1&lt;b&gt;"), std::string::npos);                                 // criterion title
    }
}

TEST(OutputSafetyTest, CsvTextCellNeutralisesEveryFormulaLead) {
    for (const char* lead : {"=", "+", "-", "@", "\t", "\r"}) {
        EXPECT_EQ(engine::csv_text_cell(std::string(lead) + "1"), std::string("'") + lead + "1") << int(lead[0]);
    }
    for (const char* plain : {"", "1", "a=b", " =1", "'=1", "Sở Tư pháp"}) {
        EXPECT_EQ(engine::csv_text_cell(plain), plain);
    }
}

TEST(OutputSafetyTest, ScoreCsvNeutralisesNamesAndKeepsNumbers) {
    Rendered r = render();
    ASSERT_TRUE(r.loaded->rulebook);
    const std::string csv = engine::render_csv(r.loaded->get(), r.evaluation, false);
    EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","), std::string::npos) << csv;
    EXPECT_NE(csv.find(",'+1,"), std::string::npos);
    EXPECT_NE(csv.find(",'-1+2,"), std::string::npos);
    EXPECT_NE(csv.find(",'@SUM(A1),"), std::string::npos);
    EXPECT_NE(csv.find(",'\tx,"), std::string::npos);
    EXPECT_NE(csv.find(",\"'\rx\","), std::string::npos);
    // Every line that holds a unit: no cell starts with a formula lead unless it is a number.
    std::size_t start = csv.find('\n') + 1;
    for (std::size_t nl; (nl = csv.find('\n', start)) != std::string::npos; start = nl + 1) {
        const std::string line = csv.substr(start, nl - start);
        for (std::size_t c = 0; c <= line.size();) {
            const std::size_t end = std::min(line.find(',', c), line.size());
            std::string cell = line.substr(c, end - c);
            if (!cell.empty() && cell[0] == '"') cell = cell.substr(1);
            if (!cell.empty() &&
                (cell[0] == '=' || cell[0] == '+' || cell[0] == '@' || cell[0] == '\t' || cell[0] == '\r')) {
                ADD_FAILURE() << "formula lead in cell '" << cell << "' of line " << line;
            }
            if (!cell.empty() && cell[0] == '-' &&
                !(cell.size() > 1 && std::isdigit(static_cast<unsigned char>(cell[1])) &&
                  cell.find_first_not_of("0123456789.", 1) == std::string::npos)) {
                ADD_FAILURE() << "a text cell starting with '-' in line " << line;
            }
            c = end + 1;
        }
    }
}

TEST(OutputSafetyTest, GapCsvNeutralisesNames) {
    engine::GapReport report;
    report.year = 2013;
    for (const std::string& name : kNames) {
        engine::GapRow row;
        row.unit = "u";
        row.name = name;
        row.category = "department";
        row.criterion_id = "g.c";
        report.rows.push_back(row);
    }
    const std::string csv = engine::render_gap_csv(report, false);
    EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","), std::string::npos) << csv;
    for (const char* cell : {",'+1,", ",'-1+2,", ",'@SUM(A1),", ",'\tx,", ",\"'\rx\","}) {
        EXPECT_NE(csv.find(cell), std::string::npos) << cell;
    }
}

TEST(OutputSafetyTest, WorkbookWritesNeutralisedStringsAndCutsTooLongText) {
    if (std::system("unzip -v >/dev/null 2>&1") != 0) GTEST_SKIP() << "the unzip program is not installed";
    // 40,000 characters (two bytes each): over Excel's 32,767 per cell, within the 64 KiB limit.
    std::string long_name;
    for (int i = 0; i < 40'000; ++i) long_name += "ở";
    Rendered r = render(long_name);
    ASSERT_TRUE(r.loaded->rulebook);
    TempDir dir;
    ASSERT_NO_THROW(engine::write_xlsx(r.loaded->get(), r.evaluation, &r.summary, dir / "r.xlsx"));
    const std::string strings = unzip_part(dir / "r.xlsx", "xl/sharedStrings.xml");
    ASSERT_FALSE(strings.empty());
    EXPECT_NE(strings.find("<t>'=HYPERLINK(\"http://x\",\"y\")</t>"), std::string::npos);
    EXPECT_NE(strings.find("<t>'+1</t>"), std::string::npos);
    EXPECT_NE(strings.find("<t>'-1+2</t>"), std::string::npos);
    EXPECT_NE(strings.find("<t>'@SUM(A1)</t>"), std::string::npos);
    EXPECT_EQ(strings.find("<t>" + kScript), std::string::npos);  // escaped as XML
    std::string cut;
    for (int i = 0; i < 32'766; ++i) cut += "ở";
    EXPECT_NE(strings.find("<t>" + cut + "…</t>"), std::string::npos);
    for (const char* sheet : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}) {
        EXPECT_EQ(unzip_part(dir / "r.xlsx", sheet).find("<f>"), std::string::npos) << sheet;
    }
}

}  // namespace
