// A document printed as one HTML file: every string escaped, the language, the tables' header
// cells and group rows, landscape annexes, bold and italic spans, and the whole file against
// tests/golden/document/ (UPDATE_GOLDEN=1 rewrites it and reports the test as skipped).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <variant>

#include "parscore/yearly_report/document_html.hpp"

namespace {

namespace fs = std::filesystem;
using namespace parscore::engine::yearly;

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
    return n;
}

// A short report: letterhead, a heading, body text with bold and italic, a bullet, a note, a
// table with a group row and a total, the closing, a portrait and a landscape annex.
Document sample() {
    Document d;
    d.meta = {"Báo cáo kết quả cải cách hành chính năm 2013",
              "Năm 2013 · hoa-binh-cchc 2013.2",
              "2013, hoa-binh-cchc",
              "SỞ NỘI VỤ",
              "vi",
              "2013-12-20"};
    d.letterhead = {"UBND TỈNH HÒA BÌNH",          "SỞ NỘI VỤ",     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc", "Số: ……/BC-SNV", "Hòa Bình, ngày …… tháng 12 năm 2013"};
    d.kind = "BÁO CÁO";
    d.title = "Kết quả xác định Chỉ số cải cách hành chính năm 2013";
    d.body.push_back(Paragraph{ParagraphStyle::Heading1, {{"I. KẾT QUẢ CHUNG"}}});
    d.body.push_back(Paragraph{ParagraphStyle::Heading2, {{"1. Cải cách thủ tục hành chính"}}});
    d.body.push_back(Paragraph{ParagraphStyle::Body,
                               {{"Năm 2013, "},
                                {"24", true},
                                {" cơ quan được đánh giá; điểm bình quân "},
                                {"78,40", true, true},
                                {" điểm ("},
                                {"tăng", false, true},
                                {" so với năm trước)."}}});
    d.body.push_back(Paragraph{ParagraphStyle::Bullet, {{"- Khối sở, ban, ngành: 19 cơ quan;"}}});
    d.body.push_back(Paragraph{ParagraphStyle::Note, {{"Số liệu theo kết quả kiểm tra đến ngày 15/12/2013."}}});
    Table t;
    t.caption = "Bảng 1. Xếp hạng các cơ quan";
    t.columns = {{"STT", 0.5, Align::Center}, {"Cơ quan", 3, Align::Left}, {"Điểm", 1, Align::Right}};
    t.rows = {{{"Khối sở, ban, ngành"}, true, false},
              {{"1", "Sở Tư pháp", "92,50"}, false, false},
              {{"2", "Sở Tài chính", "88,42"}, false, false},
              {{"", "Bình quân", "90,46"}, false, true}};
    d.body.push_back(t);
    d.closing = {
        "Nơi nhận:", {"- UBND tỉnh (để báo cáo);", "- Lưu: VT, CCHC."}, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"};
    Annex a;
    a.heading = "Phụ lục I";
    a.title = "ĐIỂM THEO TIÊU CHÍ";
    a.subtitle = "(Kèm theo Báo cáo số ……/BC-SNV ngày …… tháng 12 năm 2013)";
    a.blocks.push_back(Paragraph{ParagraphStyle::Heading1, {{"1. Khối sở"}}});
    // Each table its own caption: a caption names the table's region, and regions need distinct names.
    t.caption = "Bảng 2. Khối sở";
    a.blocks.push_back(t);
    Annex b = a;
    b.heading = "Phụ lục II";
    b.landscape = true;
    std::get<Table>(b.blocks.back()).caption = "Bảng 3. Khối huyện";
    d.annexes = {a, b};
    return d;
}

const std::string kHostile = "<b>&\"'x</b>";
const std::string kEscaped = "&lt;b&gt;&amp;&quot;&#39;x&lt;/b&gt;";

TEST(DocumentHtml, EscapesEveryString) {
    Document d = sample();
    d.meta.title = d.meta.subject = d.meta.keywords = d.meta.author = kHostile;
    d.letterhead = {kHostile, kHostile, kHostile, kHostile, kHostile, kHostile};
    d.kind = d.title = kHostile;
    Table t;
    t.caption = kHostile;
    t.columns = {{kHostile, 1, Align::Left}, {kHostile, 1, Align::Right}};
    t.rows = {{{kHostile}, true, false}, {{kHostile, kHostile}, false, false}};
    d.body = {Paragraph{ParagraphStyle::Body, {{kHostile}, {kHostile, true}, {kHostile, false, true}}}, t};
    d.closing = {kHostile, {kHostile}, kHostile, kHostile, kHostile};
    d.annexes = {Annex{kHostile, kHostile, kHostile, {t}, true}};
    const std::string html = render_document_html(d);
    EXPECT_EQ(count(html, "<b>"), 0u);
    EXPECT_EQ(count(html, "\"'x"), 0u);
    EXPECT_NE(html.find("<title>" + kEscaped + "</title>"), std::string::npos);
    EXPECT_NE(html.find("<meta name=\"description\" content=\"" + kEscaped + "\">"), std::string::npos);
    EXPECT_NE(html.find("<meta name=\"keywords\" content=\"" + kEscaped + "\">"), std::string::npos);
    EXPECT_NE(html.find("<caption>" + kEscaped + "</caption>"), std::string::npos);
    EXPECT_NE(html.find("aria-label=\"" + kEscaped + "\""), std::string::npos);
    EXPECT_NE(html.find("<th scope=\"col\">" + kEscaped + "</th>"), std::string::npos);
    EXPECT_NE(html.find("<td class=\"r\">" + kEscaped + "</td>"), std::string::npos);
    EXPECT_NE(html.find("<strong>" + kEscaped + "</strong>"), std::string::npos);
    EXPECT_NE(html.find("<em>" + kEscaped + "</em>"), std::string::npos);
    // 1 title, 3 meta, 6 letterhead, 2 heading, 3 spans, 2 × (caption, label, 2 heads, group, 2 cells),
    // 5 closing, 3 annex heading.
    EXPECT_EQ(count(html, kEscaped), 1u + 3 + 6 + 2 + 3 + 2 * 7 + 5 + 3) << html;
}

TEST(DocumentHtml, TakesItsLanguageFromTheMetadata) {
    Document d = sample();
    EXPECT_EQ(render_document_html(d).rfind("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">", 0),
              0u);
    d.meta.language = "en";
    EXPECT_EQ(render_document_html(d).rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
}

TEST(DocumentHtml, EveryHeaderCellHasAScopeAndGroupRowsSpanTheTable) {
    const std::string html = render_document_html(sample());
    const std::regex th("<th(\\s[^>]*)?>");
    std::size_t cells = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), th); it != std::sregex_iterator(); ++it, ++cells) {
        EXPECT_NE(it->str().find(" scope=\""), std::string::npos) << it->str();
    }
    EXPECT_EQ(cells, 3u * (3 + 1));  // three tables: three column heads and one group row each
    EXPECT_EQ(count(html, "<th scope=\"col\">"), 9u);
    EXPECT_NE(html.find("<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"3\">Khối sở, ban, ngành</th></tr>"),
              std::string::npos);
    EXPECT_NE(html.find("<tr class=\"total\"><td class=\"c\"></td><td>Bình quân</td><td class=\"r\">90,46</td></tr>"),
              std::string::npos);
    EXPECT_NE(html.find("<td class=\"r\">92,50</td>"), std::string::npos);
    // Wide tables scroll in a region the keyboard reaches, named by the caption.
    EXPECT_EQ(count(html, "<section class=\"table\" tabindex=\"0\" aria-label=\"Bảng 1. Xếp hạng các cơ quan\">"), 1u);
    EXPECT_EQ(count(html, "<section class=\"table\" tabindex=\"0\" aria-label=\"Bảng 3. Khối huyện\">"), 1u);
}

TEST(DocumentHtml, AnnexesStartNewPagesAndLandscapeOnesGetTheirPage) {
    const std::string html = render_document_html(sample());
    EXPECT_EQ(count(html, "<section class=\"sheet annex\">"), 1u);
    EXPECT_EQ(count(html, "<section class=\"sheet annex landscape\">"), 1u);
    EXPECT_NE(html.find("@page { size: A4; margin: 20mm 15mm 20mm 30mm; }"), std::string::npos);
    EXPECT_NE(html.find("@page landscape { size: A4 landscape;"), std::string::npos);
    EXPECT_NE(html.find(".annex { break-before: page; }"), std::string::npos);
    EXPECT_NE(html.find(".annex.landscape { page: landscape; }"), std::string::npos);
    EXPECT_NE(html.find("thead { display: table-header-group; }"), std::string::npos);
    EXPECT_NE(html.find("tr { break-inside: avoid; }"), std::string::npos);
    EXPECT_NE(html.find("\"Times New Roman\", \"Noto Serif\", serif"), std::string::npos);
}

TEST(DocumentHtml, MarksBoldAndItalicSpans) {
    const std::string html = render_document_html(sample());
    EXPECT_NE(html.find("<p class=\"body\">Năm 2013, <strong>24</strong> cơ quan được đánh giá; điểm bình quân "
                        "<strong><em>78,40</em></strong> điểm (<em>tăng</em> so với năm trước).</p>"),
              std::string::npos);
    EXPECT_NE(html.find("<p><strong><em>Nơi nhận:</em></strong></p>"), std::string::npos);
    EXPECT_NE(html.find("<h2>I. KẾT QUẢ CHUNG</h2>"), std::string::npos);
    EXPECT_NE(html.find("<h3>1. Cải cách thủ tục hành chính</h3>"), std::string::npos);
    EXPECT_NE(html.find("<h3>1. Khối sở</h3>"), std::string::npos);  // in an annex, under its heading
}

TEST(DocumentHtml, IsSelfContainedAndTheSameEveryTime) {
    const std::string html = render_document_html(sample());
    for (const char* outside : {"<script", "<link", "src=", "url(", "@import", "http://", "https://"}) {
        EXPECT_EQ(html.find(outside), std::string::npos) << outside;
    }
    EXPECT_EQ(html, render_document_html(sample()));
}

TEST(DocumentHtml, MatchesTheGoldenFile) {
    const fs::path golden = fs::path(PARSCORE_SOURCE_DIR) / "tests" / "golden" / "document" / "report-vi.html";
    const std::string html = render_document_html(sample());
    if (const char* update = std::getenv("UPDATE_GOLDEN"); update && std::string(update) == "1") {
        fs::create_directories(golden.parent_path());
        std::ofstream(golden, std::ios::binary) << html;
        GTEST_SKIP() << "rewrote " << golden;
    }
    std::ifstream in(golden, std::ios::binary);
    ASSERT_TRUE(in) << golden << " is missing; run with UPDATE_GOLDEN=1 to create it";
    std::stringstream expected;
    expected << in.rdbuf();
    EXPECT_EQ(expected.str(), html) << "differs from " << golden << " (UPDATE_GOLDEN=1 rewrites it)";
}

}  // namespace
