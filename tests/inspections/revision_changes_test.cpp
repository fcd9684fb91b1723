// What an amendment changed against the revision before it (revision_changes.hpp): a table of
// hand-written revisions and the changes expected, each written as a line of text; the shape of
// the values a change carries; and the store reading every revision's findings for it.
#include "parscore/inspections/revision_changes.hpp"

#include <gtest/gtest.h>

#include "fixture.hpp"

namespace parscore::inspections::testing {
namespace {

using Type = RevisionChange::Type;
using Row = std::vector<std::optional<core::Datum>>;

HistoryEntry revision(const char* day, Findings findings, InspectionKind kind = InspectionKind::Scheduled,
                      std::vector<std::string> team = {"Hà Văn Sơn"}, std::optional<int> year = std::nullopt) {
    HistoryEntry e;
    e.date = *core::parse_date(day);
    e.year = year;
    e.kind = kind;
    e.team = std::move(team);
    e.findings = std::move(findings);
    return e;
}

KindFindings checked_no_value(std::string kind) {
    KindFindings k;
    k.kind = std::move(kind);
    k.fact = true;
    k.fields = {"value"};
    return k;
}

KindFindings violations(std::vector<std::pair<const char*, const char*>> rows) {
    std::vector<Row> values;
    for (const auto& [kind, person] : rows) values.push_back({text(kind), text(person)});
    return records("violation", {"kind", "person"}, std::move(values));
}

std::string value_text(const std::optional<core::Datum>& v) { return v ? core::datum_text(*v) : "-"; }

std::string fields_text(const std::vector<FieldValue>& fields) {
    std::string o;
    for (const FieldValue& f : fields) o += (o.empty() ? "" : ", ") + f.field + ": " + value_text(f.value);
    return "{" + o + "}";
}

std::string team_text(const std::vector<std::string>& team) {
    std::string o;
    for (const std::string& m : team) o += (o.empty() ? "" : ", ") + m;
    return "[" + o + "]";
}

/// One change as a line: "+" added, "-" removed, "~" changed.
std::string describe(const RevisionChange& c) {
    const std::string values = value_text(c.before) + " → " + value_text(c.after);
    switch (c.type) {
        case Type::Date: return "date " + values;
        case Type::Year: return "year " + values;
        case Type::Kind: return "kind " + values;
        case Type::Team: return "team " + team_text(c.team_before) + " → " + team_text(c.team_after);
        case Type::KindAdded: return "+kind " + c.kind + (c.after ? " = " + value_text(c.after) : "");
        case Type::KindRemoved: return "-kind " + c.kind + (c.before ? " = " + value_text(c.before) : "");
        case Type::Fact: return "fact " + c.kind + " " + values;
        case Type::RecordAdded: return "+record " + c.kind + " " + fields_text(c.record);
        case Type::RecordRemoved: return "-record " + c.kind + " " + fields_text(c.record);
        case Type::RecordChanged: {
            std::string o;
            for (const FieldChange& f : c.fields)
                o += (o.empty() ? "" : ", ") + f.field + ": " + value_text(f.before) + " → " + value_text(f.after);
            return "~record " + c.kind + " " + c.key->field + "=" + value_text(c.key->value) + " {" + o + "}";
        }
    }
    return "?";
}

struct Case {
    const char* name;
    HistoryEntry previous, current;
    std::vector<std::string> expected;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class RevisionChanges : public ::testing::TestWithParam<Case> {};

TEST_P(RevisionChanges, AreListedAsExpected) {
    const Case& c = GetParam();
    std::vector<std::string> actual;
    for (const RevisionChange& change : revision_changes(c.previous, c.current, test_schema()))
        actual.push_back(describe(change));
    EXPECT_EQ(actual, c.expected);
}

const auto kTeam = std::vector<std::string>{"Hà Văn Sơn"};

const Case kCases[] = {
    {"NothingChanged",
     revision("2013-05-01", {procedures({{"TP-001", true, 2}}), fact("website", boolean(true))}),
     revision("2013-05-01", {procedures({{"TP-001", true, 2}}), fact("website", boolean(true))}),
     {}},
    {"TheHeaderDateYearKindAndTeam",
     revision("2013-12-30", {}, InspectionKind::Scheduled, {"Hà Văn Sơn"}),
     revision("2014-01-03", {}, InspectionKind::Surprise, {"Hà Văn Sơn", "Đinh Công Minh"}),
     {"date 2013-12-30 → 2014-01-03", "year 2013 → 2014", "kind scheduled → surprise",
      "team [Hà Văn Sơn] → [Hà Văn Sơn, Đinh Công Minh]"}},
    {"ADateWithinTheYearKeepsTheYear",
     revision("2013-05-01", {}),
     revision("2013-05-02", {}),
     {"date 2013-05-01 → 2013-05-02"}},
    {"AGivenYearIsTheEvaluationYear",
     revision("2013-12-30", {}, InspectionKind::Scheduled, kTeam, 2013),
     revision("2014-01-03", {}, InspectionKind::Scheduled, kTeam, 2013),
     {"date 2013-12-30 → 2014-01-03"}},
    {"GivingTheDatesYearChangesNothing",
     revision("2013-05-01", {}, InspectionKind::Scheduled, kTeam),
     revision("2013-05-01", {}, InspectionKind::Scheduled, kTeam, 2013),
     {}},
    {"TheTeamsOrder",
     revision("2013-05-01", {}, InspectionKind::Scheduled, {"A", "B"}),
     revision("2013-05-01", {}, InspectionKind::Scheduled, {"B", "A"}),
     {"team [A, B] → [B, A]"}},
    {"AFactsValue",
     revision("2013-05-01", {fact("website", boolean(true)), fact("autonomy_rate", number("0.4"))}),
     revision("2013-05-01", {fact("website", boolean(false)), fact("autonomy_rate", number("0.447"))}),
     {"fact autonomy_rate 0.4 → 0.447", "fact website true → false"}},
    {"AFactCheckedWithNoValue",
     revision("2013-05-01", {fact("website", boolean(true))}),
     revision("2013-05-01", {checked_no_value("website")}),
     {"fact website true → -"}},
    {"AFactNewlyCheckedAndOneNoLongerListed",
     revision("2013-05-01", {fact("website", boolean(true))}),
     revision("2013-05-01", {fact("autonomy_rate", number("0.5"))}),
     {"+kind autonomy_rate = 0.5", "-kind website = true"}},
    {"ARecordKindNewlyCheckedListsItsRecords",
     revision("2013-05-01", {}),
     revision("2013-05-01", {procedures({{"TP-001", true, 2}, {"TP-002", false, 0}})}),
     {"+kind procedure", "+record procedure {code: TP-001, posted: true, online_level: 2}",
      "+record procedure {code: TP-002, posted: false, online_level: 0}"}},
    {"ARecordKindCheckedWithNoneFound",
     revision("2013-05-01", {}),
     revision("2013-05-01", {records("desk_staff", {"name", "qualified"}, {})}),
     {"+kind desk_staff"}},
    {"ARecordKindNoLongerListedListsItsRecords",
     revision("2013-05-01", {violations({{"late", "Phạm Văn D"}})}),
     revision("2013-05-01", {}),
     {"-kind violation", "-record violation {kind: late, person: Phạm Văn D}"}},
    {"KeyedRecordsChangedAddedAndRemoved",
     revision("2013-05-01", {procedures({{"TP-001", true, 2}, {"TP-002", false, 1}, {"TP-003", true, 4}})}),
     revision("2013-05-01", {procedures({{"TP-004", true, 3}, {"TP-003", true, 4}, {"TP-001", false, 3}})}),
     {"+record procedure {code: TP-004, posted: true, online_level: 3}",
      "~record procedure code=TP-001 {posted: true → false, online_level: 2 → 3}",
      "-record procedure {code: TP-002, posted: false, online_level: 1}"}},
    {"KeyedFieldsInAnotherOrderAreTheSame",
     revision("2013-05-01", {procedures({{"TP-001", true, 2}})}),
     revision("2013-05-01", {records("procedure", {"online_level", "code", "posted"},
                                     {{integer(2), text("TP-001"), boolean(true)}})}),
     {}},
    {"AFieldOneRevisionDidNotRecordHasNoValue",
     revision("2013-05-01", {records("procedure", {"code", "posted"}, {{text("TP-001"), boolean(true)}})}),
     revision("2013-05-01", {procedures({{"TP-001", true, 2}})}),
     {"~record procedure code=TP-001 {online_level: - → 2}"}},
    {"AKeyValueOfAnotherTypeIsAnotherRecord",
     revision("2013-05-01", {records("procedure", {"code", "posted"}, {{integer(1), boolean(true)}})}),
     revision("2013-05-01", {records("procedure", {"code", "posted"}, {{text("1"), boolean(true)}})}),
     {"+record procedure {code: 1, posted: true}", "-record procedure {code: 1, posted: true}"}},
    {"UnkeyedRecordsAreMatchedWhole",
     revision("2013-05-01", {violations({{"late", "A"}, {"late", "B"}})}),
     revision("2013-05-01", {violations({{"late", "B"}, {"asleep", "A"}})}),
     {"+record violation {kind: asleep, person: A}", "-record violation {kind: late, person: A}"}},
    {"UnkeyedEqualRecordsCountOnce",
     revision("2013-05-01", {violations({{"late", "A"}, {"drunk", "A"}, {"late", "A"}})}),
     revision("2013-05-01", {violations({{"late", "A"}, {"drunk", "A"}})}),
     {"-record violation {kind: late, person: A}"}},
    {"UnkeyedInAnotherOrderAreTheSame",
     revision("2013-05-01", {violations({{"late", "A"}, {"drunk", "B"}})}),
     revision("2013-05-01", {violations({{"drunk", "B"}, {"late", "A"}})}),
     {}},
    {"ARepeatedKeyIsMatchedWhole",
     revision("2013-05-01", {procedures({{"TP-001", true, 2}, {"TP-001", false, 2}})}),
     revision("2013-05-01", {procedures({{"TP-001", true, 3}})}),
     {"+record procedure {code: TP-001, posted: true, online_level: 3}",
      "-record procedure {code: TP-001, posted: true, online_level: 2}",
      "-record procedure {code: TP-001, posted: false, online_level: 2}"}},
    {"AMissingKeyIsMatchedWhole",
     revision("2013-05-01", {records("procedure", {"code", "posted"}, {{std::nullopt, boolean(true)}})}),
     revision("2013-05-01", {records("procedure", {"code", "posted"}, {{std::nullopt, boolean(false)}})}),
     {"+record procedure {code: -, posted: false}", "-record procedure {code: -, posted: true}"}},
    {"AKindTheSchemaDoesNotKnowIsMatchedWhole",
     revision("2013-05-01", {records("inventory", {"item", "count"}, {{text("desk"), integer(2)}})}),
     revision("2013-05-01", {records("inventory", {"item", "count"}, {{text("desk"), integer(3)}})}),
     {"+record inventory {item: desk, count: 3}", "-record inventory {item: desk, count: 2}"}},
    {"AFactThatBecameARecordKind",
     revision("2013-05-01", {fact("website", boolean(true))}),
     revision("2013-05-01", {records("website", {"url"}, {{text("https://example.gov.vn")}})}),
     {"-kind website = true", "+kind website", "+record website {url: https://example.gov.vn}"}},
    {"TheHeaderFirstThenTheKindsByName",
     revision("2013-05-01", {fact("website", boolean(true)), violations({{"late", "A"}})}),
     revision("2013-05-02", {violations({}), fact("website", boolean(false)), fact("autonomy_rate", number("1"))}),
     {"date 2013-05-01 → 2013-05-02", "+kind autonomy_rate = 1", "-record violation {kind: late, person: A}",
      "fact website true → false"}},
};

INSTANTIATE_TEST_SUITE_P(Table, RevisionChanges, ::testing::ValuesIn(kCases),
                         [](const auto& test) { return std::string(test.param.name); });

TEST(RevisionChangeValues, CarryTheirTypes) {
    const auto changes =
        revision_changes(revision("2013-12-30", {procedures({{"TP-001", true, 2}})}, InspectionKind::Scheduled),
                         revision("2014-01-02", {procedures({{"TP-001", false, 2}})}, InspectionKind::Self),
                         test_schema());
    ASSERT_EQ(changes.size(), 4u);
    RevisionChange moved;
    moved.type = Type::Date;
    moved.before = date("2013-12-30");
    moved.after = date("2014-01-02");
    EXPECT_EQ(changes[0], moved);
    EXPECT_EQ(changes[1].before, integer(2013));
    EXPECT_EQ(changes[1].after, integer(2014));
    EXPECT_EQ(changes[2].before, text("scheduled"));
    EXPECT_EQ(changes[2].after, text("self"));
    RevisionChange record;
    record.type = Type::RecordChanged;
    record.kind = "procedure";
    record.key = FieldValue{"code", text("TP-001")};
    record.fields = {FieldChange{"posted", boolean(true), boolean(false)}};
    EXPECT_EQ(changes[3], record);
}

TEST(RevisionChangeValues, EachRevisionAfterTheFirstAgainstTheOneBefore) {
    InspectionDetail d;
    d.schema = test_schema();
    d.history.push_back(revision("2013-05-01", {fact("website", boolean(true))}));
    HistoryEntry submit;
    submit.type = HistoryEntry::Type::Submit;
    d.history.push_back(submit);
    d.history.push_back(revision("2013-05-01", {fact("website", boolean(false))}));
    d.history.push_back(submit);
    d.history.push_back(revision("2013-05-01", {fact("website", boolean(false))}, InspectionKind::Surprise));
    const auto changes = history_changes(d);
    ASSERT_EQ(changes.size(), 5u);
    EXPECT_FALSE(changes[0]) << "the first revision changed nothing";
    EXPECT_FALSE(changes[1]);
    ASSERT_TRUE(changes[2]);
    ASSERT_EQ(changes[2]->size(), 1u);
    EXPECT_EQ(describe(changes[2]->front()), "fact website true → false");
    EXPECT_FALSE(changes[3]);
    ASSERT_TRUE(changes[4]);
    ASSERT_EQ(changes[4]->size(), 1u);
    EXPECT_EQ(describe(changes[4]->front()), "kind scheduled → surprise");
}

TEST(RevisionChangeValues, TheStoreReadsEveryRevisionsFindings) {
    TempDir dir;
    TestDatabase database(dir.path());
    Store store = Store::open(database.location(), OpenMode::Create);
    add_units(store, {unit("d1")});
    const std::string id = record_ok(store, report("d1", "2013-05-01", InspectionKind::Scheduled,
                                                   {procedures({{"TP-001", true, 2}}), fact("website", boolean(true))},
                                                   Status::Draft));
    store.submit(id);
    store.amend(id,
                report("d1", "2013-05-01", InspectionKind::Scheduled,
                       {procedures({{"TP-001", false, 2}, {"TP-002", true, 1}}), fact("website", boolean(true))}),
                test_schema(), "recount");
    const std::optional<InspectionDetail> d = store.inspection(id);
    ASSERT_TRUE(d);
    ASSERT_EQ(d->history.size(), 3u);
    EXPECT_EQ(d->history[0].findings.size(), 2u);
    EXPECT_TRUE(d->history[1].findings.empty()) << "an event has none";
    ASSERT_EQ(d->history[2].findings.size(), 2u);
    EXPECT_EQ(d->history[2].findings[0].rows(), 2u);
    ASSERT_EQ(d->findings.size(), 2u) << "the latest revision's, as before";
    EXPECT_EQ(d->findings[0].rows(), 2u);
    const auto changes = history_changes(*d);
    ASSERT_TRUE(changes[2]);
    std::vector<std::string> lines;
    for (const RevisionChange& c : *changes[2]) lines.push_back(describe(c));
    EXPECT_EQ(lines, (std::vector<std::string>{"~record procedure code=TP-001 {posted: true → false}",
                                               "+record procedure {code: TP-002, posted: true, online_level: 1}"}));
}

}  // namespace
}  // namespace parscore::inspections::testing
