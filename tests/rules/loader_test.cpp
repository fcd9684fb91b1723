// The loader's model: defaults, param typing, normalisation, key order, and reading from disk.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "model_dump.hpp"
#include "parscore/core/sha256.hpp"
#include "parscore/core/text_file.hpp"
#include "support.hpp"

namespace parscore::rules {
namespace {

using testing::dump;
using testing::load_files;
using testing::load_text;

const char* kMinimal = R"(parscore: 1
id: t
version: "1"
units: [department]
evidence:
  procedure:
    fields: { code: text, posted: bool }
groups:
  - id: g
    criteria:
      - id: c
        max: 10
        points: if exists(procedure) then 10 else 0
bands:
  - { id: good, min: 50 }
  - { id: failed, min: 0 }
)";

TEST(Loader, MinimalRulebookGetsDefaults) {
    auto loaded = load_text(kMinimal);
    ASSERT_TRUE(loaded->ok()) << loaded->rendered();
    const Rulebook& rb = *loaded->outcome.rulebook;
    EXPECT_EQ(rb.title, "t");
    EXPECT_EQ(rb.scale, *Decimal::from_int(100));
    EXPECT_FALSE(rb.deduction_cap.has_value());
    ASSERT_EQ(rb.groups.size(), 1u);
    EXPECT_EQ(rb.groups[0].title, "g");
    const Criterion& c = rb.groups[0].criteria.at(0);
    EXPECT_EQ(c.id, "g.c");
    EXPECT_EQ(c.local_id, "c");
    EXPECT_EQ(c.title, "c");
    EXPECT_EQ(c.on_missing, OnMissing::Zero);
    EXPECT_TRUE(c.applies_to.empty());
    EXPECT_TRUE(c.points.type.is(dsl::BaseType::Int));
    EXPECT_EQ(rb.bands[0].label, "good");
    EXPECT_FALSE(rb.bands[0].quota.has_value());
    EXPECT_EQ(rb.criterion("g.c"), &c);
    EXPECT_EQ(rb.criterion("g"), nullptr);
    EXPECT_EQ(rb.band_index("failed"), 1u);
    EXPECT_EQ(rb.band("nope"), nullptr);
    // Spans point at the ids in the file.
    const core::SourceFile& file = loaded->sources.file(c.span.file);
    EXPECT_EQ(file.text().substr(c.span.begin, c.span.end - c.span.begin), "c");
    EXPECT_EQ(file.name(), "rulebook.yaml");
}

TEST(Loader, ParamsAreTypedByTheirPlainShape) {
    std::string text = std::string(kMinimal) + R"(params:
  flag: true
  off: FALSE
  count: -3
  rate: 0.25
  share: 80%
  fine: 12.5%
  quoted: "80%"
  single: '2'
  word: yes
  exp: 1e3
  code: 001
  block: |
    5
)";
    auto loaded = load_text(text);
    ASSERT_TRUE(loaded->ok()) << loaded->rendered();
    std::map<std::string, decltype(dsl::Param::value)> values;
    for (const auto& p : loaded->outcome.rulebook->params) values[p.name] = p.value;
    EXPECT_EQ(values["flag"], (decltype(dsl::Param::value){true}));
    EXPECT_EQ(values["off"], (decltype(dsl::Param::value){false}));
    EXPECT_EQ(values["count"], (decltype(dsl::Param::value){std::int64_t{-3}}));
    EXPECT_EQ(values["rate"], (decltype(dsl::Param::value){*Decimal::parse("0.25")}));
    EXPECT_EQ(values["share"], (decltype(dsl::Param::value){*Decimal::parse("0.8")}));
    EXPECT_EQ(values["fine"], (decltype(dsl::Param::value){*Decimal::parse("0.125")}));
    EXPECT_EQ(values["quoted"], (decltype(dsl::Param::value){std::string("80%")}));
    EXPECT_EQ(values["single"], (decltype(dsl::Param::value){std::string("2")}));
    EXPECT_EQ(values["word"], (decltype(dsl::Param::value){std::string("yes")}));
    EXPECT_EQ(values["exp"], (decltype(dsl::Param::value){std::string("1e3")}));
    EXPECT_EQ(values["code"], (decltype(dsl::Param::value){std::int64_t{1}}));
    EXPECT_EQ(values["block"], (decltype(dsl::Param::value){std::string("5\n")}));
}

TEST(Loader, TextValuesAreNormalisedToNfc) {
    // "Sở" written with a combining hook above and a combining horn.
    const std::string decomposed = "So\xCC\x9B\xCC\x89 Tu\xCC\x9B pha\xCC\x81p";
    const std::string composed = "S\xE1\xBB\x9F T\xC6\xB0 ph\xC3\xA1p";
    std::string text = std::string(kMinimal) + "title: \"" + decomposed + "\"\n";
    auto loaded = load_text(text);
    ASSERT_TRUE(loaded->ok()) << loaded->rendered();
    EXPECT_EQ(loaded->outcome.rulebook->title, composed);
    // The file text itself is not normalised: it is hashed as written.
    EXPECT_NE(loaded->outcome.rulebook->files[0].text.find(decomposed), std::string::npos);
}

TEST(Loader, KeyOrderInsideMapsDoesNotChangeTheModel) {
    const std::string ordered = R"(parscore: 1
id: t
version: "1"
title: Ordered
units: [department, district]
scale: 50
params: { target: 2, rate: 80% }
evidence:
  procedure:
    key: code
    combine: latest
    fields: { code: text, posted: bool, level: int }
  website: { fact: bool }
groups:
  - id: g
    title: G
    criteria:
      - id: a
        title: A
        max: 4
        on_missing: exempt
        applies_to: [district]
        points: |
          steps share(procedure, posted) {
            >= params.rate: 4
            else: 0
          }
      - { id: b, max: 2, points: "if website then 2 else 0" }
deductions:
  - { id: d, title: D, points: count(procedure where level < 2), cap: 2 }
bonuses:
  - { id: x, points: 1, cap: 1 }
band_caps:
  - { id: v, title: V, when: not website, at_most: good }
bands:
  - { id: top, label: Top, min: 90, quota: 20%, quota_of: good }
  - { id: good, min: 50 }
  - { id: failed, min: 0 }
indicators:
  - { id: sites, title: Sites, of: website }
deduction_cap: 3
)";
    // The same rulebook with every map's keys in another order (lists keep theirs).
    const std::string reordered = R"(deduction_cap: 3
indicators:
  - { of: website, title: Sites, id: sites }
bands:
  - { quota_of: good, quota: 20%, min: 90, label: Top, id: top }
  - { min: 50, id: good }
  - { min: 0, id: failed }
band_caps:
  - { at_most: good, when: not website, title: V, id: v }
bonuses:
  - { cap: 1, points: 1, id: x }
deductions:
  - { cap: 2, points: count(procedure where level < 2), title: D, id: d }
groups:
  - criteria:
      - points: |
          steps share(procedure, posted) {
            >= params.rate: 4
            else: 0
          }
        applies_to: [district]
        on_missing: exempt
        max: 4
        title: A
        id: a
      - { points: "if website then 2 else 0", max: 2, id: b }
    title: G
    id: g
evidence:
  procedure:
    fields: { code: text, posted: bool, level: int }
    combine: latest
    key: code
  website: { fact: bool }
params: { rate: 80%, target: 2 }
scale: 50
units: [department, district]
title: Ordered
version: "1"
id: t
parscore: 1
)";
    auto a = load_text(ordered);
    auto b = load_text(reordered);
    ASSERT_TRUE(a->ok()) << a->rendered();
    ASSERT_TRUE(b->ok()) << b->rendered();
    // Params are a map: their order follows the file, so compare them apart from the rest.
    auto strip_params = [](std::string s) {
        std::string out;
        std::istringstream in(s);
        for (std::string line; std::getline(in, line);) {
            if (line.rfind("param ", 0) != 0) out += line + "\n";
        }
        return out;
    };
    EXPECT_EQ(strip_params(dump(*a->outcome.rulebook)), strip_params(dump(*b->outcome.rulebook)));
    EXPECT_NE(dump(*a->outcome.rulebook).find("band top 'Top' min 90 quota 0.2 of good"), std::string::npos);
    EXPECT_NE(a->outcome.rulebook->sha256, b->outcome.rulebook->sha256);  // the bytes differ
}

TEST(Loader, UnitCategoriesMayCarryLabels) {
    std::string text = std::string(kMinimal);
    text.replace(text.find("units: [department]"), 19,
                 "units:\n  - { id: department, label: \"Khối sở, ban, ngành\" }\n  - district\n  - { id: commune }");
    auto loaded = load_text(text);
    ASSERT_TRUE(loaded->ok()) << loaded->rendered();
    const Rulebook& rb = *loaded->outcome.rulebook;
    EXPECT_EQ(rb.units, (std::vector<std::string>{"department", "district", "commune"}));
    EXPECT_EQ(rb.category_label("department"), "Khối sở, ban, ngành");
    EXPECT_EQ(rb.category_label("district"), "district");  // no label: the id
    EXPECT_EQ(rb.category_label("commune"), "commune");
    EXPECT_EQ(rb.category_label("province"), "province");  // not a category of the rulebook
}

TEST(Loader, RecordKindsAreUncheckedMissingUnlessTheySayNone) {
    std::string text = std::string(kMinimal);
    text.replace(text.find("evidence:\n"), 10,
                 "evidence:\n  violation:\n    unchecked: none\n    fields: { kind: text }\n"
                 "  staff:\n    unchecked: missing\n    fields: { person: text }\n");
    auto loaded = load_text(text);
    ASSERT_TRUE(loaded->ok()) << loaded->rendered();
    const core::EvidenceSchema& schema = loaded->outcome.rulebook->evidence;
    EXPECT_EQ(schema.find("violation")->unchecked, core::Unchecked::None);
    EXPECT_EQ(schema.find("staff")->unchecked, core::Unchecked::Missing);
    EXPECT_EQ(schema.find("procedure")->unchecked, core::Unchecked::Missing);  // the default
}

TEST(Loader, IndicatorsTakeARatioOrAPercentFormat) {
    std::string text = std::string(kMinimal) + R"yaml(indicators:
  - { id: counted, of: count(procedure) }
  - { id: autonomy, of: count(procedure where posted), over: count(procedure) }
  - { id: share, of: "share(procedure, posted)", format: percent }
)yaml";
    auto loaded = load_text(text);
    ASSERT_TRUE(loaded->ok()) << loaded->rendered();
    const auto& indicators = loaded->outcome.rulebook->indicators;
    ASSERT_EQ(indicators.size(), 3u);
    EXPECT_FALSE(indicators[0].is_ratio());
    EXPECT_EQ(indicators[0].format, IndicatorFormat::Plain);
    EXPECT_TRUE(indicators[1].is_ratio());
    EXPECT_TRUE(indicators[1].over.type.is(dsl::BaseType::Int));
    EXPECT_EQ(indicators[2].format, IndicatorFormat::Percent);
    EXPECT_FALSE(indicators[2].is_ratio());
    EXPECT_NE(dump(*loaded->outcome.rulebook).find("indicator share 'share' format percent"), std::string::npos);
}

TEST(Loader, BomAndCrlfAreReadLikeLfButHashedAsWritten) {
    std::string crlf = "\xEF\xBB\xBF";
    for (char c : std::string(kMinimal)) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    auto plain = load_text(kMinimal);
    auto windows = load_text(crlf);
    ASSERT_TRUE(plain->ok() && windows->ok()) << windows->rendered();
    EXPECT_EQ(dump(*plain->outcome.rulebook), dump(*windows->outcome.rulebook));
    EXPECT_EQ(windows->outcome.rulebook->files[0].text, crlf);
    EXPECT_EQ(windows->outcome.rulebook->sha256, core::sha256_hex(crlf));
    EXPECT_NE(windows->outcome.rulebook->sha256, plain->outcome.rulebook->sha256);
}

TEST(Loader, DiagnosticsComeSorted) {
    auto loaded = load_text("bands: 1\nfoo: 2\nparscore: 3\n");
    ASSERT_GE(loaded->diags.size(), 3u);
    for (std::size_t i = 1; i < loaded->diags.size(); ++i) {
        const auto& a = loaded->diags.items()[i - 1];
        const auto& b = loaded->diags.items()[i];
        ASSERT_TRUE(a.span && b.span);
        EXPECT_LE(a.span->begin, b.span->begin);
    }
}

TEST(Loader, UnreadableRootIsAnIoFailure) {
    auto loaded = load_files({}, "missing.yaml");
    EXPECT_TRUE(loaded->outcome.io_failure);
    EXPECT_FALSE(loaded->ok());
    ASSERT_EQ(loaded->diags.size(), 1u);
    EXPECT_EQ(loaded->diags.items()[0].code, "E200");
    EXPECT_FALSE(loaded->diags.items()[0].span.has_value());
}

TEST(Loader, MissingExtendsTargetIsNotAnIoFailure) {
    auto loaded = load_files({{"rulebook.yaml", std::string(kMinimal) + "extends: base.yaml\n"}});
    EXPECT_FALSE(loaded->outcome.io_failure);
    EXPECT_FALSE(loaded->ok());
    ASSERT_EQ(loaded->diags.size(), 1u);
    EXPECT_EQ(loaded->diags.items()[0].code, "E200");
    EXPECT_TRUE(loaded->diags.items()[0].span.has_value());
}

class DiskLoader : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("parscore-rules-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::filesystem::path write(const std::string& name, const std::string& bytes) {
        std::ofstream(dir_ / name, std::ios::binary) << bytes;
        return dir_ / name;
    }
    std::filesystem::path dir_;
};

TEST_F(DiskLoader, ReadsFilesAndTheirParents) {
    write("base.yaml", kMinimal);
    auto child = write("child.yaml", "parscore: 1\nid: child\nversion: \"2\"\nextends: base.yaml\nscale: 10\n");
    auto loaded = testing::load_path(child);
    ASSERT_TRUE(loaded->ok()) << loaded->rendered();
    EXPECT_EQ(loaded->outcome.rulebook->id, "child");
    EXPECT_EQ(loaded->outcome.rulebook->scale, *Decimal::from_int(10));
    ASSERT_EQ(loaded->outcome.rulebook->files.size(), 2u);
    EXPECT_EQ(loaded->outcome.rulebook->files[0].path, (dir_ / "base.yaml").string());
}

TEST_F(DiskLoader, MissingAndDirectoryRootsAreIoFailures) {
    auto missing = testing::load_path(dir_ / "nope.yaml");
    EXPECT_TRUE(missing->outcome.io_failure);
    EXPECT_NE(missing->rendered().find("no such file"), std::string::npos);
    auto directory = testing::load_path(dir_);
    EXPECT_TRUE(directory->outcome.io_failure);
    EXPECT_NE(directory->rendered().find("is a directory"), std::string::npos);
}

TEST_F(DiskLoader, FileOverTheLimitIsRefusedWithoutBeingRead) {
    auto big = write("big.yaml", std::string(core::kMaxRuleFileBytes + 1, '#'));
    auto loaded = testing::load_path(big);
    EXPECT_FALSE(loaded->outcome.io_failure);  // a limit: exit 1, not 3
    EXPECT_FALSE(loaded->ok());
    ASSERT_EQ(loaded->diags.size(), 1u);
    EXPECT_EQ(loaded->diags.items()[0].code, "E201");
    // Exactly at the limit is fine as far as size goes (it is then just not a rulebook).
    auto edge = write("edge.yaml", std::string(core::kMaxRuleFileBytes, '#'));
    auto at_limit = testing::load_path(edge);
    for (const auto& d : at_limit->diags) EXPECT_NE(d.code, "E201");
}

TEST_F(DiskLoader, OversizedParentIsReportedInIt) {
    write("base.yaml", std::string(core::kMaxRuleFileBytes + 10, ' '));
    auto child = write("child.yaml", "parscore: 1\nid: c\nversion: \"1\"\nextends: base.yaml\n");
    auto loaded = testing::load_path(child);
    EXPECT_FALSE(loaded->ok());
    ASSERT_EQ(loaded->diags.size(), 1u);
    EXPECT_EQ(loaded->diags.items()[0].code, "E201");
    EXPECT_EQ(loaded->sources.file(loaded->diags.items()[0].span->file).name(), (dir_ / "base.yaml").string());
}

}  // namespace
}  // namespace parscore::rules
