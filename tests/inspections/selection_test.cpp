// Which evidence counts (docs/reference/scoring.md), as the pure selection functions decide it:
// hand-written rows, no database.
#include <gtest/gtest.h>

#include <map>

#include "evidence_selection.hpp"

namespace parscore::inspections::selection {
namespace {

using core::Combine;

TEST(Selection, LatestRevisionWins) {
    struct Case {
        std::int64_t no, seq;
        std::optional<std::int64_t> latest_amendment;
        bool counts;
    };
    const Case cases[] = {
        {5, 1, std::nullopt, true},   // never amended: the first revision
        {5, 1, 9, false},             // amended later: the first no longer counts
        {9, 2, 9, true},              // the latest amendment
        {7, 2, 9, false},             // an earlier amendment
        {7, 2, std::nullopt, false},  // an amendment after the query's revision is unknown
    };
    for (const Case& c : cases) {
        EXPECT_EQ(is_latest_revision(c.no, c.seq, c.latest_amendment), c.counts)
            << "revision " << c.no << " seq " << c.seq;
    }
}

TEST(Selection, BasisChoosesTheKinds) {
    const std::map<Basis, std::vector<bool>> expected = {
        // surprise, scheduled, thematic, other, self
        {Basis::All, {true, true, true, true, true}},
        {Basis::Inspected, {true, true, true, true, false}},
        {Basis::Self, {false, false, false, false, true}},
    };
    const InspectionKind kinds[] = {InspectionKind::Surprise, InspectionKind::Scheduled, InspectionKind::Thematic,
                                    InspectionKind::Other, InspectionKind::Self};
    for (const auto& [basis, counts] : expected) {
        for (std::size_t i = 0; i < 5; ++i)
            EXPECT_EQ(counts_under(basis, kinds[i]), counts[i]) << basis_name(basis) << " " << i;
    }
}

TEST(Selection, OnlySubmittedOrLockedCount) {
    struct Case {
        bool initially_submitted;
        std::vector<std::pair<const char*, std::int64_t>> events;  // event, chain position
        bool counts;
        Status status;
    };
    const Case cases[] = {
        {false, {}, false, Status::Submitted},                            // a draft
        {true, {}, true, Status::Submitted},                              // recorded as submitted
        {false, {{"submit", 2}}, true, Status::Submitted},                // a draft, then submitted
        {false, {{"submit", 2}, {"lock", 3}}, true, Status::Locked},      // submitted, then locked
        {true, {{"lock", 2}}, true, Status::Locked},                      //
        {true, {{"return", 2}}, false, Status::Submitted},                // returned: like a draft
        {true, {{"return", 2}, {"submit", 4}}, true, Status::Submitted},  // amended, submitted again
        {true, {{"submit", 4}, {"return", 2}}, true, Status::Submitted},  // read out of order: seq decides
        {false, {{"submit", 2}, {"return", 3}, {"submit", 5}, {"return", 6}}, false, Status::Submitted},
    };
    for (const Case& c : cases) {
        RevisionRow row;
        row.initially_submitted = c.initially_submitted;
        for (const auto& [event, seq] : c.events) apply_status_event(row, event, seq);
        EXPECT_EQ(is_counted(row), c.counts);
        if (c.counts) {
            EXPECT_EQ(counted_status(row), c.status);
        }
    }
}

RevisionRow row(std::string_view id, std::uint32_t unit, std::int32_t day, std::int64_t stamp, bool draft = false) {
    RevisionRow r;
    r.id = id;
    r.unit = unit;
    r.date = core::Date{day};
    r.stamp = stamp;
    r.initially_submitted = !draft;
    return r;
}

TEST(Selection, CountedInspectionsAreChronologicalPerUnit) {
    // Units 0 and 2 are covered (as 0 and 1), unit 1 is not.
    const std::vector<std::int64_t> covered = {0, -1, 1};
    const std::vector<RevisionRow> rows = {
        row("e", 2, 10, 1),      row("d", 0, 20, 5), row("c", 0, 20, 3),  // same date: the earlier stamp first
        row("b", 0, 20, 3),                                               // same stamp too (after a merge): by id
        row("a", 0, 5, 9),                                                // the earliest date first, whatever its stamp
        row("x", 1, 1, 1),                                                // not covered
        row("y", 1, 1, 2, true),                                          // not covered, but a draft: not even reported
        row("z", 0, 1, 1, true),                                          // a draft
    };
    const CountedInspections c = count_inspections(rows, covered);
    std::vector<std::string_view> order;
    for (const Counted& k : c.counted) order.push_back(rows[k.row].id);
    EXPECT_EQ(order, (std::vector<std::string_view>{"a", "b", "c", "d", "e"}));
    EXPECT_EQ(c.counted.back().unit, 1u);
    EXPECT_EQ(c.uncovered, (std::vector<std::uint32_t>{1}));
}

TEST(Selection, AnEmptyYearCountsNothing) {
    const CountedInspections c = count_inspections({}, {0, 1});
    EXPECT_TRUE(c.counted.empty());
    EXPECT_TRUE(c.uncovered.empty());
    EXPECT_TRUE(choose(KindShape{}, {}).take.empty());
}

Candidate inspected(std::uint32_t at, std::uint32_t records = 1) { return Candidate{at, true, false, records}; }
Candidate self(std::uint32_t at, std::uint32_t records = 1) { return Candidate{at, false, false, records}; }
Candidate fact(std::uint32_t at, bool is_inspected, std::uint32_t records = 1) {
    return Candidate{at, is_inspected, true, records};
}

TEST(Selection, PriorityInspectedBeatsSelfThenLatest) {
    EXPECT_TRUE(beats(inspected(0), self(5)));  // whatever the dates
    EXPECT_FALSE(beats(self(5), inspected(0)));
    EXPECT_TRUE(beats(self(3), self(2)));
    EXPECT_TRUE(beats(inspected(3), inspected(2)));
    EXPECT_FALSE(beats(inspected(2), inspected(2)));  // a strict order
    EXPECT_TRUE(inspected_class(Basis::All, InspectionKind::Surprise));
    EXPECT_FALSE(inspected_class(Basis::All, InspectionKind::Self));
    EXPECT_FALSE(inspected_class(Basis::Inspected, InspectionKind::Surprise));  // one class only
}

TEST(Selection, ChoosingPerKind) {
    const KindShape union_kind{false, Combine::Union}, latest_kind{false, Combine::Latest},
        fact_kind{true, Combine::Union};
    struct Case {
        const char* what;
        KindShape shape;
        std::vector<Candidate> group;
        std::vector<std::uint32_t> take;
        std::uint64_t misshapen;
    };
    const std::vector<Case> cases = {
        {"union: every candidate, chronologically",
         union_kind,
         {self(0, 2), inspected(1, 0), self(2, 3)},
         {0, 1, 2},
         0},
        {"latest: the latest", latest_kind, {inspected(0), inspected(1), inspected(2)}, {2}, 0},
        {"latest: inspected beats a later self", latest_kind, {inspected(0), self(1)}, {0}, 0},
        {"latest: a candidate listing no records still wins", latest_kind, {inspected(0, 4), inspected(1, 0)}, {1}, 0},
        {"fact: inspected beats a later self", fact_kind, {fact(0, true), fact(1, false)}, {0}, 0},
        {"fact: one without a value does not win", fact_kind, {fact(0, false), fact(1, false, 0)}, {0}, 0},
        {"fact: none has a value", fact_kind, {fact(0, true, 0)}, {}, 0},
        {"records stored as a fact do not fit", union_kind, {fact(0, true, 1), self(1, 2)}, {1}, 1},
        {"a fact stored as records does not fit", fact_kind, {inspected(0, 3)}, {}, 3},
    };
    for (const Case& c : cases) {
        const KindChoice choice = choose(c.shape, c.group);
        EXPECT_EQ(choice.take, c.take) << c.what;
        EXPECT_EQ(choice.misshapen, c.misshapen) << c.what;
    }
}

/// Keyed union over hand-written keys: keys[position][row], "" for a missing key. Returns, per
/// candidate, the rows kept.
std::vector<std::vector<int>> keyed(const std::vector<Candidate>& group,
                                    const std::vector<std::vector<std::string>>& keys) {
    KeyedUnion union_;
    std::vector<std::vector<unsigned char>> keep;
    const KindChoice choice = choose(KindShape{}, group);
    const std::uint32_t total = union_.select(
        group, choice.take,
        [&](std::uint32_t at, std::uint32_t r) -> std::optional<RecordKey> {
            if (keys[at][r].empty()) return std::nullopt;
            return RecordKey{0, 0, keys[at][r]};
        },
        keep);
    std::vector<std::vector<int>> out(group.size());
    std::uint32_t kept = 0;
    for (std::size_t at = 0; at < keep.size(); ++at) {
        for (std::size_t r = 0; r < keep[at].size(); ++r) {
            if (keep[at][r]) {
                out[at].push_back(static_cast<int>(r));
                ++kept;
            }
        }
    }
    EXPECT_EQ(total, kept);
    return out;
}

TEST(Selection, KeyedUnionTakesEachKeyFromTheWinner) {
    struct Case {
        const char* what;
        std::vector<Candidate> group;
        std::vector<std::vector<std::string>> keys;
        std::vector<std::vector<int>> kept;
    };
    const std::vector<Case> cases = {
        {"the later inspection wins a shared key; other keys are united",
         {inspected(0, 2), inspected(1, 2)},
         {{"A", "B"}, {"B", "C"}},
         {{0}, {0, 1}}},
        {"inspected beats a later self-assessment for a shared key",
         {inspected(0, 2), self(1, 2)},
         {{"A", "B"}, {"B", "C"}},
         {{0, 1}, {1}}},
        {"records whose key is missing are all kept",
         {inspected(0, 2), inspected(1, 2)},
         {{"", "A"}, {"", "A"}},
         {{0}, {0, 1}}},
        {"a key twice in one inspection is kept once", {self(0, 3)}, {{"A", "A", "B"}}, {{0, 2}}},
        {"a candidate with the other shape takes no part",
         {inspected(0, 1), fact(1, true, 1)},
         {{"A"}, {"A"}},
         {{0}, {}}},
        {"no records", {self(0, 0)}, {{}}, {{}}},
    };
    for (const Case& c : cases) EXPECT_EQ(keyed(c.group, c.keys), c.kept) << c.what;
}

TEST(Selection, KeysOfDifferentTypesDiffer) {
    EXPECT_FALSE((RecordKey{1, 5, {}} == RecordKey{2, 5, {}}));
    EXPECT_TRUE((RecordKey{3, 0, "a"} == RecordKey{3, 0, "a"}));
    EXPECT_FALSE((RecordKey{3, 0, "a"} == RecordKey{3, 0, "b"}));
}

}  // namespace
}  // namespace parscore::inspections::selection
