// Quotas and ranks (docs/reference/scoring.md#quotas, #ranking), hand-computed: cut-offs, ties at the cut-off, floor(),
// quota_of, cascades, caps, incomplete units and categories kept apart.
#include <gtest/gtest.h>

#include "parscore/scoring/scorer.hpp"

namespace {

using parscore::core::Decimal;
using parscore::engine::UnitResult;

Decimal d(const char* s) { return *Decimal::parse(s); }

parscore::rules::Rulebook bands(std::optional<const char*> excellent_quota, const char* quota_of = "",
                                std::optional<const char*> good_quota = std::nullopt) {
    parscore::rules::Rulebook rb;
    rb.units = {"department", "district"};
    auto band = [](const char* id, const char* min) {
        parscore::rules::Band b;
        b.id = id;
        b.label = id;
        b.min = d(min);
        return b;
    };
    rb.bands = {band("excellent", "90"), band("good", "80"), band("done", "50"), band("failed", "0")};
    if (excellent_quota) rb.bands[0].quota = d(*excellent_quota);
    rb.bands[0].quota_of = quota_of;
    if (good_quota) rb.bands[1].quota = d(*good_quota);
    return rb;
}

UnitResult unit(const std::string& id, const char* total, int band_after_caps,
                const std::string& category = "department") {
    UnitResult u;
    u.id = id;
    u.category = category;
    u.total = d(total);
    u.band_from_total = band_after_caps;
    u.band_after_caps = band_after_caps;
    u.band = band_after_caps;
    return u;
}

UnitResult incomplete(const std::string& id, const std::string& category = "department") {
    UnitResult u;
    u.id = id;
    u.category = category;
    u.complete = false;
    return u;
}

std::vector<int> final_bands(const std::vector<UnitResult>& units) {
    std::vector<int> out;
    for (const auto& u : units) out.push_back(u.band);
    return out;
}

TEST(QuotaTest, KeepsTheTopKAndMovesTheRestOneBandDown) {
    auto rb = bands("0.2");
    // n = 10 complete units, k = floor(0.2 × 10) = 2: 99 and 98 keep excellent.
    std::vector<UnitResult> units = {unit("a", "99", 0), unit("b", "98", 0), unit("c", "97", 0), unit("d", "91", 0),
                                     unit("e", "85", 1), unit("f", "84", 1), unit("g", "70", 2), unit("h", "60", 2),
                                     unit("i", "40", 3), unit("j", "30", 3)};
    parscore::engine::apply_quotas(rb, units);
    EXPECT_EQ(final_bands(units), (std::vector<int>{0, 0, 1, 1, 1, 1, 2, 2, 3, 3}));
}

TEST(QuotaTest, TiesAtTheCutOffAllMoveDown) {
    auto rb = bands("0.2");
    // k = 2; the (k+1)-th highest candidate total is 98, so only totals above 98 keep the band.
    std::vector<UnitResult> units = {unit("a", "99", 0), unit("b", "98", 0), unit("c", "98", 0), unit("d", "97", 0),
                                     unit("e", "50", 2), unit("f", "50", 2), unit("g", "50", 2), unit("h", "50", 2),
                                     unit("i", "50", 2), unit("j", "50", 2)};
    parscore::engine::apply_quotas(rb, units);
    EXPECT_EQ(final_bands(units), (std::vector<int>{0, 1, 1, 1, 2, 2, 2, 2, 2, 2}));
}

TEST(QuotaTest, TiesAtTheTopWithRoomForAllKeepTheBand) {
    auto rb = bands("0.2");
    // k = 2 and exactly two candidates: nobody moves.
    std::vector<UnitResult> units = {unit("a", "95", 0), unit("b", "95", 0), unit("c", "50", 2), unit("d", "50", 2),
                                     unit("e", "50", 2), unit("f", "50", 2), unit("g", "50", 2), unit("h", "50", 2),
                                     unit("i", "50", 2), unit("j", "50", 2)};
    parscore::engine::apply_quotas(rb, units);
    EXPECT_EQ(units[0].band, 0);
    EXPECT_EQ(units[1].band, 0);
}

TEST(QuotaTest, FloorMeansNobodyHoldsTheBandWithTooFewUnits) {
    auto rb = bands("0.2");
    // n = 4, k = floor(0.8) = 0: every candidate moves down.
    std::vector<UnitResult> units = {unit("a", "99", 0), unit("b", "95", 0), unit("c", "85", 1), unit("d", "60", 2)};
    parscore::engine::apply_quotas(rb, units);
    EXPECT_EQ(final_bands(units), (std::vector<int>{1, 1, 1, 2}));
}

TEST(QuotaTest, ExactlyFiveUnitsAllowOne) {
    auto rb = bands("0.2");
    std::vector<UnitResult> units = {unit("a", "99", 0), unit("b", "95", 0), unit("c", "85", 1), unit("d", "60", 2),
                                     unit("e", "55", 2)};
    parscore::engine::apply_quotas(rb, units);
    EXPECT_EQ(final_bands(units), (std::vector<int>{0, 1, 1, 2, 2}));
}

TEST(QuotaTest, MovedUnitsBecomeCandidatesOfTheNextBand) {
    auto rb = bands("0.2", "", "0.3");
    // n = 10. excellent: k = 2 → c, d move to good. good: k = 3, candidates c 97, d 96, e 85, f 84
    // → the 4th highest is 84, so c, d, e keep good and f moves to done.
    std::vector<UnitResult> units = {unit("a", "99", 0), unit("b", "98", 0), unit("c", "97", 0), unit("d", "96", 0),
                                     unit("e", "85", 1), unit("f", "84", 1), unit("g", "70", 2), unit("h", "60", 2),
                                     unit("i", "40", 3), unit("j", "30", 3)};
    parscore::engine::apply_quotas(rb, units);
    EXPECT_EQ(final_bands(units), (std::vector<int>{0, 0, 1, 1, 1, 2, 2, 2, 3, 3}));
}

TEST(QuotaTest, QuotaOfCountsOnlyUnitsAtThatBandOrHigher) {
    auto rb = bands("0.5", "good");
    // n = units whose band after caps is good or higher = 4 (a, b, c, d); k = 2.
    std::vector<UnitResult> units = {unit("a", "99", 0), unit("b", "97", 0), unit("c", "95", 0),
                                     unit("d", "85", 1), unit("e", "60", 2), unit("f", "60", 2)};
    parscore::engine::apply_quotas(rb, units);
    EXPECT_EQ(final_bands(units), (std::vector<int>{0, 0, 1, 1, 2, 2}));
}

TEST(QuotaTest, CappedUnitsAreNotCandidatesButCountInN) {
    auto rb = bands("0.2");
    // b's total is excellent but a cap holds it at good: not a candidate. n = 10, k = 2: a and c keep.
    std::vector<UnitResult> units = {unit("a", "99", 0), unit("b", "98", 1), unit("c", "97", 0), unit("d", "96", 0),
                                     unit("e", "50", 2), unit("f", "50", 2), unit("g", "50", 2), unit("h", "50", 2),
                                     unit("i", "50", 2), unit("j", "50", 2)};
    units[1].band_from_total = 0;
    parscore::engine::apply_quotas(rb, units);
    EXPECT_EQ(final_bands(units), (std::vector<int>{0, 1, 0, 1, 2, 2, 2, 2, 2, 2}));
}

TEST(QuotaTest, IncompleteUnitsDoNotCountAndCategoriesAreSeparate) {
    auto rb = bands("0.2");
    // department: 5 complete (k = 1) + 3 incomplete; district: 4 complete (k = 0).
    std::vector<UnitResult> units = {unit("a", "99", 0),
                                     unit("b", "95", 0),
                                     unit("c", "50", 2),
                                     unit("d", "50", 2),
                                     unit("e", "50", 2),
                                     incomplete("x"),
                                     incomplete("y"),
                                     incomplete("z"),
                                     unit("p", "99", 0, "district"),
                                     unit("q", "50", 2, "district"),
                                     unit("r", "50", 2, "district"),
                                     unit("s", "50", 2, "district")};
    parscore::engine::apply_quotas(rb, units);
    EXPECT_EQ(units[0].band, 0);
    EXPECT_EQ(units[1].band, 1);
    EXPECT_EQ(units[8].band, 1);
    EXPECT_EQ(units[5].band, -1);
}

TEST(RankTest, CompetitionRankingPerCategory) {
    std::vector<UnitResult> units = {
        unit("d1", "90", 0), unit("d2", "85.5", 1),           unit("d3", "85.5", 1),          unit("d4", "70", 2),
        incomplete("d5"),    unit("x1", "60", 2, "district"), unit("x2", "99", 0, "district")};
    parscore::engine::assign_ranks(units);
    EXPECT_EQ(units[0].rank, 1);
    EXPECT_EQ(units[1].rank, 2);
    EXPECT_EQ(units[2].rank, 2);
    EXPECT_EQ(units[3].rank, 4);
    EXPECT_FALSE(units[4].rank);
    EXPECT_EQ(units[5].rank, 2);
    EXPECT_EQ(units[6].rank, 1);
}

TEST(RankTest, OrderIsCategoryThenRankThenIdWithIncompleteLast) {
    auto rb = bands(std::nullopt);
    std::vector<UnitResult> units = {incomplete("a0"),    unit("x2", "99", 0, "district"),
                                     unit("d3", "85", 1), unit("d1", "85", 1),
                                     unit("d9", "95", 0), incomplete("d0")};
    parscore::engine::assign_ranks(units);
    auto ranked = units;
    parscore::engine::order_units(rb, ranked, true);
    std::vector<std::string> ids;
    for (const auto& u : ranked) ids.push_back(u.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"d9", "d1", "d3", "a0", "d0", "x2"}));
    parscore::engine::order_units(rb, units, false);
    ids.clear();
    for (const auto& u : units) ids.push_back(u.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"d1", "d3", "d9", "a0", "d0", "x2"}));
}

}  // namespace
