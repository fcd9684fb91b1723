// Properties of scoring over random evidence for the shipped Hòa Bình rulebook: a violation never
// raises a total, an exempt criterion's evidence never matters, ranks agree with totals, and
// neither the order of units and records nor the thread count changes any output byte.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "parscore/core/render.hpp"
#include "parscore/reports/report.hpp"
#include "parscore/rules/loader.hpp"
#include "parscore/scoring/findings_evidence.hpp"
#include "parscore/scoring/scorer.hpp"

namespace {

using namespace parscore;

class Properties : public testing::Test {
protected:
    static void SetUpTestSuite() {
        sources_ = new core::SourceSet;
        core::Diagnostics diags;
        auto outcome = rules::load_rulebook(std::string(PARSCORE_SOURCE_DIR) + "/rules/hoa-binh-2013/rulebook.yaml",
                                            *sources_, diags);
        ASSERT_TRUE(outcome.rulebook) << core::render_all(diags, *sources_);
        rulebook_ = new rules::Rulebook(std::move(*outcome.rulebook));
    }
    static void TearDownTestSuite() {
        delete rulebook_;
        delete sources_;
    }

    /// Random findings for every kind of the schema; some facts and kinds left out.
    inspections::Findings random_findings(std::mt19937& rng) {
        inspections::Findings out;
        std::uniform_int_distribution<int> coin(0, 1), small(0, 12), pick(0, 1000);
        for (const core::KindDef& kind : rulebook_->evidence.kinds) {
            if (pick(rng) % 7 == 0) continue;  // not checked at all
            inspections::KindFindings kf;
            kf.kind = kind.name;
            kf.fact = kind.is_fact;
            for (const auto& f : kind.fields) kf.fields.push_back(f.name);
            int rows = kind.is_fact ? 1 : small(rng);
            for (int r = 0; r < rows; ++r) {
                for (std::size_t f = 0; f < kind.fields.size(); ++f) {
                    bool key = kind.key && *kind.key == f;
                    kf.values.push_back(random_value(kind.fields[f], key ? r : -1, rng));
                }
            }
            out.push_back(std::move(kf));
        }
        return out;
    }

    static std::optional<core::Datum> random_value(const core::FieldDef& field, int key, std::mt19937& rng) {
        std::uniform_int_distribution<int> n(0, 100);
        switch (field.type) {
            case core::FieldType::Bool: return core::Datum{n(rng) % 2 == 0};
            case core::FieldType::Int: return core::Datum{static_cast<std::int64_t>(n(rng) % 20)};
            case core::FieldType::Number: return core::Datum{*core::Decimal::parse(std::to_string(n(rng)) + ".25")};
            case core::FieldType::Percent:
                return core::Datum{*core::Decimal::parse("0." + std::to_string(n(rng) % 10) + "5")};
            case core::FieldType::Date: return core::Datum{core::Date{15706 + n(rng)}};
            case core::FieldType::Text:
                return core::Datum{key >= 0 ? "K-" + std::to_string(key) : "t" + std::to_string(n(rng))};
            case core::FieldType::Enum:
                return core::Datum{field.enum_values[static_cast<std::size_t>(n(rng)) % field.enum_values.size()]};
        }
        return std::nullopt;
    }

    engine::UnitResult score(const inspections::Findings& findings, const char* category = "department") {
        engine::OwnedEvidence evidence;
        engine::findings_to_evidence(findings, rulebook_->evidence, evidence);
        engine::UnitScorer scorer(*rulebook_);
        dsl::UnitInfo unit{"u1", "Đơn vị", category};
        return scorer.score(unit, evidence.evidence, 2013);
    }

    static inspections::KindFindings* kind(inspections::Findings& f, const std::string& name) {
        for (auto& k : f) {
            if (k.kind == name) return &k;
        }
        f.push_back(inspections::KindFindings{name, false, {}, {}});
        for (const auto& field : rulebook_->evidence.find(name)->fields) f.back().fields.push_back(field.name);
        return &f.back();
    }

    static core::SourceSet* sources_;
    static rules::Rulebook* rulebook_;
};

core::SourceSet* Properties::sources_ = nullptr;
rules::Rulebook* Properties::rulebook_ = nullptr;

TEST_F(Properties, AddingAViolationNeverRaisesATotalOrABand) {
    std::mt19937 rng(20131015);
    const auto& kinds = rulebook_->evidence.find("violation")->fields.front().enum_values;
    int compared = 0;
    for (int trial = 0; trial < 300; ++trial) {
        inspections::Findings f = random_findings(rng);
        engine::UnitResult before = score(f);
        inspections::KindFindings* v = kind(f, "violation");
        v->values.push_back(core::Datum{kinds[static_cast<std::size_t>(trial) % kinds.size()]});
        v->values.push_back(core::Datum{std::string("Nguyễn Văn A")});
        engine::UnitResult after = score(f);
        ASSERT_EQ(before.complete, after.complete);
        if (!before.complete) continue;
        ++compared;
        EXPECT_LE(*after.total, *before.total) << "trial " << trial;
        EXPECT_GE(after.band_after_caps, before.band_after_caps)
            << "trial " << trial;  // a higher index is a lower band
    }
    EXPECT_GT(compared, 100);
}

TEST_F(Properties, AnExemptCriterionsEvidenceNeverChangesTheTotal) {
    // chi_dao.cap_xa applies to districts only; its fact is commune_guidance.
    std::mt19937 rng(7);
    for (int trial = 0; trial < 200; ++trial) {
        inspections::Findings f = random_findings(rng);
        engine::UnitResult with = score(f);
        std::erase_if(f, [](const inspections::KindFindings& k) { return k.kind == "commune_guidance"; });
        engine::UnitResult without = score(f);
        EXPECT_EQ(with.total, without.total) << "trial " << trial;
        EXPECT_EQ(with.band_after_caps, without.band_after_caps) << "trial " << trial;
    }
}

class PopulationProperties : public Properties {
protected:
    /// `n` random units in two categories, their evidence and names.
    void make(std::size_t n, unsigned seed) {
        std::mt19937 rng(seed);
        owned_.clear();
        units_.clear();
        ids_.clear();
        for (std::size_t i = 0; i < n; ++i) {
            ids_.push_back("u" + std::to_string(1000 + i));
            owned_.push_back(std::make_unique<engine::OwnedEvidence>());
            engine::findings_to_evidence(random_findings(rng), rulebook_->evidence, *owned_.back());
        }
        for (std::size_t i = 0; i < n; ++i)
            units_.push_back(dsl::UnitInfo{ids_[i], ids_[i], i % 3 ? "department" : "district"});
    }

    std::string json(const std::vector<std::size_t>& order, unsigned threads) {
        std::vector<dsl::UnitInfo> units;
        std::vector<core::UnitEvidence> evidence;
        for (std::size_t i : order) {
            units.push_back(units_[i]);
            evidence.push_back(owned_[i]->evidence);
        }
        engine::Evaluation e;
        e.rulebook_id = rulebook_->id;
        e.year = 2013;
        e.units = engine::score_units(*rulebook_, units, evidence, 2013, threads);
        engine::apply_quotas(*rulebook_, e.units);
        engine::assign_ranks(e.units);
        engine::order_units(*rulebook_, e.units, true);
        last_ = e;
        return engine::render_json(*rulebook_, e);
    }

    std::vector<std::unique_ptr<engine::OwnedEvidence>> owned_;
    std::vector<dsl::UnitInfo> units_;
    std::vector<std::string> ids_;
    engine::Evaluation last_;
};

TEST_F(PopulationProperties, RanksAgreeWithTotals) {
    make(400, 99);
    std::vector<std::size_t> order(400);
    std::iota(order.begin(), order.end(), 0);
    json(order, 2);
    for (const auto& a : last_.units) {
        for (const auto& b : last_.units) {
            if (!a.rank || !b.rank || a.category != b.category) continue;
            if (*a.total > *b.total) {
                EXPECT_LT(*a.rank, *b.rank) << a.id << " " << b.id;
            } else if (*a.total == *b.total) {
                EXPECT_EQ(*a.rank, *b.rank) << a.id << " " << b.id;
            }
        }
    }
}

TEST_F(PopulationProperties, NeitherInputOrderNorThreadCountChangesAByte) {
    make(600, 2026);
    std::vector<std::size_t> order(600);
    std::iota(order.begin(), order.end(), 0);
    const std::string reference = json(order, 1);
    std::mt19937 rng(5);
    for (unsigned threads : {2u, 3u, 8u}) {
        std::shuffle(order.begin(), order.end(), rng);
        EXPECT_EQ(json(order, threads), reference) << threads << " threads, shuffled";
    }
}

TEST_F(PopulationProperties, RecordOrderWithinAUnitChangesNothing) {
    make(200, 31);
    std::vector<std::size_t> order(200);
    std::iota(order.begin(), order.end(), 0);
    const std::string reference = json(order, 1);
    // Reverse every record table (rows and their origins) of every unit.
    for (auto& owned : owned_) {
        for (core::RecordTable& t : owned->evidence.tables) {
            for (core::Column& c : t.columns) {
                core::Column reversed(c.type(), c.size());
                for (std::uint32_t r = 0; r < c.size(); ++r) reversed.copy(r, c, c.size() - 1 - r);
                c = std::move(reversed);
            }
            std::reverse(t.origin.begin(), t.origin.end());
        }
    }
    EXPECT_EQ(json(order, 1), reference);
}

}  // namespace
