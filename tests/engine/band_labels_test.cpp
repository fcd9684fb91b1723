// Where a person reads a band — the score and rank table, the HTML chart, an explanation — it
// reads as the band's label from the rulebook, not its id (docs/reports.md).
#include <gtest/gtest.h>

#include "parscore/analyses/explain.hpp"
#include "parscore/reports/report.hpp"
#include "parscore/reports/report_html.hpp"
#include "report_fixture.hpp"

namespace {

using namespace parscore::testing;

// One department, every criterion met: excellent ("Hoàn thành xuất sắc nhiệm vụ").
Scored score_one() {
    return score_2013(kRulebook, [](EvidenceBuilder& b) {
        b.unit("so-tp", "department", "Sở Tư pháp").fact("online_checked", yes()).fact("website", yes());
        b.records("procedure", {{b.text("TP-01"), yes(), integer(3)}});
    });
}

const parscore::engine::UnitResult& only_unit(const Scored& s) { return s.evaluation.units.at(0); }

std::string label_of(const Scored& s) {
    return s.loaded->get().bands.at(static_cast<std::size_t>(only_unit(s).band)).label;
}

TEST(BandLabelsTest, ScoreAndRankTablesShowTheLabel) {
    Scored s = score_one();
    ASSERT_TRUE(s.loaded->rulebook);
    ASSERT_TRUE(only_unit(s).complete);
    const auto& rb = s.loaded->get();
    std::string id = rb.bands.at(static_cast<std::size_t>(only_unit(s).band)).id;
    ASSERT_NE(label_of(s), id);
    for (bool ranking : {false, true}) {
        std::string table = parscore::engine::render_table(rb, s.evaluation, ranking);
        EXPECT_NE(table.find("  " + label_of(s)), std::string::npos) << table;
        EXPECT_EQ(table.find(" " + id), std::string::npos) << table;
    }
}

TEST(BandLabelsTest, HtmlChartNamesUnitsAndBands) {
    Scored s = score_one();
    ASSERT_TRUE(s.loaded->rulebook);
    std::string html = parscore::engine::render_html(s.loaded->get(), s.evaluation, nullptr, false);
    EXPECT_NE(html.find("<title>Sở Tư pháp (so-tp): " + only_unit(s).total->to_fixed(2) + ", " + label_of(s) +
                        "</title>"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("\">Sở Tư pháp</text>"), std::string::npos) << html;
}

TEST(BandLabelsTest, ExplanationNamesBandsByLabel) {
    Scored s = score_one();
    ASSERT_TRUE(s.loaded->rulebook);
    parscore::engine::Explanation e;
    e.result = only_unit(s);
    e.band_from_total = "excellent";
    e.band_after_caps = "good";
    e.band = "done";
    std::string text = parscore::engine::render_explanation(s.loaded->get(), e);
    EXPECT_NE(text.find(", band Hoàn thành nhiệm vụ"), std::string::npos) << text;
    EXPECT_NE(text.find("band from the total: Hoàn thành xuất sắc nhiệm vụ, lowered by band caps to Hoàn thành tốt "
                        "nhiệm vụ\nquota: Hoàn thành tốt nhiệm vụ is full, moved to Hoàn thành nhiệm vụ\n"),
              std::string::npos)
        << text;
}

}  // namespace
