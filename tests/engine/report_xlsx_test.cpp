// The Excel workbook (docs/reports.md): a valid ZIP package with the ranking and criteria sheets (and
// the indicators when given), byte-for-byte reproducible, text from input never a formula.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <set>

#include "parscore/i18n/translate.hpp"
#include "parscore/reports/report_xlsx.hpp"
#include "report_fixture.hpp"

namespace {

using namespace parscore::testing;

std::uint32_t le(const std::string& b, std::size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
    return v;
}

// The part names of a ZIP file, read from its central directory (PKWARE APPNOTE §4.3.12, §4.3.16).
std::set<std::string> zip_parts(const std::string& zip) {
    std::set<std::string> names;
    if (zip.size() < 22) return names;
    std::size_t eocd = std::string::npos;
    for (std::size_t i = zip.size() - 22 + 1; i-- > 0;) {
        if (le(zip, i, 4) == 0x06054b50) {
            eocd = i;
            break;
        }
    }
    if (eocd == std::string::npos) return names;
    std::size_t entries = le(zip, eocd + 10, 2);
    std::size_t at = le(zip, eocd + 16, 4);
    for (std::size_t e = 0; e < entries && at + 46 <= zip.size(); ++e) {
        if (le(zip, at, 4) != 0x02014b50) break;
        std::size_t name = le(zip, at + 28, 2), extra = le(zip, at + 30, 2), comment = le(zip, at + 32, 2);
        names.insert(zip.substr(at + 46, name));
        at += 46 + name + extra + comment;
    }
    return names;
}

struct Workbook {
    std::unique_ptr<LoadedRulebook> loaded;
    parscore::engine::Evaluation evaluation;
    parscore::engine::Summary summary;
};

Workbook fixture() {
    Workbook w;
    w.loaded = load_rulebook_text(kRulebook);
    if (!w.loaded->rulebook) return w;
    const auto& rb = w.loaded->get();
    EvidenceBuilder b(rb);
    b.unit("so-tp", "department", "Sở Tư pháp").fact("online_checked", yes()).fact("website", yes());
    b.records("procedure", {{b.text("TP-01"), yes(), integer(3)}});
    b.unit("so-yt", "department", "=HYPERLINK(\"http://x\",\"y\")").fact("online_checked", yes());
    b.unit("h-kb", "district", "UBND huyện Kim Bôi").fact("website", no());
    auto evidence = b.take();
    parscore::engine::EvaluationRequest request;
    request.year = 2013;
    request.by_rank = true;
    w.evaluation = parscore::engine::evaluate_loaded(rb, evidence, request, std::nullopt);
    w.summary = parscore::engine::summarize(rb, evidence, 2013, parscore::engine::Basis::All);
    return w;
}

TEST(ReportXlsxTest, IsAZipWithTheWorkbookParts) {
    Workbook w = fixture();
    ASSERT_TRUE(w.loaded->rulebook);
    TempDir dir;
    parscore::engine::write_xlsx(w.loaded->get(), w.evaluation, nullptr, dir / "ranking.xlsx");
    std::string bytes = read_file(dir / "ranking.xlsx");
    ASSERT_GT(bytes.size(), 4u);
    EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
    std::set<std::string> parts = zip_parts(bytes);
    for (const char* part :
         {"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
          "xl/sharedStrings.xml", "xl/styles.xml", "docProps/core.xml"}) {
        EXPECT_TRUE(parts.count(part)) << part;
    }
    EXPECT_FALSE(parts.count("xl/worksheets/sheet3.xml"));

    parscore::engine::write_xlsx(w.loaded->get(), w.evaluation, &w.summary, dir / "with-summary.xlsx");
    EXPECT_TRUE(zip_parts(read_file(dir / "with-summary.xlsx")).count("xl/worksheets/sheet3.xml"));
}

TEST(ReportXlsxTest, SameEvaluationGivesTheSameBytes) {
    Workbook w = fixture();
    ASSERT_TRUE(w.loaded->rulebook);
    TempDir dir;
    parscore::engine::write_xlsx(w.loaded->get(), w.evaluation, &w.summary, dir / "a.xlsx");
    parscore::engine::write_xlsx(w.loaded->get(), w.evaluation, &w.summary, dir / "b.xlsx");
    std::string a = read_file(dir / "a.xlsx");
    EXPECT_FALSE(a.empty());
    EXPECT_EQ(a, read_file(dir / "b.xlsx"));
}

TEST(ReportXlsxTest, AnUnwritablePathIsAnError) {
    Workbook w = fixture();
    ASSERT_TRUE(w.loaded->rulebook);
    TempDir dir;
    EXPECT_THROW(parscore::engine::write_xlsx(w.loaded->get(), w.evaluation, nullptr, dir / "no-such-dir" / "x.xlsx"),
                 parscore::engine::WorkbookError);
    // The message reads in English as `what()` and in the reader's language from its text.
    try {
        parscore::engine::write_xlsx(w.loaded->get(), w.evaluation, nullptr, dir / "no-such-dir" / "x.xlsx");
    } catch (const parscore::engine::WorkbookError& e) {
        EXPECT_EQ(std::string(e.what()).rfind("cannot ", 0), 0u) << e.what();
        EXPECT_EQ(parscore::i18n::localize(parscore::i18n::Language::en, e.text), e.what());
        const std::string vi = parscore::i18n::localize(parscore::i18n::Language::vi, e.text);
        EXPECT_EQ(vi.rfind("không ", 0), 0u) << vi;
        EXPECT_NE(vi.find("bảng tính"), std::string::npos) << vi;
    }
}

TEST(ReportXlsxTest, TextIsWrittenAsNeutralisedStringsNeverFormulas) {
    if (std::system("unzip -v >/dev/null 2>&1") != 0) GTEST_SKIP() << "the unzip program is not installed";
    Workbook w = fixture();
    ASSERT_TRUE(w.loaded->rulebook);
    TempDir dir;
    parscore::engine::write_xlsx(w.loaded->get(), w.evaluation, &w.summary, dir / "r.xlsx");
    std::string strings = unzip_part(dir / "r.xlsx", "xl/sharedStrings.xml");
    EXPECT_NE(strings.find("<t>'=HYPERLINK(\"http://x\",\"y\")</t>"), std::string::npos) << strings;
    EXPECT_NE(strings.find("<t>Sở Tư pháp</t>"), std::string::npos);
    EXPECT_NE(strings.find("<t>UBND huyện Kim Bôi</t>"), std::string::npos);
    EXPECT_NE(strings.find("<t>Hoàn thành xuất sắc nhiệm vụ</t>"), std::string::npos);
    // The coloured band column reads the label; the id is beside it.
    EXPECT_NE(strings.find("<t>band id</t>"), std::string::npos) << strings;
    std::string ranking = unzip_part(dir / "r.xlsx", "xl/worksheets/sheet1.xml");
    EXPECT_EQ(ranking.find("<f>"), std::string::npos);
    EXPECT_NE(ranking.find("state=\"frozen\""), std::string::npos);
    EXPECT_NE(ranking.find("<col "), std::string::npos);
    std::string criteria = unzip_part(dir / "r.xlsx", "xl/worksheets/sheet2.xml");
    EXPECT_NE(criteria.find("<pane xSplit=\"4\" ySplit=\"2\""), std::string::npos) << criteria.substr(0, 600);
    std::string workbook = unzip_part(dir / "r.xlsx", "xl/workbook.xml");
    EXPECT_NE(workbook.find("name=\"Ranking\""), std::string::npos);
    EXPECT_NE(workbook.find("name=\"Criteria\""), std::string::npos);
    EXPECT_NE(workbook.find("name=\"Indicators\""), std::string::npos);
    std::string core = unzip_part(dir / "r.xlsx", "docProps/core.xml");
    EXPECT_NE(core.find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2013-01-01T00:00:00Z</dcterms:created>"),
              std::string::npos)
        << core;
}

// People read points rounded to two decimals in the workbook, as in tables; JSON keeps them exact.
TEST(ReportXlsxTest, PointsAreRoundedToTwoDecimals) {
    if (std::system("unzip -v >/dev/null 2>&1") != 0) GTEST_SKIP() << "the unzip program is not installed";
    Workbook w = fixture();
    ASSERT_TRUE(w.loaded->rulebook);
    auto& unit = w.evaluation.units.front();
    unit.criteria.front().status = parscore::engine::CriterionStatus::Scored;
    unit.criteria.front().points = dec("0.999999999");
    unit.points = dec("2.333333333");
    TempDir dir;
    parscore::engine::write_xlsx(w.loaded->get(), w.evaluation, &w.summary, dir / "r.xlsx");
    std::string ranking = unzip_part(dir / "r.xlsx", "xl/worksheets/sheet1.xml");
    EXPECT_NE(ranking.find("<v>2.33</v>"), std::string::npos) << ranking;
    EXPECT_EQ(ranking.find("2.333"), std::string::npos) << ranking;
    std::string criteria = unzip_part(dir / "r.xlsx", "xl/worksheets/sheet2.xml");
    EXPECT_EQ(criteria.find("0.999"), std::string::npos) << criteria;
}

TEST(ReportXlsxTest, SummaryWorkbookHasOneIndicatorsSheetWithLabelsAndShares) {
    if (std::system("unzip -v >/dev/null 2>&1") != 0) GTEST_SKIP() << "the unzip program is not installed";
    Workbook w = fixture();
    ASSERT_TRUE(w.loaded->rulebook);
    TempDir dir;
    parscore::engine::write_summary_xlsx(w.loaded->get(), w.summary, dir / "s.xlsx");
    std::set<std::string> parts = zip_parts(read_file(dir / "s.xlsx"));
    EXPECT_TRUE(parts.count("xl/worksheets/sheet1.xml"));
    EXPECT_FALSE(parts.count("xl/worksheets/sheet2.xml"));
    std::string workbook = unzip_part(dir / "s.xlsx", "xl/workbook.xml");
    EXPECT_NE(workbook.find("name=\"Indicators\""), std::string::npos) << workbook;
    std::string strings = unzip_part(dir / "s.xlsx", "xl/sharedStrings.xml");
    EXPECT_NE(strings.find("<t>Khối UBND cấp huyện</t>"), std::string::npos) << strings;  // the category's label
    EXPECT_NE(strings.find("<t>ratio</t>"), std::string::npos);
    std::string styles = unzip_part(dir / "s.xlsx", "xl/styles.xml");
    EXPECT_NE(styles.find("formatCode=\"0.0%\""), std::string::npos) << styles;  // shares read as percentages
    std::string core = unzip_part(dir / "s.xlsx", "docProps/core.xml");
    EXPECT_NE(core.find("2013-01-01T00:00:00Z"), std::string::npos);
}

// In Vietnamese the sheets, column heads and the words in cells are translated; numbers stay
// number cells (Excel shows them with the reader's separators), ids and names as written.
TEST(ReportXlsxTest, SpeaksVietnameseWithNumbersStillNumbers) {
    if (!unzip_available()) GTEST_SKIP() << "the unzip program is not installed";
    Workbook w = fixture();
    ASSERT_TRUE(w.loaded->rulebook);
    TempDir dir;
    parscore::engine::write_xlsx(w.loaded->get(), w.evaluation, &w.summary, dir / "vi.xlsx",
                                 parscore::i18n::Language::vi);
    std::string workbook = unzip_part(dir / "vi.xlsx", "xl/workbook.xml");
    for (const char* sheet : {"name=\"Xếp hạng\"", "name=\"Tiêu chí\"", "name=\"Chỉ tiêu tổng hợp\""}) {
        EXPECT_NE(workbook.find(sheet), std::string::npos) << sheet << "\n" << workbook;
    }
    EXPECT_EQ(workbook.find("name=\"Ranking\""), std::string::npos);
    std::string strings = unzip_part(dir / "vi.xlsx", "xl/sharedStrings.xml");
    for (const char* text :
         {"Khối",       "Hạng",          "Mã đơn vị",     "Tên đơn vị",         "Tổng điểm",
          "Xếp loại",   "Mã xếp loại",   "Thay đổi hạng", "Thay đổi tổng điểm", "Trạng thái",
          "Điểm đạt",   "Điểm tối đa",   "Điểm trừ",      "Điểm thưởng",        "Lý do",
          "đủ dữ liệu", "không áp dụng", "Chỉ tiêu",      "Tên chỉ tiêu",       "Số đơn vị có giá trị",
          "Toàn tỉnh",  "Sở Tư pháp",    "so-tp",         "excellent",          "Hoàn thành xuất sắc nhiệm vụ"}) {
        EXPECT_NE(strings.find("<t>" + std::string(text) + "</t>"), std::string::npos) << text;
    }
    for (const char* english :
         {"<t>category</t>", "<t>band id</t>", "<t>complete</t>", "<t>exempt</t>", "<t>overall</t>", "<t>max</t>"}) {
        EXPECT_EQ(strings.find(english), std::string::npos) << english;
    }
    // The total (column E) of the first unit is a number cell, as in English.
    std::string ranking = unzip_part(dir / "vi.xlsx", "xl/worksheets/sheet1.xml");
    std::size_t total = ranking.find("<c r=\"E2\"");
    ASSERT_NE(total, std::string::npos) << ranking;
    std::string cell = ranking.substr(total, ranking.find("</c>", total) - total);
    EXPECT_EQ(cell.find("t=\"s\""), std::string::npos) << cell;
    EXPECT_NE(cell.find("<v>"), std::string::npos) << cell;
    // The cells are those of the English workbook: only the shared strings (and widths) differ.
    parscore::engine::write_xlsx(w.loaded->get(), w.evaluation, &w.summary, dir / "en.xlsx");
    auto cells = [](const std::string& sheet) { return sheet.substr(sheet.find("<sheetData>")); };
    EXPECT_EQ(cells(ranking), cells(unzip_part(dir / "en.xlsx", "xl/worksheets/sheet1.xml")));
    std::string core = unzip_part(dir / "vi.xlsx", "docProps/core.xml");
    EXPECT_NE(core.find("căn cứ: tất cả các cuộc kiểm tra"), std::string::npos) << core;

    parscore::engine::write_summary_xlsx(w.loaded->get(), w.summary, dir / "s.xlsx", parscore::i18n::Language::vi);
    EXPECT_NE(unzip_part(dir / "s.xlsx", "xl/workbook.xml").find("name=\"Chỉ tiêu tổng hợp\""), std::string::npos);
}

}  // namespace
