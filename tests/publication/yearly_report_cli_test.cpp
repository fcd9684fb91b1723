// `parscore report` on the demo province: the 2013 report's PDF holds the seed report's figures
// the demo reproduces, written the Vietnamese way, on A4 pages none of which is blank; without a
// config the issuer and signer are blanks; a bad config is reported at its position and writes
// nothing.
#include <gtest/gtest.h>

#include "cli_support.hpp"
#include "support/poppler.hpp"

namespace parscore::testing {
namespace {

const fs::path kSampleConfig = kSourceDir / "docs" / "examples" / "report.yaml";

class YearlyReport : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new ScratchDir();
        demo_code_ = parscore({"demo", "--db", "demo.db"}, dir_->path()).code;
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    static CliRun report(std::vector<std::string> args) {
        args.insert(args.begin(), {"report", "--db", "demo.db", "--year", "2013"});
        return parscore(args, dir_->path());
    }
    static fs::path path(const std::string& name) { return dir_->path() / name; }

    static ScratchDir* dir_;
    static int demo_code_;
};

ScratchDir* YearlyReport::dir_ = nullptr;
int YearlyReport::demo_code_ = -1;

TEST_F(YearlyReport, ThePdfHoldsTheSeedFiguresInVietnamese) {
    ASSERT_EQ(demo_code_, 0);
    const CliRun r = report({"--format", "pdf", "--lang", "vi", "--config", kSampleConfig.string(), "--out", "vi.pdf"});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string text = pdf::flattened(pdf::text(path("vi.pdf")));
    // The letterhead, from the config and the catalog.
    for (const char* part :
         {"UBND TỈNH HÒA BÌNH", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "Số: 125/BC-SNV", "Hòa Bình, ngày 20 tháng 12 năm 2013", "BÁO CÁO", "Nơi nhận:", "KT. GIÁM ĐỐC",
          "PHÓ GIÁM ĐỐC", "Nguyễn Văn An", "- Lưu: VT, CCHC."}) {
        EXPECT_NE(text.find(part), std::string::npos) << part;
    }
    // The seed's figures (websites at 8 of 19 departments and 4 of 11 districts, one-stop at 16
    // of 19 departments, autonomy at 44.7%, 95 procedures changed, 1,151 legal documents reviewed,
    // 64.7% of commune officials and 83.1% of commune civil servants up to standard).
    for (const char* part : {"Cơ quan có trang thông tin điện tử: Khối sở, ban, ngành 8/19; Khối UBND các huyện, "
                             "thành phố 4/11",
                             "Cơ quan duy trì bộ phận một cửa: Khối sở, ban, ngành 16/19",
                             "Tỷ lệ đơn vị sự nghiệp thực hiện cơ chế tự chủ:", "toàn tỉnh 44,7% (447/1000)",
                             "Số TTHC được sửa đổi, thay thế, bãi bỏ sau rà soát và công bố: Khối sở, ban, ngành 95",
                             "Số văn bản QPPL được rà soát:", "toàn tỉnh 1151", "toàn tỉnh 64,7% (1294/2000)",
                             "toàn tỉnh 83,1% (1662/2000)"}) {
        EXPECT_NE(text.find(part), std::string::npos) << part;
    }
    // A figure no unit has is said to be missing, never printed as 0.
    EXPECT_NE(text.find("Tỷ lệ cán bộ cấp xã đạt chuẩn: Khối sở, ban, ngành: chưa có số liệu"), std::string::npos);
    // Inspections, violations, self-assessment and bands, and the annexes.
    for (const char* part :
         {"Trong năm 2013, đã thực hiện 37 cuộc kiểm tra tại 30 đơn vị, gồm: 7 cuộc kiểm tra đột "
          "xuất; 30 cuộc kiểm tra theo kế hoạch.",
          "Kiểm tra đột xuất tại: Sở Xây dựng (12/03/2013)",
          "Uống rượu, bia trong giờ làm việc: 1 đơn vị, bị trừ tổng cộng 2,00 điểm (UBND huyện Đà Bắc)",
          "Các đơn vị tự chấm cao hơn nhiều nhất:", "Ban Dân tộc: cao hơn 6,00 điểm ở 2 tiêu chí.",
          "So với năm 2012: Hoàn thành xuất sắc nhiệm vụ 0 → 0; Hoàn thành tốt nhiệm vụ 4 → 7",
          "Cao nhất: Sở Tài chính (88,42 điểm)", "Phụ lục I", "KẾT QUẢ XẾP HẠNG CÁC ĐƠN VỊ NĂM 2013",
          "(Kèm theo Báo cáo số 125/BC-SNV ngày 20/12/2013)", "Phụ lục II",
          "ĐIỂM ĐÁNH GIÁ THEO TỪNG TIÊU CHÍ NĂM 2013"}) {
        EXPECT_NE(text.find(part), std::string::npos) << part;
    }
    EXPECT_EQ(pdf::info(path("vi.pdf"), "Title"),
              "Đánh giá, xếp loại kết quả thực hiện nhiệm vụ cải cách hành chính năm 2013");
    EXPECT_NE(pdf::info(path("vi.pdf"), "Subject").find("Năm 2013 · hoa-binh-cchc 2013.2 · SHA-256 "),
              std::string::npos);
    EXPECT_EQ(pdf::info(path("vi.pdf"), "Keywords").rfind("2013, hoa-binh-cchc, ", 0), 0u);
}

TEST_F(YearlyReport, PagesAreA4WithLandscapeCriteriaAndNoneIsBlank) {
    ASSERT_EQ(demo_code_, 0);
    const CliRun r = report({"--format", "pdf", "--lang", "vi", "--out", "pages.pdf"});
    ASSERT_EQ(r.code, 0) << r.err;
    const int pages = pdf::page_count(path("pages.pdf"));
    ASSERT_GE(pages, 6);
    const std::vector<std::string> sizes = pdf::page_sizes(path("pages.pdf"), pages);
    ASSERT_EQ(static_cast<int>(sizes.size()), pages);
    int landscape = 0;
    for (int page = 1; page <= pages; ++page) {
        const std::string& size = sizes[static_cast<std::size_t>(page - 1)];
        const bool criteria = pdf::text(path("pages.pdf"), page).find("ĐIỂM ĐÁNH GIÁ THEO TỪNG TIÊU CHÍ") !=
                              std::string::npos;
        if (criteria || landscape > 0) {
            EXPECT_EQ(size, "841.89 x 595.28") << "page " << page;  // Annex II and after: landscape A4
            ++landscape;
        } else {
            EXPECT_EQ(size, "595.28 x 841.89") << "page " << page;
        }
    }
    EXPECT_GT(landscape, 0);
    ScratchDir images;
    const std::vector<bool> blank = pdf::blank_pages(path("pages.pdf"), images.path());
    ASSERT_EQ(static_cast<int>(blank.size()), pages);
    for (std::size_t i = 0; i < blank.size(); ++i) EXPECT_FALSE(blank[i]) << "page " << i + 1 << " is blank";
    // The same evidence prints to the same bytes.
    ASSERT_EQ(report({"--format", "pdf", "--lang", "vi", "--out", "again.pdf"}).code, 0);
    EXPECT_EQ(read_file(path("pages.pdf")), read_file(path("again.pdf")));
}

TEST_F(YearlyReport, WithoutAConfigTheIssuerAndSignerAreBlanks) {
    ASSERT_EQ(demo_code_, 0);
    const CliRun r = report({"--format", "html", "--lang", "en"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("No.: ……………"), std::string::npos);
    EXPECT_NE(r.out.find("SOCIALIST REPUBLIC OF VIETNAM"), std::string::npos);
    EXPECT_NE(r.out.find("<html lang=\"en\""), std::string::npos);
    EXPECT_EQ(r.out.find("Nguyễn Văn An"), std::string::npos);
    EXPECT_EQ(r.out.find("SỞ NỘI VỤ"), std::string::npos);
}

struct BadConfig {
    const char* name;
    std::string text;
    std::string message;  // file:line:col: error[CODE]: …
};

TEST_F(YearlyReport, ABadConfigIsReportedAtItsPositionAndWritesNothing) {
    ASSERT_EQ(demo_code_, 0);
    const std::string issuer = "issuer:\n  name: \"SỞ NỘI VỤ\"\n";
    const std::string signer = "signer:\n  title: \"GIÁM ĐỐC\"\n  name: \"Nguyễn Văn An\"\n";
    const std::vector<BadConfig> cases = {
        {"unknown-key.yaml", issuer + signer + "signr: x\n",
         "unknown-key.yaml:6:1: error[E601]: unknown key 'signr' in the report config (did you mean 'signer'?)"},
        {"no-signer.yaml", issuer + "number: \"1/BC\"\n",
         "no-signer.yaml:1:1: error[E602]: the report config needs 'signer'"},
        {"no-name.yaml", issuer + "signer:\n  title: \"GIÁM ĐỐC\"\n",
         "no-name.yaml:4:3: error[E602]: the report config needs 'name'"},
        {"bad-date.yaml", issuer + signer + "date: 20/12/2013\n",
         "bad-date.yaml:6:7: error[E603]: 'date' must be a date such as 2013-12-20, found '20/12/2013'"},
        {"list.yaml", "- a\n", "list.yaml:1:1: error[E603]: the report config must be a map, found a list"},
    };
    for (const BadConfig& c : cases) {
        write_file(path(c.name), c.text);
        const CliRun r = report({"--format", "pdf", "--config", c.name, "--out", "bad.pdf"});
        EXPECT_EQ(r.code, 1) << c.name << "\n" << r.err;
        EXPECT_NE(r.err.find(c.message), std::string::npos) << c.name << "\n" << r.err;
        EXPECT_FALSE(fs::exists(path("bad.pdf"))) << c.name;
    }
    const CliRun missing = report({"--format", "pdf", "--config", "nowhere.yaml", "--out", "bad.pdf"});
    EXPECT_EQ(missing.code, 3) << missing.err;
    EXPECT_NE(missing.err.find("nowhere.yaml"), std::string::npos) << missing.err;
    EXPECT_FALSE(fs::exists(path("bad.pdf")));
}

TEST_F(YearlyReport, OtherFormatsAndAnOutputOverTheConfigAreRefused) {
    ASSERT_EQ(demo_code_, 0);
    EXPECT_EQ(report({"--format", "csv"}).code, 2);
    write_file(path("config.yaml"), read_file(kSampleConfig));
    const CliRun over = report({"--format", "html", "--config", "config.yaml", "--out", "config.yaml"});
    EXPECT_EQ(over.code, 2) << over.err;
    EXPECT_EQ(read_file(path("config.yaml")), read_file(kSampleConfig));
}

}  // namespace
}  // namespace parscore::testing
