// Labels of evidence kinds and fields (docs/reference/rulebook-format.md, "Labels") are for people:
// the store keeps, compares and hashes the schema without them, and `parscore template` shows them
// in its comments.
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "parscore/inspections/report_template.hpp"
#include "schema_json.hpp"

namespace parscore::inspections::testing {
namespace {

/// test_schema() with a label on a record kind, on fields of it and on a fact.
core::EvidenceSchema labelled_schema() {
    core::EvidenceSchema s = test_schema();
    for (core::KindDef& k : s.kinds) {
        if (k.name == "procedure") {
            k.label = "Thủ tục hành chính";
            k.fields[0].label = "Mã thủ tục";
            k.fields[2].label = "Mức độ dịch vụ công trực tuyến";
        } else if (k.name == "violation") {
            k.fields[0].label = "Hành vi vi phạm";
        } else if (k.name == "website") {
            k.label = "Trang thông tin điện tử";
        }
    }
    return s;
}

class EvidenceLabels : public ::testing::Test {
protected:
    void SetUp() override {
        store_.emplace(Store::open(database_.location(), OpenMode::Create));
        add_units(*store_, {unit("d1")});
    }
    TempDir dir_;
    TestDatabase database_{dir_.path()};
    std::optional<Store> store_;
};

TEST_F(EvidenceLabels, TheStoredSchemaLeavesThemOut) {
    EXPECT_EQ(schema_to_json(labelled_schema()), schema_to_json(test_schema()));
    EXPECT_EQ(schema_to_json(test_schema()).find("label"), std::string::npos);

    RecordOptions o;
    const std::string id = store_
                               ->record(report("d1", "2013-06-01", InspectionKind::Scheduled,
                                               {procedures({{"P1", true, 2}}), fact("website", boolean(true))}),
                                        labelled_schema(), o)
                               .id;
    ASSERT_FALSE(id.empty());
    const std::optional<InspectionDetail> detail = store_->inspection(id);
    ASSERT_TRUE(detail.has_value());
    EXPECT_EQ(schema_to_json(detail->schema), schema_to_json(test_schema()));
    for (const core::KindDef& k : detail->schema.kinds) {
        EXPECT_EQ(k.label, "") << k.name;
        for (const core::FieldDef& f : k.fields) EXPECT_EQ(f.label, "") << k.name << "." << f.name;
    }
}

TEST_F(EvidenceLabels, TheyChangeNeitherTheEvidenceNorItsHash) {
    RecordOptions o;
    ASSERT_FALSE(store_
                     ->record(report("d1", "2013-06-01", InspectionKind::Scheduled,
                                     {procedures({{"P1", true, 2}, {"P2", false, 0}}), fact("website", boolean(true))}),
                              test_schema(), o)
                     .id.empty());
    EvidenceQuery q;
    q.year = 2013;
    const EvidenceSet plain = store_->load_evidence(test_schema(), q);
    const EvidenceSet labelled = store_->load_evidence(labelled_schema(), q);
    EXPECT_FALSE(plain.evidence_sha256.empty());
    EXPECT_EQ(plain.evidence_sha256, labelled.evidence_sha256);
    ASSERT_EQ(plain.evidence.size(), labelled.evidence.size());
}

TEST_F(EvidenceLabels, TheTemplateShowsThemInItsComments) {
    TemplateOptions options;
    options.date = *core::parse_date("2014-01-20");
    const UnitInfo d1 = unit("d1");
    const std::string plain = make_template(*store_, test_schema(), d1, options);
    const std::string labelled = make_template(*store_, labelled_schema(), d1, options);
    EXPECT_EQ(plain.find("—"), std::string::npos) << plain;
    EXPECT_NE(labelled.find("  # Thủ tục hành chính\n"
                            "  # procedure: records, one per code; fields:\n"
                            "  #   code          text — Mã thủ tục\n"
                            "  #   posted        bool: true | false\n"
                            "  #   online_level  int: a whole number — Mức độ dịch vụ công trực tuyến\n"),
              std::string::npos)
        << labelled;
    EXPECT_NE(labelled.find("  #   kind    one of: late | left_early | drunk | asleep — Hành vi vi phạm\n"),
              std::string::npos)
        << labelled;
    EXPECT_NE(labelled.find("# a fact; bool: true | false — Trang thông tin điện tử\n"), std::string::npos) << labelled;
    // Only comments differ: the YAML a team fills in is the same.
    auto without_comments = [](const std::string& text) {
        std::string out;
        std::istringstream lines(text);
        for (std::string line; std::getline(lines, line);) {
            const auto hash = line.find('#');
            std::string kept = line.substr(0, hash);
            while (!kept.empty() && kept.back() == ' ') kept.pop_back();
            if (!kept.empty()) out += kept + "\n";
        }
        return out;
    };
    EXPECT_EQ(without_comments(labelled), without_comments(plain));
}

TEST_F(EvidenceLabels, AControlCharacterCannotEndTheTemplatesCommentLine) {
    // The loader refuses such labels; a schema made some other way still gives valid YAML.
    core::EvidenceSchema s = test_schema();
    s.kinds[0].label = "Thủ tục\nfindings: {}";
    s.kinds[0].fields[0].label = "Mã\r\nx: 1";
    TemplateOptions options;
    options.date = *core::parse_date("2014-01-20");
    const std::string text = make_template(*store_, s, unit("d1"), options);
    EXPECT_EQ(text.find("\nfindings: {}"), std::string::npos) << text;
    EXPECT_EQ(text.find("\nx: 1"), std::string::npos) << text;
    EXPECT_EQ(text.find('\r'), std::string::npos);
}

}  // namespace
}  // namespace parscore::inspections::testing
