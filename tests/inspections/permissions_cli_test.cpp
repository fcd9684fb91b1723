// The permission table of docs/accounts.md ("Roles"), cell by cell, through the command line's
// --as LOGIN: for every row and role, a command that the row governs, run as an account of that
// role — allowed (exit 0) or refused (exit 1, the database unchanged, nothing audited). Rows with
// a condition ("its unit only", "those it recorded", "once submitted") have both sides tested.
#include <gtest/gtest.h>

#include <map>

#include "fixture.hpp"

namespace parscore::inspections::testing {
namespace {

const char* kSurprise = R"(inspection:
  unit: {unit}
  date: 2013-10-20
  kind: surprise
  team: ["Lê Văn C"]
findings:
  procedure:
    - { code: TP-009, posted: true, online_level: 3 }
  violation: []
  desk_staff: []
  audit: []
  website: true
  autonomy_rate: 50%
)";

/// data/units.csv (so-tu-phap, so-noi-vu, ubnd-lac-son with xa-an-binh below it), one submitted
/// surprise inspection of so-tu-phap recorded from the command line, one draft self-assessment of
/// so-tu-phap recorded by agency "tp", and one account of each role.
class Permissions : public UnitsDatabase {
protected:
    void SetUp() override {
        UnitsDatabase::SetUp();
        exec(R"(
INSERT INTO accounts VALUES ('admin', 'Quản trị', 'admin', NULL, 'en', 'x', 0, 0, 't', 't', NULL);
INSERT INTO accounts VALUES ('office', 'Văn phòng', 'office', NULL, 'en', 'x', 0, 0, 't', 't', NULL);
INSERT INTO accounts VALUES ('office-ls', 'Văn phòng huyện', 'office', 'ubnd-lac-son', 'en', 'x', 0, 0, 't', 't', NULL);
INSERT INTO accounts VALUES ('author', 'Soạn quy tắc', 'author', NULL, 'en', 'x', 0, 0, 't', 't', NULL);
INSERT INTO accounts VALUES ('insp', 'Kiểm tra viên', 'inspector', NULL, 'en', 'x', 0, 0, 't', 't', NULL);
INSERT INTO accounts VALUES ('insp2', 'Kiểm tra viên 2', 'inspector', NULL, 'en', 'x', 0, 0, 't', 't', NULL);
INSERT INTO accounts VALUES ('tp', 'Sở Tư pháp', 'agency', 'so-tu-phap', 'en', 'x', 0, 0, 't', 't', NULL);
INSERT INTO accounts VALUES ('gone', 'Đã khóa', 'admin', NULL, 'en', 'x', 0, 1, 't', 't', NULL);
)");
        write("surprise-tp.yaml", report("so-tu-phap", "surprise", ""));
        write("surprise-nv.yaml", report("so-noi-vu", "surprise", ""));
        write("self-tp.yaml", report("so-tu-phap", "self", ""));
        write("self-nv.yaml", report("so-noi-vu", "self", ""));
        write("self-tp-draft.yaml", report("so-tu-phap", "self", "  status: draft\n"));
        write("surprise-xa.yaml", report("xa-an-binh", "surprise", ""));
        write("units-xa.csv", "id,name,category,parent\nxa-an-binh,UBND xã An Bình mới,commune,ubnd-lac-son\n");
        write("units-nv.csv", "id,name,category\nso-noi-vu,Sở Nội vụ mới,department\n");
        write("autonomy.csv", "unit,date,value\nso-tu-phap,2013-11-01,40%\n");
        const RunResult base = run(
            {"record", "--rules", kRulebook.string(), (kData / "data" / "report.yaml").string()});
        ASSERT_EQ(base.exit_code, 0) << base.err;
        surprise_ = query("SELECT id FROM inspections ORDER BY stamp LIMIT 1");
        const RunResult draft = as("tp", {"record", "--rules", kRulebook.string(), path("self-tp-draft.yaml")});
        ASSERT_EQ(draft.exit_code, 0) << draft.err;
        draft_ = query("SELECT id FROM inspections ORDER BY stamp DESC LIMIT 1");
    }

    static std::string report(const std::string& unit, const std::string& kind, const std::string& extra) {
        std::string text = kSurprise;
        text.replace(text.find("{unit}"), 6, unit);
        text.replace(text.find("surprise"), 8, kind);
        text.insert(text.find("findings:"), extra);
        return text;
    }
    void write(const std::string& name, const std::string& text) { write_file(dir_ / name, text); }
    std::string query(const std::string& sql) const { return database_.text(sql); }
    void exec(const std::string& sql) const { database_.exec(sql); }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }

    RunResult as(const std::string& login, std::vector<std::string> args) {
        args.insert(args.begin(), {"--as", login});
        return run(std::move(args));
    }

    /// Runs `args` as `login` and checks it is allowed.
    void allowed(const std::string& login, const std::vector<std::string>& args) {
        const RunResult r = as(login, args);
        EXPECT_EQ(r.exit_code, 0) << login << ": " << args.front() << "\n" << r.err;
    }

    /// Runs `args` as `login` and checks it is refused with exit 1 and `message`, changing nothing
    /// (the audit log included).
    void refused(const std::string& login, const std::vector<std::string>& args, const std::string& message) {
        const std::string before = contents(database_, true);
        const RunResult r = as(login, args);
        EXPECT_EQ(r.exit_code, 1) << login << ": " << args.front() << "\n" << r.out << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << login << ": " << args.front() << "\n" << r.err;
        EXPECT_EQ(contents(database_, true), before) << login << ": " << args.front();
    }

    std::string audit_rows() { return query("SELECT count(*) FROM audit"); }

    std::string surprise_, draft_;
    const std::string rules_ = kRulebook.string();
};

const char* kForbidden = "may not";
const char* kOwnUnit = "acts only on its own unit";

TEST_F(Permissions, UnknownOrDisabledAccountsActOnNothing) {
    refused("nobody", {"units", "list"}, "no active account 'nobody'");
    refused("gone", {"units", "list"}, "no active account 'gone'");
}

TEST_F(Permissions, EveryRoleReadsUnitsWithinItsScope) {
    for (const char* login : {"admin", "office", "author", "insp", "tp"}) allowed(login, {"units", "list"});
    const RunResult agency = as("tp", {"units", "list"});
    EXPECT_NE(agency.out.find("so-tu-phap"), std::string::npos);
    EXPECT_EQ(agency.out.find("so-noi-vu"), std::string::npos) << agency.out;
    const RunResult district = as("office-ls", {"units", "list"});
    EXPECT_NE(district.out.find("xa-an-binh"), std::string::npos);
    EXPECT_EQ(district.out.find("so-tu-phap"), std::string::npos) << district.out;
}

TEST_F(Permissions, ScoresOfUnpublishedEvaluations) {
    for (const char* login : {"admin", "office", "author"})
        allowed(login, {"score", "--rules", rules_, "--year", "2013"});
    refused("insp", {"score", "--rules", rules_, "--year", "2013"}, kForbidden);
    refused("insp", {"explain", "--rules", rules_, "--year", "2013", "--unit", "so-tu-phap"}, kForbidden);
    // An agency: its unit only; another unit reads as unknown.
    allowed("tp", {"explain", "--rules", rules_, "--year", "2013", "--unit", "so-tu-phap"});
    refused("tp", {"explain", "--rules", rules_, "--year", "2013", "--unit", "so-noi-vu"}, "unknown unit 'so-noi-vu'");
    const RunResult own = as("tp", {"score", "--rules", rules_, "--year", "2013", "--format", "csv"});
    EXPECT_EQ(own.exit_code, 0) << own.err;
    EXPECT_NE(own.out.find("so-tu-phap"), std::string::npos);
    EXPECT_EQ(own.out.find("so-noi-vu"), std::string::npos) << own.out;
    refused("tp", {"summary", "--rules", rules_, "--year", "2013"}, "needs an account without a scope");
}

TEST_F(Permissions, ReadingInspections) {
    for (const char* login : {"admin", "office", "author", "insp"}) {
        allowed(login, {"inspections"});
        allowed(login, {"show", surprise_});
        allowed(login, {"show", draft_});
        allowed(login, {"verify"});
        allowed(login, {"template", "--rules", rules_, "--unit", "so-noi-vu"});
    }
    // An agency: its unit's inspections once submitted (and its own self-assessment at every step);
    // an inspector's draft reads as unknown.
    write("draft.yaml", report("so-tu-phap", "scheduled", "  status: draft\n"));
    ASSERT_EQ(as("insp", {"record", "--rules", rules_, path("draft.yaml")}).exit_code, 0);
    const std::string hidden = query("SELECT id FROM inspections WHERE recorded_by = 'insp'");
    allowed("tp", {"show", surprise_});
    allowed("tp", {"show", draft_});
    refused("tp", {"show", hidden}, "unknown inspection");
    const RunResult list = as("tp", {"inspections"});
    EXPECT_NE(list.out.find(surprise_), std::string::npos);
    EXPECT_EQ(list.out.find(hidden), std::string::npos) << list.out;
    allowed("insp", {"submit", hidden});
    allowed("tp", {"show", hidden});
    allowed("tp", {"template", "--rules", rules_, "--unit", "so-tu-phap"});
    refused("tp", {"template", "--rules", rules_, "--unit", "so-noi-vu"}, "unknown unit 'so-noi-vu'");
    allowed("tp", {"verify"});
    // Out of a scope: unknown, never forbidden.
    refused("office-ls", {"show", surprise_}, "unknown inspection");
}

TEST_F(Permissions, RecordingInspectionsOtherThanSelf) {
    for (const char* login : {"admin", "office", "insp"})
        allowed(login, {"record", "--again", "--rules", rules_, path("surprise-nv.yaml")});
    refused("author", {"record", "--rules", rules_, path("surprise-nv.yaml")}, kForbidden);
    refused("tp", {"record", "--rules", rules_, path("surprise-tp.yaml")}, kForbidden);
    refused("office-ls", {"record", "--rules", rules_, path("surprise-tp.yaml")}, "unknown unit");
    allowed("office-ls", {"record", "--rules", rules_, path("surprise-xa.yaml")});
}

TEST_F(Permissions, AnInspectorAmendsAndSubmitsOnlyWhatItRecorded) {
    ASSERT_EQ(as("insp", {"record", "--rules", rules_, path("surprise-nv.yaml")}).exit_code, 0);
    write("draft.yaml", report("so-noi-vu", "scheduled", "  status: draft\n"));
    ASSERT_EQ(as("insp", {"record", "--rules", rules_, path("draft.yaml")}).exit_code, 0);
    const std::string mine = query("SELECT id FROM inspections WHERE recorded_by = 'insp' AND status = 'draft'");
    refused("insp2", {"submit", mine}, "acts only on inspections it recorded");
    refused("insp2", {"amend", mine, "--reason", "sửa", path("draft.yaml")}, "acts only on inspections it recorded");
    refused("insp", {"amend", surprise_, "--reason", "sửa", (kData / "data" / "report.yaml").string()},
            "acts only on inspections it recorded");
    allowed("insp", {"submit", mine});
    // Admin and office amend anything in their scope.
    allowed("office", {"amend", mine, "--reason", "bổ sung", path("surprise-nv.yaml")});
}

TEST_F(Permissions, SelfAssessmentsOfTheOwnUnit) {
    for (const char* login : {"admin", "office", "tp"})
        allowed(login, {"record", "--again", "--rules", rules_, path("self-tp.yaml")});
    refused("insp", {"record", "--rules", rules_, path("self-tp.yaml")}, kForbidden);
    refused("author", {"record", "--rules", rules_, path("self-tp.yaml")}, kForbidden);
    refused("tp", {"record", "--rules", rules_, path("self-nv.yaml")}, "unknown unit");
    allowed("tp", {"submit", draft_});
    // An amendment may not turn a self-assessment into an inspection.
    refused("tp", {"amend", draft_, "--reason", "đổi", path("surprise-tp.yaml")}, kForbidden);
}

TEST_F(Permissions, ReturningAndLocking) {
    for (const char* login : {"author", "insp", "tp"}) refused(login, {"lock", surprise_}, kForbidden);
    refused("office-ls", {"lock", surprise_}, "unknown inspection");
    allowed("office", {"lock", surprise_});
    refused("insp", {"lock", "--year", "2013"}, kForbidden);
    allowed("admin", {"lock", "--year", "2013"});
}

TEST_F(Permissions, RulebookDrafts) {
    for (const char* login : {"admin", "office", "author"}) allowed(login, {"check", rules_});
    for (const char* login : {"insp", "tp"}) refused(login, {"check", rules_}, kForbidden);
    refused("tp", {"diff", "--rules", rules_, "--with", rules_, "--year", "2013"}, kForbidden);
    allowed("author", {"diff", "--rules", rules_, "--with", rules_, "--year", "2013"});
}

TEST_F(Permissions, ImportingMergingAndPublishing) {
    const std::vector<std::string> import = {"import", "--rules",       rules_,
                                             "--kind", "autonomy_rate", path("autonomy.csv")};
    for (const char* login : {"author", "insp", "tp"}) {
        refused(login, import, kForbidden);
        refused(login, {"units", "import", path("units-nv.csv")}, kForbidden);
        refused(login, {"publish", "--rules", rules_, "--year", "2013", "--allow-incomplete"}, kForbidden);
    }
    allowed("office", import);
    allowed("admin", {"units", "import", path("units-nv.csv")});
    // A scoped office changes units below its scope only, and publishes nothing.
    allowed("office-ls", {"units", "import", path("units-xa.csv")});
    refused("office-ls", {"units", "import", path("units-nv.csv")}, "unknown unit 'so-noi-vu'");
    refused("office-ls", {"publish", "--rules", rules_, "--year", "2013", "--allow-incomplete"},
            "needs an account without a scope");
    allowed("office", {"publish", "--rules", rules_, "--year", "2013", "--allow-incomplete"});
    const fs::path other = dir_ / "other.db";
    copy_database(database_.location(), other);  // merge reads a SQLite file
    refused("insp", {"merge", other.string()}, kForbidden);
    allowed("admin", {"merge", other.string()});
}

TEST_F(Permissions, TheYearlyReportIsTheOfficesAndTheAdmins) {
    const std::vector<std::string> report = {"report", "--rules", rules_, "--year", "2013", "--out"};
    for (const char* login : {"author", "insp", "tp"}) {
        std::vector<std::string> args = report;
        args.push_back(path(std::string(login) + ".html"));
        refused(login, args, kForbidden);
        EXPECT_FALSE(fs::exists(dir_ / (std::string(login) + ".html"))) << login;
    }
    std::vector<std::string> scoped = report;
    scoped.push_back(path("office-ls.html"));
    refused("office-ls", scoped, "needs an account without a scope");
    for (const char* login : {"admin", "office"}) {
        std::vector<std::string> args = report;
        args.push_back(path(std::string(login) + ".html"));
        allowed(login, args);
        EXPECT_TRUE(fs::exists(dir_ / (std::string(login) + ".html"))) << login;
    }
}

TEST_F(Permissions, AnAgencyActsOnlyOnItsOwnUnit) {
    // Below an agency's unit is still not its own unit.
    exec("UPDATE accounts SET scope = 'ubnd-lac-son' WHERE login = 'tp'");
    write("self-xa.yaml", report("xa-an-binh", "self", ""));
    refused("tp", {"record", "--rules", rules_, path("self-xa.yaml")}, kOwnUnit);
}

TEST_F(Permissions, ChangesThroughAnAccountAreAuditedAndRefusalsAreNot) {
    const std::string before = audit_rows();
    refused("author", {"record", "--rules", rules_, path("surprise-nv.yaml")}, kForbidden);
    EXPECT_EQ(audit_rows(), before);
    allowed("insp", {"record", "--rules", rules_, path("surprise-nv.yaml")});
    EXPECT_EQ(std::stoi(audit_rows()), std::stoi(before) + 1);
    EXPECT_EQ(query("SELECT account || ' ' || address || ' ' || action FROM audit ORDER BY no DESC LIMIT 1"),
              "insp local record");
    EXPECT_EQ(query("SELECT recorded_by FROM inspections ORDER BY stamp DESC LIMIT 1"), "insp");
    // The operating-system user is not audited.
    const std::string now = audit_rows();
    ASSERT_EQ(run({"record", "--rules", rules_, path("surprise-tp.yaml")}).exit_code, 0);
    EXPECT_EQ(audit_rows(), now);
}

TEST_F(Permissions, ManagingAccountsAndReadingTheAuditLog) {
    for (const char* login : {"office", "author", "insp", "tp"}) {
        refused(login, {"users", "list"}, kForbidden);
        refused(login, {"tokens", "list"}, kForbidden);
        refused(login, {"audit"}, kForbidden);
        refused(login, {"users", "disable", "insp2"}, kForbidden);
    }
    allowed("admin", {"users", "list"});
    allowed("admin", {"tokens", "list"});
    allowed("admin", {"audit"});
    allowed("admin", {"users", "disable", "insp2"});
}

TEST_F(Permissions, EveryRoleReadsAdoptedRulebooks) {
    ASSERT_EQ(run({"adopt", "--rules", rules_, "--year", "2013"}).exit_code, 0);
    for (const char* login : {"admin", "office", "author", "insp", "tp"}) allowed(login, {"rulebooks"});
    for (const char* login : {"author", "insp", "tp"})
        refused(login, {"adopt", "--rules", rules_, "--year", "2014"}, kForbidden);
    refused("office-ls", {"adopt", "--rules", rules_, "--year", "2014"}, "needs an account without a scope");
    allowed("office", {"adopt", "--rules", rules_, "--year", "2014"});
}

TEST_F(Permissions, CommentingOnWhatAnAccountMayRead) {
    for (const char* login : {"admin", "office", "author", "insp", "tp"})
        allowed(login, {"comment", surprise_, "Đã xem"});
    refused("office-ls", {"comment", surprise_, "Đã xem"}, "unknown inspection");
    write("draft.yaml", report("so-tu-phap", "scheduled", "  status: draft\n"));
    ASSERT_EQ(as("insp", {"record", "--rules", rules_, path("draft.yaml")}).exit_code, 0);
    const std::string hidden = query("SELECT id FROM inspections WHERE recorded_by = 'insp'");
    refused("tp", {"comment", hidden, "?"}, "unknown inspection");
}

TEST_F(Permissions, ReturningIsForAdminAndOffice) {
    for (const char* login : {"author", "insp", "tp"})
        refused(login, {"return", surprise_, "--comment", "thiếu"}, kForbidden);
    allowed("office", {"return", surprise_, "--comment", "thiếu hồ sơ"});
}

TEST_F(Permissions, AttachingFollowsTheRecordingRows) {
    write("photo.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\0'));
    refused("author", {"attach", surprise_, path("photo.png")}, kForbidden);
    refused("insp", {"attach", surprise_, path("photo.png")}, "acts only on inspections it recorded");
    refused("tp", {"attach", surprise_, path("photo.png")}, kForbidden);
    allowed("office", {"attach", surprise_, path("photo.png")});
    allowed("tp", {"attach", draft_, path("photo.png")});
    refused("insp", {"attach", draft_, path("photo.png")}, kForbidden);
}

// A change merged from another database keeps its author, an account there; its audit row is in
// that database, so verify here does not ask for one.
TEST_F(Permissions, MergedChangesOfAnAccountNeedNoAuditRowHere) {
    const fs::path field = dir_ / "field.db";
    copy_database(database_.location(), field);  // another office's copy, a SQLite file
    const RunResult recorded = run_parscore({"--db", field.string(), "--as", "insp", "record", "--rules", rules_,
                                             path("surprise-nv.yaml")},
                                            dir_.path());
    ASSERT_EQ(recorded.exit_code, 0) << recorded.err;
    ASSERT_EQ(run({"merge", field.string()}).exit_code, 0);
    EXPECT_EQ(query("SELECT count(*) FROM inspections WHERE recorded_by = 'insp'"), "1");
    const RunResult verify = run({"verify"});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    // The same change made here behind the tool's back is found.
    exec("DELETE FROM merges");
    EXPECT_EQ(run({"verify"}).exit_code, 1);
}

}  // namespace
}  // namespace parscore::inspections::testing
