// Adoptions in the store: numbered changes with their files, the one in force as of a revision,
// and audit rows only while an audit context is set.
#include <gtest/gtest.h>

#include "fixture.hpp"

namespace parscore::inspections::testing {
namespace {

Adoption adoption(int year, const std::string& sha, const std::string& text) {
    Adoption a;
    a.year = year;
    a.rulebook_id = "r";
    a.rulebook_version = sha;
    a.rulebook_sha256 = sha;
    // Each file with its true digest: verify checks them.
    a.files = {{"base.yaml", core::sha256_hex("base"), "base"}, {"r.yaml", core::sha256_hex(text), text}};
    return a;
}

class Adoptions : public ::testing::Test {
protected:
    void SetUp() override { store_.emplace(Store::open(database_.location(), OpenMode::Create)); }
    Store& store() { return *store_; }

    TempDir dir_;
    TestDatabase database_{dir_.path()};
    std::optional<Store> store_;
};

TEST_F(Adoptions, TheYearsLatestAdoptionAsOfARevisionIsInForce) {
    EXPECT_FALSE(store().adoption_in_force(2013));
    const AdoptOutcome first = store().adopt(adoption(2013, "h1", "one"));
    EXPECT_EQ(first.no, 1);
    EXPECT_FALSE(first.identical);
    EXPECT_EQ(store().adopt(adoption(2014, "h1", "one")).no, 2);
    EXPECT_EQ(store().adopt(adoption(2013, "h2", "two")).no, 3);
    EXPECT_EQ(store().last_revision(), 3);

    const std::optional<Adoption> now = store().adoption_in_force(2013);
    ASSERT_TRUE(now);
    EXPECT_EQ(now->no, 3);
    ASSERT_EQ(now->files.size(), 2u);
    EXPECT_EQ(now->files[0].path, "base.yaml");
    EXPECT_EQ(now->files[1].text, "two");
    EXPECT_EQ(store().adoption_in_force(2013, 2)->rulebook_sha256, "h1");
    EXPECT_FALSE(store().adoption_in_force(2013, 0));

    const std::vector<Adoption> all = store().adoptions();
    ASSERT_EQ(all.size(), 3u);
    EXPECT_TRUE(all[0].files.empty());
    EXPECT_EQ(all[2].year, 2013);
    EXPECT_EQ(all[0].adopted_by, current_user());
    EXPECT_TRUE(store().verify_chains().empty());
}

TEST_F(Adoptions, TheRulebookInForceAdoptedAgainTakesNoNumber) {
    store().adopt(adoption(2013, "h1", "one"));
    const AdoptOutcome again = store().adopt(adoption(2013, "h1", "one"));
    EXPECT_TRUE(again.identical);
    EXPECT_EQ(again.no, 1);
    EXPECT_EQ(store().last_revision(), 1);
    EXPECT_EQ(store().adoptions().size(), 1u);
}

TEST_F(Adoptions, OnlyAnAuditedStoreAppendsAuditRows) {
    store().adopt(adoption(2013, "h1", "one"));
    EXPECT_TRUE(store().audit_log({}).empty());
    store().audit_as(AuditContext{"lan", "10.0.0.7"});
    Adoption by_lan = adoption(2013, "h2", "two");
    by_lan.adopted_by = "lan";
    store().adopt(by_lan);
    const std::vector<AuditEntry> rows = store().audit_log({});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].account, "lan");
    EXPECT_EQ(rows[0].address, "10.0.0.7");
    EXPECT_EQ(rows[0].revision, 2);
    EXPECT_TRUE(store().audit_log({std::nullopt, std::string("someone")}).empty());
    // No account is named "lan" here, so nothing asks for the log to hold more.
    EXPECT_TRUE(store().verify_audit().empty());
}

}  // namespace
}  // namespace parscore::inspections::testing
