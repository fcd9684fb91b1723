// A unit's attributes are versioned: every change takes the next revision number, and reading as
// of a revision gives the units as they were then.
#include <gtest/gtest.h>

#include "fixture.hpp"

namespace parscore::inspections::testing {
namespace {

class UnitVersions : public ::testing::Test {
protected:
    void SetUp() override { store_.emplace(Store::open(database_.location(), OpenMode::Create)); }
    Store& store() { return *store_; }

    TempDir dir_;
    TestDatabase database_{dir_.path()};
    std::optional<Store> store_;
};

TEST_F(UnitVersions, EveryChangeTakesTheNextRevisionNumber) {
    add_units(store(), {unit("d1"), unit("d2")});
    EXPECT_EQ(store().last_revision(), 2);
    const std::string id = record_ok(store(), report("d1", "2013-05-01", InspectionKind::Scheduled,
                                                     {fact("website", boolean(true))}));
    EXPECT_EQ(store().inspection(id)->summary.revision, 3);
    add_units(store(), {unit("d1", "district"), unit("d2")});  // d2 unchanged: no number
    EXPECT_EQ(store().last_revision(), 4);
    EXPECT_TRUE(store().verify_chains().empty());
}

TEST_F(UnitVersions, AsOfARevisionUnitsAreAsTheyWereThen) {
    add_units(store(), {unit("d1"), unit("d2", "department", 2010)});
    record_ok(store(), report("d1", "2013-05-01", InspectionKind::Scheduled, {fact("website", boolean(true))}));
    const std::int64_t then = store().last_revision();
    add_units(store(), {unit("d1", "district"), unit("d2", "department", 2014), unit("d3")});

    const std::vector<UnitInfo> old = store().units_as_of(then);
    ASSERT_EQ(old.size(), 2u);
    EXPECT_EQ(old[0].category, "department");
    EXPECT_EQ(old[1].active_from, 2010);
    EXPECT_EQ(store().units_as_of(store().last_revision()), store().units());
    EXPECT_TRUE(store().units_as_of(0).empty());

    EvidenceQuery q;
    q.year = 2013;
    q.categories = {"department"};
    q.as_of_revision = then;
    const EvidenceSet as_then = store().load_evidence(test_schema(), q);
    ASSERT_EQ(as_then.units.size(), 2u);  // d1 still a department, d2 active from 2010
    EXPECT_EQ(as_then.units[0].id, "d1");
    q.as_of_revision.reset();
    const EvidenceSet today = store().load_evidence(test_schema(), q);
    ASSERT_EQ(today.units.size(), 1u);  // d3 only: d1 moved, d2 starts in 2014
    EXPECT_EQ(today.units[0].id, "d3");
}

TEST_F(UnitVersions, AUnitChangedBehindTheStoresBackIsFound) {
    add_units(store(), {unit("d1")});
    store_.reset();
    database_.exec("UPDATE units SET category = 'district'");
    const std::vector<ChainProblem> problems = Store::open(database_.location(), OpenMode::Existing).verify_chains();
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].message.find("unit 'd1'"), std::string::npos) << problems[0].message;
}

}  // namespace
}  // namespace parscore::inspections::testing
