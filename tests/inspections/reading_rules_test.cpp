// The selection of docs/reference/scoring.md#which-evidence-counts as the scorer reads it: Store::load_evidence on
// hand-made inspections.
#include <gtest/gtest.h>

#include "chain.hpp"
#include "findings_blob.hpp"
#include "fixture.hpp"
#include "parscore/core/sha256.hpp"

namespace parscore::inspections::testing {
namespace {

using core::Value;

class ReadingRules : public ::testing::Test {
protected:
    void SetUp() override {
        store_.emplace(Store::open(database_.location(), OpenMode::Create));
        add_units(*store_, {unit("d1"), unit("d2"), unit("x1", "district"), unit("old", "department", 2000, 2010),
                            unit("c1", "commune")});
    }
    Store& store() { return *store_; }

    EvidenceSet load(int year = 2013, Basis basis = Basis::All, std::optional<std::int64_t> as_of = std::nullopt,
                     const core::EvidenceSchema& schema = test_schema()) {
        EvidenceQuery q;
        q.year = year;
        q.basis = basis;
        q.categories = {"department", "district"};
        q.as_of_revision = as_of;
        return store().load_evidence(schema, q);
    }

    static std::size_t kind(const char* name) { return *test_schema().index_of(name); }

    /// Column `field` of kind `k` for unit `u`, as text.
    static std::vector<std::string> column(const EvidenceSet& e, const char* u, const char* k, std::size_t field) {
        const auto ui = e.unit_index(u);
        EXPECT_TRUE(ui.has_value()) << u;
        if (!ui) return {};
        const core::RecordTable& t = e.evidence[*ui].tables[kind(k)];
        std::vector<std::string> out;
        for (std::uint32_t r = 0; r < t.rows; ++r) out.push_back(t.get(field, r).to_string());
        return out;
    }

    static Value fact_of(const EvidenceSet& e, const char* u, const char* k) {
        return e.evidence[*e.unit_index(u)].facts[kind(k)];
    }

    TempDir dir_;
    TestDatabase database_{dir_.path()};
    std::optional<Store> store_;
};

TEST_F(ReadingRules, UnkeyedRecordsAreTheUnionInDateOrder) {
    auto v = [](const char* k, const char* p) { return std::vector<std::optional<core::Datum>>{text(k), text(p)}; };
    record_ok(store(), report("d1", "2013-06-01", InspectionKind::Scheduled,
                              {records("violation", {"kind", "person"}, {v("late", "B")})}));
    record_ok(store(), report("d1", "2013-03-01", InspectionKind::Surprise,
                              {records("violation", {"kind", "person"}, {v("drunk", "A"), v("asleep", "A")})}));
    EvidenceSet e = load();
    EXPECT_EQ(column(e, "d1", "violation", 0), (std::vector<std::string>{"\"drunk\"", "\"asleep\"", "\"late\""}));
    const core::RecordTable& t = e.evidence[*e.unit_index("d1")].tables[kind("violation")];
    ASSERT_EQ(t.origin.size(), 3u);
    EXPECT_EQ(core::format_date(e.inspections[t.origin[0]].date), "2013-03-01");
    EXPECT_EQ(core::format_date(e.inspections[t.origin[2]].date), "2013-06-01");
    EXPECT_TRUE(e.evidence[*e.unit_index("d1")].checked[kind("violation")]);
    EXPECT_FALSE(e.evidence[*e.unit_index("d1")].checked[kind("procedure")]);
}

TEST_F(ReadingRules, DraftsDoNotCountUntilSubmitted) {
    const std::string id = record_ok(store(), report("d1", "2013-05-01", InspectionKind::Scheduled,
                                                     {fact("website", boolean(true))}, Status::Draft));
    EXPECT_TRUE(load().inspections.empty());
    EXPECT_TRUE(fact_of(load(), "d1", "website").is_missing());
    store().submit(id);
    EvidenceSet e = load();
    ASSERT_EQ(e.inspections.size(), 1u);
    EXPECT_EQ(fact_of(e, "d1", "website").to_string(), "true");
    store().lock(id);
    EXPECT_EQ(load().inspections.at(0).status, Status::Locked);
}

TEST_F(ReadingRules, OtherYearsAreExcludedAndAnExplicitYearWins) {
    record_ok(store(), report("d1", "2012-12-31", InspectionKind::Scheduled, {fact("website", boolean(false))}));
    record_ok(store(), report("d1", "2014-01-10", InspectionKind::Scheduled, {fact("website", boolean(true))},
                              Status::Submitted, 2013));
    EvidenceSet e = load(2013);
    ASSERT_EQ(e.inspections.size(), 1u);
    EXPECT_EQ(e.inspections[0].year, 2013);
    EXPECT_EQ(fact_of(e, "d1", "website").to_string(), "true");
    EXPECT_EQ(fact_of(load(2012), "d1", "website").to_string(), "false");
    EXPECT_TRUE(load(2014).inspections.empty());
}

TEST_F(ReadingRules, OnlyTheLatestRevisionCounts) {
    const std::string id = record_ok(store(), report("d1", "2013-05-01", InspectionKind::Scheduled,
                                                     {procedures({{"A", false, 1}, {"B", false, 1}})}));
    store().amend(id, report("d1", "2013-05-02", InspectionKind::Scheduled, {procedures({{"A", true, 3}})}),
                  test_schema(), "recount");
    EvidenceSet e = load();
    EXPECT_EQ(column(e, "d1", "procedure", 0), (std::vector<std::string>{"\"A\""}));
    EXPECT_EQ(column(e, "d1", "procedure", 1), (std::vector<std::string>{"true"}));
    EXPECT_EQ(core::format_date(e.inspections.at(0).date), "2013-05-02");
}

TEST_F(ReadingRules, AnAmendmentCanMoveAnInspectionToAnotherYear) {
    const std::string id = record_ok(store(), report("d1", "2013-12-20", InspectionKind::Scheduled,
                                                     {fact("website", boolean(true))}));
    const std::int64_t before = store().last_revision();
    store().amend(id,
                  report("d1", "2013-12-20", InspectionKind::Scheduled, {fact("website", boolean(false))},
                         Status::Submitted, 2014),
                  test_schema(), "counts for 2014");
    EXPECT_TRUE(load(2013).inspections.empty());
    EvidenceSet y2014 = load(2014);
    ASSERT_EQ(y2014.inspections.size(), 1u);
    EXPECT_EQ(fact_of(y2014, "d1", "website").to_string(), "false");
    EXPECT_EQ(fact_of(load(2013, Basis::All, before), "d1", "website").to_string(), "true");
    EXPECT_TRUE(load(2014, Basis::All, before).inspections.empty());
}

TEST_F(ReadingRules, KeyedRecordsTakeEachKeyFromTheLatestInspectionThatHasIt) {
    record_ok(store(),
              report("d1", "2013-02-01", InspectionKind::Scheduled, {procedures({{"A", false, 1}, {"B", false, 1}})}));
    record_ok(store(),
              report("d1", "2013-09-01", InspectionKind::Scheduled, {procedures({{"A", true, 4}, {"C", true, 2}})}));
    EvidenceSet e = load();
    auto codes = column(e, "d1", "procedure", 0);
    auto posted = column(e, "d1", "procedure", 1);
    ASSERT_EQ(codes.size(), 3u);
    // B from the older inspection (chronological order first), then A and C from the newer one.
    EXPECT_EQ(codes, (std::vector<std::string>{"\"B\"", "\"A\"", "\"C\""}));
    EXPECT_EQ(posted, (std::vector<std::string>{"false", "true", "true"}));
}

TEST_F(ReadingRules, OutOfOrderRecordingUsesTheInspectionDate) {
    // The later-dated inspection is recorded first; it still wins.
    record_ok(store(), report("d1", "2013-09-01", InspectionKind::Scheduled, {fact("website", boolean(true))}));
    record_ok(store(), report("d1", "2013-02-01", InspectionKind::Scheduled, {fact("website", boolean(false))}));
    EXPECT_EQ(fact_of(load(), "d1", "website").to_string(), "true");
}

TEST_F(ReadingRules, SameDayInspectionsBreakByRecordingOrder) {
    record_ok(store(), report("d1", "2013-05-05", InspectionKind::Scheduled, {fact("website", boolean(false))}));
    record_ok(store(), report("d1", "2013-05-05", InspectionKind::Thematic, {fact("website", boolean(true))}));
    EvidenceSet e = load();
    EXPECT_EQ(fact_of(e, "d1", "website").to_string(), "true");
    ASSERT_EQ(e.inspections.size(), 2u);
    EXPECT_LT(e.inspections[0].stamp, e.inspections[1].stamp);
    EXPECT_EQ(e.evidence[0].fact_origin[kind("website")], 1u);
}

TEST_F(ReadingRules, InspectedBeatsSelfAssessedUnderBasisAll) {
    record_ok(store(), report("d1", "2013-03-01", InspectionKind::Surprise,
                              {fact("website", boolean(false)), procedures({{"A", false, 1}}),
                               records("desk_staff", {"name", "qualified"}, {{text("N"), boolean(false)}})}));
    record_ok(store(), report("d1", "2013-11-01", InspectionKind::Self,
                              {fact("website", boolean(true)), procedures({{"A", true, 4}, {"S", true, 4}}),
                               records("desk_staff", {"name", "qualified"}, {{text("M"), boolean(true)}})}));
    EvidenceSet all = load(2013, Basis::All);
    EXPECT_EQ(fact_of(all, "d1", "website").to_string(), "false");
    EXPECT_EQ(column(all, "d1", "procedure", 1), (std::vector<std::string>{"false", "true"}));  // A inspected, S self
    EXPECT_EQ(column(all, "d1", "procedure", 0), (std::vector<std::string>{"\"A\"", "\"S\""}));
    EXPECT_EQ(column(all, "d1", "desk_staff", 0), (std::vector<std::string>{"\"N\""}));

    EvidenceSet self = load(2013, Basis::Self);
    EXPECT_EQ(self.inspections.size(), 1u);
    EXPECT_EQ(fact_of(self, "d1", "website").to_string(), "true");
    EXPECT_EQ(column(self, "d1", "desk_staff", 0), (std::vector<std::string>{"\"M\""}));

    EvidenceSet inspected = load(2013, Basis::Inspected);
    EXPECT_EQ(inspected.inspections.size(), 1u);
    EXPECT_EQ(inspected.inspections[0].kind, InspectionKind::Surprise);
    EXPECT_EQ(column(inspected, "d1", "procedure", 0), (std::vector<std::string>{"\"A\""}));
}

TEST_F(ReadingRules, CombineLatestTakesTheWinnersListEvenWhenEmpty) {
    auto staff = [](std::vector<const char*> names) {
        std::vector<std::vector<std::optional<core::Datum>>> rows;
        for (const char* n : names) rows.push_back({text(n), boolean(true)});
        return records("desk_staff", {"name", "qualified"}, rows);
    };
    record_ok(store(), report("d1", "2013-01-01", InspectionKind::Scheduled, {staff({"A", "B"})}));
    record_ok(store(), report("d1", "2013-04-01", InspectionKind::Scheduled, {staff({"C"})}));
    EXPECT_EQ(column(load(), "d1", "desk_staff", 0), (std::vector<std::string>{"\"C\""}));
    record_ok(store(), report("d1", "2013-08-01", InspectionKind::Scheduled, {staff({})}));
    EvidenceSet e = load();
    EXPECT_TRUE(column(e, "d1", "desk_staff", 0).empty());
    EXPECT_TRUE(e.evidence[0].checked[kind("desk_staff")]);
}

TEST_F(ReadingRules, AsOfRevisionSeesOnlyEarlierChanges) {
    const std::string id = record_ok(store(), report("d1", "2013-05-01", InspectionKind::Scheduled,
                                                     {fact("website", boolean(false))}, Status::Draft));
    store().submit(id);
    const std::int64_t published = store().last_revision();
    const std::string before_hash = load().evidence_sha256;
    store().amend(id, report("d1", "2013-05-01", InspectionKind::Scheduled, {fact("website", boolean(true))}),
                  test_schema(), "fixed");
    record_ok(store(), report("d2", "2013-05-01", InspectionKind::Scheduled, {fact("website", boolean(true))}));
    EvidenceSet now = load();
    EvidenceSet then = load(2013, Basis::All, published);
    EXPECT_EQ(fact_of(now, "d1", "website").to_string(), "true");
    EXPECT_EQ(fact_of(then, "d1", "website").to_string(), "false");
    EXPECT_TRUE(fact_of(then, "d2", "website").is_missing());
    EXPECT_EQ(then.evidence_sha256, before_hash);
    EXPECT_NE(now.evidence_sha256, before_hash);
    EXPECT_EQ(then.revision, published);
    // Before the submit event the draft did not count.
    EXPECT_TRUE(load(2013, Basis::All, published - 1).inspections.empty());
}

TEST_F(ReadingRules, CoverageFollowsCategoriesAndActiveYears) {
    record_ok(store(), report("old", "2013-05-01", InspectionKind::Scheduled, {fact("website", boolean(true))}));
    record_ok(store(), report("c1", "2013-05-01", InspectionKind::Scheduled, {fact("website", boolean(true))}));
    record_ok(store(), report("x1", "2013-05-01", InspectionKind::Scheduled, {fact("website", boolean(true))}));
    EvidenceSet e = load();
    std::vector<std::string> ids;
    for (const auto& u : e.units) ids.push_back(u.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"d1", "d2", "x1"}));
    ASSERT_EQ(e.uncovered.size(), 2u);
    EXPECT_EQ(e.uncovered[0].id, "c1");
    EXPECT_FALSE(e.uncovered[0].inactive);
    EXPECT_EQ(e.uncovered[1].id, "old");
    EXPECT_TRUE(e.uncovered[1].inactive);
    EXPECT_EQ(e.inspections.size(), 1u);
    // A single unit.
    EvidenceQuery q;
    q.year = 2013;
    q.unit = "x1";
    EvidenceSet one = store().load_evidence(test_schema(), q);
    ASSERT_EQ(one.units.size(), 1u);
    EXPECT_EQ(one.units[0].id, "x1");
    EXPECT_EQ(one.evidence.size(), 1u);
}

TEST_F(ReadingRules, ValuesThatDoNotFitReadAsMissingAndAreCounted) {
    record_ok(store(), report("d1", "2013-05-01", InspectionKind::Scheduled,
                              {records("violation", {"kind", "person"},
                                       {{text("late"), text("A")}, {text("phone_in_meeting"), text("B")}}),
                               fact("autonomy_rate", number("0.447"))}));
    core::EvidenceSchema schema = test_schema();
    // Another rulebook: a narrower enum, a field the records lack, and the fact typed int.
    schema.kinds[kind("violation")].fields.push_back(field("minutes", core::FieldType::Int));
    schema.kinds[kind("autonomy_rate")].fields[0].type = core::FieldType::Int;
    EvidenceSet e = load(2013, Basis::All, std::nullopt, schema);
    EXPECT_EQ(column(e, "d1", "violation", 0), (std::vector<std::string>{"\"late\"", "missing"}));
    EXPECT_EQ(column(e, "d1", "violation", 2), (std::vector<std::string>{"missing", "missing"}));
    EXPECT_TRUE(fact_of(e, "d1", "autonomy_rate").is_missing());
    std::map<std::pair<std::size_t, std::size_t>, std::pair<std::uint64_t, std::uint64_t>> m;
    for (const auto& f : e.misfits) m[{f.kind, f.field}] = {f.not_fitting, f.lacking};
    EXPECT_EQ((m[{kind("violation"), 0}]), (std::pair<std::uint64_t, std::uint64_t>{1, 0}));
    EXPECT_EQ((m[{kind("violation"), 2}]), (std::pair<std::uint64_t, std::uint64_t>{0, 2}));
    EXPECT_EQ((m[{kind("autonomy_rate"), 0}]), (std::pair<std::uint64_t, std::uint64_t>{1, 0}));
    // With the recording schema only the value outside its enum is counted.
    EvidenceSet same = load();
    ASSERT_EQ(same.misfits.size(), 1u);
    EXPECT_EQ(same.misfits[0].kind, kind("violation"));
    EXPECT_EQ(same.misfits[0].not_fitting, 1u);
    EXPECT_EQ(same.misfits[0].lacking, 0u);
}

TEST_F(ReadingRules, RecordsWhoseKeyIsMissingAreNotDeduplicated) {
    record_ok(store(), report("d1", "2013-02-01", InspectionKind::Scheduled, {procedures({{"A", true, 1}})}));
    record_ok(store(), report("d1", "2013-03-01", InspectionKind::Scheduled, {procedures({{"A", true, 2}})}));
    core::EvidenceSchema schema = test_schema();
    schema.kinds[kind("procedure")].fields[0].type = core::FieldType::Int;  // stored codes are text: keys missing
    EvidenceSet e = load(2013, Basis::All, std::nullopt, schema);
    EXPECT_EQ(column(e, "d1", "procedure", 2), (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(column(load(), "d1", "procedure", 2), (std::vector<std::string>{"2"}));
}

TEST_F(ReadingRules, EveryTypeDecodes) {
    record_ok(store(), report("d1", "2013-05-01", InspectionKind::Scheduled,
                              {records("audit", {"held_on", "score"},
                                       {{date("2013-04-30"), number("-12.125")}, {date("2000-02-29"), number("7")}}),
                               fact("autonomy_rate", number("0.447")), fact("website", boolean(true))}));
    EvidenceSet e = load();
    EXPECT_EQ(column(e, "d1", "audit", 0), (std::vector<std::string>{"2013-04-30", "2000-02-29"}));
    EXPECT_EQ(column(e, "d1", "audit", 1), (std::vector<std::string>{"-12.125", "7"}));
    EXPECT_EQ(fact_of(e, "d1", "autonomy_rate").to_string(), "0.447");
    EXPECT_EQ(fact_of(e, "d1", "website").to_string(), "true");
}

TEST_F(ReadingRules, EvidenceHashCoversCountedInspectionsOnly) {
    const std::string empty = load().evidence_sha256;
    EXPECT_EQ(empty, core::sha256_hex(""));
    record_ok(store(), report("d1", "2013-05-01", InspectionKind::Scheduled, {fact("website", boolean(true))}));
    const std::string one = load().evidence_sha256;
    EXPECT_NE(one, empty);
    record_ok(store(), report("d1", "2012-05-01", InspectionKind::Scheduled, {fact("website", boolean(true))}));
    record_ok(store(),
              report("d1", "2013-05-01", InspectionKind::Scheduled, {fact("website", boolean(true))}, Status::Draft));
    EXPECT_EQ(load().evidence_sha256, one);
    EXPECT_EQ(load().evidence_sha256, load().evidence_sha256);
}

/// Adds, behind the store's back but with a valid chain, an inspection that shares `like`'s unit,
/// date and stamp — what a merge of two databases can produce.
void add_twin(const TestDatabase& db, const std::string& like, const std::string& id, bool website) {
    sql::Database h = db.connect();
    std::string unit, date, schema_sha;
    std::int64_t stamp = 0, schema = 0, no = 0;
    {
        sql::Statement st = h.prepare(
            "SELECT r.unit, r.stamp, r.date, r.schema, s.sha256, "
            "(SELECT max(no) FROM revisions) + 1 FROM revisions r JOIN schemas s ON s.id = r.schema "
            "WHERE r.inspection = ?");
        st.bind(1, like);
        ASSERT_TRUE(st.step());
        unit = st.text(0);
        stamp = st.int64(1);
        date = st.text(2);
        schema = st.int64(3);
        schema_sha = st.text(4);
        no = st.int64(5);
    }

    const std::string blob = blob::encode(fact("website", boolean(website)));
    const std::string digest = chain::findings_digest({{"website", true, 1, core::sha256_hex(blob)}});
    chain::RevisionContent c;
    c.inspection = id;
    c.prev_hash = "";
    c.unit = unit;
    c.stamp = stamp;
    c.initial_status = "submitted";
    c.date = date;
    c.kind = "scheduled";
    c.team_json = "[]";
    c.schema_sha256 = schema_sha;
    c.recorded_by = "other";
    c.recorded_at = "2013-01-01T00:00:00.000000Z";
    c.findings_digest = digest;
    const std::string hash = chain::revision_hash(c);
    const std::string n = std::to_string(no);
    const std::string sql =
        "INSERT INTO inspections VALUES ('" + id + "', '" + unit + "', " + std::to_string(stamp) +
        ", 'submitted', 'other', '2013-01-01T00:00:00.000000Z');"
        "INSERT INTO revisions(no, inspection, seq, unit, stamp, status, date, year, eval_year, kind, team, schema, digest, "
        "reason, recorded_by, recorded_at, prev_hash, hash) VALUES (" +
        n + ", '" + id + "', 1, '" + unit + "', " + std::to_string(stamp) + ", 'submitted', '" + date + "', NULL, " +
        date.substr(0, 4) + ", 'scheduled', '[]', " + std::to_string(schema) + ", '" + digest +
        "', NULL, 'other', '2013-01-01T00:00:00.000000Z', '', '" + hash + "');";
    h.exec(sql);
    sql::Statement findings = h.prepare(
        "INSERT INTO findings(revision, kind, fact, records, data) VALUES (?, 'website', 1, 1, ?)");
    findings.bind(1, no).bind_blob(2, blob);
    findings.run();
}

TEST(EqualStamps, BreakByInspectionId) {
    for (bool twin_larger : {true, false}) {
        TempDir dir;
        const TestDatabase database(dir.path());
        std::string first;
        {
            Store store = Store::open(database.location(), OpenMode::Create);
            add_units(store, {unit("d1")});
            first = record_ok(store,
                              report("d1", "2013-05-05", InspectionKind::Scheduled, {fact("website", boolean(false))}));
        }
        const std::string twin = twin_larger ? "ffffffff-ffff-7fff-bfff-ffffffffffff"
                                             : "00000000-0000-7000-8000-000000000000";
        add_twin(database, first, twin, true);
        Store store = Store::open(database.location(), OpenMode::Existing);
        EXPECT_TRUE(store.verify_chains().empty());
        EvidenceQuery q;
        q.year = 2013;
        EvidenceSet e = store.load_evidence(test_schema(), q);
        ASSERT_EQ(e.inspections.size(), 2u);
        EXPECT_EQ(e.inspections[0].stamp, e.inspections[1].stamp);
        const std::size_t website = *test_schema().index_of("website");
        EXPECT_EQ(e.evidence[0].facts[website].to_string(), twin_larger ? "true" : "false") << twin;
        EXPECT_EQ(e.inspections[e.evidence[0].fact_origin[website]].id, twin_larger ? twin : first);
    }
}

}  // namespace
}  // namespace parscore::inspections::testing
