// Bad reports, CSV files and database files (tests/inspections/bad/, listed in cases.txt): each
// gives its expected exit code, diagnostic code and position, and leaves the database unchanged
// (a SQLite file byte for byte).
#include <gtest/gtest.h>

#include <fstream>

#include "fixture.hpp"

namespace parscore::inspections::testing {
namespace {

struct BadCase {
    std::string file;     // in bad/
    std::string command;  // record | import:KIND | units | amend | db | merge
    int exit_code = 1;
    std::string code;      // expected diagnostic code, or "-"
    std::string position;  // "line:col" of the first diagnostic with that code, or "-"
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.file << " (" << c.command << ")"; }

std::vector<BadCase> load_cases() {
    std::vector<BadCase> out;
    std::ifstream in(kData / "bad" / "cases.txt");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream s(line);
        BadCase c;
        s >> c.file >> c.command >> c.exit_code >> c.code >> c.position;
        out.push_back(c);
    }
    return out;
}

/// A database with the units of data/units.csv, one recorded report and one imported CSV file: a
/// SQLite file, which each test copies to its own database.
class Seed {
public:
    static Seed& get() {
        static Seed seed;
        return seed;
    }
    fs::path db;
    std::string inspection;

private:
    Seed() {
        db = dir_ / "seed.db";
        const std::string d = db.string();
        EXPECT_EQ(run_parscore({"--db", d, "units", "import", (kData / "data" / "units.csv").string()}, dir_.path())
                      .exit_code,
                  0);
        RunResult r = run_parscore({"--db", d, "record", "--rules", kRulebook.string(),
                                    (kData / "data" / "report.yaml").string()},
                                   dir_.path());
        EXPECT_EQ(r.exit_code, 0) << r.err;
        inspection = r.out.substr(0, r.out.find('\n'));
        r = run_parscore({"--db", d, "import", "--rules", kRulebook.string(), "--kind", "procedure",
                          (kData / "bad" / "import_again.csv").string()},
                         dir_.path());
        EXPECT_EQ(r.exit_code, 0) << r.err;
    }
    TempDir dir_;
};

class BadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadInput, IsRefusedWithItsCodeAndChangesNothing) {
    const BadCase& c = GetParam();
    Seed& seed = Seed::get();
    TempDir dir;
    const fs::path input = kData / "bad" / c.file;
    TestDatabase database(dir.path());
    copy_database(seed.db, database.location());
    fs::path db = database.location();
    std::vector<std::string> args;
    if (c.command == "db") {
        db = dir / c.file;  // the bad file is the database
        fs::copy_file(input, db);
        args = {"--db", db.string(), "inspections"};
    } else if (c.command == "record") {
        args = {"--db", db.string(), "record", "--rules", kRulebook.string(), input.string()};
    } else if (c.command.rfind("import:", 0) == 0) {
        args = {"--db",   db.string(),         "import",      "--rules", kRulebook.string(),
                "--kind", c.command.substr(7), input.string()};
    } else if (c.command == "units") {
        args = {"--db", db.string(), "units", "import", input.string()};
    } else if (c.command == "amend") {
        args = {"--db", db.string(), "amend", seed.inspection, input.string(), "--reason", "test"};
    } else if (c.command == "merge") {
        args = {"--db", db.string(), "merge", input.string()};
    } else {
        FAIL() << "unknown command " << c.command;
    }
    const auto state = [&] { return c.command == "db" ? file_sha256(db) : fingerprint(database); };
    const std::string before = state();
    const std::string input_before = file_sha256(input);
    RunResult r = run_parscore(args, dir.path());
    EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
    EXPECT_EQ(state(), before) << "the database changed";
    EXPECT_EQ(file_sha256(input), input_before);
    if (c.code != "-") {
        const std::string tag = "error[" + c.code + "]";
        EXPECT_NE(r.err.find(tag), std::string::npos) << r.err;
        if (c.position != "-") {
            const std::string where = input.string() + ":" + c.position + ": " + tag;
            EXPECT_NE(r.err.find(where), std::string::npos) << "expected " << where << " in\n" << r.err;
        }
    }
    if (c.command == "record") {
        EXPECT_EQ(r.out, "\n");  // one empty line for the rejected file
    }
    if (c.exit_code == 3 && c.command == "db") {
        EXPECT_NE(r.err.find("parscore: error:"), std::string::npos);
    }
}

std::string case_name(const ::testing::TestParamInfo<BadCase>& info) {
    std::string n;
    for (char ch : info.param.file) n += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
    return n;
}

INSTANTIATE_TEST_SUITE_P(Files, BadInput, ::testing::ValuesIn(load_cases()), case_name);

TEST(BadInputCorpus, HasAtLeastTwentyFiveCases) { EXPECT_GE(load_cases().size(), 25u); }

TEST(BadInputLimits, AReportOverSixteenMebibytesIsRefused) {
    Seed& seed = Seed::get();
    TempDir dir;
    TestDatabase database(dir.path());
    copy_database(seed.db, database.location());
    const std::string db = database.string();
    const fs::path big = dir / "big.yaml";
    {
        std::ofstream out(big, std::ios::binary);
        out << "inspection:\n  unit: so-tu-phap\n  date: 2013-10-15\n  kind: surprise\nfindings: {}\n";
        std::string pad(1 << 20, '#');
        pad.back() = '\n';
        for (int i = 0; i < 17; ++i) out << pad;
    }
    const std::string before = fingerprint(database);
    RunResult r = run_parscore({"--db", db, "record", "--rules", kRulebook.string(), big.string()}, dir.path());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(big.string() + ":1:1: error[E301]"), std::string::npos) << r.err;
    EXPECT_EQ(fingerprint(database), before);
}

TEST(BadInputLimits, EveryErrorOfAFileIsReported) {
    Seed& seed = Seed::get();
    TempDir dir;
    TestDatabase database(dir.path());
    copy_database(seed.db, database.location());
    const fs::path f = kData / "bad" / "report_many_errors.yaml";
    RunResult r = run_parscore({"--db", database.string(), "record", "--rules", kRulebook.string(), f.string()},
                               dir.path());
    EXPECT_EQ(r.exit_code, 1);
    for (const char* where :
         {":2:9: error[E306]", ":3:9: error[E311]", ":4:9: error[E311]", ":7:26: error[E311]", ":8:12: error[E311]"}) {
        EXPECT_NE(r.err.find(f.string() + where), std::string::npos) << where << "\n" << r.err;
    }
    EXPECT_NE(r.err.find("5 errors"), std::string::npos) << r.err;
}

TEST(BadInputLimits, AMissingDatabaseIsExitThreeAndNotCreated) {
    TempDir dir;
    const TestDatabase db(dir.path(), "absent.db");
    for (std::vector<std::string> args : {std::vector<std::string>{"inspections"},
                                          {"show", "x"},
                                          {"submit", "x"},
                                          {"lock", "x"},
                                          {"amend", "x", "y.yaml", "--reason", "r"}}) {
        args.insert(args.begin(), {"--db", db.string()});
        RunResult r = run_parscore(args, dir.path());
        EXPECT_EQ(r.exit_code, 3) << args[2] << ": " << r.err;
        EXPECT_FALSE(created(db)) << args[2];
    }
}

}  // namespace
}  // namespace parscore::inspections::testing
