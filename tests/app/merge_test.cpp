// merge called directly: the units it adds are this database's changes, made by the actor; the
// inspections it brings keep their own authors; refusals change nothing.
#include "parscore/app/merge.hpp"
#include "app_fixture.hpp"
#include "parscore/app/recording.hpp"

namespace parscore::app::testing {
namespace {

class Merging : public AppTest {
protected:
    /// other.db: the test units and the store tests' report, by another actor.
    void SetUp() override {
        auto units = request<UnitsImportRequest>();
        units.database = other();
        units.actor.name = "le.van.c";
        units.file = kUnits;
        ASSERT_TRUE(import_units(units).outcome);
        auto r = request<RecordRequest>();
        r.database = other();
        r.actor.name = "le.van.c";
        r.rulebook = kRulebook;
        r.reports = {kReport};
        const RecordResult recorded = record(r);
        ASSERT_TRUE(recorded.all_recorded());
        id_ = recorded.reports[0].id;
    }
    fs::path other() const { return path("other.db"); }
    MergeRequest merge_request() {
        auto r = request<MergeRequest>();
        r.other = other();
        return r;
    }
    AmendRequest amend_request(const fs::path& db, const std::string& website) {
        std::ifstream in(kReport);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        text.replace(text.find("website: true"), 13, "website: " + website);
        const fs::path file = path("amended-" + website + ".yaml");
        write_file(file, text);
        auto r = request<AmendRequest>();
        r.database = db;
        r.id = id_;
        r.report = file.string();
        r.reason = "corrected";
        return r;
    }
    std::string id_;
};

TEST_F(Merging, UnitsAddedAreTheActorsChangesAndInspectionsKeepTheirAuthors) {
    const MergeResult result = merge(merge_request());
    ASSERT_TRUE(result.outcome.problems.empty());
    EXPECT_TRUE(result.outcome.merged);
    EXPECT_EQ(result.outcome.units_added, 4u);
    EXPECT_EQ(result.outcome.inspections_added, 1u);
    EXPECT_EQ(query("SELECT group_concat(DISTINCT recorded_by) FROM unit_versions"), kActor);
    EXPECT_EQ(query("SELECT recorded_by FROM inspections"), "le.van.c");
    const MergeResult again = merge(merge_request());
    EXPECT_FALSE(again.outcome.merged);  // idempotent
}

TEST_F(Merging, DivergedHistoriesAreRefusedAndNothingChanges) {
    ASSERT_TRUE(merge(merge_request()).outcome.merged);
    ASSERT_TRUE(amend(amend_request(db(), "false")).outcome);
    AmendRequest there = amend_request(other(), "false");
    there.actor.name = "le.van.c";  // the same change by someone else there: another hash
    ASSERT_TRUE(amend(there).outcome);
    const std::string before = query("SELECT count(*) FROM revisions");
    const MergeResult result = merge(merge_request());
    EXPECT_FALSE(result.outcome.merged);
    ASSERT_EQ(result.outcome.problems.size(), 1u);
    EXPECT_NE(result.outcome.problems[0].find("diverged"), std::string::npos);
    EXPECT_EQ(query("SELECT count(*) FROM revisions"), before);
}

TEST_F(Merging, AMissingOtherDatabaseIsIo) {
    MergeRequest r = merge_request();
    r.other = path("no-such.db");
    const auto e = thrown([&] { merge(r); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind(), ErrorKind::Io);
    EXPECT_FALSE(fs::exists(db()));
}

}  // namespace
}  // namespace parscore::app::testing
