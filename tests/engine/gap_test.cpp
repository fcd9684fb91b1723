// gap: which unit × criterion rows count (scored or missing under both bases), the order (gap
// descending, then unit id, then rulebook order; unchecked rows last), unit totals, and the
// outputs.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "parscore/analyses/gap.hpp"
#include "parscore/core/utf8.hpp"
#include "report_fixture.hpp"

namespace {

using namespace parscore::testing;
using parscore::engine::CriterionResult;
using parscore::engine::CriterionStatus;
using parscore::engine::Evaluation;
using parscore::engine::GapReport;
using parscore::engine::UnitResult;

CriterionResult scored(const char* p) { return {CriterionStatus::Scored, dec(p), {}}; }
CriterionResult missing() { return {CriterionStatus::Missing, dec("0"), {}}; }
CriterionResult exempt() { return {CriterionStatus::Exempt, std::nullopt, {}}; }
CriterionResult error() { return {CriterionStatus::Error, std::nullopt, {}}; }

UnitResult unit(const std::string& id, const std::string& category, std::vector<CriterionResult> criteria,
                std::optional<const char*> total) {
    UnitResult u;
    u.id = id;
    u.name = "Tên " + id;
    u.category = category;
    u.criteria = std::move(criteria);
    u.complete = total.has_value();
    if (total) u.total = dec(*total);
    return u;
}

std::vector<std::string> row_keys(const GapReport& r) {
    std::vector<std::string> out;
    for (const auto& row : r.rows) {
        out.push_back(row.unit + " " + row.criterion_id + " " + (row.gap ? row.gap->to_string() : "unchecked"));
    }
    return out;
}

class GapTest : public ::testing::Test {
protected:
    void SetUp() override {
        loaded = load_rulebook_text(kRulebook);
        ASSERT_TRUE(loaded->rulebook);
        // Criteria in rulebook order: tthc.posted, tthc.online, cntt.website.
        self.year = inspected.year = 2013;
        self.units = {unit("b", "department", {scored("4"), scored("2"), scored("4")}, "100"),
                      unit("a", "department", {scored("4"), exempt(), scored("4")}, "80"),
                      unit("c", "district", {missing(), exempt(), scored("4")}, "40")};
        inspected.units = {unit("a", "department", {scored("0"), exempt(), scored("0")}, "40"),
                           unit("b", "department", {scored("2"), error(), scored("4")}, std::nullopt),
                           unit("c", "district", {scored("2"), exempt(), scored("0")}, "20"),
                           unit("d", "district", {scored("4"), exempt(), scored("4")}, "100")};
        report = parscore::engine::compare_bases(loaded->get(), self, inspected);
    }
    std::unique_ptr<LoadedRulebook> loaded;
    Evaluation self, inspected;
    GapReport report;
};

TEST_F(GapTest, RowsAreOrderedByGapThenUnitThenRulebookOrder) {
    // Exempt criteria (a, c online) and an error (b online, inspected) give no row; c's posted is
    // missing under self (0 points) and still counts; d has no self-assessment.
    EXPECT_EQ(row_keys(report), (std::vector<std::string>{"a tthc.posted 4", "a cntt.website 4", "c cntt.website 4",
                                                          "b tthc.posted 2", "b cntt.website 0", "c tthc.posted -2"}));
    const auto& last = report.rows.back();
    EXPECT_EQ(last.self_status, CriterionStatus::Missing);
    EXPECT_EQ(last.inspected_status, CriterionStatus::Scored);
    EXPECT_EQ(last.self, dec("0"));
    EXPECT_EQ(last.inspected, dec("2"));
    EXPECT_EQ(last.max, dec("4"));
}

TEST_F(GapTest, UnitTotalsPutIncompleteUnitsLast) {
    ASSERT_EQ(report.units.size(), 3u);
    EXPECT_EQ(report.units[0].unit, "a");
    EXPECT_EQ(report.units[0].gap, dec("40"));
    EXPECT_EQ(report.units[1].unit, "c");
    EXPECT_EQ(report.units[1].gap, dec("20"));
    EXPECT_EQ(report.units[2].unit, "b");
    EXPECT_FALSE(report.units[2].gap.has_value());
    EXPECT_FALSE(report.units[2].inspected_total.has_value());
    EXPECT_EQ(report.units[2].self_total, dec("100"));
}

TEST_F(GapTest, JsonListsRowsAndTotals) {
    std::string json = parscore::engine::render_gap_json(report);
    EXPECT_NE(json.find(R"({
      "unit": "c",
      "name": "Tên c",
      "category": "district",
      "criterion": "tthc.posted",
      "max": 4,
      "self": 0,
      "inspected": 2,
      "gap": -2,
      "self_status": "missing",
      "inspected_status": "scored"
    })"),
              std::string::npos)
        << json;
    EXPECT_NE(json.find(R"("self_total": 100,
      "inspected_total": null,
      "gap": null)"),
              std::string::npos)
        << json;
    EXPECT_LT(json.find("\"criterion\": \"tthc.posted\""), json.find("\"criterion\": \"cntt.website\""));
}

TEST_F(GapTest, CsvHasOneRowPerUnitAndCriterion) {
    std::string csv = parscore::engine::render_gap_csv(report, false);
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "unit,name,category,criterion,max,self,inspected,gap,self_status,inspected_status");
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 7);
    EXPECT_NE(csv.find("\nc,Tên c,district,tthc.posted,4,0,2,-2,missing,scored\n"), std::string::npos) << csv;
    EXPECT_EQ(parscore::engine::render_gap_csv(report, true).rfind("\xEF\xBB\xBFunit,", 0), 0u);
}

TEST_F(GapTest, TableShowsSignedGaps) {
    std::string table = parscore::engine::render_gap_table(loaded->get(), report);
    EXPECT_NE(table.find("Niêm yết công khai TTHC"), std::string::npos);
    EXPECT_NE(table.find("+4\n"), std::string::npos) << table;
    EXPECT_NE(table.find("-2\n"), std::string::npos) << table;
    EXPECT_NE(table.find("+40.00\n"), std::string::npos) << "totals show two decimals\n" << table;
    EXPECT_NE(table.find("Khối UBND cấp huyện"), std::string::npos) << table;  // the category's label
}

// The lines of the table that starts with `header` in `text`, up to the next empty line.
std::vector<std::string> table_lines(const std::string& text, const std::string& header) {
    std::vector<std::string> lines;
    std::size_t at = text.find(header);
    while (at != std::string::npos && at < text.size() && text[at] != '\n') {
        std::size_t end = text.find('\n', at);
        lines.push_back(text.substr(at, end - at));
        at = end == std::string::npos ? end : end + 1;
    }
    return lines;
}

TEST_F(GapTest, TableInVietnameseTranslatesWordsAndNumbersButNotNames) {
    std::string table = parscore::engine::render_gap_table(loaded->get(), report, parscore::i18n::Language::vi);
    EXPECT_EQ(table.rfind("tiêu chí: điểm tự đánh giá − điểm thẩm định", 0), 0u) << table;
    EXPECT_NE(table.find("Niêm yết công khai TTHC"), std::string::npos) << table;
    EXPECT_NE(table.find("+40,00\n"), std::string::npos) << "totals with a decimal comma\n" << table;
    EXPECT_NE(table.find("\ntổng điểm: tự đánh giá − thẩm định\n"), std::string::npos) << table;
    EXPECT_EQ(table.find("inspected"), std::string::npos) << table;
    EXPECT_EQ(table.find("unit"), std::string::npos) << table;
}

// Diacritics (precomposed or combining) take one column each: every line of a table, its last
// column right-aligned, ends in the same column though the lines' byte lengths differ.
TEST_F(GapTest, VietnameseTablesStayAlignedWithDiacritics) {
    std::string table = parscore::engine::render_gap_table(loaded->get(), report, parscore::i18n::Language::vi);
    for (const char* header : {"Mã đơn vị  Tên đơn vị  Tiêu chí", "Mã đơn vị  Tên đơn vị  Khối"}) {
        std::vector<std::string> lines = table_lines(table, header);
        ASSERT_GE(lines.size(), 3u) << header << "\n" << table;
        bool bytes_differ = false;
        for (const std::string& line : lines) {
            EXPECT_EQ(parscore::core::display_width(line), parscore::core::display_width(lines[0])) << line;
            bytes_differ = bytes_differ || line.size() != lines[0].size();
        }
        EXPECT_TRUE(bytes_differ) << table;
    }
}

// A criterion the inspections did not check is no overstatement, however much the unit claimed.
TEST_F(GapTest, CriteriaTheInspectionsDidNotCheckAreListedLastWithoutAGap) {
    self.units.push_back(unit("e", "district", {scored("4"), exempt(), scored("4")}, "100"));
    inspected.units.push_back(unit("e", "district", {missing(), exempt(), scored("0")}, "50"));
    inspected.warnings.push_back({"W309", "", "1 unit has no counted inspection in 2013 (basis inspected): d"});
    report = parscore::engine::compare_bases(loaded->get(), self, inspected);
    EXPECT_EQ(row_keys(report), (std::vector<std::string>{"a tthc.posted 4", "a cntt.website 4", "c cntt.website 4",
                                                          "e cntt.website 4", "b tthc.posted 2", "b cntt.website 0",
                                                          "c tthc.posted -2", "e tthc.posted unchecked"}));
    EXPECT_EQ(report.rows.back().inspected_status, CriterionStatus::Missing);
    EXPECT_EQ(report.rows.back().self, dec("4"));

    std::string table = parscore::engine::render_gap_table(loaded->get(), report);
    EXPECT_NE(parscore::engine::render_gap_table(loaded->get(), report, parscore::i18n::Language::vi)
                  .find("  chưa kiểm tra\n"),
              std::string::npos);
    std::size_t at = table.find("unchecked\n");
    ASSERT_NE(at, std::string::npos) << table;
    std::string line = table.substr(table.rfind('\n', at) + 1, at - table.rfind('\n', at));
    EXPECT_EQ(line.rfind("e ", 0), 0u) << line;
    EXPECT_EQ(line.find("+4"), std::string::npos) << line;

    std::string json = parscore::engine::render_gap_json(report);
    EXPECT_NE(json.find(R"("criterion": "tthc.posted",
      "max": 4,
      "self": 4,
      "inspected": 0,
      "gap": null,
      "self_status": "scored",
      "inspected_status": "missing")"),
              std::string::npos)
        << json;
    EXPECT_NE(json.find(R"("warnings": [
    {
      "code": "W309")"),
              std::string::npos)
        << json;
    EXPECT_NE(
        parscore::engine::render_gap_csv(report, false).find("\ne,Tên e,district,tthc.posted,4,4,0,,scored,missing\n"),
        std::string::npos);
}

// The JSON has exactly the documented keys, in order.
TEST_F(GapTest, JsonHasExactlyTheDocumentedShape) {
    auto keys = [](const nlohmann::ordered_json& j) {
        std::vector<std::string> out;
        for (const auto& [k, v] : j.items()) out.push_back(k);
        return out;
    };
    auto doc = nlohmann::ordered_json::parse(parscore::engine::render_gap_json(report));
    EXPECT_EQ(keys(doc), (std::vector<std::string>{"rulebook", "year", "warnings", "criteria", "units"}));
    EXPECT_EQ(keys(doc["criteria"][0]),
              (std::vector<std::string>{"unit", "name", "category", "criterion", "max", "self", "inspected", "gap",
                                        "self_status", "inspected_status"}));
    EXPECT_EQ(keys(doc["units"][0]),
              (std::vector<std::string>{"unit", "name", "category", "self_total", "inspected_total", "gap"}));
}

TEST(GapStoreTest, ScoresTheYearOnBothBasesFromTheStore) {
    auto loaded = load_rulebook_text(kRulebook);
    ASSERT_TRUE(loaded->rulebook);
    const auto& rb = loaded->get();
    TestStore store({unit_info("so-a", "department", "=Sở A"), unit_info("h-a", "district", "Huyện A")});
    // so-a says every procedure is posted and it has a website; the surprise inspection found one
    // of two posted and no website.
    store.record(R"(inspection: { unit: so-a, date: 2013-03-01, kind: self }
findings:
  procedure:
    - { code: A, posted: true, online_level: 3 }
    - { code: B, posted: true, online_level: 1 }
  website: true
  online_checked: true
)",
                 rb.evidence);
    store.record(R"(inspection: { unit: so-a, date: 2013-09-01, kind: surprise }
findings:
  procedure:
    - { code: A, posted: true, online_level: 3 }
    - { code: B, posted: false, online_level: 1 }
  website: false
  online_checked: true
)",
                 rb.evidence);
    store.record("inspection: { unit: h-a, date: 2013-05-01, kind: scheduled }\nfindings: { website: true }\n",
                 rb.evidence);

    parscore::engine::EvaluationRequest request;
    request.year = 2013;
    GapReport report = parscore::engine::gap(rb, store.get(), request);
    // so-a: website 4 − 0, posted 4 − 2, online 2 − 2. h-a has no self-assessment: website 0 − 4;
    // nobody checked its procedures, so its posted is missing under both: unchecked, last.
    EXPECT_EQ(row_keys(report),
              (std::vector<std::string>{"so-a cntt.website 4", "so-a tthc.posted 2", "so-a tthc.online 0",
                                        "h-a cntt.website -4", "h-a tthc.posted unchecked"}));
    EXPECT_NE(parscore::engine::render_gap_csv(report, false).find("so-a,'=Sở A,department,"), std::string::npos);

    request.category = "commune";
    EXPECT_THROW(parscore::engine::gap(rb, store.get(), request), parscore::engine::NotCovered);
}

}  // namespace
