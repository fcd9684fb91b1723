// The audit log: a row for every change an account makes (--as), none for the operating-system
// user; `audit` and its filters; `verify` finding rows edited or deleted behind the tool's back and
// changes an account made that the log does not record.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "sql_support.hpp"

namespace parscore::testing {
namespace {

class AuditLog : public ::testing::Test {
protected:
    void SetUp() override {
        write_file(dir_ / "units.csv", "id,name,category\na,Sở A,department\n");
        ASSERT_EQ(run({"units", "import", "units.csv"}).code, 0);
        // The accounts command is not needed to act as an account: any password hash will do.
        tamper(db(),
               "INSERT INTO accounts(login, name, role, lang, password_hash, must_change, disabled, created_at, "
               "changed_at) VALUES ('ad', 'Quản trị', 'admin', 'vi', 'x', 0, 0, 't', 't'), "
               "('off', 'Văn phòng', 'office', 'vi', 'x', 0, 0, 't', 't'), "
               "('insp', 'Thanh tra', 'inspector', 'vi', 'x', 0, 0, 't', 't')");
    }

    CliRun run(std::vector<std::string> args) {
        args.insert(args.end(), {"--db", "test.db"});
        return parscore(args, dir_.path(), {{"PARSCORE_DB", ""}});
    }
    CliRun adopt(const std::string& year, const std::string& as = "") {
        std::vector<std::string> args = {"adopt", "--rules", kDemoRulebook.string(), "--year", year};
        if (!as.empty()) args.insert(args.end(), {"--as", as});
        return run(args);
    }
    nlohmann::json audit(std::vector<std::string> args = {}) {
        args.insert(args.begin(), {"audit", "--format", "json"});
        CliRun r = run(args);
        EXPECT_EQ(r.code, 0) << r.err;
        return nlohmann::json::parse(r.out);
    }
    /// Three audited adoptions (changes 2, 3, 4), by ad, off and ad.
    void three_rows() {
        ASSERT_EQ(adopt("2012", "ad").code, 0);
        ASSERT_EQ(adopt("2013", "off").code, 0);
        ASSERT_EQ(adopt("2014", "ad").code, 0);
        ASSERT_EQ(run({"verify"}).code, 0);
    }
    void drop_triggers_and(const std::string& sql) {
        tamper(db(), "DROP TRIGGER audit_append_only_update; DROP TRIGGER audit_append_only_delete; " + sql);
    }
    fs::path db() const { return dir_ / "test.db"; }

    ScratchDir dir_;
};

TEST_F(AuditLog, AChangeByAnAccountIsLoggedOneByTheSystemUserIsNot) {
    ASSERT_EQ(adopt("2012").code, 0);
    EXPECT_EQ(audit().size(), 0u);
    CliRun r = adopt("2013", "ad");
    ASSERT_EQ(r.code, 0) << r.err;
    const nlohmann::json rows = audit();
    ASSERT_EQ(rows.size(), 1u);
    const nlohmann::json& row = rows[0];
    EXPECT_EQ(row.size(), 6u);
    EXPECT_EQ(row["no"], 1);
    EXPECT_EQ(row["account"], "ad");
    EXPECT_EQ(row["address"], "local");
    EXPECT_EQ(row["action"], "adopt");
    EXPECT_EQ(row["target"], "2013");
    const std::string time = row["time"];
    EXPECT_EQ(time.size(), 27u) << time;
    EXPECT_EQ(query(db(), "SELECT revision FROM audit WHERE no = 1"), "3");
    EXPECT_EQ(query(db(), "SELECT adopted_by FROM adoptions WHERE no = 3"), "ad");
    // A refused action is not logged.
    EXPECT_EQ(adopt("2014", "insp").code, 1);
    EXPECT_EQ(audit().size(), 1u);
}

TEST_F(AuditLog, AuditFiltersByAccountAndDay) {
    three_rows();
    EXPECT_EQ(audit({"--user", "ad"}).size(), 2u);
    EXPECT_EQ(audit({"--user", "off"}).size(), 1u);
    EXPECT_EQ(audit({"--user", "insp"}).size(), 0u);
    EXPECT_EQ(audit({"--since", "2000-01-01"}).size(), 3u);
    EXPECT_EQ(audit({"--since", "9999-12-31"}).size(), 0u);
    EXPECT_EQ(audit({"--since", "2000-01-01", "--user", "off"})[0]["target"], "2013");

    const std::string before = read_file(db());
    CliRun bad_date = run({"audit", "--since", "2025-02-30"});
    EXPECT_EQ(bad_date.code, 2);
    EXPECT_EQ(
        bad_date.err,
        "parscore: error: --since: expected a date YYYY-MM-DD, found '2025-02-30' (see 'parscore audit --help')\n");
    CliRun unknown = run({"audit", "--user", "nobody"});
    EXPECT_EQ(unknown.code, 1);
    EXPECT_EQ(unknown.err, "parscore: error: unknown account 'nobody'\n");
    EXPECT_EQ(read_file(db()), before);
}

TEST_F(AuditLog, OnlyAccountManagersReadTheLog) {
    three_rows();
    CliRun office = run({"audit", "--as", "off"});
    EXPECT_EQ(office.code, 1);
    EXPECT_NE(office.err.find("may not"), std::string::npos) << office.err;
    EXPECT_EQ(run({"audit", "--as", "ad"}).code, 0);
}

TEST_F(AuditLog, TheTableHasTranslatedHeads) {
    three_rows();
    CliRun en = run({"audit", "--user", "off"});
    ASSERT_EQ(en.code, 0);
    EXPECT_EQ(en.out.rfind("no  time", 0), 0u) << en.out;
    EXPECT_NE(en.out.find("account  address  action  target\n2   "), std::string::npos) << en.out;
    EXPECT_NE(en.out.find("off      local    adopt   2013\n"), std::string::npos) << en.out;
    CliRun vi = run({"audit", "--lang", "vi"});
    EXPECT_EQ(vi.out.rfind("số  thời gian", 0), 0u) << vi.out;
    EXPECT_NE(vi.out.find("tài khoản  địa chỉ  thao tác  đối tượng"), std::string::npos) << vi.out;
}

TEST_F(AuditLog, VerifyCountsTheLogWhenItHasRows) {
    EXPECT_EQ(run({"verify"}).out.find("audit log"), std::string::npos);
    three_rows();
    CliRun r = run({"verify"});
    EXPECT_NE(r.out.find("audit log: 3 rows: ok\n"), std::string::npos) << r.out;
    const nlohmann::json json = nlohmann::json::parse(run({"verify", "--format", "json"}).out);
    EXPECT_EQ(json["audit_rows"], 3);
    EXPECT_EQ(json["audit_problems"], nlohmann::json::array());
}

TEST_F(AuditLog, VerifyFindsAnEditedRow) {
    three_rows();
    drop_triggers_and("UPDATE audit SET target = '2099' WHERE no = 2");
    CliRun r = run({"verify"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("audit log: 3 rows: 1 problem\n  audit row 2 was changed after it was written\n"),
              std::string::npos)
        << r.out;
    const nlohmann::json json = nlohmann::json::parse(run({"verify", "--format", "json"}).out);
    ASSERT_EQ(json["audit_problems"].size(), 1u);
    EXPECT_EQ(json["audit_problems"][0]["no"], 2);
    EXPECT_EQ(json["audit_problems"][0]["message"], "audit row 2 was changed after it was written");
}

TEST_F(AuditLog, VerifyFindsADeletedRowInTheMiddle) {
    three_rows();
    drop_triggers_and("DELETE FROM audit WHERE no = 2");
    CliRun r = run({"verify"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("  audit rows 2 are missing (rows were deleted)\n"), std::string::npos) << r.out;
    // Its change (the adoption by off) is now one the log does not record.
    EXPECT_NE(r.out.find("  change 3 by account off has no audit row\n"), std::string::npos) << r.out;
}

TEST_F(AuditLog, VerifyFindsDeletedLastRows) {
    three_rows();
    drop_triggers_and("DELETE FROM audit WHERE no = 3");
    CliRun r = run({"verify", "--lang", "vi"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("  thiếu các dòng nhật ký thao tác 3 (các dòng cuối đã bị xóa)\n"), std::string::npos)
        << r.out;
    EXPECT_NE(run({"verify"}).out.find("  audit rows 3 are missing (the last rows were deleted)\n"), std::string::npos);
}

TEST_F(AuditLog, VerifyFindsChangesWhoseAccountTheLogDoesNotRecord) {
    three_rows();
    ASSERT_EQ(adopt("2015").code, 0);  // change 5, by the system user: not audited
    tamper(db(), "UPDATE adoptions SET adopted_by = 'insp' WHERE no = 5");
    tamper(db(), "UPDATE adoptions SET adopted_by = 'off' WHERE no = 2");
    CliRun r = run({"verify"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("  change 5 by account insp has no audit row\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("  audit row 1 names account ad, but change 2 was made by off\n"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace parscore::testing
