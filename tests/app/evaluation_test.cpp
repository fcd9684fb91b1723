// score, rank, explain, summary, gap and diff called directly, on the demo province.
#include <gtest/gtest.h>

#include "parscore/app/analyses.hpp"
#include "parscore/app/evaluation.hpp"
#include "scratch.hpp"
#include "support/test_database.hpp"

namespace parscore::testing {
namespace {

class EvaluationOps : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        scratch_ = new Scratch;
        demo_ = new TestDatabase(scratch_->path(), "demo.db");
        build_demo(demo_->location());
    }
    static void TearDownTestSuite() {
        delete demo_;
        delete scratch_;
    }

    template <class R> static R request() {
        auto r = request_as<R>("tester");
        r.database = demo_->location();
        r.rules = kDemoRules;
        r.year = 2013;
        return r;
    }

    static Scratch* scratch_;
    static TestDatabase* demo_;
};
Scratch* EvaluationOps::scratch_ = nullptr;
TestDatabase* EvaluationOps::demo_ = nullptr;

TEST_F(EvaluationOps, ScoreGivesEveryUnitByIdAndNoSummaryForATable) {
    app::EvaluationResult result = app::score(request<app::ScoreRequest>());
    ASSERT_EQ(result.evaluation.units.size(), 30u);
    EXPECT_LT(result.evaluation.units[0].id, result.evaluation.units[1].id);
    EXPECT_EQ(result.rulebook.rulebook.id, result.evaluation.rulebook_id);
    EXPECT_FALSE(result.summary.has_value());
}

TEST_F(EvaluationOps, ScoreOfOneUnitAndHtmlComputesTheSummary) {
    auto r = request<app::ScoreRequest>();
    r.unit = "huyen-da-bac";
    r.format = app::Format::Html;
    app::EvaluationResult result = app::score(r);
    ASSERT_EQ(result.evaluation.units.size(), 1u);
    EXPECT_EQ(result.evaluation.units[0].id, "huyen-da-bac");
    EXPECT_TRUE(result.summary.has_value());
}

TEST_F(EvaluationOps, RankOrdersEachCategoryByRank) {
    app::EvaluationResult result = app::rank(request<app::RankRequest>());
    ASSERT_FALSE(result.evaluation.units.empty());
    const engine::UnitResult& first = result.evaluation.units.front();
    ASSERT_TRUE(first.rank.has_value());
    EXPECT_EQ(*first.rank, 1);
}

TEST_F(EvaluationOps, ExplainNamesTheUnit) {
    auto r = request<app::ExplainRequest>();
    r.unit = "huyen-da-bac";
    app::ExplainResult result = app::explain(r);
    EXPECT_EQ(result.explanation.result.id, "huyen-da-bac");
    EXPECT_EQ(result.explanation.year, 2013);
    EXPECT_FALSE(result.explanation.items.empty());
}

TEST_F(EvaluationOps, SummaryGapAndDiffRun) {
    EXPECT_NO_THROW(app::summary(request<app::SummaryRequest>()));
    EXPECT_NO_THROW(app::gap(request<app::GapRequest>()));
    auto d = request<app::DiffRequest>();
    d.with = kDemoRules;
    app::DiffResult result = app::diff(d);
    EXPECT_EQ(result.before.rulebook.id, result.after.rulebook.id);
}

// ---- errors of each kind ----

TEST_F(EvaluationOps, AnUnknownUnitIsInvalid) {
    auto r = request<app::ExplainRequest>();
    r.unit = "no-such-unit";
    EXPECT_EQ(kind_of([&] { app::explain(r); }), app::ErrorKind::Invalid);
}

TEST_F(EvaluationOps, ARulebookWithErrorsIsInvalidAndCarriesItsDiagnostics) {
    Scratch dir;
    write_text(dir / "bad.yaml", "id: [\n");
    auto r = request<app::ScoreRequest>();
    r.rules = (dir / "bad.yaml").string();
    try {
        app::score(r);
        FAIL() << "no error";
    } catch (const app::Error& e) {
        EXPECT_EQ(e.kind(), app::ErrorKind::Invalid);
        ASSERT_NE(e.problems(), nullptr);
        EXPECT_TRUE(e.problems()->diagnostics.has_errors());
    }
}

TEST_F(EvaluationOps, AWorkbookWithoutAFileABomWithoutCsvAndABadYearAreBadRequests) {
    auto xlsx = request<app::RankRequest>();
    xlsx.format = app::Format::Xlsx;
    EXPECT_EQ(kind_of([&] { app::rank(xlsx); }), app::ErrorKind::BadRequest);
    auto bom = request<app::RankRequest>();
    bom.bom = true;
    EXPECT_EQ(kind_of([&] { app::rank(bom); }), app::ErrorKind::BadRequest);
    auto year = request<app::SummaryRequest>();
    year.year = 0;
    EXPECT_EQ(kind_of([&] { app::summary(year); }), app::ErrorKind::BadRequest);
}

TEST_F(EvaluationOps, AnOutputOverTheRulebookOrTheDatabaseIsABadRequest) {
    auto r = request<app::ScoreRequest>();
    r.out = kDemoRules;
    EXPECT_EQ(kind_of([&] { app::score(r); }), app::ErrorKind::BadRequest);
    if (on_postgres()) return;  // a PostgreSQL database has no files to write over
    r.out = (*scratch_ / "demo.db-wal").string();
    EXPECT_EQ(kind_of([&] { app::score(r); }), app::ErrorKind::BadRequest);
}

TEST_F(EvaluationOps, AMissingDatabaseOrRulebookIsIo) {
    auto r = request<app::ScoreRequest>();
    r.database = *scratch_ / "absent.db";
    EXPECT_EQ(kind_of([&] { app::score(r); }), app::ErrorKind::Io);
    EXPECT_FALSE(fs::exists(*scratch_ / "absent.db"));
    auto missing = request<app::ScoreRequest>();
    missing.rules = (*scratch_ / "absent.yaml").string();
    EXPECT_EQ(kind_of([&] { app::score(missing); }), app::ErrorKind::Io);
}

}  // namespace
}  // namespace parscore::testing
