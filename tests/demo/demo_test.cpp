// The demo province: its data is the same every run, fits the shipped rulebook, and measures the
// seed report's province-wide figures with the rulebook's own indicators.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>

#include "parscore/core/datum.hpp"
#include "parscore/demo/demo.hpp"
#include "parscore/dsl/evaluator.hpp"
#include "parscore/rules/loader.hpp"

namespace parscore::engine::demo {
namespace {

namespace fs = std::filesystem;

const fs::path kRulebook = fs::path(PARSCORE_SOURCE_DIR) / "rules" / "hoa-binh-2013" / "rulebook.yaml";

class ScratchDir {
public:
    ScratchDir() {
        std::random_device rd;
        path_ = fs::temp_directory_path() /
                ("parscore-demo-test-" + std::to_string(rd()) + "-" + std::to_string(::getpid()));
        fs::create_directories(path_);
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    fs::path operator/(const std::string& name) const { return path_ / name; }

private:
    fs::path path_;
};

rules::Rulebook load_shipped(core::SourceSet& sources) {
    core::Diagnostics diags;
    rules::LoadOutcome outcome = rules::load_rulebook(kRulebook, sources, diags);
    if (!outcome.rulebook) throw std::runtime_error("the shipped rulebook does not load");
    return std::move(*outcome.rulebook);
}

/// A report as text, to compare runs.
std::string dump(const inspections::Report& r) {
    std::string out = r.header.unit + " " + core::format_date(r.header.date) + " " +
                      inspections::kind_name(r.header.kind);
    for (const std::string& t : r.header.team) out += " [" + t + "]";
    out += "\n";
    for (const inspections::KindFindings& k : r.findings) {
        out += "  " + k.kind + ":";
        for (const auto& v : k.values) out += " " + (v ? core::datum_text(*v) : std::string("null"));
        out += "\n";
    }
    return out;
}

TEST(DemoData, SameReportsEveryRun) {
    for (int year : {kPreviousYear, kYear}) {
        std::string first, second;
        for (const auto& r : year_reports(year)) first += dump(r);
        for (const auto& r : year_reports(year)) second += dump(r);
        EXPECT_EQ(first, second) << year;
        EXPECT_FALSE(first.empty());
    }
}

TEST(DemoData, TheSmallerYearIsSmaller) { EXPECT_LT(year_reports(kPreviousYear).size(), year_reports(kYear).size()); }

TEST(DemoData, FitsTheShippedRulebook) {
    core::SourceSet sources;
    rules::Rulebook rb = load_shipped(sources);
    for (int year : {kPreviousYear, kYear}) {
        for (const auto& r : year_reports(year)) EXPECT_NO_THROW(check_fits(r, rb.evidence)) << dump(r);
    }
}

/// The scheduled visits of kYear, by unit.
std::map<std::string, inspections::Report> visits() {
    std::map<std::string, inspections::Report> out;
    for (auto& r : year_reports(kYear)) {
        if (r.header.kind == inspections::InspectionKind::Scheduled) out.emplace(r.header.unit, std::move(r));
    }
    return out;
}

const inspections::KindFindings* findings(const inspections::Report& r, const std::string& kind) {
    for (const auto& k : r.findings) {
        if (k.kind == kind) return &k;
    }
    return nullptr;
}

TEST(DemoData, ProcedureListsAreDozensAndTheDistrictSetIsShared) {
    std::set<std::string> district_codes;
    for (const auto& [unit, r] : visits()) {
        const inspections::KindFindings* procedures = findings(r, "procedure");
        ASSERT_NE(procedures, nullptr) << unit;
        std::set<std::string> codes;
        for (std::size_t row = 0; row < procedures->rows(); ++row)
            codes.insert(core::datum_text(*procedures->at(row, 0)));
        const bool desk = findings(r, "desk_staff") != nullptr;
        if (desk) {
            EXPECT_GE(codes.size(), 20u) << unit;  // one unposted procedure is under 5% of the list
        }
        if (unit.rfind("huyen-", 0) == 0 || unit == "tp-hoa-binh") {
            if (district_codes.empty()) district_codes = codes;
            EXPECT_EQ(codes, district_codes) << unit;
        }
    }
    EXPECT_EQ(district_codes.size(), 52u);
}

TEST(DemoData, NothingIsOnlineWithoutAWebsite) {
    int online_somewhere = 0;
    for (const auto& [unit, r] : visits()) {
        const inspections::KindFindings* website = findings(r, "website");
        ASSERT_NE(website, nullptr) << unit;
        const inspections::KindFindings* procedures = findings(r, "procedure");
        const std::size_t level = 5;  // code, posted, on_portal, one_stop, inter_agency, online_level
        ASSERT_EQ(procedures->fields[level], "online_level");
        for (std::size_t row = 0; row < procedures->rows(); ++row) {
            const std::int64_t online = std::get<std::int64_t>(*procedures->at(row, level));
            if (!std::get<bool>(*website->at(0, 0))) {
                EXPECT_EQ(online, 0) << unit;
            }
            EXPECT_LE(online, 2) << unit;  // 2013: nothing above the target level 2
            if (online > 0) ++online_somewhere;
        }
    }
    EXPECT_GT(online_somewhere, 0);
}

TEST(DemoData, NoDigitalSignatureFiguresIn2013) {
    for (int year : {kPreviousYear, kYear}) {
        for (const auto& r : year_reports(year))
            EXPECT_EQ(findings(r, "digital_signature_rate"), nullptr) << r.header.unit;
    }
}

TEST(DemoData, HasTheProvincesUnits) {
    auto units = province_units();
    ASSERT_EQ(units.size(), 30u);
    std::map<std::string, int> per_category;
    for (const auto& u : units) {
        ++per_category[u.category];
        EXPECT_TRUE(inspections::is_valid_unit_id(u.id)) << u.id;
    }
    EXPECT_EQ(per_category["department"], 19);
    EXPECT_EQ(per_category["district"], 11);
}

class DemoDatabase : public ::testing::Test {
protected:
    void SetUp() override {
        rulebook_ = load_shipped(sources_);
        store_.emplace(inspections::Store::open(dir_ / "demo.db", inspections::OpenMode::Create));
        outcome_ = build(*store_, rulebook_);
    }

    ScratchDir dir_;
    core::SourceSet sources_;
    rules::Rulebook rulebook_;
    std::optional<inspections::Store> store_;
    DemoOutcome outcome_;
};

/// Each indicator evaluated per unit, the way the rulebook measures it: for a bool how many
/// units it holds for, for a number the sum — overall and per category.
struct Figures {
    std::map<std::string, std::string> value;  // "indicator" or "indicator/category" → figure
};

Figures measure(const rules::Rulebook& rb, const inspections::Store& store, int year) {
    inspections::EvidenceQuery query;
    query.year = year;
    query.categories = rb.units;
    inspections::EvidenceSet evidence = store.load_evidence(rb.evidence, query);
    dsl::Evaluator evaluator(*rb.program);
    Figures f;
    for (const rules::Indicator& ind : rb.indicators) {
        // `of` under the indicator's id, a ratio's `over` under "id:over".
        std::vector<std::pair<std::string, dsl::NodeId>> parts{{ind.id, ind.of.root}};
        if (ind.is_ratio()) parts.emplace_back(ind.id + ":over", ind.over.root);
        for (const auto& [name, root] : parts) {
            std::map<std::string, std::pair<core::Decimal, int>> totals;  // key → (sum or holds, units with a value)
            for (std::size_t i = 0; i < evidence.units.size(); ++i) {
                const auto& u = evidence.units[i];
                dsl::UnitInfo info{u.id, u.name, u.category};
                dsl::EvalInput input{&info, year, &evidence.evidence[i]};
                core::Value v = evaluator.evaluate(root, input);
                if (v.is_missing()) continue;
                core::Decimal x = v.tag() == core::Value::Tag::Bool  ? *core::Decimal::from_int(v.as_bool() ? 1 : 0)
                                  : v.tag() == core::Value::Tag::Int ? *core::Decimal::from_int(v.as_int())
                                                                     : v.as_number();
                for (const std::string& key : {name, name + "/" + u.category}) {
                    totals[key].first = *core::Decimal::add(totals[key].first, x);
                    ++totals[key].second;
                }
            }
            for (const auto& [key, t] : totals) f.value[key] = t.first.to_string() + "/" + std::to_string(t.second);
        }
    }
    return f;
}

TEST_F(DemoDatabase, IndicatorsMatchTheSeedReport) {
    Figures f = measure(rulebook_, *store_, kYear);
    // "websites at 8 of 19 provincial agencies and 4 of 11 district committees"
    EXPECT_EQ(f.value["websites/department"], "8/19");
    EXPECT_EQ(f.value["websites/district"], "4/11");
    // "one-stop maintained at 16 of 19 departments"
    EXPECT_EQ(f.value["one_stop/department"], "16/19");
    // "8 agencies piloting e-office software"
    EXPECT_EQ(f.value["e_office"], "8/30");
    // "241 procedures under one-stop and 19 under inter-agency one-stop": distinct procedures, the
    // departments' own (196 and 12) and the one district set every district shares (45 and 7)
    EXPECT_EQ(f.value["one_stop_procedures/department"], "196/19");
    EXPECT_EQ(f.value["one_stop_procedures/district"], "495/11");
    EXPECT_EQ(f.value["inter_agency_procedures/department"], "12/19");
    EXPECT_EQ(f.value["inter_agency_procedures/district"], "77/11");
    // "95 provincial procedures changed"
    EXPECT_EQ(f.value["procedures_changed"], "95/30");
    // "1,151 legal documents reviewed"
    EXPECT_EQ(f.value["legal_docs_reviewed"], "1151/30");
    // "autonomy at 44.7% of units": 447 autonomous of 1,000 subordinate units
    EXPECT_EQ(f.value["autonomy"], "447/30");
    EXPECT_EQ(f.value["autonomy:over"], "1000/30");
    // "64.7% of commune officials and 83.1% of commune civil servants meet the standard": of 2,000 each
    EXPECT_EQ(f.value["commune_officials_standard/district"], "1294/11");
    EXPECT_EQ(f.value["commune_officials_standard:over/district"], "2000/11");
    EXPECT_EQ(f.value["commune_civil_servants_standard/district"], "1662/11");
    EXPECT_EQ(f.value["commune_civil_servants_standard:over/district"], "2000/11");
    // "online services only at level 1 (target level 2)": a few procedures at level 2 at six
    // units with a website, none higher
    EXPECT_EQ(f.value["online_level_2"], "6/30");
    EXPECT_EQ(f.value["online_level_3"], "0/30");
    // ISO 9001 at every demo unit (the report's 46 agencies include ones outside the two blocks)
    EXPECT_EQ(f.value["iso"], "30/30");
}

TEST_F(DemoDatabase, PublishesThePreviousYearAndRanksAgainstIt) {
    auto publications = store_->publications();
    ASSERT_EQ(publications.size(), 1u);
    EXPECT_EQ(publications[0].year, kPreviousYear);
    EXPECT_EQ(publications[0].published_by, kRecorder);
    ASSERT_EQ(outcome_.ranking.units.size(), 30u);
    int changed = 0;
    for (const UnitResult& u : outcome_.ranking.units) {
        EXPECT_TRUE(u.complete) << u.id;
        EXPECT_TRUE(u.rank_change.has_value()) << u.id;
        EXPECT_TRUE(u.total_change.has_value()) << u.id;
        if (u.rank_change && *u.rank_change != 0) ++changed;
    }
    EXPECT_GT(changed, 5);
}

TEST_F(DemoDatabase, ShowsTheSeedReportsWeaknesses) {
    std::map<std::string, int> violations;
    for (const auto& s : store_->inspections({})) {
        auto d = store_->inspection(s.id);
        for (const auto& k : d->findings) {
            if (k.kind != "violation") continue;
            for (std::size_t row = 0; row < k.rows(); ++row) ++violations[core::datum_text(*k.at(row, 0))];
        }
    }
    for (const char* kind : {"late", "drunk", "asleep", "desk_closed", "sent_to_specialist_room", "harassment",
                             "petty_bribery", "indifference"}) {
        EXPECT_GT(violations[kind], 0) << kind;
    }
}

TEST_F(DemoDatabase, IsRecognisedAsADemoDatabase) { EXPECT_TRUE(is_demo_database(*store_)); }

TEST_F(DemoDatabase, IsNotADemoDatabaseOnceSomeoneElseRecords) {
    inspections::Report r;
    r.header.unit = "so-tu-phap";
    r.header.date = core::make_date(2013, 12, 20);
    r.header.kind = inspections::InspectionKind::Other;
    inspections::KindFindings website;
    website.kind = "website";
    website.fact = true;
    website.fields = {"value"};
    website.values.emplace_back(core::Datum{true});
    r.findings.push_back(website);
    inspections::RecordOptions options;
    options.recorded_by = "nguyen.van.a";
    ASSERT_FALSE(store_->record(r, rulebook_.evidence, options).id.empty());
    EXPECT_FALSE(is_demo_database(*store_));
}

TEST(DemoRecognition, AnEmptyDatabaseIsNotADemo) {
    ScratchDir dir;
    auto store = inspections::Store::open(dir / "empty.db", inspections::OpenMode::Create);
    EXPECT_FALSE(is_demo_database(store));
    inspections::UnitsUpdate units;
    units.units = province_units();
    store.update_units(units);
    EXPECT_FALSE(is_demo_database(store));  // units alone: nothing the demo recorded
}

}  // namespace
}  // namespace parscore::engine::demo
