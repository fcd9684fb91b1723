// Golden tests of invalid rulebooks: each case under tests/golden/rulebooks/ is loaded and its
// rendered diagnostics compared with `<case>.expected`. A case is every `*.yaml` at the top of
// the folder, and `rulebook.yaml` in a sub-folder (its siblings are the files it extends). Set
// UPDATE_GOLDEN=1 to rewrite the expectations.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parscore/core/render.hpp"
#include "parscore/rules/loader.hpp"

namespace parscore::rules {
namespace {

namespace fs = std::filesystem;

const fs::path kGoldenDir = fs::path(PARSCORE_TEST_DATA) / "golden" / "rulebooks";

std::vector<std::string> golden_cases() {
    std::vector<std::string> cases;
    if (!fs::is_directory(kGoldenDir)) return cases;
    for (const auto& entry : fs::recursive_directory_iterator(kGoldenDir)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
        fs::path rel = entry.path().lexically_relative(kGoldenDir);
        bool top_level = !rel.has_parent_path() || rel.parent_path().empty();
        if (top_level || rel.filename() == "rulebook.yaml") cases.push_back(rel.generic_string());
    }
    std::sort(cases.begin(), cases.end());
    return cases;
}

std::optional<std::string> read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in || fs::is_directory(path)) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Files are named relative to the golden folder in messages, whatever the working directory.
FileReader golden_reader() {
    return [](const fs::path& p) { return read_bytes(kGoldenDir / p); };
}

class GoldenRulebook : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenRulebook, DiagnosticsMatch) {
    const std::string name = GetParam();
    core::SourceSet sources;
    core::Diagnostics diags;
    LoadOutcome outcome = load_rulebook(name, golden_reader(), sources, diags);
    const std::string actual = core::render_all(diags, sources);

    // Every golden case is an invalid rulebook: an empty expectation must not pass silently.
    EXPECT_TRUE(diags.has_errors()) << name << " loaded without errors";
    EXPECT_FALSE(outcome.rulebook.has_value());
    EXPECT_FALSE(outcome.io_failure);

    fs::path expected_path = kGoldenDir / fs::path(name).replace_extension(".expected");
    if (const char* update = std::getenv("UPDATE_GOLDEN"); update && std::string(update) == "1") {
        std::ofstream(expected_path, std::ios::binary) << actual;
        GTEST_SKIP() << "rewrote " << expected_path;
    }
    auto expected = read_bytes(expected_path);
    ASSERT_TRUE(expected.has_value()) << "missing " << expected_path << " (run with UPDATE_GOLDEN=1)";
    EXPECT_EQ(*expected, actual) << "diagnostics of " << name << " differ from " << expected_path;
}

std::string case_name(const ::testing::TestParamInfo<std::string>& info) {
    std::string s = info.param.substr(0, info.param.size() - 5);  // without ".yaml"
    std::replace_if(
        s.begin(), s.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return s;
}

INSTANTIATE_TEST_SUITE_P(Rulebooks, GoldenRulebook, ::testing::ValuesIn(golden_cases()), case_name);

TEST(GoldenRulebookSuite, HasEnoughCases) { EXPECT_GE(golden_cases().size(), 40u); }

}  // namespace
}  // namespace parscore::rules
