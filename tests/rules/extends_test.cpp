// Merging along `extends` (docs/reference/rulebook-format.md): in-place replacement, appending,
// merged groups, removals, whole-list bands, and the chain's limits.
#include <gtest/gtest.h>

#include "support.hpp"

namespace parscore::rules {
namespace {

using testing::load_files;

const std::string kBase = R"(parscore: 1
id: base
version: "1"
title: Base
units: [department, district]
scale: 100
deduction_cap: 10
params: { a: 1, b: 2 }
evidence:
  procedure:
    fields: { code: text, posted: bool }
  website: { fact: bool }
  budget: { fact: bool }
groups:
  - id: g1
    title: One
    criteria:
      - { id: x, max: 1, points: 1 }
      - { id: y, max: 2, points: 2 }
      - { id: z, max: 3, points: 3 }
  - id: g2
    criteria:
      - { id: w, max: 4, points: 4 }
  - id: g3
    criteria:
      - { id: v, max: 5, points: "if budget then 5 else 0" }
deductions:
  - { id: d1, points: 1 }
  - { id: d2, points: 2 }
bonuses:
  - { id: b1, points: 1 }
band_caps:
  - { id: c1, when: not website, at_most: mid }
bands:
  - { id: top, min: 90 }
  - { id: mid, min: 50 }
  - { id: low, min: 0 }
indicators:
  - { id: i1, of: website }
  - { id: i2, of: count(procedure) }
)";

std::vector<std::string> criterion_ids(const Rulebook& rb) {
    std::vector<std::string> ids;
    for (const auto& g : rb.groups) {
        for (const auto& c : g.criteria) ids.push_back(c.id + "=" + c.max.to_string());
    }
    return ids;
}

TEST(Extends, ChildEntriesReplaceInPlaceAppendAndMergeGroups) {
    const std::string child = R"(parscore: 1
id: child
version: "2"
extends: base.yaml
title: Child
scale: 50
params: { b: 20, c: 3 }
remove: [g1.x, g3, deductions.d1, indicators.i1, params.a, evidence.budget]
evidence:
  procedure:
    fields: { code: text, posted: bool, online: bool }
  extra: { fact: int }
groups:
  - id: g2
    criteria:
      - { id: u, max: 6, points: 6 }
  - id: g1
    title: Uno
    criteria:
      - { id: z, max: 30, points: "if website then 30 else 0" }
      - { id: t, max: 7, points: count(procedure where online) }
  - id: g4
    criteria:
      - { id: s, max: 8, points: extra }
deductions:
  - { id: d3, points: 3 }
  - { id: d2, points: 22, cap: 5 }
bands:
  - { id: pass, min: 50 }
  - { id: fail, min: 0 }
band_caps:
  - { id: c1, when: not website, at_most: fail }
)";
    auto loaded = load_files({{"base.yaml", kBase}, {"rulebook.yaml", child}});
    ASSERT_TRUE(loaded->ok()) << loaded->rendered();
    const Rulebook& rb = *loaded->outcome.rulebook;
    EXPECT_EQ(rb.id, "child");
    EXPECT_EQ(rb.version, "2");
    EXPECT_EQ(rb.title, "Child");
    EXPECT_EQ(rb.scale, *Decimal::from_int(50));
    EXPECT_EQ(rb.deduction_cap, Decimal::from_int(10));  // not given by the child: kept
    EXPECT_EQ(rb.units, (std::vector<std::string>{"department", "district"}));

    ASSERT_EQ(rb.params.size(), 2u);  // a removed, b replaced in place, c appended
    EXPECT_EQ(rb.params[0].name, "b");
    EXPECT_EQ(rb.params[0].value, (decltype(dsl::Param::value){std::int64_t{20}}));
    EXPECT_EQ(rb.params[1].name, "c");

    ASSERT_EQ(rb.evidence.kinds.size(), 3u);
    EXPECT_EQ(rb.evidence.kinds[0].name, "procedure");
    EXPECT_EQ(rb.evidence.kinds[0].fields.size(), 3u);
    EXPECT_EQ(rb.evidence.kinds[1].name, "website");
    EXPECT_EQ(rb.evidence.kinds[2].name, "extra");

    ASSERT_EQ(rb.groups.size(), 3u);  // g3 removed, g4 appended
    EXPECT_EQ(rb.groups[0].title, "Uno");
    EXPECT_EQ(rb.groups[1].title, "g2");
    EXPECT_EQ(criterion_ids(rb),
              (std::vector<std::string>{"g1.y=2", "g1.z=30", "g1.t=7", "g2.w=4", "g2.u=6", "g4.s=8"}));

    ASSERT_EQ(rb.deductions.size(), 2u);
    EXPECT_EQ(rb.deductions[0].id, "d2");
    EXPECT_EQ(rb.deductions[0].cap, Decimal::from_int(5));
    EXPECT_EQ(rb.deductions[1].id, "d3");
    ASSERT_EQ(rb.bands.size(), 2u);
    EXPECT_EQ(rb.bands[0].id, "pass");
    EXPECT_EQ(rb.band_caps.at(0).at_most, "fail");
    ASSERT_EQ(rb.indicators.size(), 1u);
    EXPECT_EQ(rb.indicators[0].id, "i2");
    // Each criterion keeps the span of the file that defined it.
    EXPECT_EQ(loaded->sources.file(rb.criterion("g1.y")->span.file).name(), "base.yaml");
    EXPECT_EQ(loaded->sources.file(rb.criterion("g1.z")->span.file).name(), "rulebook.yaml");
}

TEST(Extends, LabelsUncheckedAndRatiosTravelWithTheirEntries) {
    const std::string parent = R"(parscore: 1
id: parent
version: "1"
units: [{ id: department, label: "Khối sở" }, { id: district, label: "Khối huyện" }]
evidence:
  violation:
    unchecked: none
    fields: { kind: text }
  award:
    unchecked: none
    fields: { title: text }
  units_total: { fact: int }
  units_autonomous: { fact: int }
groups:
  - id: g
    criteria: [{ id: a, max: 1, points: count(violation) }]
bands: [{ id: all, min: 0 }]
indicators:
  - { id: autonomy, of: units_autonomous, over: units_total }
  - { id: awards, of: count(award) }
)";
    // A child's `units` replaces the whole list, labels included; a replaced kind or indicator
    // is the child's entry alone (nothing of the parent's entry is kept).
    const std::string child = R"(parscore: 1
id: child
version: "2"
extends: base.yaml
units: [department, { id: commune, label: "Khối xã" }]
evidence:
  violation:
    fields: { kind: text, person: text }
indicators:
  - { id: autonomy, of: units_autonomous }
)";
    auto parent_only = load_files({{"rulebook.yaml", parent}});
    ASSERT_TRUE(parent_only->ok()) << parent_only->rendered();
    EXPECT_EQ(parent_only->outcome.rulebook->category_label("district"), "Khối huyện");
    EXPECT_TRUE(parent_only->outcome.rulebook->indicators[0].is_ratio());

    auto loaded = load_files({{"base.yaml", parent}, {"rulebook.yaml", child}});
    ASSERT_TRUE(loaded->ok()) << loaded->rendered();
    const Rulebook& rb = *loaded->outcome.rulebook;
    EXPECT_EQ(rb.units, (std::vector<std::string>{"department", "commune"}));
    EXPECT_EQ(rb.category_label("department"), "department");
    EXPECT_EQ(rb.category_label("commune"), "Khối xã");
    EXPECT_EQ(rb.evidence.find("violation")->unchecked, core::Unchecked::Missing);
    EXPECT_EQ(rb.evidence.find("award")->unchecked, core::Unchecked::None);
    ASSERT_EQ(rb.indicators.size(), 2u);
    EXPECT_FALSE(rb.indicators[0].is_ratio());
}

TEST(Extends, ParentsApplyRootFirst) {
    const std::string middle =
        "parscore: 1\nid: middle\nversion: \"1\"\nextends: base.yaml\ntitle: Middle\nscale: 10\n";
    const std::string leaf = "parscore: 1\nid: leaf\nversion: \"1\"\nextends: sub/../middle.yaml\ntitle: Leaf\n";
    auto loaded = load_files({{"base.yaml", kBase}, {"middle.yaml", middle}, {"rulebook.yaml", leaf}});
    ASSERT_TRUE(loaded->ok()) << loaded->rendered();
    const Rulebook& rb = *loaded->outcome.rulebook;
    EXPECT_EQ(rb.title, "Leaf");
    EXPECT_EQ(rb.scale, *Decimal::from_int(10));
    ASSERT_EQ(rb.files.size(), 3u);
    EXPECT_EQ(rb.files[0].path, "base.yaml");
    EXPECT_EQ(rb.files[1].path, "middle.yaml");
    EXPECT_EQ(rb.files[2].path, "rulebook.yaml");
}

TEST(Extends, CycleIsFoundWhateverThePathSpelling) {
    auto loaded = load_files({{"a/rulebook.yaml", "parscore: 1\nid: a\nversion: \"1\"\nextends: ../b/b.yaml\n"},
                              {"b/b.yaml", "parscore: 1\nid: b\nversion: \"1\"\nextends: ./../a/./rulebook.yaml\n"}},
                             "a/rulebook.yaml");
    EXPECT_FALSE(loaded->ok());
    ASSERT_EQ(loaded->diags.size(), 1u) << loaded->rendered();
    EXPECT_EQ(loaded->diags.items()[0].code, "E221");
    EXPECT_EQ(loaded->diags.items()[0].message, "extends cycle: a/rulebook.yaml → b/b.yaml → a/rulebook.yaml");
}

TEST(Extends, OverlongChainsAreRefused) {
    std::map<std::string, std::string> files;
    for (int i = 0; i < 40; ++i) {
        files["f" + std::to_string(i) + ".yaml"] = "parscore: 1\nid: f\nversion: \"1\"\nextends: f" +
                                                   std::to_string(i + 1) + ".yaml\n";
    }
    files["f40.yaml"] = kBase;
    auto loaded = load_files(files, "f0.yaml");
    EXPECT_FALSE(loaded->ok());
    ASSERT_EQ(loaded->diags.size(), 1u) << loaded->rendered();
    EXPECT_EQ(loaded->diags.items()[0].code, "E221");
    EXPECT_NE(loaded->diags.items()[0].message.find("longer than 32"), std::string::npos);
}

TEST(Extends, ExpressionsAreCheckedAgainstTheMergedEvidence) {
    // The parent's expression uses `budget`; the child removes it: the error is in the parent.
    const std::string child = "parscore: 1\nid: c\nversion: \"1\"\nextends: base.yaml\nremove: [evidence.budget]\n";
    auto loaded = load_files({{"base.yaml", kBase}, {"rulebook.yaml", child}});
    EXPECT_FALSE(loaded->ok());
    ASSERT_EQ(loaded->diags.size(), 1u) << loaded->rendered();
    EXPECT_EQ(loaded->diags.items()[0].code, "E103");
    EXPECT_EQ(loaded->sources.file(loaded->diags.items()[0].span->file).name(), "base.yaml");
}

TEST(Extends, ParentOnlyNeedsItsHeader) {
    // A base holding only shared evidence and params is a valid parent (units, groups and bands
    // are required of the merged rulebook, not of each file).
    const std::string base = "parscore: 1\nid: shared\nversion: \"1\"\nevidence:\n  website: { fact: bool }\n";
    const std::string child = R"(parscore: 1
id: c
version: "1"
extends: base.yaml
units: [department]
groups:
  - id: g
    criteria: [{ id: site, max: 1, points: "if website then 1 else 0" }]
bands: [{ id: all, min: 0 }]
)";
    auto loaded = load_files({{"base.yaml", base}, {"rulebook.yaml", child}});
    EXPECT_TRUE(loaded->ok()) << loaded->rendered();
    auto alone = load_files({{"rulebook.yaml", base}});
    EXPECT_FALSE(alone->ok());
    EXPECT_EQ(alone->diags.size(), 3u) << alone->rendered();  // units, groups, bands
}

}  // namespace
}  // namespace parscore::rules
