// Hash chains: every change is chained per inspection, and a change made behind the store's back
// (raw SQL that does not recompute the chain) names the inspection.
#include <gtest/gtest.h>

#include "fixture.hpp"

namespace parscore::inspections::testing {
namespace {

void raw_sql(const TestDatabase& db, const std::string& sql) { EXPECT_GT(changed_rows(db, sql), 0) << sql; }

class Chains : public ::testing::Test {
protected:
    void SetUp() override {
        Store store = Store::open(database_.location(), OpenMode::Create);
        add_units(store, {unit("d1"), unit("d2")});
        a_ = record_ok(store, report("d1", "2013-05-01", InspectionKind::Scheduled,
                                     {procedures({{"A", true, 2}}), fact("website", boolean(true))}, Status::Draft));
        store.submit(a_);
        store.amend(a_, report("d1", "2013-05-02", InspectionKind::Scheduled, {procedures({{"A", false, 2}})}),
                    test_schema(), "recount");
        store.lock(a_);
        b_ = record_ok(store, report("d2", "2013-05-01", InspectionKind::Surprise, {fact("website", boolean(false))}));
        EXPECT_TRUE(store.verify_chains().empty());
    }
    const TestDatabase& db() const { return database_; }
    std::vector<ChainProblem> verify() { return Store::open(database_.location(), OpenMode::Existing).verify_chains(); }
    void expect_named(const std::vector<ChainProblem>& problems, const std::string& id) {
        bool named = false;
        for (const auto& p : problems) {
            named = named || p.inspection == id;
            if (!p.inspection.empty()) {
                EXPECT_EQ(p.inspection, id) << p.message;
            }
        }
        EXPECT_TRUE(named);
    }

    TempDir dir_;
    TestDatabase database_{dir_.path()};
    std::string a_, b_;
};

TEST_F(Chains, HistoryIsNumberedAndLinked) {
    Store store = Store::open(database_.location(), OpenMode::Existing);
    auto d = store.inspection(a_);
    ASSERT_TRUE(d);
    ASSERT_EQ(d->history.size(), 4u);
    EXPECT_EQ(d->history[0].prev_hash, "");
    for (std::size_t i = 1; i < d->history.size(); ++i) {
        EXPECT_EQ(d->history[i].prev_hash, d->history[i - 1].hash);
        EXPECT_GT(d->history[i].no, d->history[i - 1].no);
        EXPECT_EQ(d->history[i].seq, static_cast<int>(i + 1));
    }
    EXPECT_EQ(d->history[2].reason.value_or(""), "recount");
    EXPECT_EQ(d->summary.status, Status::Locked);
    EXPECT_EQ(store.last_revision(), 7);  // two units, then five changes of inspections
}

TEST_F(Chains, AlteredFindingBlobIsFound) {
    // A byte appended: SQLite's blob literal, PostgreSQL's bytea.
    const std::string longer = on_postgres() ? "data || '\\x00'::bytea" : "CAST(data || x'00' AS BLOB)";
    raw_sql(db(), "UPDATE findings SET data = " + longer +
                      " WHERE kind = 'website' AND revision = "
                      "(SELECT max(no) FROM revisions WHERE inspection = '" +
                      b_ + "')");
    expect_named(verify(), b_);
}

TEST_F(Chains, AlteredRecordCountIsFound) {
    raw_sql(db(), "UPDATE findings SET records = 7 WHERE revision IN (SELECT no FROM revisions WHERE inspection = '" +
                      a_ + "')");
    expect_named(verify(), a_);
}

TEST_F(Chains, AlteredHashIsFound) {
    raw_sql(db(), "UPDATE revisions SET hash = '" + std::string(64, '0') + "' WHERE inspection = '" + b_ + "'");
    expect_named(verify(), b_);
}

TEST_F(Chains, AlteredHeaderIsFound) {
    raw_sql(db(), "UPDATE revisions SET date = '2013-12-31' WHERE inspection = '" + a_ + "' AND seq = 1");
    expect_named(verify(), a_);
    raw_sql(db(), "UPDATE inspections SET stamp = stamp + 1 WHERE id = '" + b_ + "'");
    auto problems = verify();
    bool a = false, b = false;
    for (const auto& p : problems) (p.inspection == a_ ? a : b) = true;
    EXPECT_TRUE(a && b);
}

TEST_F(Chains, DeletedEventIsFound) {
    raw_sql(db(), "DELETE FROM events WHERE inspection = '" + a_ + "' AND event = 'lock'");
    // The chain itself still links, but the database's change numbers now have a gap.
    auto problems = verify();
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].inspection, "");
    EXPECT_NE(problems[0].message.find("missing"), std::string::npos);
    raw_sql(db(), "DELETE FROM events WHERE inspection = '" + a_ + "' AND event = 'submit'");
    expect_named(verify(), a_);
}

TEST_F(Chains, ForgedEventIsFound) {
    raw_sql(db(),
            "INSERT INTO events(no, inspection, seq, event, recorded_by, recorded_at, prev_hash, hash) "
            "SELECT 99, id, 2, 'lock', 'x', 'now', '', '' FROM inspections WHERE id = '" +
                b_ + "'");
    expect_named(verify(), b_);
}

}  // namespace
}  // namespace parscore::inspections::testing
