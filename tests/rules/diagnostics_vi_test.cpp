// The messages of rulebook loading and of the evidence store in Vietnamese: bad rulebooks (the
// golden cases) and bad inspection reports and CSV files (tests/inspections/bad/) rendered with the
// Vietnamese catalog and compared with tests/golden/diagnostics/*-vi.txt, prefixes unchanged.
// Their English is checked by the golden and bad-input tests. Set UPDATE_GOLDEN=1 to rewrite.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parscore/core/render.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/inspections/evidence_csv.hpp"
#include "parscore/inspections/report.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/inspections/store_error.hpp"
#include "parscore/rules/loader.hpp"
#include "support/scratch_dir.hpp"

namespace parscore::rules {
namespace {

namespace fs = std::filesystem;

const fs::path kData = PARSCORE_TEST_DATA;
const fs::path kRulebooks = kData / "golden" / "rulebooks";
const fs::path kBad = kData / "inspections" / "bad";

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string vietnamese(const core::Diagnostics& diags, const core::SourceSet& sources) {
    return core::render_all(diags, sources, i18n::localizer(i18n::Language::vi));
}

/// Compares `actual` with the golden file `name`, or rewrites it under UPDATE_GOLDEN=1.
void expect_golden(const std::string& name, const std::string& actual) {
    const fs::path path = kData / "golden" / "diagnostics" / name;
    if (const char* update = std::getenv("UPDATE_GOLDEN"); update && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary) << actual;
        GTEST_SKIP() << "rewrote " << path;
    }
    ASSERT_TRUE(fs::exists(path)) << "missing " << path << " (run with UPDATE_GOLDEN=1)";
    EXPECT_EQ(read_bytes(path), actual) << "differs from " << path;
}

/// Every top-level golden rulebook case, in order.
std::vector<std::string> rulebook_cases() {
    std::vector<std::string> cases;
    for (const auto& entry : fs::directory_iterator(kRulebooks)) {
        if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
            cases.push_back(entry.path().filename().string());
        }
    }
    std::sort(cases.begin(), cases.end());
    return cases;
}

TEST(DiagnosticsVi, BadRulebooks) {
    const FileReader reader = [](const fs::path& p) -> std::optional<std::string> {
        if (!fs::is_regular_file(kRulebooks / p)) return std::nullopt;
        return read_bytes(kRulebooks / p);
    };
    std::string actual;
    for (const std::string& name : rulebook_cases()) {
        core::SourceSet sources;
        core::Diagnostics diags;
        load_rulebook(name, reader, sources, diags);
        EXPECT_TRUE(diags.has_errors()) << name;
        actual += "== " + name + "\n" + vietnamese(diags, sources);
    }
    expect_golden("rulebooks-vi.txt", actual);
}

TEST(DiagnosticsVi, BadReportsAndCsvFiles) {
    core::SourceSet rule_sources;
    core::Diagnostics rule_diags;
    const auto loaded = load_rulebook(kData / "inspections" / "data" / "rulebook.yaml", rule_sources, rule_diags);
    ASSERT_TRUE(loaded.rulebook) << core::render_all(rule_diags, rule_sources);
    const core::EvidenceSchema& schema = loaded.rulebook->evidence;
    const std::vector<std::string> units = {"so-noi-vu", "so-tu-phap", "ubnd-huyen-a"};
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(kBad)) files.push_back(entry.path().filename().string());
    std::sort(files.begin(), files.end());
    // Files are named as given, relative to their folder, so the golden file is the same anywhere.
    const fs::path previous = fs::current_path();
    fs::current_path(kBad);
    std::string actual;
    for (const std::string& name : files) {
        const bool report = name.rfind("report_", 0) == 0, csv = name.rfind("csv_", 0) == 0;
        if (!report && !csv) continue;
        core::SourceSet sources;
        core::Diagnostics diags;
        const inspections::InputFile in = inspections::read_input_file(name, 1 << 20, sources, diags);
        ASSERT_TRUE(in.file) << name;
        if (!diags.has_errors() && report) inspections::read_report(sources, *in.file, schema, units, diags);
        if (!diags.has_errors() && csv) {
            inspections::read_evidence_csv(sources, *in.file, schema, "procedure", units, diags);
        }
        actual += "== " + name + "\n" + vietnamese(diags, sources);
    }
    fs::current_path(previous);
    expect_golden("reports-vi.txt", actual);
}

TEST(DiagnosticsVi, StoreErrorsSpeakVietnamese) {
    parscore::testing::ScratchDir dir;
    const fs::path path = dir / "other.db";
    std::ofstream(path, std::ios::binary) << "not a database, just text\n";
    try {
        inspections::Store::open(path, inspections::OpenMode::Existing);
        FAIL() << "opened a file that is not a database";
    } catch (const inspections::StoreError& e) {
        EXPECT_EQ(std::string(e.what()), "'" + path.string() + "' is not a parscore database (not an SQLite database)");
        EXPECT_EQ(i18n::localize(i18n::Language::vi, e.text()),
                  "'" + path.string() + "' không phải là cơ sở dữ liệu của parscore (không phải cơ sở dữ liệu SQLite)");
    }
    try {
        inspections::Store::open(dir / "absent.db", inspections::OpenMode::Existing);
        FAIL() << "opened a database that does not exist";
    } catch (const inspections::StoreError& e) {
        EXPECT_EQ(i18n::localize(i18n::Language::vi, e.text()),
                  "cơ sở dữ liệu '" + (dir / "absent.db").string() + "' không tồn tại");
    }
}

}  // namespace
}  // namespace parscore::rules
