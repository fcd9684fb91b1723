// The recording form read into a report (server/src/record_form.cpp): which rows become records,
// how each type is sent, and each error of the report led back to the input it concerns, even
// when rows were left empty or removed.
#include <gtest/gtest.h>

#include "record_form.hpp"

namespace parscore::server {
namespace {

core::EvidenceSchema schema() {
    core::EvidenceSchema s;
    core::KindDef procedure{"procedure", false, {}, 0, {}, {}, {}};
    procedure.fields = {{"code", core::FieldType::Text, {}, {}},
                        {"posted", core::FieldType::Bool, {}, {}},
                        {"level", core::FieldType::Int, {}, {}}};
    core::KindDef violation{"violation", false, {}, std::nullopt, {}, {}, {}};
    violation.fields = {{"kind", core::FieldType::Enum, {"late", "asleep"}, {}}};
    core::KindDef website{"website", true, {{"value", core::FieldType::Bool, {}, {}}}, std::nullopt, {}, {}, {}};
    core::KindDef share{"share", true, {{"value", core::FieldType::Percent, {}, {}}}, std::nullopt, {}, {}, {}};
    s.kinds = {procedure, violation, website, share};
    return s;
}

PostedRecording posted(std::vector<std::pair<std::string, std::string>> fields) {
    std::vector<FormPart> parts;
    for (auto& [name, value] : fields) parts.push_back(FormPart{name, std::nullopt, "", value});
    return read_recording(parts);
}

/// The report as compact text: members as name=value, arrays in [], objects in {}.
std::string shape(const JsonNode& n) {
    switch (n.kind) {
        case JsonNode::Kind::Object: {
            std::string out = "{";
            for (const auto& m : n.members) out += (out.size() > 1 ? " " : "") + m.name + "=" + shape(m.value);
            return out + "}";
        }
        case JsonNode::Kind::Array: {
            std::string out = "[";
            for (const auto& i : n.items) out += (out.size() > 1 ? " " : "") + shape(i);
            return out + "]";
        }
        case JsonNode::Kind::String: return "'" + n.text + "'";
        default: return n.text;
    }
}

TEST(RecordForm, EmptyRowsAreNoRecordsAndEachTypeIsSentAsTheReaderReadsIt) {
    const PostedRecording form = posted({{"unit", " so-tu-phap "},
                                         {"date", "2013-10-15"},
                                         {"kind", "surprise"},
                                         {"team", "Nguyễn Văn A, Trần Thị B;"},
                                         {"status", "draft"},
                                         {"rows.procedure", "3"},
                                         {"rec.procedure.0.code", "TP-001"},
                                         {"rec.procedure.0.level", "2"},
                                         {"rec.procedure.1.code", ""},  // left empty: no record
                                         {"rec.procedure.2.posted", "true"},
                                         {"none.violation", "true"},
                                         {"fact.website", "false"},
                                         {"fact.share", "44,7%"}});
    const BuiltReport built = build_report(form, schema(), 2013);
    EXPECT_TRUE(built.problems.empty());
    EXPECT_EQ(shape(built.report),
              "{inspection={unit='so-tu-phap' date='2013-10-15' year=2013 kind='surprise' team=['Nguyễn Văn A' "
              "'Trần Thị B'] status='draft'} findings={procedure=[{code='TP-001' posted=false level='2'} "
              "{posted=true}] violation=[] website=false share='44.7%'}}");
    EXPECT_EQ(built.form_rows.at("procedure"), (std::vector<int>{0, 2}));
}

TEST(RecordForm, AKindNeitherFilledNorTickedIsNotSentAndTheFormFindsItsOwnMistakes) {
    const PostedRecording form = posted({{"rows.procedure", "1"},
                                         {"rows.violation", "1"},
                                         {"rec.violation.0.kind", "late"},
                                         {"none.violation", "true"}});
    const BuiltReport built = build_report(form, schema(), 2013);
    EXPECT_EQ(shape(built.report), "{inspection={year=2013 status='submitted'} findings={}}");
    std::vector<std::string> inputs;
    for (const auto& [input, message] : built.problems) inputs.push_back(input);
    EXPECT_EQ(inputs, (std::vector<std::string>{"unit", "date", "none.violation"}));
}

TEST(RecordForm, EachPointerLeadsToTheInputItConcerns) {
    const PostedRecording form = posted({{"rows.procedure", "4"},
                                         {"rec.procedure.1.code", "A"},
                                         {"rec.procedure.3.code", "A"},
                                         {"fact.website", "true"}});
    const BuiltReport built = build_report(form, schema(), 2013);
    const core::EvidenceSchema s = schema();
    for (const auto& [pointer, input] : std::vector<std::pair<std::string, std::string>>{
             {"/inspection/date", "date"},
             {"/inspection/team/0", "team"},
             {"/inspection/year", ""},
             {"/findings/website", "fact.website"},
             {"/findings/procedure", "none.procedure"},
             {"/findings/procedure/1", "rec.procedure.3"},
             {"/findings/procedure/1/code", "rec.procedure.3.code"},
             {"/findings/procedure/0/level", "rec.procedure.1.level"},
             {"/findings/procedure/0/nonesuch", "rec.procedure.1"},
             {"/findings/procedure/7/code", "none.procedure"},
             {"/findings/nonesuch/0", ""},
             {"", ""},
         }) {
        EXPECT_EQ(field_of(pointer, built, s), input) << pointer;
    }
}

TEST(RecordForm, RowsAreAddedAndRemovedWithWhatWasTyped) {
    PostedRecording form = posted({{"rows.procedure", "3"},
                                   {"rec.procedure.0.code", "A"},
                                   {"rec.procedure.1.code", "B"},
                                   {"rec.procedure.2.code", "C"},
                                   {"rec.procedure.2.posted", "true"}});
    remove_row(form, schema(), "rec.procedure.1");
    EXPECT_EQ(form.rows_of("procedure"), 2);
    EXPECT_EQ(form.value("rec.procedure.0.code"), "A");
    EXPECT_EQ(form.value("rec.procedure.1.code"), "C");
    EXPECT_EQ(form.value("rec.procedure.1.posted"), "true");
    EXPECT_EQ(form.value("rec.procedure.2.code"), "");
    add_row(form, "procedure");
    EXPECT_EQ(form.rows_of("procedure"), 3);
    // Nonsense is ignored: an unknown kind, a fact, a row beyond the form, a missing prefix.
    for (const char* wrong : {"rec.nonesuch.0", "rec.website.0", "rec.procedure.9", "procedure.0", "rec.procedure.x"})
        remove_row(form, schema(), wrong);
    EXPECT_EQ(form.rows_of("procedure"), 3);
}

TEST(RecordForm, APostedRowCountIsNeverTrusted) {
    EXPECT_EQ(posted({{"rows.procedure", "99999999"}}).rows_of("procedure"), 0);
    EXPECT_EQ(posted({{"rows.procedure", "-1"}}).rows_of("procedure"), 0);
    PostedRecording full = posted({{"rows.procedure", std::to_string(kMaxFormRows)}});
    add_row(full, "procedure");
    EXPECT_EQ(full.rows_of("procedure"), kMaxFormRows);
}

}  // namespace
}  // namespace parscore::server
