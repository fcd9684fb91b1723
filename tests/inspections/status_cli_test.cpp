// submit and lock of several inspections (ids or unique prefixes, all or nothing), lock by year,
// identical amendments, and the JSON listing of inspections.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fixture.hpp"

namespace parscore::inspections::testing {
namespace {

class StatusCli : public UnitsDatabase {
protected:
    /// Records one report; returns its id.
    std::string record(const std::string& unit, const std::string& date, const std::string& status = "submitted",
                       const std::string& findings = "  website: true\n") {
        const fs::path p = dir_ / ("r" + std::to_string(++files_) + ".yaml");
        write_file(p, "inspection:\n  unit: " + unit + "\n  date: " + date +
                          "\n  kind: scheduled\n  status: " + status + "\nfindings:\n" + findings);
        RunResult r = run({"record", "--rules", rules_, p.string()});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return r.out.substr(0, 36);
    }
    std::string status_of(const std::string& id) {
        RunResult r = run({"show", id, "--format", "json"});
        return nlohmann::json::parse(r.out)["status"].get<std::string>();
    }

    int files_ = 0;
    const std::string rules_ = kRulebook.string();
};

TEST_F(StatusCli, SubmitTakesSeveralIdsAndPrefixesAllOrNothing) {
    const std::string a = record("so-tu-phap", "2013-05-01", "draft");
    const std::string b = record("so-noi-vu", "2013-05-02", "draft");
    const std::string c = record("so-noi-vu", "2013-05-03", "submitted");
    const std::string hash = fingerprint(database_);
    // c is already submitted: nothing moves.
    RunResult refused = run({"submit", a, b.substr(0, 30), c});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find(c), std::string::npos) << refused.err;
    EXPECT_EQ(fingerprint(database_), hash);
    EXPECT_EQ(status_of(a), "draft");

    RunResult ok = run({"submit", a, b.substr(0, 30), a});
    ASSERT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_EQ(ok.out, a + " submitted\n" + b + " submitted\n");  // whole ids, each once
    RunResult locked = run({"lock", a, b, c});
    ASSERT_EQ(locked.exit_code, 0) << locked.err;
    EXPECT_EQ(status_of(b), "locked");
    EXPECT_EQ(status_of(c.substr(0, 30)), "locked");  // show takes a prefix too
}

TEST_F(StatusCli, AShortOrAmbiguousPrefixIsAnErrorNamingIt) {
    const std::string a = record("so-tu-phap", "2013-05-01", "draft");
    const std::string b = record("so-noi-vu", "2013-05-02", "draft");
    std::size_t common = 0;
    while (a[common] == b[common]) ++common;
    RunResult shorter = run({"submit", a.substr(0, 7)});
    EXPECT_EQ(shorter.exit_code, 2);
    EXPECT_NE(shorter.err.find("'" + a.substr(0, 7) + "' is too short"), std::string::npos) << shorter.err;
    EXPECT_EQ(run({"show", a.substr(0, 7)}).exit_code, 2);
    if (common >= 8) {  // ids made in the same few seconds share their first characters
        const std::string prefix = a.substr(0, common);
        RunResult ambiguous = run({"submit", prefix});
        EXPECT_EQ(ambiguous.exit_code, 1);
        EXPECT_NE(ambiguous.err.find("prefix '" + prefix + "' is ambiguous"), std::string::npos) << ambiguous.err;
        EXPECT_EQ(run({"show", prefix}).exit_code, 1);
    }
    RunResult unknown = run({"submit", "ffffffff-ffff"});
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_NE(unknown.err.find("unknown inspection 'ffffffff-ffff'"), std::string::npos) << unknown.err;
    EXPECT_EQ(status_of(a), "draft");
}

TEST_F(StatusCli, LockByYearLocksEverySubmittedInspectionOfTheYear) {
    const std::string a = record("so-tu-phap", "2013-05-01");
    const std::string b = record("so-noi-vu", "2013-06-01");
    const std::string draft = record("so-noi-vu", "2013-07-01", "draft");
    const std::string later = record("so-noi-vu", "2014-01-10");
    RunResult one = run({"lock", "--year", "2013", "--unit", "so-noi-vu"});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    EXPECT_EQ(one.out, b + " locked\n");
    RunResult rest = run({"lock", "--year", "2013"});
    ASSERT_EQ(rest.exit_code, 0) << rest.err;
    EXPECT_EQ(rest.out, a + " locked\n");
    EXPECT_EQ(status_of(draft), "draft");
    EXPECT_EQ(status_of(later), "submitted");
    RunResult none = run({"lock", "--year", "2013"});
    EXPECT_EQ(none.exit_code, 0);
    EXPECT_EQ(none.out, "");
    EXPECT_NE(none.err.find("no submitted inspection of 2013"), std::string::npos) << none.err;
    EXPECT_EQ(run({"lock", "--year", "2013", "--unit", "nobody"}).exit_code, 1);
    EXPECT_EQ(run({"lock", "--year", "2013", later}).exit_code, 2);  // ids or a year, not both
    EXPECT_EQ(run({"lock", "--unit", "so-noi-vu"}).exit_code, 2);
    EXPECT_EQ(run({"lock"}).exit_code, 2);
}

TEST_F(StatusCli, AnIdenticalAmendmentStoresNothing) {
    const std::string id = record("so-tu-phap", "2013-05-01", "draft");
    const fs::path same = dir_ / "same.yaml";
    write_file(same,
               "inspection:\n  unit: so-tu-phap\n  date: 2013-05-01\n  kind: scheduled\n  status: submitted\n"
               "findings:\n  website: true\n");
    const std::string hash = fingerprint(database_);
    RunResult r = run({"amend", id, same.string(), "--reason", "no change"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find(id + " is unchanged"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("nothing was stored"), std::string::npos) << r.err;
    EXPECT_EQ(fingerprint(database_), hash);
    // The next change still takes the next number: none was used.
    write_file(same,
               "inspection:\n  unit: so-tu-phap\n  date: 2013-05-01\n  kind: scheduled\nfindings:\n  website: false\n");
    RunResult changed = run({"amend", id, same.string(), "--reason", "checked again"});
    EXPECT_EQ(changed.out, id + " amended (revision 6)\n");  // 4 units, the recording, this
}

TEST_F(StatusCli, InspectionsAsJsonNewestFirst) {
    const std::string old = record("so-tu-phap", "2013-05-01");
    const std::string newer = record("so-noi-vu", "2013-09-01", "draft", "  procedure: []\n  website: true\n");
    const std::string same_day = record("so-tu-phap", "2013-09-01");
    RunResult r = run({"inspections", "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json doc = nlohmann::json::parse(r.out);
    ASSERT_EQ(doc.size(), 3u);
    EXPECT_EQ(doc[0]["id"], same_day);  // same date: recorded later is newer
    EXPECT_EQ(doc[1]["id"], newer);
    EXPECT_EQ(doc[2]["id"], old);
    const std::vector<std::string> keys = {"id",     "unit",     "date",      "year",    "kind",        "team",
                                           "status", "revision", "revisions", "records", "recorded_by", "recorded_at"};
    std::vector<std::string> got;
    for (const auto& [key, value] : doc[1].items()) got.push_back(key);
    std::sort(got.begin(), got.end());
    std::vector<std::string> want = keys;
    std::sort(want.begin(), want.end());
    EXPECT_EQ(got, want);
    EXPECT_EQ(doc[1]["unit"], "so-noi-vu");
    EXPECT_EQ(doc[1]["date"], "2013-09-01");
    EXPECT_EQ(doc[1]["year"], 2013);
    EXPECT_EQ(doc[1]["kind"], "scheduled");
    EXPECT_TRUE(doc[1]["team"].is_array());
    EXPECT_EQ(doc[1]["status"], "draft");
    EXPECT_EQ(doc[1]["revision"], 6);
    EXPECT_EQ(doc[1]["revisions"], 1);
    EXPECT_EQ(doc[1]["records"], 1);
    EXPECT_TRUE(doc[1]["recorded_by"].is_string());
    EXPECT_EQ(doc[1]["recorded_at"].get<std::string>().size(), 27u);
}

}  // namespace
}  // namespace parscore::inspections::testing
