// Connections kept open between requests (StorePool): a borrowed store sees every change made
// since, by itself or anyone else; what one borrower set (whom changes are audited as) does not
// reach the next; a database moved into place under the same name is read as the new file.
#include <gtest/gtest.h>

#include "fixture.hpp"

namespace parscore::inspections::testing {
namespace {

Account account(std::string login) {
    Account a;
    a.login = std::move(login);
    a.name = a.login;
    a.role = "office";
    a.password_hash = "$argon2id$not-checked-here";
    return a;
}

class StorePoolTest : public ::testing::Test {
protected:
    void SetUp() override { Store::open(path_, OpenMode::Create); }
    TempDir dir_;
    TestDatabase database_{dir_.path(), "pool.db"};
    fs::path path_ = database_.location();
    StorePool pool_{path_, 2};
};

TEST_F(StorePoolTest, ABorrowedStoreSeesEveryChangeMadeSince) {
    {
        Store first = pool_.open(OpenMode::Existing);
        first.add_account(account("lan"));
        EXPECT_TRUE(first.find_account("lan"));
    }
    for (int round = 0; round < 3; ++round) {
        // Another connection (another process, the command line) changes the database between
        // two borrowings of the kept connection.
        Store::open(path_, OpenMode::Existing).add_account(account("other" + std::to_string(round)));
        const Store again = pool_.open(OpenMode::ReadOnly);
        EXPECT_TRUE(again.find_account("lan"));
        EXPECT_TRUE(again.find_account("other" + std::to_string(round))) << round;
    }
}

TEST_F(StorePoolTest, StoresBorrowedTogetherEachHaveTheirOwnConnection) {
    Store a = pool_.open(OpenMode::Existing);
    Store b = pool_.open(OpenMode::Existing);
    Store c = pool_.open(OpenMode::Existing);  // more than the pool keeps
    a.add_account(account("a"));
    b.add_account(account("b"));
    c.add_account(account("c"));
    EXPECT_TRUE(a.find_account("c"));
    EXPECT_TRUE(c.find_account("a"));
}

TEST_F(StorePoolTest, WhomChangesAreAuditedAsDoesNotReachTheNextBorrower) {
    {
        Store first = pool_.open(OpenMode::Existing);
        first.audit_as(AuditContext{"boss", "10.0.0.1"});
        first.add_account(account("lan"));
    }
    {
        Store next = pool_.open(OpenMode::Existing);
        next.add_account(account("mai"));  // not audited: no one is named
    }
    const std::vector<AuditEntry> log = Store::open(path_, OpenMode::ReadOnly).audit_log(AuditFilter{});
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].account, "boss");
    EXPECT_EQ(log[0].target, "lan");
}

TEST_F(StorePoolTest, ADatabaseMovedIntoPlaceIsReadAsTheNewFile) {
    {
        Store kept = pool_.open(OpenMode::Existing);
        kept.add_account(account("old"));
    }
    const fs::path replacement = dir_ / "replacement.db";
    Store::open(replacement, OpenMode::Create).add_account(account("new"));
    // As a backup is restored: the file and its side files replaced together (the kept
    // connection still holds the old ones open).
    fs::rename(replacement, path_);
    for (const char* side : {"-wal", "-shm"}) fs::remove(path_.string() + side);
    const Store after = pool_.open(OpenMode::ReadOnly);
    EXPECT_TRUE(after.find_account("new"));
    EXPECT_FALSE(after.find_account("old"));
}

TEST_F(StorePoolTest, AMissingDatabaseIsRefusedAsByOpen) {
    const TestDatabase none(dir_.path(), "none.db");
    StorePool missing(none.location());
    try {
        missing.open(OpenMode::Existing);
        FAIL() << "opened a missing database";
    } catch (const StoreError& e) {
        EXPECT_EQ(e.kind(), StoreError::Kind::Missing);
    }
    EXPECT_FALSE(created(none));
}

}  // namespace
}  // namespace parscore::inspections::testing
