// The rule language's and core's diagnostics in both languages: a set of bad expressions and YAML
// texts is parsed and checked, and the rendered diagnostics are compared with
// tests/golden/diagnostics/expressions-en.txt and expressions-vi.txt. Every diagnostic made on
// the way must carry a translatable text that the Vietnamese catalog knows. UPDATE_GOLDEN=1
// rewrites the two files (and reports the golden tests as skipped).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fixture.hpp"
#include "parscore/core/render.hpp"
#include "parscore/core/yaml_tree.hpp"
#include "parscore/dsl/embedded.hpp"
#include "parscore/i18n/translate.hpp"

namespace {

namespace fs = std::filesystem;
using parscore::core::Diagnostics;
using parscore::core::SourceSet;
using parscore::core::Text;
using parscore::i18n::Language;

const fs::path kGoldenDir = fs::path(PARSCORE_TEST_DATA) / "golden" / "diagnostics";

// Bad expressions, checked against the schema of fixture.hpp.
const std::vector<std::string> kExpressions = {
    // syntax
    "1 +",
    "(1 + 2",
    "[]",
    "1 < 2 < 3",
    "\"abc",
    "\"a\\qb\"",
    "if website then 1",
    "12345678901234567890",
    "1.5x",
    "1.1234567890",
    "staff_count in [1, x]",
    "let x 1 in x",
    "steps staff_count { else: 0 }",
    "unit.",
    // types
    "not 3",
    "-\"a\"",
    "website + 1",
    "if website then 1 else \"a\"",
    "opened < 3",
    "region == \"nort\"",
    "sum(procedure, posted)",
    "share(procedure, fee)",
    "round(budget, 12)",
    "date(\"2013-02-30\")",
    "clamp(1, 2)",
    "count(procedure, 1)",
    "let year = 1 in year",
    "staff_count in 5",
    "steps staff_count { >= \"a\": 1, else: 0 }",
    "steps staff_count { >= 1: 2, >= 2: 3, else: 0 }",
    // unknown names
    "staf_count > 1",
    "sum(procedur, fee)",
    "abss(1)",
    "unit.nam",
    "params.targt",
    "count(procedure where poste)",
    "fee > 1",
    "count(website)",
};

// Expressions written in YAML, as a rulebook holds them; a quoted one gets a note that points
// into the expression.
const std::vector<std::string> kEmbedded = {
    "points: \"staf_count > 1\"\n",
    "points: not 3\n",
};

// YAML texts read by core, as a rulebook or a report would be.
const std::vector<std::string> kYamlTexts = {
    "a: 1\nb: 2\na: 3\n",
    "a:\n\t- b\n",
    "key: [1, 2\n",
    "a: &x 1\n",
};

struct Run {
    SourceSet sources;
    Diagnostics diags;
    std::string golden_en, golden_vi;
};

std::string shown(const std::string& text) {
    std::string out;
    for (char c : text) out += c == '\n' ? std::string("\\n") : c == '\t' ? std::string("\\t") : std::string(1, c);
    return out;
}

/// Parses and checks every case; each case's diagnostics are rendered under a heading.
Run& run() {
    static Run r = [] {
        Run out;
        parscore::testing::DslFixture fx;
        auto add = [&out](const std::string& heading, const Diagnostics& diags) {
            out.golden_en += "## " + heading + "\n" + parscore::core::render_all(diags, out.sources);
            out.golden_vi += "## " + heading + "\n" +
                             parscore::core::render_all(diags, out.sources, parscore::i18n::localizer(Language::vi));
            out.diags.append(diags);
        };
        for (const std::string& text : kExpressions) {
            Diagnostics diags;
            parscore::dsl::Program program;
            fx.compile(text, program, out.sources, diags);
            add("expression: " + shown(text), diags);
        }
        for (const std::string& text : kEmbedded) {
            Diagnostics diags;
            parscore::dsl::Program program;
            parscore::dsl::Checker checker(program, fx.schema, fx.params);
            auto file = out.sources.add("rulebook.yaml", text);
            auto root = parscore::core::parse_yaml(out.sources, file, diags);
            parscore::dsl::compile_scalar(out.sources, file, root->entries.at(0).second, checker, diags);
            add("expression in YAML: " + shown(text), diags);
        }
        for (const std::string& text : kYamlTexts) {
            Diagnostics diags;
            auto file = out.sources.add("file.yaml", text);
            parscore::core::parse_yaml(out.sources, file, diags);
            add("yaml: " + shown(text), diags);
        }
        return out;
    }();
    return r;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void compare_with_golden(const std::string& name, const std::string& actual) {
    const fs::path golden = kGoldenDir / name;
    if (const char* update = std::getenv("UPDATE_GOLDEN"); update && std::string(update) == "1") {
        fs::create_directories(kGoldenDir);
        std::ofstream(golden, std::ios::binary) << actual;
        GTEST_SKIP() << "rewrote " << golden;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run with UPDATE_GOLDEN=1 to create it";
    EXPECT_EQ(read_file(golden), actual) << "differs from " << golden << " (UPDATE_GOLDEN=1 rewrites it)";
}

TEST(DiagnosticsInVietnamese, EnglishMatchesGolden) { compare_with_golden("expressions-en.txt", run().golden_en); }

TEST(DiagnosticsInVietnamese, VietnameseMatchesGolden) { compare_with_golden("expressions-vi.txt", run().golden_vi); }

TEST(DiagnosticsInVietnamese, EveryCaseReportsSomething) {
    std::istringstream lines(run().golden_en);
    std::string line, previous;
    while (std::getline(lines, line)) {
        if (line.rfind("## ", 0) == 0) {
            EXPECT_NE(previous.rfind("## ", 0), 0u) << previous << " reported nothing";
        }
        previous = line;
    }
    EXPECT_NE(previous.rfind("## ", 0), 0u) << previous << " reported nothing";
}

// A message the catalog knows reads differently in Vietnamese; one made from a plain string or
// missing from the catalog would read in English.
void expect_translated(const Text& text, const std::string& english, const std::string& where) {
    EXPECT_FALSE(text.empty()) << where << ": " << english;
    EXPECT_TRUE(text.translatable) << where << ": " << english;
    EXPECT_EQ(text.english(), english) << where;
    EXPECT_NE(parscore::i18n::localize(Language::vi, text), english) << where << ": not in po/vi.po: " << english;
}

TEST(DiagnosticsInVietnamese, EveryDiagnosticAndNoteIsTranslatable) {
    ASSERT_GT(run().diags.size(), kExpressions.size());
    for (const auto& d : run().diags) {
        expect_translated(d.text, d.message, d.code);
        for (const auto& note : d.notes) expect_translated(note.text, note.message, d.code + " note");
    }
}

}  // namespace
