// diff (docs/reference/commands.md): the same evidence re-scored under a second rulebook — changed points, totals,
// bands and ranks, the criteria behind them (changed, added, removed), band moves, and units only
// one rulebook covers.
#include <gtest/gtest.h>

#include "parscore/analyses/diff.hpp"
#include "report_fixture.hpp"

namespace {

using namespace parscore::testing;
using parscore::engine::CriterionChange;
using parscore::engine::RulebookDiff;
using parscore::engine::UnitChange;

// Lower thresholds for posting, the website criterion replaced by a smaller "portal" one.
const char* kLenient = R"yaml(
parscore: 1
extends: rulebook.yaml
id: test-reports
version: "2-draft"
remove: [cntt.website]
groups:
  - id: tthc
    criteria:
      - id: posted
        title: "Niêm yết công khai TTHC"
        max: 4
        points: |
          steps share(procedure, posted) {
            >= 50%: 4
            else:   0
          }
  - id: cntt
    criteria:
      - id: portal
        title: "Cổng thông tin"
        max: 2
        points: if website then 2 else 0
)yaml";

// Scores communes too and reads one more fact.
const char* kWider = R"yaml(
parscore: 1
extends: rulebook.yaml
id: test-reports
version: "3"
units: [department, district, commune]
evidence:
  iso: { fact: bool }
groups:
  - id: cntt
    criteria:
      - id: iso
        max: 2
        points: if iso then 2 else 0
)yaml";

std::string changes(const UnitChange& u) {
    std::string out;
    for (const CriterionChange& c : u.criteria) {
        out += c.id + ":" + parscore::engine::presence_name(c.presence) + ":" +
               (c.before ? c.before->to_string() : "-") + ">" + (c.after ? c.after->to_string() : "-") + " ";
    }
    return out;
}

class DiffTest : public ::testing::Test {
protected:
    void SetUp() override {
        before = load_rulebook({{"rulebook.yaml", kRulebook}});
        after = load_rulebook({{"rulebook.yaml", kRulebook}, {"lenient.yaml", kLenient}}, "lenient.yaml");
        ASSERT_TRUE(before->rulebook && after->rulebook);
        EvidenceBuilder b(before->get());
        // d1: half posted, online level 3, website → before 2+2+4 = 8/10 = 80 (good);
        //     after 4+2+2 = 8/8 = 100 (excellent).
        b.unit("d1", "department", "Sở Một").fact("online_checked", yes()).fact("website", yes());
        b.records("procedure", {{b.text("A"), yes(), integer(3)}, {b.text("B"), no(), integer(1)}});
        // d2: all posted, no online service, no website → 4/10 = 40 (failed); after 4/8 = 50 (done).
        b.unit("d2", "department", "Sở Hai").fact("online_checked", yes()).fact("website", no());
        b.records("procedure", {{b.text("A"), yes(), integer(1)}});
        // d3: full marks under both, but its points fall from 10 to 8.
        b.unit("d3", "department", "Sở Ba").fact("online_checked", yes()).fact("website", yes());
        b.records("procedure", {{b.text("A"), yes(), integer(3)}});
        // k1: no evidence: 0 under both, unchanged.
        b.unit("k1", "district", "Huyện Một");
        evidence = b.take();
        parscore::engine::EvaluationRequest request;
        request.year = 2013;
        request.by_rank = true;
        auto eb = parscore::engine::evaluate_loaded(before->get(), evidence, request, std::nullopt);
        auto ea = parscore::engine::evaluate_loaded(after->get(), evidence, request, std::nullopt);
        diff = parscore::engine::compare_rulebooks(before->get(), eb, after->get(), ea);
    }
    std::unique_ptr<LoadedRulebook> before, after;
    parscore::inspections::EvidenceSet evidence;
    RulebookDiff diff;
};

TEST_F(DiffTest, ListsAddedAndRemovedCriteria) {
    EXPECT_EQ(diff.added_criteria, std::vector<std::string>{"cntt.portal"});
    EXPECT_EQ(diff.removed_criteria, std::vector<std::string>{"cntt.website"});
    EXPECT_EQ(diff.before.version, "1");
    EXPECT_EQ(diff.after.version, "2-draft");
}

TEST_F(DiffTest, ListsOnlyUnitsThatChangeWithTheCriteriaBehindIt) {
    EXPECT_EQ(diff.units_compared, 4u);
    ASSERT_EQ(diff.units.size(), 3u);  // k1 is unchanged
    const UnitChange& d1 = diff.units[0];
    EXPECT_EQ(d1.unit, "d1");
    EXPECT_EQ(d1.name, "Sở Một");
    EXPECT_EQ(d1.before.points, dec("8"));
    EXPECT_EQ(d1.after.points, dec("8"));
    EXPECT_EQ(d1.before.total, dec("80"));
    EXPECT_EQ(d1.after.total, dec("100"));
    EXPECT_EQ(d1.before.band, "good");
    EXPECT_EQ(d1.after.band, "excellent");
    EXPECT_EQ(d1.before.rank, 2);
    EXPECT_EQ(d1.after.rank, 1);
    EXPECT_EQ(changes(d1), "tthc.posted:changed:2>4 cntt.website:removed:4>- cntt.portal:added:->2 ");

    const UnitChange& d2 = diff.units[1];
    EXPECT_EQ(d2.unit, "d2");
    EXPECT_EQ(d2.before.total, dec("40"));
    EXPECT_EQ(d2.after.total, dec("50"));
    // posted is 4 under both: not listed; a removed or added criterion is, even at 0 points.
    EXPECT_EQ(changes(d2), "cntt.website:removed:0>- cntt.portal:added:->0 ");

    const UnitChange& d3 = diff.units[2];
    EXPECT_EQ(d3.before.points, dec("10"));
    EXPECT_EQ(d3.after.points, dec("8"));
    EXPECT_EQ(d3.before.band, d3.after.band);
}

TEST_F(DiffTest, CountsBandMovesInBandOrder) {
    ASSERT_EQ(diff.band_moves.size(), 2u);
    EXPECT_EQ(diff.band_moves[0].from, "good");
    EXPECT_EQ(diff.band_moves[0].to, "excellent");
    EXPECT_EQ(diff.band_moves[0].units, 1u);
    EXPECT_EQ(diff.band_moves[1].from, "failed");
    EXPECT_EQ(diff.band_moves[1].to, "done");
}

TEST_F(DiffTest, TableAndJsonShowBeforeAndAfter) {
    std::string table = parscore::engine::render_diff_table(before->get(), after->get(), diff);
    EXPECT_NE(table.find("criteria added: cntt.portal\ncriteria removed: cntt.website\n3 of 4 units change\n"),
              std::string::npos)
        << table;
    // Bands read as their labels; JSON keeps the ids.
    EXPECT_NE(table.find("Hoàn thành tốt nhiệm vụ → Hoàn thành xuất sắc nhiệm vụ"), std::string::npos) << table;
    EXPECT_NE(table.find("  d1: tthc.posted 2 → 4, cntt.website 4 → - (removed), cntt.portal - → 2 (added)\n"),
              std::string::npos)
        << table;
    EXPECT_NE(table.find("band moves:\n  Hoàn thành tốt nhiệm vụ → Hoàn thành xuất sắc nhiệm vụ: 1\n"
                         "  Không hoàn thành nhiệm vụ → Hoàn thành nhiệm vụ: 1\n"),
              std::string::npos)
        << table;
    EXPECT_EQ(table.find("k1"), std::string::npos);
    EXPECT_EQ(diff.category_labels.at("district"), "Khối UBND cấp huyện");
    EXPECT_EQ(diff.category_labels.at("department"), "department");  // no label: the id

    std::string json = parscore::engine::render_diff_json(diff);
    EXPECT_NE(json.find(R"("band_moves": [
    {
      "from": "good",
      "to": "excellent",
      "units": 1
    },)"),
              std::string::npos)
        << json;
    EXPECT_NE(json.find(R"({
          "id": "tthc.posted",
          "change": "changed",
          "before": 2,
          "after": 4,
          "before_status": "scored",
          "after_status": "scored"
        })"),
              std::string::npos)
        << json;
}

TEST_F(DiffTest, TableInVietnameseKeepsIdsAndLabelsAndTranslatesTheRest) {
    std::string table = parscore::engine::render_diff_table(before->get(), after->get(), diff,
                                                            parscore::i18n::Language::vi);
    EXPECT_NE(table.find(", năm 2013, căn cứ: tất cả các cuộc kiểm tra\ntiêu chí được bổ sung: cntt.portal\n"
                         "tiêu chí bị loại bỏ: cntt.website\n3/4 đơn vị có thay đổi\n"),
              std::string::npos)
        << table;
    EXPECT_NE(table.find("Hoàn thành tốt nhiệm vụ → Hoàn thành xuất sắc nhiệm vụ"), std::string::npos) << table;
    EXPECT_NE(table.find("  d1: tthc.posted 2 → 4, cntt.website 4 → - (loại bỏ), cntt.portal - → 2 (bổ sung)\n"),
              std::string::npos)
        << table;
    EXPECT_NE(table.find("các tiêu chí dẫn đến thay đổi:\n"), std::string::npos) << table;
    EXPECT_NE(table.find("thay đổi xếp loại:\n  Hoàn thành tốt nhiệm vụ → Hoàn thành xuất sắc nhiệm vụ: 1\n"),
              std::string::npos)
        << table;
    EXPECT_NE(table.find("Mã đơn vị"), std::string::npos) << table;
}

// The table shows totals with two decimals and points with at most two; JSON keeps them exact.
TEST_F(DiffTest, TableRoundsWhatPeopleRead) {
    auto& d1 = diff.units.front();
    ASSERT_EQ(d1.unit, "d1");
    d1.before.total = dec("66.666666667");
    d1.criteria.front().before = dec("0.999999999");
    std::string table = parscore::engine::render_diff_table(before->get(), after->get(), diff);
    EXPECT_NE(table.find("66.67 → 100.00"), std::string::npos) << table;
    EXPECT_NE(parscore::engine::render_diff_table(before->get(), after->get(), diff, parscore::i18n::Language::vi)
                  .find("66,67 → 100,00"),
              std::string::npos);
    EXPECT_NE(table.find("  d1: tthc.posted 1 → 4,"), std::string::npos) << table;
    EXPECT_EQ(table.find("0.999999999"), std::string::npos) << table;
    EXPECT_NE(parscore::engine::render_diff_json(diff).find("\"before\": 0.999999999"), std::string::npos);
}

TEST(DiffStoreTest, RulebooksThatReadEvidenceDifferentlyEachLoadTheirOwn) {
    auto before = load_rulebook({{"rulebook.yaml", kRulebook}});
    auto after = load_rulebook({{"rulebook.yaml", kRulebook}, {"wider.yaml", kWider}}, "wider.yaml");
    ASSERT_TRUE(before->rulebook && after->rulebook);
    TestStore store({unit_info("so-a", "department", "Sở A"), unit_info("xa-a", "commune", "Xã A")});
    store.record(R"(inspection: { unit: so-a, date: 2013-05-01, kind: scheduled }
findings:
  procedure:
    - { code: A, posted: true, online_level: 1 }
  online_checked: true
  website: true
  iso: true
)",
                 after->get().evidence);
    store.record("inspection: { unit: xa-a, date: 2013-05-01, kind: scheduled }\nfindings: { website: true }\n",
                 after->get().evidence);

    parscore::engine::EvaluationRequest request;
    request.year = 2013;
    RulebookDiff d = parscore::engine::diff_rulebooks(before->get(), after->get(), store.get(), request);
    ASSERT_EQ(d.units.size(), 2u);
    // so-a: 4 + 0 + 4 = 8 of 10 → 80; with iso 10 of 12 → 83.33.
    EXPECT_EQ(d.units[0].unit, "so-a");
    EXPECT_EQ(d.units[0].before.total, dec("80"));
    EXPECT_EQ(d.units[0].after.total, dec("83.33"));
    EXPECT_EQ(changes(d.units[0]), "cntt.iso:added:->2 ");
    // xa-a is scored only by the second rulebook: 4 of 10 (online is for departments only).
    EXPECT_EQ(d.units[1].unit, "xa-a");
    EXPECT_FALSE(d.units[1].before.covered);
    EXPECT_EQ(d.units[1].after.total, dec("40"));
    EXPECT_TRUE(d.units[1].criteria.empty());
    ASSERT_EQ(d.band_moves.size(), 1u);
    EXPECT_EQ(d.band_moves[0].from, "not_covered");
    EXPECT_EQ(d.band_moves[0].to, "failed");
    EXPECT_NE(parscore::engine::render_diff_json(d).find(R"("before": {
        "status": "not_covered",
        "points": null,)"),
              std::string::npos);

    request.category = "commune";
    RulebookDiff communes = parscore::engine::diff_rulebooks(before->get(), after->get(), store.get(), request);
    EXPECT_EQ(communes.units_compared, 1u);
    request.category = "province";
    EXPECT_THROW(parscore::engine::diff_rulebooks(before->get(), after->get(), store.get(), request),
                 parscore::engine::NotCovered);
}

}  // namespace
