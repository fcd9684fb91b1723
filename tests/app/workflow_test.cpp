// submit, lock, lock --year, the listing, show and template called directly: who moved an
// inspection, which ids are accepted, and which failures are which kind of error.
#include "parscore/app/workflow.hpp"
#include "app_fixture.hpp"
#include "parscore/app/inspections.hpp"
#include "parscore/app/recording.hpp"

namespace parscore::app::testing {
namespace {

class Workflow : public AppTest {
protected:
    void SetUp() override { import_test_units(); }

    /// Records a report of so-tu-phap on `date` with the given status; returns its id.
    std::string record_one(const std::string& date, const std::string& status) {
        const fs::path file = path("r" + date + status + ".yaml");
        write_file(file, "inspection:\n  unit: so-tu-phap\n  date: " + date +
                             "\n  kind: surprise\n  status: " + status +
                             "\nfindings:\n  procedure:\n    - { code: TP-001, posted: true, online_level: 2 }\n");
        auto r = request<RecordRequest>();
        r.rulebook = kRulebook;
        r.reports = {file.string()};
        const RecordResult result = record(r);
        EXPECT_TRUE(result.all_recorded());
        return result.reports.at(0).id;
    }
    MoveRequest move(std::vector<std::string> ids) {
        auto r = request<MoveRequest>();
        r.ids = std::move(ids);
        return r;
    }
    std::string events_by() const { return query("SELECT group_concat(DISTINCT recorded_by) FROM events"); }
};

TEST_F(Workflow, SubmitAndLockAreRecordedAsTheActorsAndTakeAPrefix) {
    const std::string id = record_one("2013-10-15", "draft");
    const MoveResult submitted = submit(move({id.substr(0, 13)}));
    EXPECT_EQ(submitted.ids, std::vector<std::string>{id});  // the whole id
    const MoveResult locked = lock(move({id}));
    EXPECT_EQ(locked.ids, std::vector<std::string>{id});
    EXPECT_EQ(query("SELECT count(*) FROM events"), "2");
    EXPECT_EQ(events_by(), kActor);
}

TEST_F(Workflow, ARefusedMoveIsInvalidAndMovesNothing) {
    const std::string draft = record_one("2013-10-15", "draft");
    const std::string submitted = record_one("2013-11-15", "submitted");
    const auto e = thrown([&] { lock(move({submitted, draft})); });  // the draft cannot be locked
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind(), ErrorKind::Invalid);
    EXPECT_EQ(query("SELECT count(*) FROM events"), "0");
    const auto unknown = thrown([&] { submit(move({"0196a1b2-0000-7000-8000-000000000000"})); });
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->kind(), ErrorKind::NotFound);
}

TEST_F(Workflow, AShortPrefixOrNoIdIsABadRequest) {
    const std::string id = record_one("2013-10-15", "draft");
    const auto short_prefix = thrown([&] { submit(move({id.substr(0, 7)})); });
    ASSERT_TRUE(short_prefix);
    EXPECT_EQ(short_prefix->kind(), ErrorKind::BadRequest);
    EXPECT_NE(std::string(short_prefix->what()).find("is too short"), std::string::npos);
    const auto none = thrown([&] { lock(move({})); });
    ASSERT_TRUE(none);
    EXPECT_EQ(none->kind(), ErrorKind::BadRequest);
    auto show = request<ShowRequest>();
    show.id = id.substr(0, 4);
    const auto show_short = thrown([&] { show_inspection(show); });
    ASSERT_TRUE(show_short);
    EXPECT_EQ(show_short->kind(), ErrorKind::BadRequest);
}

TEST_F(Workflow, AMissingDatabaseIsIoAndIsNotCreated) {
    MoveRequest r = move({"0196a1b2-0000-7000-8000-000000000000"});
    r.database = path("missing.db");
    const auto e = thrown([&] { submit(r); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind(), ErrorKind::Io);
    EXPECT_FALSE(fs::exists(path("missing.db")));
}

TEST_F(Workflow, LockYearLocksTheSubmittedOnesOfTheYearAsTheActor) {
    record_one("2013-10-15", "draft");
    const std::string submitted = record_one("2013-11-15", "submitted");
    auto r = request<LockYearRequest>();
    r.year = 2013;
    r.unit = "so-tu-phap";
    EXPECT_EQ(lock_year(r).ids, std::vector<std::string>{submitted});
    EXPECT_EQ(events_by(), kActor);
    EXPECT_TRUE(lock_year(r).ids.empty());  // nothing left to lock
    r.unit = "no-such-unit";
    const auto e = thrown([&] { lock_year(r); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind(), ErrorKind::NotFound);
}

TEST_F(Workflow, TheListingFiltersByUnitAndYear) {
    const std::string older = record_one("2013-10-15", "draft");
    const std::string newer = record_one("2014-01-15", "draft");
    auto r = request<InspectionsRequest>();
    std::vector<inspections::InspectionSummary> all = list_inspections(r);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, newer);  // newest first
    r.year = 2013;
    all = list_inspections(r);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].id, older);
    r.year.reset();
    r.unit = "so-noi-vu";
    EXPECT_TRUE(list_inspections(r).empty());
    r.unit = "no-such-unit";
    const auto e = thrown([&] { list_inspections(r); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind(), ErrorKind::NotFound);
}

TEST_F(Workflow, ATemplateNamesTheUnitDateAndKnownKeys) {
    record_one("2013-10-15", "submitted");
    auto r = request<TemplateRequest>();
    r.rulebook = kRulebook;
    r.unit = "so-tu-phap";
    r.date = core::parse_date("2014-02-03");
    const std::string text = make_template(r);
    EXPECT_NE(text.find("unit: \"so-tu-phap\""), std::string::npos) << text;
    EXPECT_NE(text.find("2014-02-03"), std::string::npos) << text;
    EXPECT_NE(text.find("TP-001"), std::string::npos) << text;  // a key the unit's inspections recorded
    r.unit = "no-such-unit";
    const auto e = thrown([&] { make_template(r); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind(), ErrorKind::NotFound);
}

}  // namespace
}  // namespace parscore::app::testing
