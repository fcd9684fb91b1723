// Hostile input: every value of a valid rulebook replaced, one at a time, by values of every other
// YAML shape. The loader must never crash, must report each such file deterministically, and must
// never return a rulebook while reporting an error.
#include <gtest/gtest.h>

#include <regex>

#include "support.hpp"

namespace parscore::rules {
namespace {

// `@N@` marks value N; each is replaced by its valid value unless it is the one being mutated.
const char* kTemplate = R"(parscore: @0@
id: @1@
version: @2@
title: @3@
units: @4@
scale: @5@
params: @6@
evidence:
  procedure:
    key: @7@
    combine: @8@
    fields: @9@
  website: { fact: @10@ }
  other: @11@
groups:
  - id: @12@
    title: @13@
    criteria:
      - id: @14@
        max: @15@
        on_missing: @16@
        applies_to: @17@
        points: @18@
      - @19@
  - @20@
deductions: [ { id: @21@, points: @22@, cap: @23@ } ]
bonuses: @24@
band_caps: [ { id: v, when: @25@, at_most: @26@ } ]
bands:
  - { id: @27@, min: @28@, quota: @29@, quota_of: @30@, label: @31@ }
  - { id: failed, min: 0 }
indicators: [ { id: i, of: @32@ } ]
deduction_cap: @33@
remove: @34@
)";

// Test data, packed as a table (clang-format would put one value per line).
// clang-format off
const std::vector<std::string> kValid = {
    "1", "t", "\"1\"", "T", "[department]", "100", "{ p: 1 }", "code", "latest",
    "{ code: text, posted: bool }", "bool", "{ fact: int }", "g", "G", "c", "4", "zero", "[department]",
    "\"if website then 4 else 0\"", "{ id: d, max: 1, points: 1 }", "{ id: h, criteria: [{ id: x, max: 1, points: 1 }] }",
    "late", "count(procedure)", "2", "[ { id: b, points: 1 } ]", "not website", "failed", "top", "50", "20%", "top",
    "Top", "website", "5", "[]"};

const std::vector<std::string> kHostile = {
    "~", "", "\"\"", "[]", "{}", "[[]]", "{ a: { b: [1, {c: ~}] } }", "[~, ~]", "-1", "0", "1.5", "xyz",
    "\"@#$%\"", "99999999999999999999", "true", "|\n      multi\n      line", "[1, [2, [3]]]"};
// clang-format on

std::string instantiate(int mutated, const std::string& value) {
    std::string text = kTemplate;
    for (int i = static_cast<int>(kValid.size()) - 1; i >= 0; --i) {
        const std::string marker = "@" + std::to_string(i) + "@";
        for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker)) {
            text.replace(at, marker.size(), i == mutated ? value : kValid[static_cast<std::size_t>(i)]);
        }
    }
    return text;
}

TEST(HostileInput, TheTemplateItselfIsValidWithoutRemove) {
    // `remove: []` needs `extends`, so the unmutated template reports exactly that.
    auto loaded = testing::load_text(instantiate(-1, ""));
    ASSERT_EQ(loaded->diags.size(), 1u) << loaded->rendered();
    EXPECT_EQ(loaded->diags.items()[0].code, "E222");
}

TEST(HostileInput, EveryValueOfEveryShapeIsReportedNeverCrashes) {
    std::size_t reported = 0, cases = 0;
    for (int i = 0; i < static_cast<int>(kValid.size()); ++i) {
        for (const std::string& value : kHostile) {
            const std::string text = instantiate(i, value);
            auto first = testing::load_text(text);
            auto second = testing::load_text(text);
            ++cases;
            EXPECT_EQ(first->rendered(), second->rendered()) << "value " << i << " = " << value;
            if (first->diags.has_errors()) {
                ++reported;
                EXPECT_FALSE(first->ok()) << "value " << i << " = " << value;
            }
            for (const auto& d : first->diags) {
                EXPECT_TRUE(d.span.has_value()) << d.message;
                EXPECT_FALSE(d.code.empty()) << d.message;
            }
        }
    }
    // The template's `remove: []` is an error in every mutation but the ones that change it.
    EXPECT_GE(reported, cases - kHostile.size());
}

TEST(HostileInput, TruncatedFilesNeverCrash) {
    const std::string text = instantiate(34, "[g.c]") + "extends: base.yaml\n";
    const std::map<std::string, std::string> base = {{"base.yaml", instantiate(34, "[]")}};
    for (std::size_t cut = 0; cut <= text.size(); cut += 7) {
        auto files = base;
        files["rulebook.yaml"] = text.substr(0, cut);
        auto loaded = testing::load_files(files);
        if (loaded->diags.has_errors()) {
            EXPECT_FALSE(loaded->ok());
        }
    }
}

}  // namespace
}  // namespace parscore::rules
