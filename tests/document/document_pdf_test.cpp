// The PDF printed from a document, read back with poppler's tools: page sizes and count (pdfinfo),
// embedded fonts (pdffonts), the text of each page (pdftotext) and its pixels (pdftoppm).
#include "parscore/yearly_report/document_pdf.hpp"

#include "support/poppler.hpp"
#include "support/scratch_dir.hpp"

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace parscore::engine::yearly {
namespace {

namespace fs = std::filesystem;
namespace pdf = parscore::testing::pdf;
using parscore::testing::ScratchDir;
using pdf::lines_of;
using pdf::page_count;
using pdf::page_sizes;
using pdf::quoted;
using pdf::run;

fs::path write_pdf(const ScratchDir& dir, const std::string& name, const std::string& bytes) {
    const fs::path path = dir.path() / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

Paragraph para(ParagraphStyle style, std::string text) { return {style, {{std::move(text)}}}; }

std::string padded(int n) {
    std::string s = std::to_string(n);
    return std::string(3 - std::min<std::size_t>(3, s.size()), '0') + s;
}

/// Rows whose first and last words ("đầu007", "cuối007") let a test find where each row went.
Table units_table(int rows, const std::string& caption) {
    Table table;
    table.caption = caption;
    table.columns = {{"STT", 0.6, Align::Center},
                     {"Tên đơn vị", 3, Align::Left},
                     {"Nhận xét", 4, Align::Left},
                     {"Tỷ lệ", 1.2, Align::Right}};
    table.rows.push_back({{"Khối sở, ban, ngành"}, true, false});
    for (int i = 1; i <= rows; ++i) {
        const std::string id = padded(i);
        std::string remark = "đầu" + id + " đã công khai thủ tục hành chính đúng hạn";
        if (i % 3 == 0) remark += ", còn chậm trong việc số hóa hồ sơ và trả kết quả trực tuyến";
        table.rows.push_back({{std::to_string(i), "Đơn vị số " + id, remark + " cuối" + id, "44,7%"}});
    }
    table.rows.push_back({{"", "Tổng cộng", "8/19 sở", "100%"}, false, true});
    return table;
}

Document sample_document(int rows = 120) {
    Document d;
    d.meta = {"Báo cáo kết quả cải cách hành chính năm 2013",
              "Năm 2013 · hoa-binh-cchc 2013.2",
              "2013, hoa-binh-cchc",
              "Sở Nội vụ tỉnh Hòa Bình",
              "vi",
              "2013-12-20"};
    d.letterhead = {"UBND TỈNH HÒA BÌNH",          "SỞ NỘI VỤ",      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc", "Số: 125/BC-SNV", "Hòa Bình, ngày 20 tháng 12 năm 2013"};
    d.kind = "BÁO CÁO";
    d.title = "Kết quả chấm điểm chỉ số cải cách hành chính năm 2013";
    d.body.push_back(para(ParagraphStyle::Heading1, "I. KẾT QUẢ THỰC HIỆN"));
    d.body.push_back(Paragraph{ParagraphStyle::Body,
                               {{"Năm 2013, "},
                                {"8/19 sở", true},
                                {" đạt loại tốt; tỷ lệ trung bình là "},
                                {"44,7%", false, true},
                                {", tăng so với năm trước."}}});
    d.body.push_back(para(ParagraphStyle::Heading2, "1. Cải cách thủ tục hành chính"));
    d.body.push_back(para(ParagraphStyle::Bullet, "- Rà soát, đơn giản hóa thủ tục hành chính ở tất cả các sở."));
    d.body.push_back(para(ParagraphStyle::Note, "Số liệu dựa trên kết quả tự đánh giá của các đơn vị."));
    d.body.push_back(units_table(rows, "Bảng 1. Kết quả chấm điểm các sở"));
    d.body.push_back(para(ParagraphStyle::Body, "Trên đây là báo cáo kết quả cải cách hành chính năm 2013."));
    d.closing = {
        "Nơi nhận:", {"- UBND tỉnh (để báo cáo);", "- Lưu: VT, CCHC."}, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"};
    Annex portrait{"Phụ lục I", "Danh mục tiêu chí", "Kèm theo Báo cáo số 125/BC-SNV", {}, false};
    portrait.blocks.push_back(para(ParagraphStyle::Body, "Tiêu chí đánh giá theo bộ chỉ số của tỉnh."));
    Annex landscape{"Phụ lục II", "Điểm chi tiết theo lĩnh vực", "", {}, true};
    landscape.blocks.push_back(units_table(40, "Bảng 2. Điểm chi tiết"));
    d.annexes = {portrait, landscape};
    return d;
}

/// A rendered sample document and its pages' text, shared by the tests that only read it.
class DocumentPdf : public ::testing::Test {
protected:
    void SetUp() override {
        pdf_ = write_pdf(dir_, "report.pdf", render_document_pdf(sample_document()));
        pages_ = page_count(pdf_);
        for (int page = 1; page <= pages_; ++page) texts_.push_back(pdf::text(pdf_, page));
    }
    /// The pages (1-based) whose text holds `part`, among pages [1, before).
    std::vector<int> pages_with(const std::string& part, int before = 0) const {
        std::vector<int> pages;
        for (int page = 1; page <= pages_ && (before == 0 || page < before); ++page) {
            if (contains(texts_[static_cast<std::size_t>(page - 1)], part)) pages.push_back(page);
        }
        return pages;
    }

    ScratchDir dir_;
    fs::path pdf_;
    int pages_ = 0;
    std::vector<std::string> texts_;
};

TEST_F(DocumentPdf, PagesAreA4AndTheLandscapeAnnexIsLandscape) {
    ASSERT_GT(pages_, 2);
    const std::vector<std::string> sizes = page_sizes(pdf_, pages_);
    ASSERT_EQ(sizes.size(), static_cast<std::size_t>(pages_));
    EXPECT_TRUE(contains(run("pdfinfo " + quoted(pdf_)), "Page size:       595.28 x 841.89 pts (A4)"));
    const std::vector<int> first_annex = pages_with("Phụ lục I\n");
    const std::vector<int> second_annex = pages_with("Phụ lục II");
    ASSERT_EQ(first_annex.size(), 1u);
    ASSERT_EQ(second_annex.size(), 1u);
    for (int page = 1; page <= pages_; ++page) {
        const bool landscape = page >= second_annex[0];
        EXPECT_EQ(sizes[static_cast<std::size_t>(page - 1)], landscape ? "841.89 x 595.28" : "595.28 x 841.89")
            << "page " << page;
    }
    EXPECT_GT(pages_, second_annex[0]) << "the landscape annex's table needs more than one page";
}

TEST_F(DocumentPdf, EveryFontIsEmbeddedNotoSerif) {
    const std::vector<std::string> lines = lines_of(run("pdffonts " + quoted(pdf_)));
    ASSERT_GT(lines.size(), 2u);  // two header lines, then one per font
    for (std::size_t i = 2; i < lines.size(); ++i) {
        std::istringstream in(lines[i]);
        std::vector<std::string> words;
        for (std::string word; in >> word;) words.push_back(word);
        ASSERT_GE(words.size(), 6u) << lines[i];
        EXPECT_EQ(words[words.size() - 5], "yes") << "not embedded: " << lines[i];
        EXPECT_TRUE(contains(words[0], "NotoSerif")) << lines[i];
    }
}

TEST_F(DocumentPdf, CarriesItsMetadata) {
    const std::string info = run("pdfinfo " + quoted(pdf_));
    EXPECT_TRUE(contains(info, "Title:           Báo cáo kết quả cải cách hành chính năm 2013")) << info;
    EXPECT_TRUE(contains(info, "Subject:         Năm 2013 · hoa-binh-cchc 2013.2")) << info;
    EXPECT_TRUE(contains(info, "Keywords:        2013, hoa-binh-cchc")) << info;
    EXPECT_TRUE(contains(info, "Author:          Sở Nội vụ tỉnh Hòa Bình")) << info;
    EXPECT_TRUE(contains(info, "Creator:         parscore")) << info;
    EXPECT_TRUE(contains(info, "CreationDate:") && contains(info, "Dec 20") && contains(info, "2013")) << info;
}

TEST_F(DocumentPdf, VietnameseTextExtractsExactly) {
    const std::string all = run("pdftotext " + quoted(pdf_) + " -");
    for (const char* text :
         {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "8/19 sở", "44,7%", "SỞ NỘI VỤ",
          "Số: 125/BC-SNV", "Hòa Bình, ngày 20 tháng 12 năm 2013", "BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN",
          "Nơi nhận:", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A", "Khối sở, ban, ngành", "Tổng cộng"}) {
        EXPECT_TRUE(contains(all, text)) << text;
    }
}

TEST_F(DocumentPdf, TableHeaderRepeatsAndNoRowIsSplit) {
    // The annexes repeat the rows' words; the body's table ends before them.
    const int annexes = pages_with("Phụ lục I\n")[0];
    const int first = pages_with("đầu001", annexes)[0];
    const int last = pages_with("Tổng cộng", annexes)[0];
    ASSERT_GT(last, first) << "the 120-row table spans pages";
    for (int page = first; page <= last; ++page) {
        const std::string& text = texts_[static_cast<std::size_t>(page - 1)];
        EXPECT_TRUE(contains(text, "Tên đơn vị") && contains(text, "Nhận xét")) << "no header on page " << page;
    }
    for (int i = 1; i <= 120; ++i) {
        const std::string id = padded(i);
        const std::vector<int> head = pages_with("đầu" + id, annexes);
        const std::vector<int> name = pages_with("Đơn vị số " + id + "\n", annexes);
        ASSERT_EQ(head.size(), 1u) << "row " << i;
        EXPECT_EQ(pages_with("cuối" + id, annexes), head) << "row " << i << " is split";
        EXPECT_EQ(name, head) << "row " << i << " is split";
    }
}

TEST_F(DocumentPdf, NoPageHoldsATableHeaderAlone) {
    for (int page = 1; page <= pages_; ++page) {
        const std::string& text = texts_[static_cast<std::size_t>(page - 1)];
        if (contains(text, "Tên đơn vị")) {
            EXPECT_TRUE(contains(text, "Đơn vị số")) << "page " << page;
        }
    }
}

TEST_F(DocumentPdf, PagesAfterTheFirstAreNumberedAtTheTop) {
    const std::vector<std::string> first = lines_of(texts_[0]);
    ASSERT_FALSE(first.empty());
    EXPECT_NE(first[0], "1");
    for (int page = 2; page <= pages_; ++page) {
        const std::vector<std::string> lines = lines_of(texts_[static_cast<std::size_t>(page - 1)]);
        ASSERT_FALSE(lines.empty()) << "page " << page;
        EXPECT_EQ(lines[0], std::to_string(page)) << "page " << page;
    }
}

TEST_F(DocumentPdf, ClosingStaysOnOnePage) {
    const std::vector<int> recipients = pages_with("Nơi nhận:");
    ASSERT_EQ(recipients.size(), 1u);
    EXPECT_EQ(pages_with("Nguyễn Văn A"), recipients);
    EXPECT_EQ(pages_with("Lưu: VT, CCHC."), recipients);
}

TEST_F(DocumentPdf, NoPageIsBlank) {
    const std::vector<bool> blank = pdf::blank_pages(pdf_, dir_.path());
    EXPECT_EQ(static_cast<int>(blank.size()), pages_);
    for (std::size_t i = 0; i < blank.size(); ++i) EXPECT_FALSE(blank[i]) << "page " << i + 1 << " is blank";
}

TEST(DocumentPdfText, MarkupCharactersPrintLiterally) {
    Document d;
    d.title = "Tiêu đề có a < b & c > d trong văn bản";
    d.body.push_back(para(ParagraphStyle::Body, "<b>không đậm</b> &amp; 5 < 6 && 7 > 3"));
    ScratchDir dir;
    const fs::path file = write_pdf(dir, "markup.pdf", render_document_pdf(d));
    const std::string all = run("pdftotext " + quoted(file) + " -");
    EXPECT_TRUE(contains(all, "Tiêu đề có a < b & c > d trong văn bản")) << all;
    EXPECT_TRUE(contains(all, "<b>không đậm</b> &amp; 5 < 6 && 7 > 3")) << all;
}

TEST(DocumentPdfText, SameDocumentSameBytes) {
    const Document d = sample_document(30);
    const std::string first = render_document_pdf(d);
    ASSERT_GT(first.size(), 1000u);
    EXPECT_EQ(first.rfind("%PDF-", 0), 0u);
    EXPECT_TRUE(first == render_document_pdf(d)) << "two renders of one document differ";
}

TEST(DocumentPdfText, HeadingsAreKeptWithWhatFollows) {
    // Forty sections of uneven length put headings at many heights on the page.
    Document d;
    std::set<std::string> headings;
    for (int i = 1; i <= 40; ++i) {
        const std::string heading = "Mục số " + std::to_string(i);
        headings.insert(heading);
        d.body.push_back(para(ParagraphStyle::Heading2, heading));
        std::string text = "Nội dung của mục " + std::to_string(i) + ".";
        for (int w = 0; w < (i * 7) % 23; ++w) text += " Các sở đã thực hiện đầy đủ việc công khai thủ tục.";
        d.body.push_back(para(ParagraphStyle::Body, text));
    }
    ScratchDir dir;
    const fs::path file = write_pdf(dir, "headings.pdf", render_document_pdf(d));
    const int pages = page_count(file);
    ASSERT_GT(pages, 5);
    for (int page = 1; page <= pages; ++page) {
        std::vector<std::string> lines = lines_of(pdf::text(file, page));
        while (!lines.empty() && (lines.back().empty() || lines.back() == "\f")) lines.pop_back();
        ASSERT_FALSE(lines.empty());
        EXPECT_EQ(headings.count(lines.back()), 0u) << "page " << page << " ends with " << lines.back();
    }
}

TEST(DocumentPdfText, LongTablesRenderQuickly) {
    Document d;
    d.body.push_back(units_table(2000, "Bảng lớn"));
    const auto start = std::chrono::steady_clock::now();
    const std::string bytes = render_document_pdf(d);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 20.0);
    ScratchDir dir;
    const fs::path file = write_pdf(dir, "long.pdf", bytes);
    const int pages = page_count(file);
    EXPECT_GT(pages, 40);
    EXPECT_TRUE(contains(pdf::text(file, pages), "cuối2000"));
    EXPECT_TRUE(contains(pdf::text(file, pages), "Tên đơn vị"));
}

}  // namespace
}  // namespace parscore::engine::yearly
