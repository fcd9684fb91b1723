// Every diagnostic code is named in one header per module, and docs/diagnostics.md documents
// exactly those codes: a code added to a header without its documentation (or documented but
// never named) fails here. A raw "E1xx"-style literal outside these headers also fails.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path kSource = PARSCORE_SOURCE_DIR;

const std::vector<fs::path> kCodeHeaders = {
    "core/src/codes.hpp",
    "dsl/src/codes.hpp",
    "rules/src/codes.hpp",
    "inspections/include/parscore/inspections/codes.hpp",
    "engine/scoring/src/codes.hpp",
    "engine/rule_tests/src/codes.hpp",
    "engine/yearly_report/src/codes.hpp",
};

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot read " << path;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::set<std::string> matches(const std::string& text, const std::regex& pattern) {
    std::set<std::string> found;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it) {
        found.insert((*it)[1].str());
    }
    return found;
}

const std::regex kQuotedCode(R"re("([EW][0-9]{3})")re");

std::set<std::string> header_codes() {
    std::set<std::string> codes;
    for (const fs::path& header : kCodeHeaders) {
        std::set<std::string> named = matches(read(kSource / header), kQuotedCode);
        EXPECT_FALSE(named.empty()) << header;
        codes.insert(named.begin(), named.end());
    }
    return codes;
}

std::set<std::string> documented_codes() {
    return matches(read(kSource / "docs/diagnostics.md"), std::regex(R"(\b([EW][0-9]{3})\b)"));
}

TEST(DiagnosticCodesTest, EveryNamedCodeIsDocumented) {
    const std::set<std::string> documented = documented_codes();
    for (const std::string& code : header_codes()) {
        EXPECT_TRUE(documented.count(code)) << code << " is named in a codes header but not in docs/diagnostics.md";
    }
}

TEST(DiagnosticCodesTest, EveryDocumentedCodeIsNamed) {
    const std::set<std::string> named = header_codes();
    for (const std::string& code : documented_codes()) {
        EXPECT_TRUE(named.count(code)) << code << " is in docs/diagnostics.md but named in no codes header";
    }
}

TEST(DiagnosticCodesTest, NoSourceFileSpellsACodeOutsideTheHeaders) {
    std::set<fs::path> headers;
    for (const fs::path& header : kCodeHeaders) headers.insert(fs::weakly_canonical(kSource / header));
    for (const char* module : {"core", "dsl", "rules", "inspections", "engine"}) {
        for (const auto& entry : fs::recursive_directory_iterator(kSource / module)) {
            const fs::path& path = entry.path();
            if (!entry.is_regular_file() || (path.extension() != ".cpp" && path.extension() != ".hpp")) continue;
            if (headers.count(fs::weakly_canonical(path))) continue;
            EXPECT_TRUE(matches(read(path), kQuotedCode).empty()) << path
                                                                  << " spells a diagnostic code; name it in "
                                                                     "its module's codes.hpp";
        }
    }
}

}  // namespace
