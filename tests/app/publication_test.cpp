// publish, verify and demo called directly.
#include <gtest/gtest.h>

#include "parscore/app/publication.hpp"
#include "parscore/inspections/store.hpp"
#include "scratch.hpp"
#include "support/test_database.hpp"

namespace parscore::testing {
namespace {

class PublicationOps : public ::testing::Test {
protected:
    void SetUp() override { demo_ = build_demo(db()); }
    fs::path db() const { return database_.location(); }

    app::PublishRequest publish_request(const std::string& who) const {
        auto r = request_as<app::PublishRequest>(who);
        r.database = db();
        r.rules = kDemoRules;
        r.year = 2013;
        return r;
    }

    Scratch dir_;
    TestDatabase database_{dir_.path(), "demo.db"};
    app::DemoResult demo_;
};

TEST_F(PublicationOps, TheDemoBuildsTheProvinceAndPublishesItsPreviousYear) {
    EXPECT_EQ(demo_.outcome.ranking.units.size(), 30u);
    EXPECT_GT(demo_.outcome.publication, 0);
    EXPECT_EQ(demo_.summary.year, 2013);
}

TEST_F(PublicationOps, PublishRecordsTheActorAndThenFindsTheResultsUnchanged) {
    app::PublishResult first = app::publish(publish_request("nguyen.van.a"));
    ASSERT_FALSE(first.refusal.has_value());
    EXPECT_EQ(first.outcome.result, engine::PublishOutcome::Result::Published);
    const auto publications = inspections::Store::open(db(), inspections::OpenMode::ReadOnly).publications();
    ASSERT_FALSE(publications.empty());
    EXPECT_EQ(publications.back().published_by, "nguyen.van.a");

    app::PublishResult again = app::publish(publish_request("nguyen.van.a"));
    EXPECT_EQ(again.outcome.result, engine::PublishOutcome::Result::Unchanged);
    EXPECT_EQ(again.outcome.publication, first.outcome.publication);
}

TEST_F(PublicationOps, AYearWithoutEvidenceIsRefusedWithAReason) {
    auto r = publish_request("tester");
    r.year = 1999;
    app::PublishResult result = app::publish(r);
    ASSERT_TRUE(result.refusal.has_value());
    EXPECT_EQ(result.refusal->kind(), app::ErrorKind::Invalid);
    EXPECT_NE(std::string(result.refusal->what()).find("--allow-empty"), std::string::npos);
}

TEST_F(PublicationOps, ABlankSupersedeReasonIsABadRequest) {
    auto r = publish_request("tester");
    r.supersede = "  ";
    EXPECT_EQ(kind_of([&] { app::publish(r); }), app::ErrorKind::BadRequest);
}

TEST_F(PublicationOps, VerifyFindsTheDemoCleanAndRefusesAMalformedHashOrAnUnknownPublication) {
    auto r = request_as<app::VerifyRequest>("tester");
    r.database = db();
    EXPECT_TRUE(app::verify(r).report.clean());

    r.evidence_hash = "abc";
    EXPECT_EQ(kind_of([&] { app::verify(r); }), app::ErrorKind::BadRequest);
    r.evidence_hash = std::string(64, 'a');
    r.publication = 999;
    EXPECT_EQ(kind_of([&] { app::verify(r); }), app::ErrorKind::NotFound);
}

TEST_F(PublicationOps, TheDemoReplacesOnlyAnEarlierDemoDatabase) {
    write_text(dir_ / "notes.db", "not a database");
    auto r = request_as<app::DemoRequest>("tester");
    r.database = dir_ / "notes.db";
    EXPECT_EQ(kind_of([&] { app::demo(r); }), app::ErrorKind::Invalid);
    EXPECT_EQ(read_text(dir_ / "notes.db"), "not a database");
    EXPECT_NO_THROW(build_demo(db()));  // the earlier demo is replaced
}

}  // namespace
}  // namespace parscore::testing
