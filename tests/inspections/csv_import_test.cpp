// Reading evidence and units CSV files (docs/reference/database.md) through the library.
#include <gtest/gtest.h>

#include "findings_blob.hpp"
#include "fixture.hpp"
#include "parscore/core/text_file.hpp"
#include "parscore/inspections/evidence_csv.hpp"
#include "parscore/inspections/report.hpp"

namespace parscore::inspections::testing {
namespace {

const std::vector<std::string> kUnits = {"d1", "d2", "x1"};

std::optional<ImportBatch> read(const std::string& kind, const std::string& text, core::Diagnostics& diags) {
    static core::SourceSet sources;  // diagnostics keep spans into it
    const core::FileId f = sources.add("in.csv", text);
    return read_evidence_csv(sources, f, test_schema(), kind, kUnits, diags);
}

TEST(EvidenceCsv, RowsSharingUnitDateAndYearFormOneInspection) {
    core::Diagnostics diags;
    auto batch = read("procedure",
                      "posted,code,unit,date,online_level\n"
                      "true,A,d1,2013-05-01,1\n"
                      "false,B,d1,2013-05-01,2\n"
                      "true,A,d2,2013-05-01,3\n"
                      "true,C,d1,2013-05-01,4\n",
                      diags);
    ASSERT_TRUE(batch) << diags.size();
    EXPECT_EQ(batch->rows, 4u);
    ASSERT_EQ(batch->inspections.size(), 2u);
    EXPECT_EQ(batch->inspections[0].unit, "d1");
    EXPECT_EQ(batch->inspections[0].records, 3u);
    EXPECT_FALSE(batch->inspections[0].year.has_value());
    KindFindings k = blob::decode("procedure", false, batch->inspections[0].blob);
    EXPECT_EQ(k.fields, (std::vector<std::string>{"code", "posted", "online_level"}));
    EXPECT_EQ(k.at(2, 0), text("C"));
    EXPECT_EQ(k.at(1, 1), boolean(false));
    EXPECT_EQ(k.at(2, 2), integer(4));
}

TEST(EvidenceCsv, YearColumnSplitsInspections) {
    core::Diagnostics diags;
    auto batch = read("violation",
                      "unit,date,year,kind,person\n"
                      "d1,2014-01-05,2013,late,A\n"
                      "d1,2014-01-05,2014,drunk,\"B \"\"the\"\" second\"\n",
                      diags);
    ASSERT_TRUE(batch);
    ASSERT_EQ(batch->inspections.size(), 2u);
    EXPECT_EQ(batch->inspections[0].year, 2013);
    EXPECT_EQ(batch->inspections[1].year, 2014);
    KindFindings k = blob::decode("violation", false, batch->inspections[1].blob);
    EXPECT_EQ(k.at(0, 1), text("B \"the\" second"));
}

TEST(EvidenceCsv, AnAllEmptyRowMeansCheckedWithNoRecords) {
    core::Diagnostics diags;
    auto batch = read("violation", "unit,date,kind,person\nd1,2013-05-01,,\nd2,2013-05-01,late,\n", diags);
    ASSERT_TRUE(batch) << diags.size();
    ASSERT_EQ(batch->inspections.size(), 2u);
    EXPECT_EQ(batch->inspections[0].records, 0u);
    EXPECT_EQ(batch->inspections[1].records, 1u);
    EXPECT_EQ(blob::decode("violation", false, batch->inspections[1].blob).at(0, 1), text(""));  // text may be empty
}

TEST(EvidenceCsv, TextIsNormalisedToNfc) {
    core::Diagnostics diags;
    // "Sở" written with a combining hook above and a combining dot below.
    auto batch = read("violation", "unit,date,kind,person\nd1,2013-05-01,late,So\xCC\x9B\xCC\x89\n", diags);
    ASSERT_TRUE(batch);
    EXPECT_EQ(blob::decode("violation", false, batch->inspections[0].blob).at(0, 1), text("S\xE1\xBB\x9F"));
}

TEST(EvidenceCsv, FactsPercentNumbersAndDates) {
    core::Diagnostics diags;
    auto batch = read("autonomy_rate", "unit,date,value\nd1,2013-05-01,44.7%\nd2,2013-05-01,0.5\n", diags);
    ASSERT_TRUE(batch);
    EXPECT_TRUE(batch->fact);
    EXPECT_EQ(blob::decode("autonomy_rate", true, batch->inspections[0].blob).at(0, 0), number("0.447"));
    auto audit = read("audit", "unit,date,held_on,score\nd1,2013-05-01,2013-04-01,-1.5\n", diags);
    ASSERT_TRUE(audit);
    KindFindings k = blob::decode("audit", false, audit->inspections[0].blob);
    EXPECT_EQ(k.at(0, 0), date("2013-04-01"));
    EXPECT_EQ(k.at(0, 1), number("-1.5"));
}

TEST(EvidenceCsv, AnEmptyFactCellIsAnErrorAsInAReport) {
    // A fact's one cell is a value, not "checked, none found": empty is an error for a bool, as a
    // null `website:` is in a report.
    core::Diagnostics diags;
    EXPECT_FALSE(read("website", "unit,date,value\nd1,2013-05-01,\nd2,2013-05-01,true\nx1,2013-05-01,\n", diags));
    ASSERT_EQ(diags.size(), 2u);
    EXPECT_EQ(diags.items()[0].code, "E406");
    EXPECT_NE(diags.items()[0].message.find("field 'value'"), std::string::npos) << diags.items()[0].message;
    EXPECT_EQ(diags.items()[1].code, "E406");
}

TEST(EvidenceCsv, AnEmptyTextFactIsTheEmptyText) {
    core::EvidenceSchema schema;
    core::KindDef note;
    note.name = "note";
    note.is_fact = true;
    note.fields.push_back(field("value", core::FieldType::Text));
    schema.kinds.push_back(note);
    static core::SourceSet sources;
    core::Diagnostics diags;
    auto batch = read_evidence_csv(sources, sources.add("note.csv", "unit,date,value\nd1,2013-05-01,\n"), schema,
                                   "note", kUnits, diags);
    ASSERT_TRUE(batch) << diags.size();
    ASSERT_EQ(batch->inspections.size(), 1u);
    EXPECT_EQ(batch->inspections[0].records, 1u);
    EXPECT_EQ(blob::decode("note", true, batch->inspections[0].blob).at(0, 0), text(""));
}

TEST(EvidenceCsv, AllErrorsAreReportedAndNothingIsReturned) {
    core::Diagnostics diags;
    auto batch = read("procedure",
                      "unit,date,code,posted,online_level\n"
                      "d1,2013-05-01,A,true,1\n"
                      "d9,2013-05-01,B,true,1\n"
                      "d1,2013-05-01,C,maybe,1\n"
                      "d1,2013-05-01,D,true,1.5\n",
                      diags);
    EXPECT_FALSE(batch);
    std::vector<std::string> codes;
    for (const auto& d : diags) codes.push_back(d.code);
    EXPECT_EQ(codes, (std::vector<std::string>{"E408", "E407", "E407"}));
}

TEST(EvidenceCsv, ErrorsStopAfterTheLimit) {
    core::Diagnostics diags;
    std::string text = "unit,date,code,posted,online_level\n";
    for (int i = 0; i < 1500; ++i) text += "d1,2013-05-01,C" + std::to_string(i) + ",nope,1\n";
    EXPECT_FALSE(read("procedure", text, diags));
    EXPECT_EQ(diags.error_count(), kMaxCsvErrors + 1);
    EXPECT_EQ(diags.items().back().code, "E417");
}

TEST(UnitsCsv, AbsentColumnsKeepStoredValuesAndEmptyCellsClear) {
    core::SourceSet sources;
    core::Diagnostics diags;
    std::vector<UnitInfo> stored = {UnitInfo{"h1", "Huyện 1", "district", std::nullopt, 2000, 2025},
                                    UnitInfo{"x1", "Xã 1", "commune", std::string("h1"), 2026, std::nullopt}};
    const core::FileId f = sources.add("units.csv",
                                       "id,name,category,active_to\nh1,Huyện Một,district,\nx2,Xã 2,commune,2030\n");
    auto update = read_units_csv(sources, f, stored, diags);
    ASSERT_TRUE(update) << (diags.empty() ? "" : diags.items()[0].message);
    EXPECT_FALSE(update->has_parent);
    EXPECT_FALSE(update->has_active_from);
    EXPECT_TRUE(update->has_active_to);
    ASSERT_EQ(update->units.size(), 2u);
    EXPECT_FALSE(update->units[0].active_to.has_value());

    TempDir dir;
    TestDatabase database(dir.path());
    Store store = Store::open(database.location(), OpenMode::Create);
    add_units(store, stored);
    UnitsOutcome o = store.update_units(*update);
    EXPECT_EQ(o.added, 1u);
    EXPECT_EQ(o.updated, 1u);
    auto h1 = store.find_unit("h1");
    ASSERT_TRUE(h1);
    EXPECT_EQ(h1->name, "Huyện Một");
    EXPECT_EQ(h1->active_from, 2000);                      // column absent: kept
    EXPECT_FALSE(h1->active_to);                           // empty cell: cleared
    EXPECT_EQ(store.update_units(*update).unchanged, 2u);  // idempotent
}

TEST(UnitsCsv, ParentsMayComeLaterInTheFileOrBeStored) {
    core::SourceSet sources;
    core::Diagnostics diags;
    const core::FileId f = sources.add("u.csv",
                                       "id,name,category,parent\nx1,X,commune,h1\nh1,H,district,\nx2,X2,commune,t0\n");
    std::vector<UnitInfo> stored = {UnitInfo{"t0", "Tỉnh", "province", std::nullopt, std::nullopt, std::nullopt}};
    auto update = read_units_csv(sources, f, stored, diags);
    ASSERT_TRUE(update);
    TempDir dir;
    TestDatabase database(dir.path());
    Store store = Store::open(database.location(), OpenMode::Create);
    add_units(store, stored);
    store.update_units(*update);
    EXPECT_EQ(store.find_unit("x1")->parent, std::optional<std::string>("h1"));
}

TEST(UnitsCsv, ErrorsInRowsDoNotHideErrorsAcrossRows) {
    // A bad cell in one row, an unknown parent and reversed years in others: one run names all,
    // and a parent whose own row has an error is still a unit of the file.
    core::SourceSet sources;
    core::Diagnostics diags;
    const core::FileId f = sources.add("u.csv",
                                       "id,name,category,parent,active_from,active_to\n"
                                       "h1,,district,,,\n"
                                       "x1,X1,commune,h9,,\n"
                                       "x2,X2,commune,h1,2030,2020\n");
    EXPECT_FALSE(read_units_csv(sources, f, {}, diags));
    std::vector<std::string> codes;
    for (const auto& d : diags) codes.push_back(d.code);
    EXPECT_EQ(codes, (std::vector<std::string>{"E406", "E412", "E414"}));
}

TEST(InputFiles, BomAndCrlfAreIgnored) {
    TempDir dir;
    write_file(
        dir / "r.yaml",
        "\xEF\xBB\xBFinspection:\r\n  unit: d1\r\n  date: 2013-05-01\r\n  kind: self\r\nfindings:\r\n  website: TRUE\r\n");
    core::SourceSet sources;
    core::Diagnostics diags;
    InputFile in = read_input_file(dir / "r.yaml", core::kMaxRuleFileBytes, sources, diags);
    ASSERT_TRUE(in.file);
    const std::vector<std::string> units{"d1"};
    auto report = read_report(sources, *in.file, test_schema(), units, diags);
    ASSERT_TRUE(report) << (diags.empty() ? "" : diags.items()[0].message);
    EXPECT_EQ(report->header.kind, InspectionKind::Self);
    EXPECT_EQ(report->findings.at(0).values.at(0), boolean(true));
    EXPECT_EQ(report->header.status, Status::Submitted);
}

}  // namespace
}  // namespace parscore::inspections::testing
