// The results cache (docs/results-cache.md): after every kind of write, the results it updates
// unit by unit are byte for byte what a whole evaluation prints (`rank`/`score --format json`),
// it re-scores only what the writes touched, and readers at one revision share one computation.
#include "parscore/app/results_cache.hpp"

#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "parscore/app/adoption.hpp"
#include "parscore/app/evaluation.hpp"
#include "parscore/app/recording.hpp"
#include "parscore/app/review.hpp"
#include "parscore/app/units.hpp"
#include "parscore/app/workflow.hpp"
#include "parscore/reports/report.hpp"
#include "scratch.hpp"
#include "support/test_database.hpp"

namespace parscore::testing {
namespace {

constexpr int kYear = 2013;

class ResultsCacheTest : public ::testing::Test {
public:  // the steps of the table below write through these
    void SetUp() override { fresh_demo(); }

    void fresh_demo() {
        database_.reset();
        for (const char* side : {"", "-wal", "-shm"}) fs::remove(scratch_ / (std::string("demo.db") + side));
        database_ = std::make_unique<TestDatabase>(scratch_.path(), "demo.db");
        build_demo(db());
    }

    fs::path db() const { return database_->location(); }

    template <class R> R request() const {
        auto r = request_as<R>("tester");
        r.database = db();
        return r;
    }

    /// Records a report (YAML text); returns the inspection's id.
    std::string record(const std::string& yaml) {
        const fs::path file = scratch_ / ("report-" + std::to_string(++files_) + ".yaml");
        write_text(file, yaml);
        auto r = request<app::RecordRequest>();
        r.rulebook = kDemoRules;
        r.reports = {file.string()};
        const app::RecordResult result = app::record(r);
        EXPECT_TRUE(result.all_recorded()) << yaml;
        return result.reports.empty() ? "" : result.reports.front().id;
    }

    void amend(const std::string& id, const std::string& yaml) {
        const fs::path file = scratch_ / ("amend-" + std::to_string(++files_) + ".yaml");
        write_text(file, yaml);
        auto r = request<app::AmendRequest>();
        r.id = id;
        r.report = file.string();
        r.reason = "corrected";
        EXPECT_TRUE(app::amend(r).outcome.has_value());
    }

    void units(const std::string& csv) {
        const fs::path file = scratch_ / ("units-" + std::to_string(++files_) + ".csv");
        write_text(file, csv);
        auto r = request<app::UnitsImportRequest>();
        r.file = file.string();
        EXPECT_TRUE(app::import_units(r).outcome.has_value());
    }

    /// Adopts the demo rulebook for the year with `edit` applied to its text.
    void adopt(const std::function<std::string(std::string)>& edit) {
        const fs::path file = scratch_ / ("rulebook-" + std::to_string(++files_) + ".yaml");
        write_text(file, edit(read_text(kDemoRules)));
        auto r = request<app::AdoptRequest>();
        r.rules = file.string();
        r.year = kYear;
        app::adopt(r);
    }

    /// The cache's documents against a whole evaluation's, for both outputs.
    void expect_whole(app::ResultsCache& cache, engine::Basis basis, const std::string& step) {
        const inspections::Store store = inspections::Store::open(db(), inspections::OpenMode::ReadOnly);
        const auto results = cache.results(store, kYear, basis);
        auto rank = request<app::RankRequest>();
        rank.year = kYear;
        rank.basis = basis;
        const app::EvaluationResult ranked = app::rank(rank);
        EXPECT_EQ(results->json(true), engine::render_json(ranked.rulebook.rulebook, ranked.evaluation)) << step;
        auto score = request<app::ScoreRequest>();
        score.year = kYear;
        score.basis = basis;
        const app::EvaluationResult scored = app::score(score);
        EXPECT_EQ(results->json(false), engine::render_json(scored.rulebook.rulebook, scored.evaluation)) << step;
    }

    Scratch scratch_;
    std::unique_ptr<TestDatabase> database_;
    int files_ = 0;
};

std::string report(const std::string& unit, const std::string& date, const std::string& status,
                   const std::string& findings) {
    return "inspection:\n  unit: " + unit + "\n  date: " + date + "\n  kind: surprise\n  team: [\"Lê Văn C\"]\n" +
           "  status: " + status + "\nfindings:\n" + findings;
}

const std::string kDrunk = "  violation:\n    - { kind: drunk, person: \"Phạm Văn D\" }\n  par_plan_on_time: false\n";
const std::string kLate = "  violation:\n    - { kind: late, person: \"Phạm Văn D\" }\n  par_plan_on_time: true\n";
const std::string kDesk =
    "  desk_staff:\n    - { person: \"Ngô Thị E\", assigned: false, qualified: false }\n  one_stop_desk: false\n";

struct Step {
    const char* what;
    bool whole;  // a whole evaluation is expected, not an update
    std::function<void(ResultsCacheTest&, std::string& id)> write;
};

TEST_F(ResultsCacheTest, EveryKindOfWriteGivesWhatAWholeEvaluationGives) {
    const std::vector<Step> steps{
        {"a new inspection", false,
         [](ResultsCacheTest& t, std::string& id) {
             id = t.record(report("huyen-da-bac", "2013-11-20", "submitted", kDrunk));
         }},
        {"an amendment", false,
         [](ResultsCacheTest& t, std::string& id) {
             t.amend(id, report("huyen-da-bac", "2013-11-20", "submitted", kLate));
         }},
        {"a return", false,
         [](ResultsCacheTest& t, std::string& id) {
             auto r = t.request<app::ReturnRequest>();
             r.id = id;
             r.comment = "thiếu biên bản";
             app::return_inspection(r);
         }},
        {"a submit and a lock", false,
         [](ResultsCacheTest& t, std::string& id) {
             auto r = t.request<app::MoveRequest>();
             r.ids = {id};
             app::submit(r);
             app::lock(r);
         }},
        {"a draft, then its submit", false,
         [](ResultsCacheTest& t, std::string& id) {
             id = t.record(report("so-tu-phap", "2013-12-01", "draft", kDesk));
             auto r = t.request<app::MoveRequest>();
             r.ids = {id};
             app::submit(r);
         }},
        {"a unit moving to another category", false,
         [](ResultsCacheTest& t, std::string&) { t.units("id,name,category\nso-tu-phap,Sở Tư pháp,district\n"); }},
        {"a unit leaving the year, and a new one", false,
         [](ResultsCacheTest& t, std::string&) {
             t.units(
                 "id,name,category,active_to\nhuyen-lac-son,Huyện Lạc Sơn,district,2012\n"
                 "huyen-moi,Huyện Mới,district,\n");
         }},
        {"a new rulebook adopted for the year", true,
         [](ResultsCacheTest& t, std::string&) {
             t.adopt([](std::string text) {
                 // A declared field no record has: every desk_staff record lacks it (a run-wide warning).
                 const std::string at = "      qualified:";
                 return text.replace(text.find(at), at.size(), "      trained: bool\n" + at);
             });
         }},
        {"an amendment of a unit whose values do not fit", false,
         [](ResultsCacheTest& t, std::string& id) {
             t.amend(id, report("so-tu-phap", "2013-12-01", "submitted", kDrunk));
         }},
    };
    for (engine::Basis basis : {engine::Basis::All, engine::Basis::Inspected}) {
        fresh_demo();
        app::ResultsCache cache;
        cache.set_incremental_share(1.0);
        expect_whole(cache, basis, "before any write");
        std::string id;
        for (const Step& step : steps) {
            const app::ResultsStats before = cache.stats();
            step.write(*this, id);
            expect_whole(cache, basis, step.what);
            const app::ResultsStats after = cache.stats();
            EXPECT_EQ(after.full - before.full, step.whole ? 1u : 0u) << step.what;
            EXPECT_EQ(after.incremental - before.incremental, step.whole ? 0u : 1u) << step.what;
        }
        // The last steps ran with stored values that do not fit (the run-wide warning), and
        // moved a unit out of the year (evidence of a unit not scored).
        const inspections::Store store = inspections::Store::open(db(), inspections::OpenMode::ReadOnly);
        const std::string last = cache.results(store, kYear, basis)->json(true);
        EXPECT_NE(last.find("desk_staff.trained"), std::string::npos);
        EXPECT_NE(last.find("huyen-lac-son' has evidence in the year but is not scored"), std::string::npos);
    }
}

TEST_F(ResultsCacheTest, AReadAtTheSameRevisionComputesNothing) {
    app::ResultsCache cache;
    const inspections::Store store = inspections::Store::open(db(), inspections::OpenMode::ReadOnly);
    const auto first = cache.results(store, kYear, engine::Basis::All);
    const auto second = cache.results(store, kYear, engine::Basis::All);
    EXPECT_EQ(first.get(), second.get());
    EXPECT_EQ(cache.stats().full, 1u);
}

TEST_F(ResultsCacheTest, AWriteReScoresOnlyTheUnitItTouched) {
    app::ResultsCache cache;
    cache.set_incremental_share(1.0);
    const inspections::Store store = inspections::Store::open(db(), inspections::OpenMode::ReadOnly);
    const auto before = cache.results(store, kYear, engine::Basis::All);
    record(report("huyen-da-bac", "2013-11-20", "submitted", kDrunk));
    const auto after = cache.results(store, kYear, engine::Basis::All);
    EXPECT_EQ(cache.stats().rescored, 1u);
    // Units of the other category keep their bytes.
    std::size_t shared = 0;
    for (std::size_t i = 0; i < after->units.size(); ++i) {
        if (after->units[i].result->category == "department") {
            EXPECT_EQ(after->units[i].json, before->units[i].json) << after->units[i].result->id;
            ++shared;
        }
    }
    EXPECT_GT(shared, 0u);
}

TEST_F(ResultsCacheTest, AYearWithoutAnAdoptedRulebookIsInvalid) {
    app::ResultsCache cache;
    const inspections::Store store = inspections::Store::open(db(), inspections::OpenMode::ReadOnly);
    EXPECT_EQ(kind_of([&] { cache.results(store, 2020, engine::Basis::All); }), app::ErrorKind::Invalid);
}

TEST_F(ResultsCacheTest, ConcurrentReadersAroundAWriteShareOneComputationEach) {
    app::ResultsCache cache;
    cache.set_incremental_share(1.0);
    auto read_all = [&](std::vector<std::string>& out) {
        std::vector<std::thread> readers;
        out.assign(8, "");
        for (std::size_t i = 0; i < out.size(); ++i) {
            readers.emplace_back([&, i] {
                const inspections::Store store = inspections::Store::open(db(), inspections::OpenMode::ReadOnly);
                out[i] = cache.results(store, kYear, engine::Basis::All)->json(true);
            });
        }
        for (std::thread& t : readers) t.join();
    };
    std::vector<std::string> first, second;
    read_all(first);
    EXPECT_EQ(cache.stats().full, 1u);  // eight readers, one computation
    record(report("huyen-da-bac", "2013-11-20", "submitted", kDrunk));
    read_all(second);
    EXPECT_EQ(cache.stats().full, 1u);
    EXPECT_EQ(cache.stats().incremental, 1u);  // eight readers after the write, one update
    for (std::size_t i = 1; i < first.size(); ++i) {
        EXPECT_EQ(first[i], first[0]);
        EXPECT_EQ(second[i], second[0]);
    }
    EXPECT_NE(first[0], second[0]);
    expect_whole(cache, engine::Basis::All, "after the concurrent reads");
}

}  // namespace
}  // namespace parscore::testing
