// The yearly report's config file: what it gives, and every problem at its position (E6xx).
#include "parscore/yearly_report/report_config.hpp"

#include <gtest/gtest.h>

#include "parscore/core/render.hpp"

namespace parscore::engine::yearly {
namespace {

struct Parsed {
    std::optional<ReportConfig> config;
    std::string problems;  // "line:col code message" per diagnostic
};

Parsed parse(const std::string& text) {
    core::SourceSet sources;
    core::Diagnostics diags;
    const core::FileId file = sources.add("report.yaml", text);
    Parsed out{parse_report_config(sources, file, diags), {}};
    for (const core::Diagnostic& d : diags) {
        const core::Location at = sources.file(file).location(d.span->begin);
        out.problems += std::to_string(at.line) + ":" + std::to_string(at.column) + " " + d.code + " " + d.message +
                        "\n";
    }
    return out;
}

const std::string kIssuer = "issuer:\n  name: \"SỞ NỘI VỤ\"\n";
const std::string kSigner = "signer:\n  title: \"GIÁM ĐỐC\"\n  name: \"Nguyễn Văn An\"\n";

TEST(ReportConfig, ReadsEveryKey) {
    const Parsed p = parse(
        "issuer:\n  parent: \"UBND TỈNH HÒA BÌNH\"\n  name: \"SỞ NỘI VỤ\"\nnumber: \"125/BC-SNV\"\n"
        "place: \"Hòa Bình\"\ndate: 2013-12-20\nsigner:\n  authority: \"KT. GIÁM ĐỐC\"\n"
        "  title: \"PHÓ GIÁM ĐỐC\"\n  name: \"Nguyễn Văn An\"\nrecipients:\n  - \"Bộ Nội vụ\"\n"
        "  - \"Lưu: VT\"\n");
    ASSERT_TRUE(p.config) << p.problems;
    const ReportConfig& c = *p.config;
    EXPECT_EQ(c.parent_body, "UBND TỈNH HÒA BÌNH");
    EXPECT_EQ(c.issuing_body, "SỞ NỘI VỤ");
    EXPECT_EQ(c.number, "125/BC-SNV");
    EXPECT_EQ(c.place, "Hòa Bình");
    ASSERT_TRUE(c.date);
    EXPECT_EQ(core::format_date(*c.date), "2013-12-20");
    EXPECT_EQ(c.authority, "KT. GIÁM ĐỐC");
    EXPECT_EQ(c.signer_title, "PHÓ GIÁM ĐỐC");
    EXPECT_EQ(c.signer_name, "Nguyễn Văn An");
    EXPECT_EQ(c.recipients, (std::vector<std::string>{"Bộ Nội vụ", "Lưu: VT"}));
}

TEST(ReportConfig, OnlyTheIssuerAndTheSignerAreRequired) {
    const Parsed p = parse(kIssuer + kSigner);
    ASSERT_TRUE(p.config) << p.problems;
    EXPECT_TRUE(p.config->number.empty());
    EXPECT_FALSE(p.config->date);
    EXPECT_TRUE(p.config->recipients.empty());
}

TEST(ReportConfig, TextIsNormalisedToNfc) {
    // "Hòa" with a combining grave accent becomes the precomposed letter.
    const Parsed p = parse(kIssuer + kSigner +
                           "place: \"Ho\xcc\x80"
                           "a Bình\"\n");
    ASSERT_TRUE(p.config) << p.problems;
    EXPECT_EQ(p.config->place, "Hòa Bình");
}

struct BadCase {
    const char* name;
    std::string text;
    std::string problems;
};

class BadConfigs : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadConfigs, AreReportedAtTheirPosition) {
    const Parsed p = parse(GetParam().text);
    EXPECT_FALSE(p.config);
    EXPECT_EQ(p.problems, GetParam().problems);
}

INSTANTIATE_TEST_SUITE_P(
    ReportConfig, BadConfigs,
    ::testing::Values(
        BadCase{"UnknownKey", kIssuer + kSigner + "numbr: 1\n",
                "6:1 E601 unknown key 'numbr' in the report config (did you mean 'number'?)\n"},
        BadCase{"UnknownSignerKey", kIssuer + "signer:\n  title: \"GIÁM ĐỐC\"\n  name: \"A\"\n  tittle: x\n",
                "6:3 E601 unknown key 'tittle' in 'signer' (did you mean 'title'?)\n"},
        BadCase{"NoSigner", kIssuer, "1:1 E602 the report config needs 'signer'\n"},
        BadCase{"NoIssuerName", "issuer:\n  parent: \"UBND\"\n" + kSigner, "2:3 E602 the report config needs 'name'\n"},
        BadCase{"SignerNotAMap", kIssuer + "signer: \"Nguyễn Văn An\"\n",
                "3:9 E603 'signer' must be a map, found 'Nguyễn Văn An'\n"},
        BadCase{"EmptyName", kIssuer + "signer:\n  title: \"GIÁM ĐỐC\"\n  name: \"\"\n",
                "5:9 E603 'name' must be one line of text of 1 to 300 characters, found ''\n"},
        BadCase{"TwoLines", kIssuer + kSigner + "number: \"1\\n2\"\n",
                "6:9 E603 'number' must be one line of text of 1 to 300 characters, found '1\\n2'\n"},
        BadCase{"BadDate", kIssuer + kSigner + "date: 2013-02-30\n",
                "6:7 E603 'date' must be a date such as 2013-12-20, found '2013-02-30'\n"},
        BadCase{"RecipientsNotAList", kIssuer + kSigner + "recipients: \"Bộ Nội vụ\"\n",
                "6:13 E603 'recipients' must be a list of at most 100 lines of text, found 'Bộ Nội vụ'\n"},
        BadCase{"NotAMap", "- a\n", "1:1 E603 the report config must be a map, found a list\n"},
        BadCase{"Empty", "", "1:1 E603 the report config must be a map, found nothing\n"}),
    [](const ::testing::TestParamInfo<BadCase>& c) { return std::string(c.param.name); });

}  // namespace
}  // namespace parscore::engine::yearly
