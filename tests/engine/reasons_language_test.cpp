// Why a unit is incomplete and the warnings of a run, where a person reads them (the table of
// score and rank, the HTML report, explain's text) in the run's language; JSON and CSV keep the
// English text the scorer wrote.
#include <gtest/gtest.h>

#include "parscore/analyses/explain.hpp"
#include "parscore/output/display.hpp"
#include "parscore/reports/report.hpp"
#include "parscore/reports/report_html.hpp"
#include "parscore/reports/report_xlsx.hpp"
#include "report_fixture.hpp"

namespace {

using namespace parscore::testing;
using parscore::i18n::Language;

// A unit whose inspection was never checked (an error: incomplete); one whose fine is unknown (the
// deduction counts 0) and whose check is unknown (the band cap does not hold).
const char* kReasonsRulebook = R"yaml(
parscore: 1
id: test-reasons
version: "1"
title: "Lý do"
units: [department]
evidence:
  done: { fact: bool }
  fine: { fact: int }
  checked: { fact: bool }
groups:
  - id: g
    title: "Nhóm"
    criteria:
      - id: work
        title: "Công việc"
        max: 10
        on_missing: error
        points: if done then 10 else 0
deductions:
  - id: late
    points: fine
band_caps:
  - id: unchecked
    when: not checked
    at_most: good
bands:
  - { id: excellent, label: "Xuất sắc", min: 90 }
  - { id: good, label: "Tốt", min: 0 }
)yaml";

Scored score() {
    return score_2013(kReasonsRulebook, [](EvidenceBuilder& b) {
        b.unit("so-a", "department", "Sở A").fact("done", yes());
        b.unit("so-b", "department", "Sở B").fact("fine", integer(1));
    });
}

const parscore::engine::UnitResult& unit(const Scored& s, const std::string& id) {
    for (const auto& u : s.evaluation.units) {
        if (u.id == id) return u;
    }
    throw std::runtime_error("no unit " + id);
}

TEST(ReasonsLanguage, TheScorerKeepsTheEnglishAndATranslatableText) {
    Scored s = score();
    ASSERT_TRUE(s.loaded->rulebook);
    const auto& b = unit(s, "so-b");
    ASSERT_FALSE(b.complete);
    EXPECT_EQ(b.reason, "criterion 'g.work' has no points (its evidence is missing and on_missing is error)");
    EXPECT_EQ(parscore::engine::display::reason(Language::en, b), b.reason);
    EXPECT_EQ(parscore::engine::display::reason(Language::vi, b),
              "tiêu chí 'g.work' không có điểm (thiếu tài liệu kiểm chứng và on_missing là error)");
    const auto& a = unit(s, "so-a");
    ASSERT_EQ(a.warnings.size(), 2u);
    EXPECT_EQ(a.warnings[0].code, "W304");
    EXPECT_EQ(a.warnings[0].message, "the deduction 'late' is missing and counts 0");
    EXPECT_EQ(parscore::engine::display::message(Language::vi, a.warnings[0]),
              "điểm trừ 'late' thiếu dữ liệu nên được tính 0 điểm");
    EXPECT_EQ(a.warnings[1].message, "the condition of band cap 'unchecked' is missing, so it does not hold");
    EXPECT_EQ(parscore::engine::display::message(Language::vi, a.warnings[1]),
              "điều kiện của mức tối đa xếp loại 'unchecked' thiếu dữ liệu nên không được áp dụng");
    // A run warning: nothing was inspected.
    ASSERT_FALSE(s.evaluation.warnings.empty());
    EXPECT_EQ(s.evaluation.warnings[0].message,
              "no inspection counts for 2013 (basis all): every unit is scored without evidence");
    EXPECT_EQ(parscore::engine::display::message(Language::vi, s.evaluation.warnings[0]),
              "không có cuộc kiểm tra nào được tính cho năm 2013 (cơ sở all): mọi đơn vị được chấm điểm mà không có "
              "tài liệu kiểm chứng");
}

TEST(ReasonsLanguage, TheTableNotesTheReasonInTheRunsLanguage) {
    Scored s = score();
    ASSERT_TRUE(s.loaded->rulebook);
    const std::string vi = parscore::engine::render_table(s.loaded->get(), s.evaluation, true, Language::vi);
    EXPECT_NE(vi.find(": so-b: tiêu chí 'g.work' không có điểm (thiếu tài liệu kiểm chứng và on_missing là error)\n"),
              std::string::npos)
        << vi;
    EXPECT_EQ(vi.find("has no points"), std::string::npos) << vi;
    const std::string en = parscore::engine::render_table(s.loaded->get(), s.evaluation, true, Language::en);
    EXPECT_NE(en.find("incomplete: so-b: criterion 'g.work' has no points (its evidence is missing and on_missing is "
                      "error)\n"),
              std::string::npos)
        << en;
}

TEST(ReasonsLanguage, TheHtmlReportShowsReasonsAndWarningsInItsLanguage) {
    Scored s = score();
    ASSERT_TRUE(s.loaded->rulebook);
    const std::string vi = parscore::engine::render_html(s.loaded->get(), s.evaluation, nullptr, true, Language::vi);
    for (const char* text : {
             "title=\"tiêu chí &#39;g.work&#39; không có điểm (thiếu tài liệu kiểm chứng và on_missing là error)\"",
             "Chưa đủ dữ liệu: <code>so-b</code>: tiêu chí &#39;g.work&#39; không có điểm",
             "<code>W308</code> không có cuộc kiểm tra nào được tính cho năm 2013",
             "<code>late</code>: điểm trừ &#39;late&#39; thiếu dữ liệu nên được tính 0 điểm</li>",
         }) {
        EXPECT_NE(vi.find(text), std::string::npos) << text << "\n" << vi;
    }
    for (const char* english : {"has no points", "is missing and counts 0", "no inspection counts"}) {
        EXPECT_EQ(vi.find(english), std::string::npos) << english;
    }
    const std::string en = parscore::engine::render_html(s.loaded->get(), s.evaluation, nullptr, true, Language::en);
    EXPECT_NE(en.find("<code>late</code>: the deduction &#39;late&#39; is missing and counts 0</li>"),
              std::string::npos);
    // JSON is the same whatever the language: the English reason and message.
    const std::string json = parscore::engine::render_json(s.loaded->get(), s.evaluation);
    EXPECT_NE(json.find("\"the deduction 'late' is missing and counts 0\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"criterion 'g.work' has no points (its evidence is missing and on_missing is error)\""),
              std::string::npos);
}

TEST(ReasonsLanguage, TheWorkbookWritesTheReasonInItsLanguage) {
    if (std::system("unzip -v >/dev/null 2>&1") != 0) GTEST_SKIP() << "the unzip program is not installed";
    Scored s = score();
    ASSERT_TRUE(s.loaded->rulebook);
    TempDir dir;
    parscore::engine::write_xlsx(s.loaded->get(), s.evaluation, nullptr, dir / "vi.xlsx", Language::vi);
    const std::string strings = unzip_part(dir / "vi.xlsx", "xl/sharedStrings.xml");
    EXPECT_NE(strings.find("<t>tiêu chí 'g.work' không có điểm (thiếu tài liệu kiểm chứng và on_missing là error)</t>"),
              std::string::npos)
        << strings;
    parscore::engine::write_xlsx(s.loaded->get(), s.evaluation, nullptr, dir / "en.xlsx", Language::en);
    EXPECT_NE(unzip_part(dir / "en.xlsx", "xl/sharedStrings.xml")
                  .find("<t>criterion 'g.work' has no points (its evidence is missing and on_missing is error)</t>"),
              std::string::npos);
}

}  // namespace
