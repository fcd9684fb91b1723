// Indicators (SPEC §4.6, §7 `summary`), hand-computed: bool counts, int and number sums and means
// with 9-decimal rounding, units without a value, per category and overall; the JSON shape and
// the report-style table line.
#include <gtest/gtest.h>

#include "parscore/engine/summary.hpp"
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
//             d2 no website, staff 5, no autonomy value, no procedures
//             d3 no website value, staff 7, autonomy 25%
// district:   k1 website, staff 1; k2 website, staff 1; k3 no website, staff 0; k4 nothing
class SummaryTest : public ::testing::Test {
protected:
    void SetUp() override {
        loaded = load_rulebook_text(kRulebook);
        ASSERT_TRUE(loaded->rulebook);
        EvidenceBuilder b(loaded->get());
        b.unit("d1", "department").fact("website", yes()).fact("staff", integer(10)).fact("autonomy_rate", number("0.5"));
        b.records("procedure", {{b.text("A"), yes(), integer(1)}, {b.text("B"), yes(), integer(3)}, {b.text("C"), no(), integer(1)}});
        b.unit("d2", "department").fact("website", no()).fact("staff", integer(5));
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

TEST_F(SummaryTest, AggregateIndicatorsCountEveryUnit) {
    const IndicatorSummary& p = indicator(summary, "posted_procedures");
    EXPECT_EQ(p.type, IndicatorType::Int);
    EXPECT_EQ(p.title, "posted_procedures");  // the title defaults to the id
    // count() is never missing: d1 has 2, every other unit 0. 2 / 7 = 0.285714285714… → 0.285714286.
    EXPECT_EQ(p.categories[0].sum, dec("2"));
    EXPECT_EQ(p.categories[0].with_value, 3u);
    EXPECT_EQ(p.categories[0].mean, dec("0.666666667"));
    EXPECT_EQ(p.overall.with_value, 7u);
    EXPECT_EQ(p.overall.no_value, 0u);
    EXPECT_EQ(p.overall.mean, dec("0.285714286"));
}

TEST_F(SummaryTest, TableReadsLikeTheProvincesReport) {
    std::string table = parscore::engine::render_summary_table(summary);
    EXPECT_NE(table.find("Cơ quan có trang thông tin điện tử: 1/2 department (1 without a value), 2/3 district "
                         "(1 without a value) (3/5 overall, 2 without a value)\n"),
              std::string::npos)
        << table;
    EXPECT_NE(table.find("Biên chế được giao: 22 department (mean 7.333 of 3), 2 district (mean 0.667 of 3, 1 without "
                         "a value) (24 overall, mean 4 of 6, 1 without a value)\n"),
              std::string::npos)
        << table;
    EXPECT_NE(table.find("Tỷ lệ đơn vị tự chủ: 0.75 department (mean 0.375 of 2, 1 without a value), 0 district (no "
                         "value, 4 without a value)"),
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
              "Cơ quan có trang thông tin điện tử: 8/19 department, 4/11 district (12/30 overall)");
}

TEST(SummaryStoreTest, TheBasisChoosesWhichInspectionsCount) {
    auto loaded = load_rulebook_text(kRulebook);
    ASSERT_TRUE(loaded->rulebook);
    const auto& rb = loaded->get();
    TestStore store({unit_info("so-a", "department", "Sở A"), unit_info("so-b", "department", "Sở B"),
                     unit_info("h-a", "district", "Huyện A"), unit_info("xa-a", "commune", "Xã A")});
    // so-a claims a website; the inspection found none. so-b is only self-assessed. The commune
    // is not a category of the rulebook and is not counted.
    store.record("inspection: { unit: so-a, date: 2013-03-01, kind: self }\nfindings: { website: true, staff: 4 }\n", rb.evidence);
    store.record("inspection: { unit: so-a, date: 2013-09-01, kind: surprise }\nfindings: { website: false }\n", rb.evidence);
    store.record("inspection: { unit: so-b, date: 2013-03-01, kind: self }\nfindings: { website: true, staff: 6 }\n", rb.evidence);
    store.record("inspection: { unit: h-a, date: 2013-05-01, kind: scheduled }\nfindings: { website: true }\n", rb.evidence);
    store.record("inspection: { unit: xa-a, date: 2013-05-01, kind: scheduled }\nfindings: { website: true }\n", rb.evidence);
    store.record("inspection: { unit: so-b, date: 2012-05-01, kind: scheduled }\nfindings: { website: false }\n", rb.evidence);

    parscore::engine::EvaluationRequest request;
    request.year = 2013;
    request.category = "district";  // ignored: the summary is province-wide
    Summary all = parscore::engine::summarize(rb, store.get(), request);
    EXPECT_EQ(first_line(parscore::engine::render_summary_table(all)),
              "Cơ quan có trang thông tin điện tử: 1/2 department, 1/1 district (2/3 overall)");
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
