// users and tokens, run in-process: every command, every refusal with its exit code and message,
// and the database unchanged by a refusal; --as; secrets never in the log.
#include <sqlite3.h>

#include <regex>
#include <sstream>

#include "parscore/accounts/password.hpp"
#include "parscore/core/sha256.hpp"
#include "parscore/inspections/store.hpp"
#include "run_cli.hpp"

namespace parscore::testing {
namespace {

namespace ins = parscore::inspections;

constexpr const char* kPassword = "mật khẩu đủ dài 2026";

/// Every row of every table, as text: what "the database is unchanged" compares.
std::string dump(const fs::path& db) {
    sqlite3* h = nullptr;
    EXPECT_EQ(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    std::string out;
    auto rows = [&](const std::string& sql) {
        sqlite3_stmt* s = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sql;
        std::vector<std::string> found;
        while (sqlite3_step(s) == SQLITE_ROW) {
            std::string row;
            for (int c = 0; c < sqlite3_column_count(s); ++c) {
                const unsigned char* t = sqlite3_column_text(s, c);
                row += (t ? reinterpret_cast<const char*>(t) : "NULL") + std::string("|");
            }
            found.push_back(row);
        }
        sqlite3_finalize(s);
        return found;
    };
    for (const std::string& table : rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
        const std::string name = table.substr(0, table.size() - 1);
        out += "== " + name + "\n";
        for (const std::string& row : rows("SELECT * FROM \"" + name + "\"")) out += row + "\n";
    }
    for (const std::string& row : rows("PRAGMA user_version")) out += "version " + row + "\n";
    sqlite3_close(h);
    return out;
}

/// One column of one row, or "" when there is none.
std::string select_text(const fs::path& db, const std::string& sql) {
    sqlite3* h = nullptr;
    sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* s = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
        const unsigned char* t = sqlite3_column_text(s, 0);
        if (t) out = reinterpret_cast<const char*>(t);
    }
    sqlite3_finalize(s);
    sqlite3_close(h);
    return out;
}

class AccountsCli : public ::testing::Test {
protected:
    void SetUp() override {
        write_text(dir_ / "units.csv",
                   "id,name,category,parent\nso-noi-vu,Sở Nội vụ,department,\nphong-a,Phòng A,department,so-noi-vu\n");
        ASSERT_EQ(run({"units", "import", (dir_ / "units.csv").string()}).code, 0);
        ASSERT_EQ(run({"users", "add", "boss", "--role", "admin", "--password-stdin"}, kPassword).code, 0);
    }

    /// parscore ARGS --db DB with `input` as stdin.
    Outcome run(std::vector<std::string> args, const std::string& input = "") {
        args.insert(args.end(), {"--db", db_.string()});
        std::istringstream in(input);
        std::ostringstream out, err;
        Outcome r;
        r.code = cli::run(args, &in, out, err);
        r.out = out.str();
        r.err = err.str();
        return r;
    }

    /// Runs a command that must be refused: its exit code, a message containing `message`, and
    /// the database as it was.
    void expect_refused(const std::vector<std::string>& args, int code, const std::string& message,
                        const std::string& input = kPassword) {
        const std::string before = dump(db_);
        const Outcome r = run(args, input);
        EXPECT_EQ(r.code, code) << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(dump(db_), before);
    }

    std::optional<ins::Account> account(const std::string& login) {
        return ins::Store::open(db_, ins::OpenMode::ReadOnly).find_account(login);
    }

    Scratch dir_;
    fs::path db_ = dir_ / "t.db";
};

TEST_F(AccountsCli, TheFirstAdminIsCreatedByTheSystemUserWithAPasswordFromStdin) {
    const auto boss = account("boss");
    ASSERT_TRUE(boss);
    EXPECT_EQ(boss->role, "admin");
    EXPECT_EQ(boss->name, "boss");
    EXPECT_EQ(boss->lang, "vi");
    EXPECT_FALSE(boss->must_change);
    EXPECT_TRUE(boss->password_hash.starts_with("$argon2id$"));
    EXPECT_TRUE(accounts::verify_password(boss->password_hash, kPassword));
    // The operating-system user is not audited.
    EXPECT_EQ(select_text(db_, "SELECT count(*) FROM audit"), "0");
}

TEST_F(AccountsCli, AddWithoutAPasswordPrintsAGeneratedOneThatMustBeChanged) {
    const Outcome r = run(
        {"users", "add", "lan", "--role", "agency", "--scope", "phong-a", "--name", "Nguyễn Thị Lan", "--lang", "en"});
    ASSERT_EQ(r.code, 0) << r.err;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.out, m, std::regex("\n([A-Za-z0-9]{16})\n$"))) << r.out;
    EXPECT_NE(r.out.find("account 'lan' added (agency)"), std::string::npos);
    const auto lan = account("lan");
    ASSERT_TRUE(lan);
    EXPECT_TRUE(lan->must_change);
    EXPECT_EQ(lan->scope, "phong-a");
    EXPECT_EQ(lan->name, "Nguyễn Thị Lan");
    EXPECT_EQ(lan->lang, "en");
    EXPECT_TRUE(accounts::verify_password(lan->password_hash, m[1].str()));
}

TEST_F(AccountsCli, ListShowsEveryAccountAsATableOrJson) {
    ASSERT_EQ(run({"users", "add", "lan", "--role", "office", "--password-stdin"}, "another long password\n").code, 0);
    const Outcome table = run({"users", "list"});
    ASSERT_EQ(table.code, 0);
    EXPECT_EQ(table.out.substr(0, table.out.find('\n')), "login  name  role    scope  lang  disabled  last login");
    EXPECT_NE(table.out.find("lan    lan   office  —      vi"), std::string::npos) << table.out;
    const Outcome vi = run({"users", "list", "--lang", "vi"});
    EXPECT_NE(vi.out.find("tên đăng nhập"), std::string::npos) << vi.out;
    const Outcome json = run({"users", "list", "--format", "json"});
    ASSERT_EQ(json.code, 0);
    EXPECT_NE(json.out.find("{\"login\": \"boss\", \"name\": \"boss\", \"role\": \"admin\", \"scope\": null, "
                            "\"lang\": \"vi\", \"disabled\": false, \"must_change_password\": false"),
              std::string::npos)
        << json.out;
    EXPECT_EQ(json.out.find("argon2"), std::string::npos);
}

TEST_F(AccountsCli, SetChangesRoleScopeNameAndLanguage) {
    ASSERT_EQ(run({"users", "add", "lan", "--role", "inspector", "--password-stdin"}, "another long password").code, 0);
    Outcome r = run(
        {"users", "set", "lan", "--role", "agency", "--scope", "so-noi-vu", "--name", "Lan", "--lang", "en"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "account 'lan' changed\n");
    auto lan = account("lan");
    EXPECT_EQ(lan->role, "agency");
    EXPECT_EQ(lan->scope, "so-noi-vu");
    EXPECT_EQ(lan->name, "Lan");
    EXPECT_EQ(lan->lang, "en");
    r = run({"users", "set", "lan", "--role", "agency"});
    EXPECT_EQ(r.out, "account 'lan' unchanged\n");
    ASSERT_EQ(run({"users", "set", "lan", "--role", "office", "--no-scope"}).code, 0);
    EXPECT_EQ(account("lan")->scope, std::nullopt);
}

TEST_F(AccountsCli, DisablingAnAccountStopsItsTokensAndEnablingRestoresThem) {
    ASSERT_EQ(run({"users", "add", "lan", "--role", "office", "--password-stdin"}, "another long password").code, 0);
    const Outcome token = run({"tokens", "add", "--user", "lan", "--name", "nightly export"});
    ASSERT_EQ(token.code, 0) << token.err;
    const std::string hash = core::sha256_hex(token.out.substr(0, token.out.size() - 1));
    auto works = [&] { return ins::Store::open(db_, ins::OpenMode::ReadOnly).find_token_by_hash(hash).has_value(); };
    EXPECT_TRUE(works());
    Outcome r = run({"users", "disable", "lan"});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, "account 'lan' disabled\n");
    EXPECT_TRUE(account("lan")->disabled);
    EXPECT_FALSE(works());
    EXPECT_EQ(run({"users", "disable", "lan"}).out, "account 'lan' was disabled already\n");
    EXPECT_EQ(run({"users", "enable", "lan"}).out, "account 'lan' enabled\n");
    EXPECT_TRUE(works());
    EXPECT_EQ(run({"users", "enable", "lan"}).out, "account 'lan' was enabled already\n");
}

TEST_F(AccountsCli, PasswordResetsFromStdinOrGeneratesOne) {
    Outcome r = run({"users", "password", "boss"});
    ASSERT_EQ(r.code, 0) << r.err;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.out, m, std::regex("\n([A-Za-z0-9]{16})\n$"))) << r.out;
    EXPECT_TRUE(account("boss")->must_change);
    EXPECT_TRUE(accounts::verify_password(account("boss")->password_hash, m[1].str()));
    r = run({"users", "password", "boss", "--password-stdin"}, "a brand new password\r\nignored");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "password of 'boss' reset\n");
    EXPECT_FALSE(account("boss")->must_change);
    EXPECT_TRUE(accounts::verify_password(account("boss")->password_hash, "a brand new password"));
}

TEST_F(AccountsCli, ATokenIsPrintedOnceAndOnlyItsSha256IsStored) {
    const Outcome r = run({"tokens", "add", "--user", "boss", "--name", "backup", "--days", "30"});
    ASSERT_EQ(r.code, 0) << r.err;
    ASSERT_TRUE(std::regex_match(r.out, std::regex("pst_[A-Za-z0-9_-]{43}\n"))) << r.out;
    const std::string secret = r.out.substr(0, r.out.size() - 1);
    EXPECT_NE(r.err.find("token 1 of 'boss' added, valid until"), std::string::npos) << r.err;
    EXPECT_EQ(select_text(db_, "SELECT hash FROM tokens WHERE id = 1"), core::sha256_hex(secret));
    EXPECT_EQ(dump(db_).find(secret), std::string::npos);
    EXPECT_NE(select_text(db_, "SELECT expires_at FROM tokens WHERE id = 1"), "");

    const Outcome list = run({"tokens", "list", "--format", "json"});
    ASSERT_EQ(list.code, 0);
    EXPECT_NE(list.out.find("{\"id\": 1, \"login\": \"boss\", \"name\": \"backup\", \"created_at\": "),
              std::string::npos)
        << list.out;
    EXPECT_EQ(list.out.find(core::sha256_hex(secret)), std::string::npos);
    EXPECT_EQ(list.out.find(secret), std::string::npos);
    const Outcome table = run({"tokens", "list", "--user", "boss"});
    EXPECT_EQ(table.out.substr(0, table.out.find('\n')).find("id  login  name    created"), 0u) << table.out;
    EXPECT_EQ(table.out.find(core::sha256_hex(secret)), std::string::npos);

    EXPECT_EQ(run({"tokens", "revoke", "1"}).out, "token 1 revoked\n");
    EXPECT_NE(select_text(db_, "SELECT revoked_at FROM tokens WHERE id = 1"), "");
    EXPECT_FALSE(ins::Store::open(db_, ins::OpenMode::ReadOnly).find_token_by_hash(core::sha256_hex(secret)));
    EXPECT_EQ(run({"tokens", "revoke", "1"}).out, "token 1 was revoked already\n");
}

TEST_F(AccountsCli, BadInputIsRefusedAndChangesNothing) {
    expect_refused({"users", "add", "lan", "--role", "ofice", "--password-stdin"}, 1,
                   "unknown role 'ofice' (did you mean 'office'?)");
    expect_refused({"users", "add", "lan", "--role", "office", "--password-stdin"}, 1, "at least 10", "short");
    expect_refused({"users", "add", "nguyen.van.lan", "--role", "office", "--password-stdin"}, 1, "login",
                   "Nguyen.Van.Lan\n");
    expect_refused({"users", "add", "Lan", "--role", "office", "--password-stdin"}, 1, "'Lan' is not a login");
    expect_refused({"users", "add", "lan!", "--role", "office", "--password-stdin"}, 1, "'lan!' is not a login");
    expect_refused({"users", "add", "lan", "--role", "office", "--scope", "so-khong-co", "--password-stdin"}, 1,
                   "unknown unit 'so-khong-co'");
    expect_refused({"users", "add", "lan", "--role", "agency", "--password-stdin"}, 1,
                   "an agency account must have a scope");
    expect_refused({"users", "add", "boss", "--role", "office", "--password-stdin"}, 1,
                   "account 'boss' exists already");
    expect_refused({"users", "add", "lan", "--role", "office", "--password-stdin"}, 2, "--password-stdin", "");
    expect_refused({"users", "add", "lan", "--role", "office", "--lang", "fr"}, 2, "--lang");
    expect_refused({"users", "disable", "boss"}, 1, "'boss' is the last enabled admin account");
    expect_refused({"users", "set", "boss", "--role", "office"}, 1, "'boss' is the last enabled admin account");
    for (const char* command : {"set", "disable", "enable", "password"}) {
        expect_refused({"users", command, "nobody"}, 1, "unknown account 'nobody'");
    }
    expect_refused({"tokens", "add", "--user", "nobody", "--name", "x"}, 1, "unknown account 'nobody'");
    expect_refused({"tokens", "list", "--user", "nobody"}, 1, "unknown account 'nobody'");
    expect_refused({"tokens", "revoke", "999"}, 1, "unknown token 999");
    expect_refused({"tokens", "add", "--user", "boss", "--name", "x", "--days", "0"}, 2, "--days");
    ASSERT_EQ(run({"users", "add", "lan", "--role", "agency", "--scope", "phong-a", "--password-stdin"},
                  "another long password")
                  .code,
              0);
    expect_refused({"users", "set", "lan", "--no-scope"}, 1, "an agency account must have a scope");
}

TEST_F(AccountsCli, AnotherAdminMayBeDemotedOrDisabled) {
    ASSERT_EQ(run({"users", "add", "chief", "--role", "admin", "--password-stdin"}, "another long password").code, 0);
    EXPECT_EQ(run({"users", "set", "boss", "--role", "office"}).code, 0);
    expect_refused({"users", "disable", "chief"}, 1, "'chief' is the last enabled admin account");
}

TEST_F(AccountsCli, CommandsNeedAnExistingDatabase) {
    const fs::path missing = dir_ / "missing.db";
    for (const std::vector<std::string>& args : {std::vector<std::string>{"users", "add", "lan", "--role", "office"},
                                                 {"users", "list"},
                                                 {"tokens", "list"},
                                                 {"tokens", "add", "--user", "boss", "--name", "x"}}) {
        std::vector<std::string> a = args;
        a.insert(a.end(), {"--db", missing.string()});
        std::ostringstream out, err;
        EXPECT_EQ(cli::run(a, out, err), 3) << err.str();
        EXPECT_FALSE(fs::exists(missing));
    }
}

TEST_F(AccountsCli, AnAccountWithoutTheRightIsRefusedAndAnAdminIsAudited) {
    ASSERT_EQ(run({"users", "add", "lan", "--role", "office", "--password-stdin"}, "another long password").code, 0);
    expect_refused({"users", "add", "minh", "--role", "inspector", "--as", "lan", "--password-stdin"}, 1,
                   "account 'lan' (office) may not manage accounts");
    expect_refused({"tokens", "list", "--as", "lan"}, 1, "may not manage accounts");
    expect_refused({"users", "disable", "boss", "--as", "boss"}, 1, "account 'boss' cannot disable itself");

    const Outcome r = run({"users", "add", "minh", "--role", "inspector", "--as", "boss", "--password-stdin"},
                          "another long password");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(select_text(db_,
                          "SELECT account || ' ' || address || ' ' || action || ' ' || target || ' ' || "
                          "coalesce(revision, '-') FROM audit"),
              "boss local account add minh -");
    ASSERT_EQ(run({"users", "set", "minh", "--name", "Minh", "--as", "boss"}).code, 0);
    ASSERT_EQ(run({"users", "disable", "minh", "--as", "boss"}).code, 0);
    ASSERT_EQ(run({"users", "password", "minh", "--as", "boss"}).code, 0);
    ASSERT_EQ(run({"tokens", "add", "--user", "minh", "--name", "x", "--as", "boss"}).code, 0);
    ASSERT_EQ(run({"tokens", "revoke", "1", "--as", "boss"}).code, 0);
    EXPECT_EQ(select_text(db_,
                          "SELECT group_concat(action || ':' || target, ', ') FROM (SELECT * FROM audit ORDER BY no)"),
              "account add:minh, account change:minh, account disable:minh, password reset:minh, token add:minh#1, "
              "token revoke:minh#1");
}

TEST_F(AccountsCli, NoSecretReachesTheLog) {
    const std::string password = "very secret password 42";
    Outcome r = run({"users", "add", "lan", "--role", "office", "--password-stdin", "--verbose"}, password);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("account lan added"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(password), std::string::npos);
    r = run({"users", "password", "lan", "--verbose"});
    const std::string generated = r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1);
    EXPECT_EQ(r.err.find(generated.substr(0, 16)), std::string::npos);
    r = run({"tokens", "add", "--user", "lan", "--name", "x", "--verbose"});
    const std::string secret = r.out.substr(0, r.out.size() - 1);
    EXPECT_EQ(r.err.find(secret), std::string::npos);
    EXPECT_EQ(r.err.find(core::sha256_hex(secret)), std::string::npos);
    EXPECT_EQ(r.err.find("argon2"), std::string::npos);
}

}  // namespace
}  // namespace parscore::testing
