// The HTML report (docs/reference/outputs.md): one self-contained file — structure per category, an inline SVG
// chart, the heat map's distinct cells, the indicators and the hashes — with every value from
// input escaped.
#include <gtest/gtest.h>

#include <regex>

#include "parscore/reports/report_html.hpp"
#include "report_fixture.hpp"

namespace {

using namespace parscore::testing;

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
    return n;
}

struct Rendered {
    std::unique_ptr<LoadedRulebook> loaded;
    parscore::engine::Evaluation evaluation;
    parscore::engine::Summary summary;
};

// Departments: a complete one, one named like a script, one whose online service was never
// checked (an error: incomplete); a district (online exempt, no procedures: posted missing).
Rendered render_fixture(const std::string& rulebook_text = kRulebook) {
    Rendered r;
    r.loaded = load_rulebook_text(rulebook_text);
    if (!r.loaded->rulebook) return r;
    const auto& rb = r.loaded->get();
    EvidenceBuilder b(rb);
    b.unit("so-tp", "department", "Sở Tư pháp").fact("online_checked", yes()).fact("website", yes());
    b.records("procedure", {{b.text("TP-01"), yes(), integer(3)}});
    b.unit("so-x", "department", "<script>alert(1)</script>").fact("online_checked", yes()).fact("website", no());
    b.records("procedure", {{b.text("X-01"), yes(), integer(1)}, {b.text("X-02"), no(), integer(1)}});
    b.unit("so-y", "department", "Sở \"Y\" & 'Z'").fact("website", yes());
    b.unit("h-lt", "district", "UBND huyện Lạc Thủy").fact("website", yes());
    auto evidence = b.take();
    evidence.evidence_sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    parscore::engine::EvaluationRequest request;
    request.year = 2013;
    request.by_rank = true;
    r.evaluation = parscore::engine::evaluate_loaded(rb, evidence, request, std::nullopt);
    r.summary = parscore::engine::summarize(rb, evidence, 2013, parscore::engine::Basis::All);
    return r;
}

TEST(ReportHtmlTest, IsOneSelfContainedUtf8Document) {
    Rendered r = render_fixture();
    ASSERT_TRUE(r.loaded->rulebook);
    std::string html = parscore::engine::render_html(r.loaded->get(), r.evaluation, &r.summary, true);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", 0), 0u);
    EXPECT_EQ(count(html, "http://"), 0u);
    EXPECT_EQ(count(html, "https://"), 0u);
    EXPECT_EQ(count(html, "<script"), 0u);
    EXPECT_EQ(count(html, "<link"), 0u);
    EXPECT_EQ(count(html, "src="), 0u);
    EXPECT_EQ(count(html, "url("), 0u);
    EXPECT_EQ(count(html, "@import"), 0u);
    EXPECT_NE(html.find("@page { size: A4;"), std::string::npos);
    EXPECT_NE(html.find("@media print"), std::string::npos);
    EXPECT_NE(html.find("Sở Tư pháp"), std::string::npos);
    EXPECT_NE(html.find("UBND huyện Lạc Thủy"), std::string::npos);
    EXPECT_NE(html.find("<title>Đánh giá thử nghiệm — 2013</title>"), std::string::npos);
    EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
}

TEST(ReportHtmlTest, EscapesEveryValueFromInput) {
    Rendered r = render_fixture();
    ASSERT_TRUE(r.loaded->rulebook);
    std::string html = parscore::engine::render_html(r.loaded->get(), r.evaluation, &r.summary, true);
    EXPECT_EQ(html.find("<script>alert(1)</script>"), std::string::npos);
    EXPECT_NE(html.find("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"), std::string::npos);
    // In the heat map's row heads (and attributes) quotes are escaped too.
    EXPECT_NE(html.find("<th scope=\"row\" class=\"unit\" title=\"so-y\">Sở &quot;Y&quot; &amp; &#39;Z&#39;</th>"),
              std::string::npos)
        << html;
    EXPECT_EQ(html.find("Sở \"Y\""), std::string::npos);

    // Rulebook text is input as well: a title and a criterion title that try to break out.
    std::string hostile = kRulebook;
    hostile.replace(hostile.find("\"Đánh giá thử nghiệm\""), std::string("\"Đánh giá thử nghiệm\"").size(),
                    "'\"><img src=x onerror=alert(1)>'");
    hostile.replace(hostile.find("\"Trang thông tin điện tử\""), std::string("\"Trang thông tin điện tử\"").size(),
                    "'</th><script>x()</script>'");
    Rendered h = render_fixture(hostile);
    ASSERT_TRUE(h.loaded->rulebook);
    std::string page = parscore::engine::render_html(h.loaded->get(), h.evaluation, &h.summary, true);
    EXPECT_EQ(page.find("<img"), std::string::npos);
    EXPECT_EQ(page.find("<script"), std::string::npos);
    EXPECT_NE(page.find("<h1>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</h1>"), std::string::npos);
    EXPECT_NE(page.find("title=\"&lt;/th&gt;&lt;script&gt;x()&lt;/script&gt; (max 4)\""), std::string::npos);
}

TEST(ReportHtmlTest, HasOneRankingTableAndOneChartPerCategory) {
    Rendered r = render_fixture();
    ASSERT_TRUE(r.loaded->rulebook);
    std::string html = parscore::engine::render_html(r.loaded->get(), r.evaluation, &r.summary, true);
    EXPECT_EQ(count(html, "<table class=\"ranking\">"), 2u);
    EXPECT_EQ(count(html, "<table class=\"heat\">"), 2u);
    EXPECT_EQ(count(html, "<svg "), 2u);
    EXPECT_LT(html.find("<h2>department"), html.find("<h2>Khối UBND cấp huyện"));
    // Two complete departments get bars, coloured by band; the incomplete one none.
    std::string department = html.substr(0, html.find("<h2>Khối UBND cấp huyện"));
    EXPECT_EQ(count(department, "<rect class=\"bar b"), 2u);
    EXPECT_NE(department.find("<span class=\"band incomplete\""), std::string::npos);
    EXPECT_NE(html.find("Incomplete: <code>so-y</code>"), std::string::npos);
    // Ranking layout: rank and change columns.
    EXPECT_NE(html.find("<th scope=\"col\" class=\"num\">change</th>"), std::string::npos);
    std::string scores = parscore::engine::render_html(r.loaded->get(), r.evaluation, nullptr, false);
    EXPECT_NE(scores.find("<th scope=\"col\" class=\"num\">points</th><th scope=\"col\" class=\"num\">max</th>"),
              std::string::npos);
    EXPECT_EQ(scores.find("Summary indicators"), std::string::npos);
}

TEST(ReportHtmlTest, HeatMapShowsExemptMissingAndErrorDistinctly) {
    Rendered r = render_fixture();
    ASSERT_TRUE(r.loaded->rulebook);
    std::string html = parscore::engine::render_html(r.loaded->get(), r.evaluation, &r.summary, true);
    // so-y never had online checked (error); the district is exempt from it and has no
    // procedures (posted missing); so-tp has full points for posting (hue 120).
    EXPECT_NE(html.find("<td class=\"error\" title=\"tthc.online: error: no evidence\">!</td>"), std::string::npos);
    EXPECT_NE(html.find("<td class=\"exempt\" title=\"tthc.online: exempt\">–</td>"), std::string::npos);
    EXPECT_NE(html.find("<td class=\"missing\" title=\"tthc.posted: evidence missing, 0 of 4\">?</td>"),
              std::string::npos);
    EXPECT_NE(html.find("<td style=\"background:hsl(120,65%,78%)\" title=\"tthc.posted: 4 of 4\">4</td>"),
              std::string::npos);
    // so-x posted one of two: 2 of 4 points, half way (hue 60).
    EXPECT_NE(html.find("<td style=\"background:hsl(60,65%,78%)\" title=\"tthc.posted: 2 of 4\">2</td>"),
              std::string::npos);
}

TEST(ReportHtmlTest, ShowsIndicatorsAndHashesWithoutTimestamps) {
    Rendered r = render_fixture();
    ASSERT_TRUE(r.loaded->rulebook);
    const auto& rb = r.loaded->get();
    std::string html = parscore::engine::render_html(rb, r.evaluation, &r.summary, true);
    EXPECT_NE(html.find("<tr><td>Cơ quan có trang thông tin điện tử</td><td class=\"num\">2/3</td>"
                        "<td class=\"num\">1/1</td><td class=\"num\">3/4</td></tr>"),
              std::string::npos);
    ASSERT_FALSE(rb.sha256.empty());
    EXPECT_NE(html.find("sha256 <code>" + rb.sha256 + "</code>"), std::string::npos);
    EXPECT_NE(html.find(
                  "Evidence sha256 <code>e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855</code>"),
              std::string::npos);
    EXPECT_EQ(html, parscore::engine::render_html(rb, r.evaluation, &r.summary, true));
}

// Assistive technology reads a table by its header cells' scope, and a region that scrolls must
// be reachable by keyboard: every <th> has a scope, every scrolling wrapper is focusable and named.
TEST(ReportHtmlTest, HeaderCellsHaveScopesAndScrollingRegionsTakeFocus) {
    Rendered r = render_fixture();
    ASSERT_TRUE(r.loaded->rulebook);
    for (bool ranking : {true, false}) {
        const std::string html = parscore::engine::render_html(r.loaded->get(), r.evaluation, &r.summary, ranking);
        const std::regex th("<th(\\s[^>]*)?>");
        std::size_t cells = 0;
        for (auto it = std::sregex_iterator(html.begin(), html.end(), th); it != std::sregex_iterator(); ++it) {
            ++cells;
            EXPECT_TRUE(std::regex_search(it->str(), std::regex(" scope=\"(col|row|colgroup)\""))) << it->str();
        }
        EXPECT_GT(cells, 20u);
        EXPECT_EQ(count(html, "<th scope=\"colgroup\" class=\"group\" colspan="), 4u);  // two groups, two heat maps
        EXPECT_EQ(count(html, "class=\"scroll\""), 5u);  // per category a ranking and a heat map; the summary
        EXPECT_EQ(count(html, "<section class=\"scroll\" tabindex=\"0\" aria-label=\""), 5u);
        EXPECT_NE(html.find("<section class=\"scroll\" tabindex=\"0\" aria-label=\"Points by criterion: department\">"
                            "<table class=\"heat\">"),
                  std::string::npos);
        EXPECT_NE(html.find("<section class=\"scroll\" tabindex=\"0\" aria-label=\"Summary indicators\">"),
                  std::string::npos);
    }
}

TEST(ReportHtmlTest, EscapeCoversTheFiveSpecialCharacters) {
    EXPECT_EQ(parscore::engine::html_escape("a&b<c>d\"e'f Đ"), "a&amp;b&lt;c&gt;d&quot;e&#39;f Đ");
}

}  // namespace

namespace {

using parscore::i18n::Language;

// The Vietnamese page: lang="vi", every heading, column head, legend, tooltip and note in
// Vietnamese, decimals with a comma; names, titles and band labels as written.
TEST(ReportHtmlTest, SpeaksVietnamese) {
    Rendered r = render_fixture();
    ASSERT_TRUE(r.loaded->rulebook);
    const auto& rb = r.loaded->get();
    r.evaluation.units.front().total_change = dec("2.5");
    std::string html = parscore::engine::render_html(rb, r.evaluation, &r.summary, true, Language::vi);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"vi\">", 0), 0u);
    for (
        const char* text : {
            "<p class=\"meta\">Xếp hạng năm 2013 · căn cứ: tất cả các cuộc kiểm tra · 4 đơn vị</p>",
            "<p class=\"legend\">Xếp loại: <span class=\"band b0\">Hoàn thành xuất sắc nhiệm vụ</span> ≥ 90",
            "<th scope=\"col\" class=\"num\">Hạng</th><th scope=\"col\" class=\"id\">Mã đơn vị</th><th scope=\"col\">Tên đơn vị</th><th scope=\"col\" class=\"num\">Tổng điểm</th>"
            "<th scope=\"col\">Xếp loại</th><th scope=\"col\" class=\"num\">Thay đổi hạng</th>",
            "<span class=\"band incomplete\" title=\"",
            ">chưa đủ dữ liệu</span>",
            "(+2,50)",
            "aria-label=\"tổng điểm theo xếp loại\"",
            "<figcaption>Tổng điểm, tô màu theo xếp loại;",
            "<h3>Điểm theo tiêu chí: Khối UBND cấp huyện</h3>",
            "<th scope=\"col\" class=\"unit\" rowspan=\"2\">Đơn vị</th>",
            "<th scope=\"row\" class=\"unit\" title=\"so-tp\">Sở Tư pháp</th>",
            "title=\"Niêm yết công khai TTHC (tối đa 4 điểm)\"",
            "title=\"tthc.online: lỗi: không có tài liệu kiểm chứng\">!</td>",
            "title=\"tthc.online: không áp dụng\">–</td>",
            "title=\"tthc.posted: thiếu tài liệu kiểm chứng, 0/4 điểm\">?</td>",
            "title=\"tthc.posted: 4/4 điểm\">4</td>",
            "một nửa",
            "đủ điểm · ",
            "Chưa đủ dữ liệu: <code>so-y</code>: ",
            "<h2>Chỉ tiêu tổng hợp</h2>",
            "<th scope=\"col\">Chỉ tiêu</th>",
            "<th scope=\"col\" class=\"num\">Toàn tỉnh</th>",
            "Chỉ tiêu có/không ghi “số đơn vị đạt / số đơn vị có giá trị”",
            "<p>Bộ tiêu chí <code>test-reports</code>, phiên bản <code>1</code>, mã SHA-256: <code>",
            "<p>Mã SHA-256 của tài liệu kiểm chứng: <code>e3b0c442",
            " · năm 2013 · căn cứ: tất cả các cuộc kiểm tra</p>",
        }) {
        EXPECT_NE(html.find(text), std::string::npos) << text;
    }
    // Totals read with a comma, in the table and on the bars; coordinates keep their dot.
    const std::string total = r.evaluation.units.front().total->to_fixed(2);
    std::string vi_total = total;
    vi_total[vi_total.find('.')] = ',';
    EXPECT_NE(html.find("<td class=\"num\">" + vi_total + "</td>"), std::string::npos) << vi_total;
    EXPECT_NE(html.find("\">" + vi_total + "</text></g>"), std::string::npos);
    EXPECT_NE(html.find("viewBox=\"0 0 400 "), std::string::npos);
    for (const char* english :
         {">rank<", ">unit<", ">Ranking for", "· basis all", "Bands:", "Points by criterion", "Summary indicators",
          "Evidence sha256", "Rulebook <code>", " of 4", ">exempt<", ">incomplete<", "(max "}) {
        EXPECT_EQ(html.find(english), std::string::npos) << english;
    }
    // The score layout too.
    std::string scores = parscore::engine::render_html(rb, r.evaluation, nullptr, false, Language::vi);
    EXPECT_NE(scores.find(
                  "<th scope=\"col\" class=\"num\">Điểm đạt</th><th scope=\"col\" class=\"num\">Điểm tối đa</th>"),
              std::string::npos);
    EXPECT_NE(scores.find("Kết quả chấm điểm năm 2013"), std::string::npos);
}

TEST(ReportHtmlTest, EnglishReadsAsBefore) {
    Rendered r = render_fixture();
    ASSERT_TRUE(r.loaded->rulebook);
    std::string html = parscore::engine::render_html(r.loaded->get(), r.evaluation, &r.summary, true, Language::en);
    EXPECT_EQ(html, parscore::engine::render_html(r.loaded->get(), r.evaluation, &r.summary, true));
    for (
        const char* text :
        {"<p class=\"meta\">Ranking for 2013 · basis all · 4 units</p>",
         "<p class=\"legend\">Bands: <span class=\"band b0\">",
         "<th scope=\"col\" class=\"num\">rank</th><th scope=\"col\" class=\"id\">unit</th><th scope=\"col\">name</th>",
         "Incomplete: <code>so-y</code>: ", "<th scope=\"col\" class=\"unit\" rowspan=\"2\">unit</th>",
         " full points · ", "<figcaption>Totals, coloured by band; dashed lines mark each band's minimum.",
         "<th scope=\"col\">indicator</th>", "<th scope=\"col\" class=\"num\">overall</th>",
         "<p>Rulebook <code>test-reports</code> version <code>1</code>, sha256 <code>",
         " · year 2013 · basis all</p>"}) {
        EXPECT_NE(html.find(text), std::string::npos) << text;
    }
}

// The summary's figures, as `parscore summary` and the HTML report print them: the language's
// words and separators, counts grouped from five digits on.
TEST(ReportHtmlTest, IndicatorFiguresInBothLanguages) {
    parscore::engine::IndicatorSummary number;
    number.type = parscore::engine::IndicatorType::Int;
    parscore::engine::IndicatorFigures f;
    f.sum = dec("12345");
    f.mean = dec("6.9473684");
    f.with_value = 19;
    f.no_value = 12000;
    EXPECT_EQ(parscore::engine::indicator_figures_text(number, f, Language::en),
              "12,345 (mean 6.947 of 19, 12,000 without a value)");
    EXPECT_EQ(parscore::engine::indicator_figures_text(number, f, Language::vi),
              "12.345 (bình quân 6,947 trên 19 đơn vị, 12.000 đơn vị không có giá trị)");
    parscore::engine::IndicatorSummary ratio;
    ratio.type = parscore::engine::IndicatorType::Ratio;
    parscore::engine::IndicatorFigures g;
    g.ratio = dec("0.447368421");
    g.of_sum = dec("17");
    g.over_sum = dec("38");
    g.with_value = 19;
    EXPECT_EQ(parscore::engine::indicator_figures_text(ratio, g, Language::vi), "44,7% (17/38)");
    g = {};
    EXPECT_EQ(parscore::engine::indicator_figures_text(ratio, g, Language::vi), "- (không có giá trị)");
}

}  // namespace
