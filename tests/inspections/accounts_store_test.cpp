// Accounts and tokens in the store: what the command line cannot reach (an expired token, a
// login's time) and a database of an older schema brought forward by the first account change.
#include <gtest/gtest.h>

#include "fixture.hpp"

namespace parscore::inspections::testing {
namespace {

Account account(std::string login, std::string role) {
    Account a;
    a.login = std::move(login);
    a.name = a.login;
    a.role = std::move(role);
    a.password_hash = "$argon2id$not-checked-here";
    return a;
}

class AccountsStore : public ::testing::Test {
protected:
    void SetUp() override { store_.add_account(account("boss", "admin")); }
    TempDir dir_;
    TestDatabase database_{dir_.path()};
    Store store_ = Store::open(database_.location(), OpenMode::Create);
};

TEST_F(AccountsStore, AnExpiredRevokedOrDisabledTokenFindsNothing) {
    const std::string live(64, 'a'), expired(64, 'b'), revoked(64, 'c');
    store_.add_token("boss", "live", live, std::nullopt);
    store_.add_token("boss", "old", expired, std::string("2000-01-01T00:00:00.000000Z"));
    const std::int64_t id = store_.add_token("boss", "gone", revoked, std::string("2999-01-01T00:00:00.000000Z"));
    EXPECT_TRUE(store_.revoke_token(id));
    EXPECT_FALSE(store_.revoke_token(id));

    const auto found = store_.find_token_by_hash(live);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->token.name, "live");
    EXPECT_EQ(found->account.login, "boss");
    EXPECT_FALSE(store_.find_token_by_hash(expired));
    EXPECT_FALSE(store_.find_token_by_hash(revoked));
    EXPECT_FALSE(store_.find_token_by_hash(std::string(64, 'd')));

    store_.add_account(account("chief", "admin"));
    AccountChange off;
    off.disabled = true;
    EXPECT_TRUE(store_.update_account("boss", off));
    EXPECT_FALSE(store_.find_token_by_hash(live));
    EXPECT_EQ(store_.enabled_admins(), 1);

    store_.record_token_use(found->token.id, "2026-12-06T10:00:00.000000Z");
    EXPECT_EQ(store_.tokens("boss").front().last_used, "2026-12-06T10:00:00.000000Z");
    EXPECT_EQ(store_.tokens("chief").size(), 0u);
    EXPECT_EQ(store_.tokens().size(), 3u);
}

TEST_F(AccountsStore, ALoginIsNotAChangeOfTheAccount) {
    const Account before = *store_.find_account("boss");
    store_.record_login("boss", "2026-12-06T10:00:00.000000Z");
    const Account after = *store_.find_account("boss");
    EXPECT_EQ(after.last_login, "2026-12-06T10:00:00.000000Z");
    EXPECT_EQ(after.changed_at, before.changed_at);
}

TEST_F(AccountsStore, AChangeToTheStoredValuesChangesNothing) {
    store_.audit_as(AuditContext{"boss", "local"});
    AccountChange same;
    same.name = "boss";
    same.role = "admin";
    same.scope = std::optional<std::string>();
    same.disabled = false;
    EXPECT_FALSE(store_.update_account("boss", same));
    EXPECT_THROW(store_.update_account("nobody", same), StoreError);
    EXPECT_THROW(store_.add_token("nobody", "x", std::string(64, 'e'), std::nullopt), StoreError);
    EXPECT_THROW(store_.revoke_token(42), StoreError);
    EXPECT_THROW(store_.add_account(account("boss", "office")), StoreError);
}

TEST(AccountsMigration, TheFirstAccountMigratesADatabaseOfSchema3) {
    TempDir dir;
    const fs::path db = dir / "old.db";
    fs::copy_file(kData / "data" / "schema-3" / "schema-3.db", db);
    const std::string before = file_sha256(db);
    RunResult list = run_parscore({"users", "list", "--db", db.string()}, dir.path());
    EXPECT_EQ(list.exit_code, 0) << list.err;
    EXPECT_EQ(file_sha256(db), before);

    RunResult add = run_parscore({"users", "add", "boss", "--role", "admin", "--db", db.string()}, dir.path());
    ASSERT_EQ(add.exit_code, 0) << add.err;
    Store store = Store::open(db, OpenMode::ReadOnly);
    ASSERT_TRUE(store.find_account("boss"));
    EXPECT_TRUE(store.find_account("boss")->must_change);
}

}  // namespace
}  // namespace parscore::inspections::testing
