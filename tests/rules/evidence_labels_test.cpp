// Labels of evidence kinds, record fields and facts (docs/reference/rulebook-format.md, "Labels"):
// every written form is read into the model, the plain forms stay valid, and every bad label is
// reported with its code, position and message.
#include <gtest/gtest.h>

#include "parscore/core/render.hpp"
#include "support.hpp"

namespace parscore::rules {
namespace {

using testing::load_text;

/// A rulebook whose `evidence:` is `evidence` (indented by two spaces per line, starting on line 6)
/// and whose one criterion reads no evidence, so any schema loads.
std::string rulebook_with(const std::string& evidence) {
    return "parscore: 1\nid: t\nversion: \"1\"\nunits: [department]\nevidence:\n" + evidence +
           "groups:\n  - id: g\n    criteria:\n      - { id: c, max: 1, points: 1 }\n"
           "bands:\n  - { id: good, min: 50 }\n  - { id: failed, min: 0 }\n";
}

std::string repeated(const std::string& text, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += text;
    return out;
}

struct LabelCase {
    const char* name;
    std::string evidence;
    const char* kind;
    const char* field;  // nullptr: the kind's (or fact's) label
    std::string label;  // as the model holds it; "" for none
};

class LabelAccepted : public ::testing::TestWithParam<LabelCase> {};

TEST_P(LabelAccepted, IsReadIntoTheModel) {
    const LabelCase& c = GetParam();
    auto loaded = load_text(rulebook_with(c.evidence));
    ASSERT_TRUE(loaded->ok()) << loaded->rendered();
    EXPECT_TRUE(loaded->diags.empty()) << loaded->rendered();
    const core::KindDef* kind = loaded->outcome.rulebook->evidence.find(c.kind);
    ASSERT_NE(kind, nullptr) << c.kind;
    if (!c.field) {
        EXPECT_EQ(kind->label, c.label);
        if (kind->is_fact) {
            EXPECT_EQ(kind->fact_field().label, "") << "a fact's label is its kind's";
        }
        return;
    }
    const auto index = kind->field_index(c.field);
    ASSERT_TRUE(index.has_value()) << c.field;
    EXPECT_EQ(kind->fields[*index].label, c.label);
}

// A 200-character label of three-byte letters: the limit counts code points, not bytes.
const std::string k200 = repeated("ệ", 200);

const LabelCase kAccepted[] = {
    {"record_kind", "  procedure:\n    label: \"Thủ tục hành chính\"\n    fields: { code: text }\n", "procedure",
     nullptr, "Thủ tục hành chính"},
    {"record_kind_beside_every_key",
     "  procedure:\n    key: code\n    combine: latest\n    unchecked: none\n    label: TTHC\n    fields: { code: text }\n",
     "procedure", nullptr, "TTHC"},
    {"record_kind_without", "  procedure:\n    fields: { code: text }\n", "procedure", nullptr, ""},
    {"fact", "  par_plan_on_time: { fact: bool, label: \"Kế hoạch CCHC ban hành đúng hạn\" }\n", "par_plan_on_time",
     nullptr, "Kế hoạch CCHC ban hành đúng hạn"},
    {"fact_label_first", "  website: { label: \"Trang thông tin điện tử\", fact: bool }\n", "website", nullptr,
     "Trang thông tin điện tử"},
    {"fact_enum", "  portal: { fact: { enum: [none, partial, full] }, label: Cổng }\n", "portal", nullptr, "Cổng"},
    {"fact_plain", "  website: { fact: bool }\n", "website", nullptr, ""},
    {"fact_type_map", "  website: { fact: { type: bool } }\n", "website", nullptr, ""},
    {"field_type_map",
     "  procedure:\n    fields:\n      online_level: { type: int, label: \"Mức độ dịch vụ công trực tuyến\" }\n",
     "procedure", "online_level", "Mức độ dịch vụ công trực tuyến"},
    {"field_type_map_block",
     "  procedure:\n    fields:\n      posted:\n        type: bool\n        label: Niêm yết tại trụ sở\n", "procedure",
     "posted", "Niêm yết tại trụ sở"},
    {"field_type_map_without_label", "  procedure:\n    fields:\n      code: { type: text }\n", "procedure", "code",
     ""},
    {"field_enum", "  procedure:\n    fields:\n      inter_agency: { enum: [a, b], label: \"Liên thông\" }\n",
     "procedure", "inter_agency", "Liên thông"},
    {"field_enum_label_first",
     "  procedure:\n    fields:\n      inter_agency: { label: \"Liên thông\", enum: [a, b] }\n", "procedure",
     "inter_agency", "Liên thông"},
    {"field_plain", "  procedure:\n    fields: { code: text, kind: { enum: [a, b] } }\n", "procedure", "code", ""},
    {"field_plain_enum", "  procedure:\n    fields: { code: text, kind: { enum: [a, b] } }\n", "procedure", "kind", ""},
    // "Sở" written with combining marks: read as NFC, like every text.
    {"normalised_to_nfc",
     "  procedure:\n    label: \"So\xCC\x9B\xCC\x89 Tu\xCC\x9B pha\xCC\x81p\"\n    fields: { code: text }\n",
     "procedure", nullptr, "S\xE1\xBB\x9F T\xC6\xB0 ph\xC3\xA1p"},
    {"shown_as_written", "  procedure:\n    label: \"  «Mã» #1: 'a'  \"\n    fields: { code: text }\n", "procedure",
     nullptr, "  «Mã» #1: 'a'  "},
    {"a_number_reads_as_text", "  procedure:\n    fields:\n      code: { type: text, label: 2013 }\n", "procedure",
     "code", "2013"},
    {"longest", "  procedure:\n    label: \"" + k200 + "\"\n    fields: { code: text }\n", "procedure", nullptr, k200},
};

INSTANTIATE_TEST_SUITE_P(Evidence, LabelAccepted, ::testing::ValuesIn(kAccepted),
                         [](const auto& test) { return std::string(test.param.name); });

TEST(EvidenceLabels, TheFieldTypeIsTheSameInEveryForm) {
    auto loaded = load_text(
        rulebook_with("  procedure:\n    key: code\n    fields:\n      code: { type: text, label: Mã }\n"
                      "      level: { type: int }\n      rate: { type: percent, label: Tỷ lệ }\n"
                      "      kind: { enum: [a, b], label: Loại }\n      on: { type: date, label: Ngày }\n"));
    ASSERT_TRUE(loaded->ok()) << loaded->rendered();
    const core::KindDef& kind = *loaded->outcome.rulebook->evidence.find("procedure");
    ASSERT_EQ(kind.fields.size(), 5u);
    EXPECT_EQ(kind.fields[0].type, core::FieldType::Text);
    EXPECT_EQ(kind.fields[1].type, core::FieldType::Int);
    EXPECT_EQ(kind.fields[2].type, core::FieldType::Percent);
    EXPECT_EQ(kind.fields[3].type, core::FieldType::Enum);
    EXPECT_EQ(kind.fields[3].enum_values, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(kind.fields[4].type, core::FieldType::Date);
    EXPECT_EQ(kind.key, std::optional<std::size_t>{0});  // a labelled text field can be the key
}

TEST(EvidenceLabels, AChildThatReplacesAKindBringsItsLabels) {
    const std::string parent = rulebook_with(
        "  procedure:\n    label: Cũ\n    fields: { code: { type: text, label: Mã cũ } }\n"
        "  website: { fact: bool, label: Trang cũ }\n");
    const std::string child =
        "parscore: 1\nid: c\nversion: \"2\"\nextends: base.yaml\nevidence:\n"
        "  procedure:\n    fields: { code: { type: text, label: Mã mới } }\n"
        "  e_office: { fact: bool, label: Văn phòng điện tử }\n";
    auto loaded = testing::load_files({{"base.yaml", parent}, {"rulebook.yaml", child}});
    ASSERT_TRUE(loaded->ok()) << loaded->rendered();
    const core::EvidenceSchema& schema = loaded->outcome.rulebook->evidence;
    EXPECT_EQ(schema.find("procedure")->label, "") << "replaced as a whole";
    EXPECT_EQ(schema.find("procedure")->fields[0].label, "Mã mới");
    EXPECT_EQ(schema.find("website")->label, "Trang cũ");
    EXPECT_EQ(schema.find("e_office")->label, "Văn phòng điện tử");
}

TEST(EvidenceLabels, LabelsChangeNothingButTheBytes) {
    auto plain = load_text(
        rulebook_with("  procedure:\n    fields: { code: text, n: int }\n  website: { fact: bool }\n"));
    auto labelled = load_text(rulebook_with(
        "  procedure:\n    label: P\n    fields: { code: { type: text, label: C }, n: { type: int, label: N } }\n"
        "  website: { fact: bool, label: W }\n"));
    ASSERT_TRUE(plain->ok() && labelled->ok()) << labelled->rendered();
    const auto& a = plain->outcome.rulebook->evidence.kinds;
    const auto& b = labelled->outcome.rulebook->evidence.kinds;
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
        EXPECT_EQ(a[k].name, b[k].name);
        EXPECT_EQ(a[k].is_fact, b[k].is_fact);
        EXPECT_EQ(a[k].key, b[k].key);
        ASSERT_EQ(a[k].fields.size(), b[k].fields.size());
        for (std::size_t f = 0; f < a[k].fields.size(); ++f) {
            EXPECT_EQ(a[k].fields[f].name, b[k].fields[f].name);
            EXPECT_EQ(a[k].fields[f].type, b[k].fields[f].type);
        }
    }
    EXPECT_NE(plain->outcome.rulebook->sha256, labelled->outcome.rulebook->sha256);
}

struct BadLabelCase {
    const char* name;
    std::string evidence;
    const char* code;
    unsigned line;
    unsigned column;
    const char* message;
};

class LabelRejected : public ::testing::TestWithParam<BadLabelCase> {};

TEST_P(LabelRejected, WithAPositionedCodedMessage) {
    const BadLabelCase& c = GetParam();
    auto loaded = load_text(rulebook_with(c.evidence));
    EXPECT_FALSE(loaded->ok());
    ASSERT_EQ(loaded->diags.size(), 1u) << loaded->rendered();
    const core::Diagnostic& d = loaded->diags.items()[0];
    EXPECT_EQ(d.code, c.code);
    EXPECT_EQ(d.message, c.message);
    ASSERT_TRUE(d.span);
    const auto at = loaded->sources.file(d.span->file).location(d.span->begin);
    EXPECT_EQ(at.line, c.line) << loaded->rendered();
    EXPECT_EQ(at.column, c.column) << loaded->rendered();
}

const BadLabelCase kRejected[] = {
    {"kind_empty", "  procedure:\n    label: \"\"\n    fields: { code: text }\n", "E205", 7, 12,
     "the label of record kind 'procedure' is empty or only spaces"},
    {"kind_only_spaces", "  procedure:\n    label: '   '\n    fields: { code: text }\n", "E205", 7, 12,
     "the label of record kind 'procedure' is empty or only spaces"},
    {"kind_list", "  procedure:\n    label: [a, b]\n    fields: { code: text }\n", "E205", 7, 12,
     "'label' must be text, found a list"},
    {"kind_map", "  procedure:\n    label: { vi: Thủ tục }\n    fields: { code: text }\n", "E205", 7, 12,
     "'label' must be text, found a map"},
    {"kind_nothing", "  procedure:\n    label:\n    fields: { code: text }\n", "E205", 7, 10,
     "'label' must be text, found nothing"},
    {"kind_null", "  procedure:\n    label: null\n    fields: { code: text }\n", "E205", 7, 12,
     "'label' must be text, found nothing"},
    {"kind_two_lines", "  procedure:\n    label: |\n      Thủ tục\n      hành chính\n    fields: { code: text }\n",
     "E205", 7, 12,
     "the label of record kind 'procedure' must be one line of text without control characters, found 'Thủ "
     "tục\\nhành chính\\n'"},
    {"kind_tab", "  procedure:\n    label: \"Thủ\\ttục\"\n    fields: { code: text }\n", "E205", 7, 12,
     "the label of record kind 'procedure' must be one line of text without control characters, found "
     "'Thủ\\ttục'"},
    {"kind_too_long", "  procedure:\n    label: \"" + repeated("ệ", 201) + "\"\n    fields: { code: text }\n", "E210",
     7, 12, "the label of record kind 'procedure' is 201 characters long; at most 200 are allowed"},
    {"kind_misspelt", "  procedure:\n    lable: TTHC\n    fields: { code: text }\n", "E203", 7, 5,
     "unknown key 'lable' in record kind 'procedure' (did you mean 'label'?)"},
    {"kind_unknown_key_beside", "  procedure:\n    label: TTHC\n    title: TTHC\n    fields: { code: text }\n", "E203",
     8, 5, "unknown key 'title' in record kind 'procedure'"},
    {"fact_empty", "  website: { fact: bool, label: \"\" }\n", "E205", 6, 33,
     "the label of fact 'website' is empty or only spaces"},
    {"fact_list", "  website: { fact: bool, label: [Trang] }\n", "E205", 6, 33, "'label' must be text, found a list"},
    {"fact_too_long", "  website: { fact: bool, label: " + repeated("x", 201) + " }\n", "E210", 6, 33,
     "the label of fact 'website' is 201 characters long; at most 200 are allowed"},
    {"fact_misspelt", "  website: { fact: bool, labl: Trang }\n", "E203", 6, 26,
     "unknown key 'labl' in fact 'website' (did you mean 'label'?)"},
    {"fact_label_inside_its_type", "  website: { fact: { type: bool, label: Trang } }\n", "E203", 6, 34,
     "a fact's label stands beside 'fact:', as in { fact: bool, label: \"…\" }"},
    {"fact_label_inside_its_enum", "  portal: { fact: { enum: [a], label: Cổng } }\n", "E203", 6, 32,
     "a fact's label stands beside 'fact:', as in { fact: bool, label: \"…\" }"},
    {"field_empty", "  procedure:\n    fields:\n      code: { type: text, label: \"\" }\n", "E205", 8, 34,
     "the label of field 'code' is empty or only spaces"},
    {"field_map", "  procedure:\n    fields:\n      code: { type: text, label: { a: b } }\n", "E205", 8, 34,
     "'label' must be text, found a map"},
    {"field_line_break", "  procedure:\n    fields:\n      code: { type: text, label: \"Mã\\nthủ tục\" }\n", "E205", 8,
     34, "the label of field 'code' must be one line of text without control characters, found 'Mã\\nthủ tục'"},
    {"field_too_long", "  procedure:\n    fields:\n      code: { type: text, label: " + repeated("x", 201) + " }\n",
     "E210", 8, 34, "the label of field 'code' is 201 characters long; at most 200 are allowed"},
    {"field_enum_empty", "  procedure:\n    fields:\n      kind: { enum: [a], label: ' ' }\n", "E205", 8, 33,
     "the label of field 'kind' is empty or only spaces"},
    {"field_misspelt", "  procedure:\n    fields:\n      code: { type: text, lable: Mã }\n", "E203", 8, 27,
     "unknown key 'lable' in the type of field 'code' (did you mean 'label'?)"},
    {"field_unknown_key_beside", "  procedure:\n    fields:\n      code: { type: text, label: Mã, hint: x }\n", "E203",
     8, 38, "unknown key 'hint' in the type of field 'code'"},
    {"field_enum_unknown_key_beside",
     "  procedure:\n    fields:\n      kind: { enum: [a], label: Loại, values: [a] }\n", "E203", 8, 39,
     "unknown key 'values' in the type of field 'kind'"},
    {"field_type_and_enum", "  procedure:\n    fields:\n      kind: { type: text, enum: [a] }\n", "E203", 8, 15,
     "unknown key 'type' in the type of field 'kind'"},
    {"field_label_without_type", "  procedure:\n    fields:\n      code: { label: Mã }\n", "E204", 8, 13,
     "the type of field 'code' has no 'type' or 'enum' (required)"},
    {"field_type_unknown", "  procedure:\n    fields:\n      code: { type: txt, label: Mã }\n", "E211", 8, 21,
     "unknown type 'txt' for field 'code' (expected bool, int, number, percent, text, date or { enum: [...] }) "
     "(did you mean 'text'?)"},
    {"field_type_enum_name", "  procedure:\n    fields:\n      code: { type: enum, label: Mã }\n", "E211", 8, 21,
     "unknown type 'enum' for field 'code' (expected bool, int, number, percent, text, date or { enum: [...] })"},
    {"field_type_nested_map", "  procedure:\n    fields:\n      code: { type: { enum: [a] }, label: Mã }\n", "E205", 8,
     21, "the type of field 'code' must be a type name or { enum: [...] }, found a map"},
};

INSTANTIATE_TEST_SUITE_P(Evidence, LabelRejected, ::testing::ValuesIn(kRejected),
                         [](const auto& test) { return std::string(test.param.name); });

TEST(EvidenceLabels, IllFormedUtf8InALabelIsReportedAtItsByte) {
    auto loaded = load_text(rulebook_with("  procedure:\n    label: \"Th\xE1\xBB\"\n    fields: { code: text }\n"));
    EXPECT_FALSE(loaded->ok());
    ASSERT_EQ(loaded->diags.size(), 1u) << loaded->rendered();
    EXPECT_EQ(loaded->diags.items()[0].code, "E202");
    const auto at =
        loaded->sources.file(loaded->diags.items()[0].span->file).location(loaded->diags.items()[0].span->begin);
    EXPECT_EQ(at.line, 7u);
}

TEST(EvidenceLabels, AMisspeltTypeBesideALabelIsUnknownAndMissing) {
    auto loaded = load_text(rulebook_with("  procedure:\n    fields:\n      code: { typ: text, label: Mã }\n"));
    EXPECT_FALSE(loaded->ok());
    EXPECT_EQ(loaded->rendered(),
              "rulebook.yaml:8:13: error[E204]: the type of field 'code' has no 'type' or 'enum' (required)\n"
              "    8 |       code: { typ: text, label: Mã }\n"
              "      |             ^\n"
              "rulebook.yaml:8:15: error[E203]: unknown key 'typ' in the type of field 'code' (did you mean 'type'?)\n"
              "    8 |       code: { typ: text, label: Mã }\n"
              "      |               ^~~\n");
}

TEST(EvidenceLabels, EveryBadLabelOfAFileIsReported) {
    auto loaded = load_text(rulebook_with(
        "  procedure:\n    label: \"\"\n    fields: { code: { type: text, label: [] }, n: { type: int, label: ' ' } }\n"
        "  website: { fact: bool, label: ~ }\n"));
    EXPECT_FALSE(loaded->ok());
    std::vector<std::string> codes;
    for (const auto& d : loaded->diags) codes.push_back(d.code);
    EXPECT_EQ(codes, (std::vector<std::string>{"E205", "E205", "E205", "E205"})) << loaded->rendered();
}

TEST(EvidenceLabels, TheShippedRulebookLabelsEveryKindFieldAndFact) {
    auto loaded = testing::load_path(testing::source_dir() / "rules/hoa-binh-2013/rulebook.yaml");
    ASSERT_TRUE(loaded->ok()) << loaded->rendered();
    const core::EvidenceSchema& schema = loaded->outcome.rulebook->evidence;
    ASSERT_FALSE(schema.kinds.empty());
    for (const core::KindDef& kind : schema.kinds) {
        EXPECT_FALSE(kind.label.empty()) << kind.name;
        if (kind.is_fact) continue;
        for (const core::FieldDef& field : kind.fields)
            EXPECT_FALSE(field.label.empty()) << kind.name << "." << field.name;
    }
    EXPECT_EQ(schema.find("procedure")->label, "Thủ tục hành chính thuộc thẩm quyền giải quyết");
    EXPECT_EQ(schema.find("par_plan_on_time")->label, "Ban hành kế hoạch CCHC năm đúng thời hạn");

    // The 2026 rulebook keeps the labels of the kinds it inherits.
    auto child = testing::load_path(testing::source_dir() / "rules/province-2026/rulebook.yaml");
    ASSERT_TRUE(child->ok()) << child->rendered();
    EXPECT_TRUE(child->diags.empty()) << child->rendered();
    EXPECT_EQ(child->outcome.rulebook->evidence.find("par_plan_on_time")->label,
              "Ban hành kế hoạch CCHC năm đúng thời hạn");
}

}  // namespace
}  // namespace parscore::rules
