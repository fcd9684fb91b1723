// record, import, amend and units import called directly: who the store records, what a rejected
// file gives back, and which failures are which kind of error.
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

#include "app_fixture.hpp"
#include "parscore/app/inspections.hpp"
#include "parscore/app/recording.hpp"
#include "parscore/app/workflow.hpp"

namespace parscore::app::testing {
namespace {

using Outcome = RecordedReport::Outcome;

class Recording : public AppTest {
protected:
    void SetUp() override { import_test_units(); }

    RecordResult record_files(std::vector<std::string> files, bool again = false) {
        auto r = request<RecordRequest>();
        r.rulebook = kRulebook;
        r.reports = std::move(files);
        r.again = again;
        return record(r);
    }
    std::string record_report() {
        RecordResult result = record_files({kReport});
        EXPECT_TRUE(result.all_recorded());
        return result.reports.at(0).id;
    }
    AmendRequest amend_request(const std::string& id, const std::string& report) {
        auto r = request<AmendRequest>();
        r.id = id;
        r.report = report;
        r.reason = "the team counted again";
        return r;
    }
};

TEST_F(Recording, UnitsImportRecordsTheActorAsTheAuthorOfEachVersion) {
    EXPECT_EQ(query("SELECT count(*) FROM unit_versions"), "4");
    EXPECT_EQ(query("SELECT group_concat(DISTINCT recorded_by) FROM unit_versions"), kActor);
    auto r = request<UnitsImportRequest>();
    r.file = kUnits;
    const UnitsImportResult again = import_units(r);
    ASSERT_TRUE(again.outcome);
    EXPECT_EQ(again.outcome->unchanged, 4u);
    EXPECT_EQ(list_units(request<UnitsListRequest>()).front().id, "so-noi-vu");  // by id
}

TEST_F(Recording, ARejectedUnitsFileGivesItsDiagnosticsAndCreatesNoDatabase) {
    auto r = request<UnitsImportRequest>();
    r.database = path("new.db");
    r.file = (kData / "bad" / "units_bad_id.csv").string();
    const UnitsImportResult result = import_units(r);
    EXPECT_FALSE(result.outcome);
    EXPECT_TRUE(result.problems.diagnostics.has_errors());
    EXPECT_FALSE(fs::exists(path("new.db")));
}

TEST_F(Recording, RecordStoresTheActorAsTheRecorder) {
    const std::string id = record_report();
    auto show = request<ShowRequest>();
    show.id = id;
    const ShowResult shown = show_inspection(show);
    EXPECT_EQ(shown.inspection.summary.recorded_by, kActor);
    ASSERT_EQ(shown.inspection.history.size(), 1u);
    EXPECT_EQ(shown.inspection.history[0].recorded_by, kActor);
    ASSERT_TRUE(shown.unit);
    EXPECT_EQ(shown.unit->name, "Sở Tư pháp");
}

TEST_F(Recording, RecordGoesOnAfterAReportThatFailsAndSaysWhatBecameOfEach) {
    auto r = request<RecordRequest>();
    r.rulebook = kRulebook;
    r.reports = {(kData / "bad" / "report_unknown_unit.yaml").string(), kReport, path("missing.yaml").string()};
    std::vector<Outcome> seen;
    r.on_report = [&](const RecordedReport& report) { seen.push_back(report.outcome); };
    const RecordResult result = record(r);
    const std::vector<Outcome> expected = {Outcome::Invalid, Outcome::Recorded, Outcome::Unreadable};
    EXPECT_EQ(seen, expected);
    ASSERT_EQ(result.reports.size(), 3u);
    EXPECT_FALSE(result.all_recorded());
    EXPECT_TRUE(result.problems.diagnostics.has_errors());
    EXPECT_NE(result.reports[2].message.english().find("missing.yaml"), std::string::npos);
    // Into an existing database each report is its own transaction: the good one stays.
    EXPECT_EQ(list_inspections(request<InspectionsRequest>()).size(), 1u);
}

TEST_F(Recording, AnEqualReportIsADuplicateUnlessAgain) {
    const std::string first = record_report();
    const RecordResult twice = record_files({kReport});
    ASSERT_EQ(twice.reports.size(), 1u);
    EXPECT_EQ(twice.reports[0].outcome, Outcome::Duplicate);
    EXPECT_EQ(twice.reports[0].duplicate_of, first);
    EXPECT_TRUE(record_files({kReport}, true).all_recorded());
}

TEST_F(Recording, ARulebookWithErrorsIsInvalidWithItsDiagnosticsAndAMissingOneIsIo) {
    const fs::path broken = path("broken.yaml");
    write_file(broken, "parscore: 1\nid: x\nversion: \"1\"\nunits: [department]\nevidence: 3\n");
    auto r = request<RecordRequest>();
    r.reports = {kReport};
    r.rulebook = broken.string();
    const auto invalid = thrown([&] { record(r); });
    ASSERT_TRUE(invalid);
    EXPECT_EQ(invalid->kind(), ErrorKind::Invalid);
    ASSERT_NE(invalid->problems(), nullptr);
    EXPECT_TRUE(invalid->problems()->diagnostics.has_errors());
    r.rulebook = path("no-such-rulebook.yaml").string();
    const auto io = thrown([&] { record(r); });
    ASSERT_TRUE(io);
    EXPECT_EQ(io->kind(), ErrorKind::Io);
}

TEST_F(Recording, ImportStoresInspectionsByTheActorAndLogsItsProgress) {
    std::ostringstream log;
    auto r = request<ImportRequest>();
    r.log = std::make_shared<spdlog::logger>("test", std::make_shared<spdlog::sinks::ostream_sink_st>(log));
    r.rulebook = kRulebook;
    r.kind = "procedure";
    r.file = (kData / "bad" / "import_again.csv").string();
    const ImportResult result = import_csv(r);
    ASSERT_TRUE(result.outcome) << result.problems.diagnostics.size();
    EXPECT_EQ(result.rows, 1u);
    EXPECT_EQ(result.outcome->inspections, 1u);
    EXPECT_EQ(query("SELECT group_concat(DISTINCT recorded_by) FROM revisions"), kActor);
    EXPECT_NE(log.str().find("1 rows of procedure read"), std::string::npos) << log.str();
    EXPECT_NE(log.str().find("1 inspections stored"), std::string::npos) << log.str();

    const ImportResult again = import_csv(r);  // the same bytes: an error at the file, nothing stored
    EXPECT_FALSE(again.outcome);
    ASSERT_EQ(again.problems.diagnostics.size(), 1u);
    EXPECT_EQ(again.problems.diagnostics.items()[0].code, "E416");
    r.kind = "procedures";
    const auto unknown_kind = thrown([&] { import_csv(r); });
    ASSERT_TRUE(unknown_kind);
    EXPECT_EQ(unknown_kind->kind(), ErrorKind::Invalid);
    EXPECT_NE(std::string(unknown_kind->what()).find("did you mean 'procedure'"), std::string::npos);
}

TEST_F(Recording, AnAmendmentIsRecordedByTheActorWithItsReason) {
    const std::string id = record_report();
    const fs::path changed = path("changed.yaml");
    std::ifstream in(kReport);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    text.replace(text.find("website: true"), 13, "website: false");
    write_file(changed, text);
    const AmendResult result = amend(amend_request(id, changed.string()));
    ASSERT_TRUE(result.outcome);
    EXPECT_FALSE(result.outcome->identical);
    EXPECT_EQ(query("SELECT recorded_by || '|' || reason FROM revisions WHERE no = " +
                    std::to_string(result.outcome->revision)),
              kActor + "|the team counted again");
}

TEST_F(Recording, AnIdenticalAmendmentIsReportedAsSuchAndStoresNothing) {
    const std::string id = record_report();
    const std::string before = query("SELECT max(no) FROM revisions");
    const AmendResult result = amend(amend_request(id, kReport));
    ASSERT_TRUE(result.outcome);
    EXPECT_TRUE(result.outcome->identical);
    EXPECT_EQ(std::to_string(result.outcome->revision), before);
    EXPECT_EQ(query("SELECT count(*) FROM revisions"), "1");
}

TEST_F(Recording, AmendingALockedInspectionIsInvalid) {
    const std::string id = record_report();  // recorded as submitted
    auto move = request<MoveRequest>();
    move.ids = {id};
    lock(move);
    const auto refused = thrown([&] { amend(amend_request(id, kReport)); });
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->kind(), ErrorKind::Invalid);
    EXPECT_EQ(std::string(refused->what()), "inspection " + id + " is locked");
}

TEST_F(Recording, AnAmendmentNeedsAReasonAndADatabase) {
    const std::string id = record_report();
    AmendRequest r = amend_request(id, kReport);
    r.reason.clear();
    const auto no_reason = thrown([&] { amend(r); });
    ASSERT_TRUE(no_reason);
    EXPECT_EQ(no_reason->kind(), ErrorKind::BadRequest);
    r = amend_request(id, kReport);
    r.database = path("missing.db");
    const auto no_database = thrown([&] { amend(r); });
    ASSERT_TRUE(no_database);
    EXPECT_EQ(no_database->kind(), ErrorKind::Io);
    EXPECT_FALSE(fs::exists(path("missing.db")));
}

}  // namespace
}  // namespace parscore::app::testing
