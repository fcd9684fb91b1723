// Indicators (docs/reference/scoring.md#indicators, docs/reference/outputs.md#summary), hand-computed: bool counts, int
// and number sums and means with 9-decimal rounding, units without a value, per category and overall; the JSON shape
// and the report-style table line.
#include <gtest/gtest.h>

#include "parscore/analyses/summary.hpp"
#include "report_fixture.hpp"

namespace {

using namespace parscore::testing;
using parscore::engine::IndicatorFigures;
using parscore::engine::IndicatorSummary;
using parscore::engine::IndicatorType;
using parscore::engine::Summary;

const IndicatorSummary& indicator(const Summary& s, const std::string& id) {
    for (const auto& i : s.indicators) {
        if (i.id == id) return i;
    }
    throw std::runtime_error("no indicator " + id);
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// department: d1 website, staff 10, autonomy 50%, 2 of 3 procedures posted
//             d2 no website, staff 5, no autonomy value, procedures checked: none found
//             d3 no website value, staff 7, autonomy 25%, procedures never checked
// district:   k1 website, staff 1; k2 website, staff 1; k3 no website, staff 0; k4 nothing
class SummaryTest : public ::testing::Test {
protected:
    void SetUp() override {
        loaded = load_rulebook_text(kRulebook);
        ASSERT_TRUE(loaded->rulebook);
        EvidenceBuilder b(loaded->get());
        b.unit("d1", "department")
            .fact("website", yes())
            .fact("staff", integer(10))
            .fact("autonomy_rate", number("0.5"));
        b.records("procedure", {{b.text("A"), yes(), integer(1)},
                                {b.text("B"), yes(), integer(3)},
                                {b.text("C"), no(), integer(1)}});
        b.unit("d2", "department").fact("website", no()).fact("staff", integer(5)).records("procedure", {});
        b.unit("d3", "department").fact("staff", integer(7)).fact("autonomy_rate", number("0.25"));
        b.unit("k1", "district").fact("website", yes()).fact("staff", integer(1));
        b.unit("k2", "district").fact("website", yes()).fact("staff", integer(1));
        b.unit("k3", "district").fact("website", no()).fact("staff", integer(0));
        b.unit("k4", "district");
        evidence = b.take();
        summary = parscore::engine::summarize(loaded->get(), evidence, 2013, parscore::engine::Basis::All);
    }

    std::unique_ptr<LoadedRulebook> loaded;
    parscore::inspections::EvidenceSet evidence;
    Summary summary;
};

TEST_F(SummaryTest, BoolCountsHoldsOutOfUnitsWithAValue) {
    const IndicatorSummary& w = indicator(summary, "websites");
    EXPECT_EQ(w.type, IndicatorType::Bool);
    ASSERT_EQ(w.categories.size(), 2u);
    EXPECT_EQ(w.categories[0].category, "department");
    EXPECT_EQ(w.categories[0].holds, 1u);
    EXPECT_EQ(w.categories[0].with_value, 2u);
    EXPECT_EQ(w.categories[0].no_value, 1u);
    EXPECT_EQ(w.categories[1].category, "district");
    EXPECT_EQ(w.categories[1].holds, 2u);
    EXPECT_EQ(w.categories[1].with_value, 3u);
    EXPECT_EQ(w.categories[1].no_value, 1u);
    EXPECT_EQ(w.overall.holds, 3u);
    EXPECT_EQ(w.overall.with_value, 5u);
    EXPECT_EQ(w.overall.no_value, 2u);
    EXPECT_FALSE(w.overall.sum.has_value());
}

TEST_F(SummaryTest, IntSumAndMeanRoundTo9Decimals) {
    const IndicatorSummary& s = indicator(summary, "staff_total");
    EXPECT_EQ(s.type, IndicatorType::Int);
    // department 10 + 5 + 7 = 22 over 3 → 7.333333333; district 1 + 1 + 0 = 2 over 3 → 0.666666667
    // (half away from zero); overall 24 over 6 → 4.
    EXPECT_EQ(s.categories[0].sum, dec("22"));
    EXPECT_EQ(s.categories[0].mean, dec("7.333333333"));
    EXPECT_EQ(s.categories[1].sum, dec("2"));
    EXPECT_EQ(s.categories[1].mean, dec("0.666666667"));
    EXPECT_EQ(s.categories[1].with_value, 3u);
    EXPECT_EQ(s.categories[1].no_value, 1u);
    EXPECT_EQ(s.overall.sum, dec("24"));
    EXPECT_EQ(s.overall.mean, dec("4"));
}

TEST_F(SummaryTest, NumberMeanIsNullWhenNoUnitHasAValue) {
    const IndicatorSummary& a = indicator(summary, "autonomy");
    EXPECT_EQ(a.type, IndicatorType::Number);
    EXPECT_EQ(a.categories[0].sum, dec("0.75"));
    EXPECT_EQ(a.categories[0].mean, dec("0.375"));
    EXPECT_EQ(a.categories[0].with_value, 2u);
    EXPECT_EQ(a.categories[0].no_value, 1u);
    EXPECT_EQ(a.categories[1].sum, dec("0"));
    EXPECT_FALSE(a.categories[1].mean.has_value());
    EXPECT_EQ(a.categories[1].with_value, 0u);
    EXPECT_EQ(a.categories[1].no_value, 4u);
    EXPECT_EQ(a.overall.mean, dec("0.375"));
}

TEST_F(SummaryTest, AggregateIndicatorsHaveNoValueWhereTheKindWasNotChecked) {
    const IndicatorSummary& p = indicator(summary, "posted_procedures");
    EXPECT_EQ(p.type, IndicatorType::Int);
    EXPECT_EQ(p.title, "posted_procedures");  // the title defaults to the id
    // d1 has 2 and d2 (checked, none found) 0; nobody checked the others' procedures, so their
    // count is missing rather than 0: 2 over 2 units with a value, 5 without.
    EXPECT_EQ(p.categories[0].sum, dec("2"));
    EXPECT_EQ(p.categories[0].with_value, 2u);
    EXPECT_EQ(p.categories[0].no_value, 1u);
    EXPECT_EQ(p.categories[0].mean, dec("1"));
    EXPECT_EQ(p.categories[1].with_value, 0u);
    EXPECT_FALSE(p.categories[1].mean.has_value());
    EXPECT_EQ(p.overall.with_value, 2u);
    EXPECT_EQ(p.overall.no_value, 5u);
    EXPECT_EQ(p.overall.mean, dec("1"));
}

TEST_F(SummaryTest, RatioIsTheSumOfOfOverTheSumOfOverWhereBothHaveAValue) {
    const IndicatorSummary& r = indicator(summary, "posted_share");
    EXPECT_EQ(r.type, IndicatorType::Ratio);
    // d1: 2 posted of 3; d2: 0 of 0 (checked, none); d3 and the districts: not checked.
    const IndicatorFigures& d = r.categories[0];
    EXPECT_EQ(d.of_sum, dec("2"));
    EXPECT_EQ(d.over_sum, dec("3"));
    EXPECT_EQ(d.ratio, dec("0.666666667"));
    EXPECT_EQ(d.with_value, 2u);
    EXPECT_EQ(d.no_value, 1u);
    EXPECT_FALSE(d.sum.has_value());                  // a share never reads as a sum
    EXPECT_FALSE(r.categories[1].ratio.has_value());  // Σ over is 0: no ratio
    EXPECT_EQ(r.categories[1].over_sum, dec("0"));
    EXPECT_EQ(r.overall.ratio, dec("0.666666667"));
    EXPECT_EQ(r.overall.no_value, 5u);
    std::string table = parscore::engine::render_summary_table(summary);
    EXPECT_NE(table.find("TTHC được niêm yết: 66.7% department (2 of 3, 1 without a value); - Khối UBND cấp huyện (no "
                         "value, 4 without a value) (66.7% overall, 2 of 3, 5 without a value)\n"),
              std::string::npos)
        << table;
    std::string json = parscore::engine::render_summary_json(summary);
    EXPECT_NE(json.find(R"("type": "ratio",
      "overall": {
        "ratio": 0.666666667,
        "of_sum": 2,
        "over_sum": 3,
        "with_value": 2,
        "no_value": 5
      },)"),
              std::string::npos)
        << json;
}

TEST_F(SummaryTest, PercentIndicatorShowsItsMeanAsAPercentageAndNoSum) {
    const IndicatorSummary& p = indicator(summary, "autonomy_share");
    EXPECT_EQ(p.type, IndicatorType::Number);
    EXPECT_TRUE(p.percent);
    EXPECT_EQ(p.categories[0].mean, dec("0.375"));
    std::string table = parscore::engine::render_summary_table(summary);
    EXPECT_NE(table.find("Tỷ lệ tự chủ bình quân: 37.5% department (mean of 2, 1 without a value); - Khối UBND cấp "
                         "huyện (no value, 4 without a value) (37.5% overall, mean of 2, 5 without a value)\n"),
              std::string::npos)
        << table;
    EXPECT_EQ(parscore::engine::percent_text(dec("0.4474")), "44.7%");
    EXPECT_EQ(parscore::engine::percent_text(dec("0.4475")), "44.8%");  // half away from zero
    EXPECT_EQ(parscore::engine::percent_text(dec("1")), "100%");
    std::string json = parscore::engine::render_summary_json(summary);
    EXPECT_NE(json.find(R"("id": "autonomy_share",
      "title": "Tỷ lệ tự chủ bình quân",
      "type": "number",
      "format": "percent",)"),
              std::string::npos)
        << json;
}

TEST_F(SummaryTest, TableInVietnameseHasDecimalCommasAndVietnameseRemarks) {
    const parscore::i18n::Language vi = parscore::i18n::Language::vi;
    std::string table = parscore::engine::render_summary_table(summary, vi);
    EXPECT_NE(table.find("Tỷ lệ tự chủ bình quân: 37,5% department (bình quân của 2 đơn vị, 1 đơn vị không có giá "
                         "trị); - Khối UBND cấp huyện (không có giá trị, 4 đơn vị không có giá trị) (tính chung: "
                         "37,5%, bình quân của 2 đơn vị, 5 đơn vị không có giá trị)\n"),
              std::string::npos)
        << table;
    EXPECT_NE(table.find("TTHC được niêm yết: 66,7% department (2/3, 1 đơn vị không có giá trị)"), std::string::npos)
        << table;
    EXPECT_EQ(parscore::engine::percent_text(dec("0.4474"), vi), "44,7%");
    EXPECT_EQ(parscore::engine::percent_text(dec("1"), vi), "100%");
    Summary none;
    EXPECT_EQ(parscore::engine::render_summary_table(none, vi), "bộ tiêu chí không quy định chỉ tiêu tổng hợp nào\n");
    EXPECT_EQ(parscore::engine::render_summary_table(none), "the rulebook defines no indicators\n");
}

TEST_F(SummaryTest, CsvHasOneRowPerIndicatorOverallThenEachCategory) {
    std::string csv = parscore::engine::render_summary_csv(summary, false);
    EXPECT_EQ(csv.substr(0, csv.find('\n') + 1),
              "indicator,title,type,format,category,holds,sum,mean,ratio,of_sum,over_sum,with_value,no_value\n");
    EXPECT_NE(csv.find("\nwebsites,Cơ quan có trang thông tin điện tử,bool,,,3,,,,,,5,2\n"
                       "websites,Cơ quan có trang thông tin điện tử,bool,,department,1,,,,,,2,1\n"
                       "websites,Cơ quan có trang thông tin điện tử,bool,,district,2,,,,,,3,1\n"),
              std::string::npos)
        << csv;
    EXPECT_NE(csv.find("\nautonomy_share,Tỷ lệ tự chủ bình quân,number,percent,department,,0.75,0.375,,,,2,1\n"),
              std::string::npos)
        << csv;
    EXPECT_NE(csv.find("\nposted_share,TTHC được niêm yết,ratio,,district,,,,,0,0,0,4\n"), std::string::npos) << csv;
    // 1 header + 6 indicators × (overall + 2 categories)
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 19);
    EXPECT_EQ(parscore::engine::render_summary_csv(summary, true).rfind("\xEF\xBB\xBFindicator,", 0), 0u);
}

TEST_F(SummaryTest, TableReadsLikeTheProvincesReport) {
    std::string table = parscore::engine::render_summary_table(summary);
    // Categories by their labels (district has one), separated by ";" since labels hold commas.
    EXPECT_NE(table.find("Cơ quan có trang thông tin điện tử: 1/2 department (1 without a value); 2/3 Khối UBND cấp "
                         "huyện (1 without a value) (3/5 overall, 2 without a value)\n"),
              std::string::npos)
        << table;
    EXPECT_NE(table.find("Biên chế được giao: 22 department (mean 7.333 of 3); 2 Khối UBND cấp huyện (mean 0.667 of 3, "
                         "1 without a value) (24 overall, mean 4 of 6, 1 without a value)\n"),
              std::string::npos)
        << table;
    EXPECT_NE(table.find("Tỷ lệ đơn vị tự chủ: 0.75 department (mean 0.375 of 2, 1 without a value); 0 Khối UBND cấp "
                         "huyện (no value, 4 without a value)"),
              std::string::npos)
        << table;
}

TEST_F(SummaryTest, JsonHasExactlyTheShapeOfTheSpec) {
    std::string json = parscore::engine::render_summary_json(summary);
    EXPECT_EQ(json.rfind("{\n  \"year\": 2013,\n  \"basis\": \"all\",\n  \"warnings\": [", 0), 0u) << json;
    EXPECT_NE(json.find("],\n  \"indicators\": [\n"), std::string::npos) << json;
    EXPECT_NE(json.find(R"("id": "websites",
      "title": "Cơ quan có trang thông tin điện tử",
      "type": "bool",
      "overall": {
        "holds": 3,
        "with_value": 5,
        "no_value": 2
      },
      "categories": [
        {
          "category": "department",
          "holds": 1,
          "with_value": 2,
          "no_value": 1
        },)"),
              std::string::npos)
        << json;
    EXPECT_NE(json.find(R"({
          "category": "district",
          "sum": 0,
          "mean": null,
          "with_value": 0,
          "no_value": 4
        })"),
              std::string::npos)
        << json;
    EXPECT_NE(json.find(R"("mean": 0.666666667)"), std::string::npos);
}

TEST(SummaryProvinceTest, EightOfNineteenDepartmentsFourOfElevenDistricts) {
    auto loaded = load_rulebook_text(kRulebook);
    ASSERT_TRUE(loaded->rulebook);
    EvidenceBuilder b(loaded->get());
    for (int i = 0; i < 19; ++i) {
        b.unit("so-" + std::to_string(i + 10), "department").fact("website", i < 8 ? yes() : no());
    }
    for (int i = 0; i < 11; ++i) {
        b.unit("huyen-" + std::to_string(i + 10), "district").fact("website", i < 4 ? yes() : no());
    }
    auto evidence = b.take();
    Summary s = parscore::engine::summarize(loaded->get(), evidence, 2013, parscore::engine::Basis::All);
    std::string table = parscore::engine::render_summary_table(s);
    EXPECT_EQ(first_line(table),
              "Cơ quan có trang thông tin điện tử: 8/19 department; 4/11 Khối UBND cấp huyện (12/30 overall)");
}

TEST(SummaryStoreTest, TheBasisChoosesWhichInspectionsCount) {
    auto loaded = load_rulebook_text(kRulebook);
    ASSERT_TRUE(loaded->rulebook);
    const auto& rb = loaded->get();
    TestStore store({unit_info("so-a", "department", "Sở A"), unit_info("so-b", "department", "Sở B"),
                     unit_info("h-a", "district", "Huyện A"), unit_info("xa-a", "commune", "Xã A")});
    // so-a claims a website; the inspection found none. so-b is only self-assessed. The commune
    // is not a category of the rulebook and is not counted.
    store.record("inspection: { unit: so-a, date: 2013-03-01, kind: self }\nfindings: { website: true, staff: 4 }\n",
                 rb.evidence);
    store.record("inspection: { unit: so-a, date: 2013-09-01, kind: surprise }\nfindings: { website: false }\n",
                 rb.evidence);
    store.record("inspection: { unit: so-b, date: 2013-03-01, kind: self }\nfindings: { website: true, staff: 6 }\n",
                 rb.evidence);
    store.record("inspection: { unit: h-a, date: 2013-05-01, kind: scheduled }\nfindings: { website: true }\n",
                 rb.evidence);
    store.record("inspection: { unit: xa-a, date: 2013-05-01, kind: scheduled }\nfindings: { website: true }\n",
                 rb.evidence);
    store.record("inspection: { unit: so-b, date: 2012-05-01, kind: scheduled }\nfindings: { website: false }\n",
                 rb.evidence);

    parscore::engine::EvaluationRequest request;
    request.year = 2013;
    request.category = "district";  // ignored: the summary is province-wide
    Summary all = parscore::engine::summarize(rb, store.get(), request);
    EXPECT_EQ(first_line(parscore::engine::render_summary_table(all)),
              "Cơ quan có trang thông tin điện tử: 1/2 department; 1/1 Khối UBND cấp huyện (2/3 overall)");
    EXPECT_EQ(indicator(all, "staff_total").overall.sum, dec("10"));

    request.basis = parscore::engine::Basis::Inspected;
    Summary inspected = parscore::engine::summarize(rb, store.get(), request);
    const IndicatorSummary& w = indicator(inspected, "websites");
    EXPECT_EQ(w.categories[0].holds, 0u);
    EXPECT_EQ(w.categories[0].with_value, 1u);
    EXPECT_EQ(w.categories[0].no_value, 1u);
    EXPECT_EQ(inspected.basis, parscore::engine::Basis::Inspected);

    request.basis = parscore::engine::Basis::Self;
    Summary self = parscore::engine::summarize(rb, store.get(), request);
    EXPECT_EQ(indicator(self, "websites").overall.holds, 2u);
    EXPECT_EQ(indicator(self, "websites").overall.no_value, 1u);
}

}  // namespace
