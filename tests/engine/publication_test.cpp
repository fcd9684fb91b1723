// publish (refusals, no-op re-publish, supersede) and verify (clean, as-of-revision re-scoring,
// previous-year publications as they were, stored rulebook files) on a small rulebook.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "parscore/publication/publication.hpp"
#include "parscore/publication/verification.hpp"
#include "parscore/rules/loader.hpp"
#include "parscore/scoring/evaluation.hpp"

namespace parscore::engine {
namespace {

namespace fs = std::filesystem;
using inspections::InspectionKind;

// One criterion scored from records, one from a fact that makes a unit incomplete when missing.
constexpr const char* kParent = R"(parscore: 1
id: pub-base
version: "1"
units: [department]
evidence:
  procedure:
    key: code
    fields: { code: text, posted: bool }
  website: { fact: bool }
groups:
  - id: g
    criteria:
      - id: posted
        max: 8
        points: |
          steps share(procedure, posted) {
            >= 100%: 8
            >= 50%: 4
            else: 0
          }
      - id: web
        max: 2
        on_missing: error
        points: if website then 2 else 0
bands:
  - { id: good, min: 80 }
  - { id: done, min: 0 }
)";

// The rulebook published: it extends the parent, so a publication stores two files.
constexpr const char* kChild = R"(parscore: 1
id: pub-test
version: "1.1"
extends: base/parent.yaml
title: "Publishing test"
)";

class Scratch {
public:
    Scratch() {
        std::random_device rd;
        path_ = fs::temp_directory_path() /
                ("parscore-publish-test-" + std::to_string(rd()) + "-" + std::to_string(::getpid()));
        fs::create_directories(path_ / "base");
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    fs::path operator/(const std::string& name) const { return path_ / name; }

private:
    fs::path path_;
};

void write(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

class PublicationTest : public ::testing::Test {
protected:
    void SetUp() override {
        write(dir_ / "base/parent.yaml", kParent);
        write(dir_ / "rulebook.yaml", kChild);
        rulebook_ = load((dir_ / "rulebook.yaml").string());
        store_.emplace(inspections::Store::open(dir_ / "db.sqlite", inspections::OpenMode::Create));
        inspections::UnitsUpdate units;
        for (const char* id : {"a", "b", "c"})
            units.units.push_back({id, std::string("Sở ") + id, "department", {}, {}, {}});
        store_->update_units(units);
    }

    rules::Rulebook load(const std::string& path) {
        core::Diagnostics diags;
        rules::LoadOutcome outcome = rules::load_rulebook(path, sources_, diags);
        if (!outcome.rulebook) throw std::runtime_error("test rulebook does not load");
        return std::move(*outcome.rulebook);
    }

    /// Records a scheduled inspection: procedures P1…Pn with the given posted flags, and the
    /// website fact unless `website` is empty.
    std::string record(const std::string& unit, int year, std::vector<bool> posted, std::optional<bool> website,
                       unsigned day = 10) {
        inspections::Report r = report(unit, year, posted, website, day);
        auto outcome = store_->record(r, rulebook_.evidence, {});
        EXPECT_FALSE(outcome.id.empty());
        return outcome.id;
    }

    static inspections::Report report(const std::string& unit, int year, const std::vector<bool>& posted,
                                      std::optional<bool> website, unsigned day = 10) {
        inspections::Report r;
        r.header.unit = unit;
        r.header.date = core::make_date(year, 6, day);
        r.header.kind = InspectionKind::Scheduled;
        inspections::KindFindings procedures;
        procedures.kind = "procedure";
        procedures.fields = {"code", "posted"};
        for (std::size_t i = 0; i < posted.size(); ++i) {
            procedures.values.emplace_back(core::Datum{"P" + std::to_string(i + 1)});
            procedures.values.emplace_back(core::Datum{static_cast<bool>(posted[i])});
        }
        r.findings.push_back(procedures);
        if (website) {
            inspections::KindFindings w;
            w.kind = "website";
            w.fact = true;
            w.fields = {"value"};
            w.values.emplace_back(core::Datum{*website});
            r.findings.push_back(w);
        }
        return r;
    }

    /// a: 10/10, b: 6/10, c: 2/10 in `year`.
    void record_year(int year) {
        record("a", year, {true, true}, true);
        record("b", year, {true, false}, true);
        record("c", year, {false, false}, true);
    }

    PublishOutcome publish(int year, std::optional<std::string> supersede = std::nullopt,
                           bool allow_incomplete = false) {
        PublishRequest request;
        request.year = year;
        request.supersede_reason = std::move(supersede);
        request.allow_incomplete = allow_incomplete;
        request.threads = 1;
        return engine::publish(rulebook_, *store_, request);
    }

    std::string problems(const VerificationReport& report) {
        std::string out;
        for (const auto& c : report.chain_problems) out += c.inspection + ": " + c.message + "\n";
        for (const auto& p : report.publications) {
            for (const auto& text : p.problems) out += std::to_string(p.id) + ": " + text + "\n";
        }
        return out;
    }

    Scratch dir_;
    core::SourceSet sources_;
    rules::Rulebook rulebook_;
    std::optional<inspections::Store> store_;
};

TEST_F(PublicationTest, StoresWhatReproducesTheResults) {
    record_year(2013);
    PublishOutcome out = publish(2013);
    ASSERT_EQ(out.result, PublishOutcome::Result::Published);
    auto publications = store_->publications();
    ASSERT_EQ(publications.size(), 1u);
    const inspections::Publication& p = publications[0];
    EXPECT_EQ(p.id, out.publication);
    EXPECT_EQ(p.year, 2013);
    EXPECT_EQ(p.rulebook_id, "pub-test");
    EXPECT_EQ(p.rulebook_version, "1.1");
    EXPECT_EQ(p.rulebook_sha256, rulebook_.sha256);
    ASSERT_EQ(p.rulebook_files.size(), 2u);  // root first
    EXPECT_EQ(p.rulebook_files[0].text, kParent);
    EXPECT_EQ(p.rulebook_files[1].text, kChild);
    EXPECT_EQ(p.last_revision + 1, store_->last_revision());  // it took the next number itself
    EXPECT_EQ(p.evidence_sha256, out.evidence_sha256);
    EXPECT_EQ(p.evidence_sha256.size(), 64u);
    EXPECT_NE(p.results.find("\"unit\": \"a\""), std::string::npos);
    EXPECT_FALSE(p.supersede_reason);
}

TEST_F(PublicationTest, APublicationTakesTheNextRevisionNumber) {
    record_year(2013);
    const std::int64_t before = store_->last_revision();
    ASSERT_EQ(publish(2013).result, PublishOutcome::Result::Published);
    auto stored = store_->publications();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].last_revision, before);  // it saw every change before it…
    EXPECT_EQ(stored[0].no, before + 1);         // …and is the next one
    EXPECT_EQ(store_->last_revision(), before + 1);
    // The next change is numbered after it; an identical re-publish takes no number.
    record("a", 2013, {false, true}, true, 20);
    EXPECT_EQ(store_->last_revision(), before + 2);
    EXPECT_EQ(publish(2013).result, PublishOutcome::Result::Differs);
    EXPECT_EQ(store_->last_revision(), before + 2);
    ASSERT_EQ(publish(2013, "recount").result, PublishOutcome::Result::Published);
    stored = store_->publications();
    ASSERT_EQ(stored.size(), 2u);
    EXPECT_EQ(stored[1].last_revision, before + 2);
    EXPECT_EQ(stored[1].no, before + 3);
    // Each is re-scored with the changes it saw: the first without the later recount.
    VerificationReport report = verify_database(*store_, std::nullopt, 1);
    EXPECT_TRUE(report.clean()) << problems(report);
}

TEST_F(PublicationTest, RefusesWhileAUnitIsIncomplete) {
    record("a", 2013, {true}, true);
    record("b", 2013, {true}, true);
    record("c", 2013, {true}, std::nullopt);  // no website: `web` is on_missing: error
    PublishOutcome out = publish(2013);
    EXPECT_EQ(out.result, PublishOutcome::Result::Incomplete);
    ASSERT_EQ(out.incomplete.size(), 1u);
    EXPECT_EQ(out.incomplete[0].first, "c");
    EXPECT_TRUE(store_->publications().empty());

    out = publish(2013, std::nullopt, /*allow_incomplete=*/true);
    EXPECT_EQ(out.result, PublishOutcome::Result::Published);
    EXPECT_EQ(store_->publications().size(), 1u);
}

TEST_F(PublicationTest, AnIdenticalRepublishIsANoOp) {
    record_year(2013);
    PublishOutcome first = publish(2013);
    ASSERT_EQ(first.result, PublishOutcome::Result::Published);
    PublishOutcome again = publish(2013);
    EXPECT_EQ(again.result, PublishOutcome::Result::Unchanged);
    EXPECT_EQ(again.publication, first.publication);
    EXPECT_EQ(again.evidence_sha256, first.evidence_sha256);
    EXPECT_EQ(store_->publications().size(), 1u);
    // A supersede reason changes nothing when the results are the same.
    EXPECT_EQ(publish(2013, "no reason").result, PublishOutcome::Result::Unchanged);
    EXPECT_EQ(store_->publications().size(), 1u);
}

TEST_F(PublicationTest, NewEvidenceWithTheSameResultsIsStillANoOp) {
    record_year(2013);
    PublishOutcome first = publish(2013);
    record("a", 2013, {true, true}, true, 20);  // restates a's findings: new evidence hash, same scores
    PublishOutcome again = publish(2013);
    EXPECT_EQ(again.result, PublishOutcome::Result::Unchanged);
    EXPECT_EQ(again.evidence_sha256, first.evidence_sha256);  // the publication's, not today's
}

TEST_F(PublicationTest, RefusesDifferentResultsUnlessSuperseded) {
    record_year(2013);
    PublishOutcome first = publish(2013);
    record("a", 2013, {false, true}, true, 20);  // a drops from 10 to 6 points
    PublishOutcome refused = publish(2013);
    EXPECT_EQ(refused.result, PublishOutcome::Result::Differs);
    EXPECT_EQ(refused.publication, first.publication);
    ASSERT_FALSE(refused.differences.empty());
    bool names_total = false;
    for (const auto& d : refused.differences) names_total |= d == "unit a: total: published 100, now 60";
    EXPECT_TRUE(names_total) << refused.differences.front();
    EXPECT_EQ(store_->publications().size(), 1u);

    PublishOutcome superseding = publish(2013, "appeal upheld on 2014-02-03");
    ASSERT_EQ(superseding.result, PublishOutcome::Result::Published);
    EXPECT_EQ(superseding.supersedes, first.publication);
    auto latest = store_->latest_publication("pub-test", 2013, Basis::All);
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->id, superseding.publication);
    EXPECT_EQ(latest->supersede_reason, "appeal upheld on 2014-02-03");
}

TEST_F(PublicationTest, OtherYearsAndBasesArePublishedSeparately) {
    record_year(2012);
    record_year(2013);
    EXPECT_EQ(publish(2012).result, PublishOutcome::Result::Published);
    EXPECT_EQ(publish(2013).result, PublishOutcome::Result::Published);
    PublishRequest self;
    self.year = 2013;
    self.basis = Basis::Inspected;
    EXPECT_EQ(engine::publish(rulebook_, *store_, self).result, PublishOutcome::Result::Published);
    EXPECT_EQ(store_->publications().size(), 3u);
}

TEST_F(PublicationTest, VerifyIsCleanAfterPublishing) {
    record_year(2012);
    record_year(2013);
    publish(2012);
    publish(2013);
    VerificationReport report = verify_database(*store_, std::nullopt, 1);
    EXPECT_TRUE(report.clean()) << problems(report);
    EXPECT_EQ(report.publications.size(), 2u);
    EXPECT_EQ(report.inspections, 6u);
}

TEST_F(PublicationTest, VerifyRescoresOnlyTheChangesUpToThePublication) {
    std::string a = record("a", 2013, {true, true}, true);
    record("b", 2013, {true, false}, true);
    record("c", 2013, {false, false}, true);
    PublishOutcome published = publish(2013);

    // Later changes: an amendment and a new inspection that change today's results.
    store_->amend(a, report("a", 2013, {false, false}, true), rulebook_.evidence, "recount");
    record("b", 2013, {true, true}, true, 25);
    EvaluationRequest now;
    now.year = 2013;
    Evaluation today = evaluate(rulebook_, *store_, now);
    EXPECT_NE(today.evidence_sha256, published.evidence_sha256);
    EXPECT_EQ(today.units[0].total->to_string(), "20");  // a: 0 + 2 of 10

    VerificationReport report = verify_database(*store_, published.evidence_sha256, 1);
    EXPECT_TRUE(report.clean()) << problems(report);
    ASSERT_EQ(report.publications.size(), 1u);
    EXPECT_EQ(report.publications[0].rescored_evidence_sha256, published.evidence_sha256);
    ASSERT_TRUE(report.evidence_hash);
    EXPECT_TRUE(report.evidence_hash->matches);
}

TEST_F(PublicationTest, VerifyComparesWithThePreviousYearAsItWasThen) {
    // 2012 as first published: a ranks 1, b 2, c 3.
    std::string a2012 = record("a", 2012, {true, true}, true);
    record("b", 2012, {true, false}, true);
    record("c", 2012, {false, false}, true);
    ASSERT_EQ(publish(2012).result, PublishOutcome::Result::Published);
    record_year(2013);
    PublishOutcome y2013 = publish(2013);
    ASSERT_EQ(y2013.result, PublishOutcome::Result::Published);
    ASSERT_TRUE(y2013.evaluation.units[0].rank_change);
    EXPECT_EQ(*y2013.evaluation.units[0].rank_change, 0);  // a: 1 → 1

    // 2012 is corrected afterwards: a drops behind b. The 2013 publication was made against the
    // first 2012 results and must still verify against them.
    store_->amend(a2012, report("a", 2012, {false, false}, true), rulebook_.evidence, "corrected");
    ASSERT_EQ(publish(2012, "corrected count").result, PublishOutcome::Result::Published);
    EvaluationRequest now;
    now.year = 2013;
    now.by_rank = true;
    // Against the correction a was 2nd, tied with c (both 20): today's change is +1, not 0.
    EXPECT_EQ(*evaluate(rulebook_, *store_, now).units[0].rank_change, 1);

    VerificationReport report = verify_database(*store_, std::nullopt, 1);
    EXPECT_TRUE(report.clean()) << problems(report);
    EXPECT_EQ(report.publications.size(), 3u);
}

TEST_F(PublicationTest, VerifyUsesTheStoredRulebookFiles) {
    record_year(2013);
    publish(2013);
    // The files on disk change (a new version gives other points) or vanish: the publication
    // still re-scores with the rules it was made with.
    write(dir_ / "base/parent.yaml", std::string(kParent).replace(std::string(kParent).find("max: 8"), 6, "max: 9"));
    fs::remove(dir_ / "rulebook.yaml");
    VerificationReport report = verify_database(*store_, std::nullopt, 1);
    EXPECT_TRUE(report.clean()) << problems(report);
}

TEST_F(PublicationTest, AnEvidenceHashThatDoesNotMatchIsAProblem) {
    record_year(2013);
    publish(2013);
    VerificationReport report = verify_database(*store_, std::string(64, 'A'), 1);
    ASSERT_TRUE(report.evidence_hash);
    EXPECT_EQ(report.evidence_hash->expected, std::string(64, 'a'));
    EXPECT_FALSE(report.evidence_hash->matches);
    EXPECT_EQ(report.problem_count(), 1u);
}

TEST_F(PublicationTest, AnEvidenceHashWithNothingPublishedIsAProblem) {
    record_year(2013);
    VerificationReport report = verify_database(*store_, std::string(64, 'a'), 1);
    EXPECT_FALSE(report.clean());
    EXPECT_FALSE(report.evidence_hash->publication);
}

TEST(SameResults, IgnoresOnlyTheEvidenceHashAndRunWideWarnings) {
    EXPECT_TRUE(same_results(R"({"year": 2013, "evidence_sha256": "x", "units": []})",
                             R"({"units": [], "evidence_sha256": "y", "year": 2013})"));
    // Results published before a warning existed are the same results.
    EXPECT_TRUE(
        same_results(R"({"year": 2013, "warnings": [], "units": []})",
                     R"({"year": 2013, "warnings": [{"code": "W309", "id": "", "message": "…"}], "units": []})"));
    EXPECT_FALSE(same_results(R"({"year": 2013, "units": [{"unit": "a", "warnings": []}]})",
                              R"({"year": 2013, "units": [{"unit": "a", "warnings": [{"code": "W304"}]}]})"));
    EXPECT_FALSE(same_results(R"({"year": 2013, "units": []})", R"({"year": 2014, "units": []})"));
    EXPECT_FALSE(same_results("not json", "not json"));
}

}  // namespace
}  // namespace parscore::engine
