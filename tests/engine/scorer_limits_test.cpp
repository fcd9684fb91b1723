// The scorer at its limits: a failure while scoring reaches the caller (never ends the
// process), and sums beyond the decimal range are reported, never replaced by a wrong figure.
#include <gtest/gtest.h>

#include <deque>
#include <stdexcept>

#include "parscore/scoring/scorer.hpp"
#include "report_fixture.hpp"

namespace {

using namespace parscore;
using namespace parscore::testing;

// Criteria, bonus and scale given by the test; no evidence.
std::string rulebook(const std::string& criteria, const std::string& rest = "") {
    return R"yaml(
parscore: 1
id: limits
version: "1"
units: [department]
)yaml" + rest +
           R"yaml(
groups:
  - id: g
    criteria:
)yaml" + criteria +
           R"yaml(
bands:
  - { id: pass, min: 50 }
  - { id: fail, min: 0 }
)yaml";
}

std::string criterion(const std::string& id, const std::string& max, const std::string& points) {
    return "      - id: " + id + "\n        max: " + max + "\n        points: " + points + "\n";
}

/// One department scored alone.
engine::UnitResult score_alone(const std::string& text) {
    auto loaded = load_rulebook_text(text);
    if (!loaded->rulebook) return {};
    core::UnitEvidence evidence;
    evidence.reset(loaded->get().evidence.kinds.size());
    engine::UnitScorer scorer(loaded->get());
    return scorer.score(dsl::UnitInfo{"so-tp", "Sở Tư pháp", "department"}, evidence, 2013);
}

TEST(ScorerLimits, AFailureInAnyWorkerReachesTheCaller) {
    auto loaded = load_rulebook_text(kRulebook);
    ASSERT_TRUE(loaded->rulebook);
    const rules::Rulebook& rb = loaded->get();
    std::deque<std::string> ids;
    std::vector<dsl::UnitInfo> units;
    std::vector<core::UnitEvidence> evidence(2000);
    for (std::size_t i = 0; i < evidence.size(); ++i) {
        units.push_back(dsl::UnitInfo{ids.emplace_back("u" + std::to_string(i)), "Unit", "department"});
        // Evidence shaped for another schema, in several blocks: whichever thread meets one fails.
        evidence[i].reset(i % 500 == 499 ? 1 : rb.evidence.kinds.size());
    }
    for (unsigned threads : {1u, 2u, 4u}) {
        try {
            engine::score_units(rb, units, evidence, 2013, threads);
            ADD_FAILURE() << "no exception with " << threads << " threads";
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find("' has 1 kinds, the rulebook's schema 5"), std::string::npos)
                << e.what();
        }
    }
}

TEST(ScorerLimits, AMaximumBeyondTheDecimalRangeMakesTheUnitIncomplete) {
    const std::string big = "600000000000000000";  // 6 × 10^17: two of them reach 1.2 × 10^18
    const engine::UnitResult r = score_alone(rulebook(criterion("a", big, "1") + criterion("b", big, "1")));
    EXPECT_FALSE(r.complete);
    EXPECT_EQ(r.reason,
              "the unit's maximum adding criterion 'g.b' is out of the decimal range (|x| must stay below 10^18)");
    EXPECT_FALSE(r.total);
    EXPECT_FALSE(r.points);
}

TEST(ScorerLimits, PointsAndBonusesBeyondTheRangeAreReported) {
    const std::string bonus = "bonuses:\n  - { id: b, points: \"999999999999999999\" }\n";
    const engine::UnitResult r = score_alone(rulebook(criterion("a", "10", "10"), bonus));
    EXPECT_FALSE(r.complete);
    EXPECT_EQ(r.reason,
              "the sum of criteria points and bonuses is out of the decimal range (|x| must stay below 10^18)");
}

TEST(ScorerLimits, UncappedBonusesBeyondTheRangeAreReported) {
    const std::string bonuses = R"yaml(
bonuses:
  - { id: first, points: "900000000000000000" }
  - { id: second, points: "900000000000000000" }
)yaml";
    const engine::UnitResult r = score_alone(rulebook(criterion("a", "10", "10"), bonuses));
    EXPECT_FALSE(r.complete);
    EXPECT_EQ(r.reason,
              "the sum of bonuses adding bonus 'second' is out of the decimal range (|x| must stay below 10^18)");
}

TEST(ScorerLimits, PointsTimesScaleBeyondTheRangeAreReported) {
    // 10^12 points of 10^12, scaled by 10^6: the product is 10^18, though the total would be 10^6.
    const engine::UnitResult r = score_alone(
        rulebook(criterion("a", "1000000000000", "1000000000000"), "scale: 1000000\n"));
    EXPECT_FALSE(r.complete);
    EXPECT_EQ(r.reason,
              "the product of points and scale (1000000000000 × 1000000) is out of the decimal range (|x| must stay "
              "below 10^18)");
}

TEST(ScorerLimits, AnIntBeyondTheDecimalRangeIsClampedNotZeroed) {
    // 9 × 10^18 is an int (64 bits) but no decimal: far above max, so it is clamped to it.
    const engine::UnitResult r = score_alone(rulebook(criterion("a", "10", "900000000000000000 * 10")));
    ASSERT_TRUE(r.complete) << r.reason;
    ASSERT_EQ(r.criteria.size(), 1u);
    EXPECT_EQ(r.criteria[0].points, core::Decimal::from_int(10));
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_EQ(r.warnings[0].code, std::string("W303"));
    EXPECT_EQ(r.warnings[0].message,
              "points 9000000000000000000 of 'g.a' clamped to 10 (the criterion's range is 0 to 10)");
}

TEST(ScorerLimits, AnAdjustmentIntBeyondTheRangeCountsItsCapOrIsReported) {
    const std::string capped = "bonuses:\n  - { id: b, points: \"900000000000000000 * 10\", cap: 1 }\n";
    const engine::UnitResult with_cap = score_alone(rulebook(criterion("a", "10", "5"), capped));
    ASSERT_TRUE(with_cap.complete) << with_cap.reason;
    EXPECT_EQ(with_cap.bonus, *core::Decimal::from_int(1));
    const std::string uncapped = "bonuses:\n  - { id: b, points: \"900000000000000000 * 10\" }\n";
    const engine::UnitResult without = score_alone(rulebook(criterion("a", "10", "5"), uncapped));
    EXPECT_FALSE(without.complete);
    EXPECT_EQ(without.reason,
              "the value of bonus 'b' (9000000000000000000) is out of the decimal range (|x| must stay below 10^18)");
    const std::string negative = "deductions:\n  - { id: d, points: \"0 - 900000000000000000 * 10\" }\n";
    EXPECT_TRUE(score_alone(rulebook(criterion("a", "10", "5"), negative)).complete);
}

}  // namespace
