// The command line run in-process through cli::run: exit codes, the mapping of failures to them,
// re-entrancy, --version, --verbose and --quiet.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include "../app/scratch.hpp"
#include "app.hpp"
#include "failure.hpp"
#include "parscore/inspections/store_error.hpp"
#include "run_cli.hpp"

namespace parscore::testing {
namespace {

class CliRun : public DemoCli {
protected:
    static std::vector<std::string> rank(std::vector<std::string> extra) {
        std::vector<std::string> args{"rank", "--db", db(), "--rules", kDemoRules, "--year", "2013"};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }
};

TEST_F(CliRun, ExitCodesZeroOneTwoAndThree) {
    EXPECT_EQ(run({"check", kDemoRules}).code, 0);
    Scratch dir;
    write_text(dir / "bad.yaml", "id: [\n");
    Outcome invalid = run({"check", (dir / "bad.yaml").string()});
    EXPECT_EQ(invalid.code, 1);
    EXPECT_NE(invalid.err.find("error"), std::string::npos);
    Outcome usage = run({"frobnicate"});
    EXPECT_EQ(usage.code, 2);
    EXPECT_EQ(usage.err.rfind("parscore: error: unknown command 'frobnicate'", 0), 0u) << usage.err;
    Outcome io = run({"score", "--db", (dir / "absent.db").string(), "--rules", kDemoRules, "--year", "2013"});
    EXPECT_EQ(io.code, 3);
    EXPECT_EQ(io.out, "");
}

TEST_F(CliRun, AnErrorWithDiagnosticsPrintsThemBeforeItsLine) {
    Scratch dir;
    write_text(dir / "bad.yaml", "id: [\n");
    Outcome r = run({"score", "--db", db(), "--rules", (dir / "bad.yaml").string(), "--year", "2013"});
    EXPECT_EQ(r.code, 1);
    const auto diagnostics = r.err.find("error[");
    const auto line = r.err.find("parscore: error: rulebook '");
    ASSERT_NE(diagnostics, std::string::npos) << r.err;
    ASSERT_NE(line, std::string::npos) << r.err;
    EXPECT_LT(diagnostics, line);
}

// --lang, before or after the command, and $PARSCORE_LANG choose the language of the messages;
// the "parscore: error:" and "error[CODE]:" prefixes stay as they are.
TEST_F(CliRun, FailuresSpeakTheChosenLanguage) {
    Scratch dir;
    write_text(dir / "bad.yaml", "id: [\n");
    const std::string bad = (dir / "bad.yaml").string();
    Outcome vi = run({"score", "--db", db(), "--rules", bad, "--year", "2013", "--lang", "vi"});
    EXPECT_EQ(vi.code, 1);
    EXPECT_NE(vi.err.find("error["), std::string::npos) << vi.err;
    EXPECT_NE(vi.err.find("1 lỗi, 0 cảnh báo"), std::string::npos) << vi.err;
    Outcome before = run({"--lang=vi", "score", "--db", db(), "--rules", bad, "--year", "2013"});
    EXPECT_NE(before.err.find("1 lỗi, 0 cảnh báo"), std::string::npos) << before.err;
    Outcome en = run({"score", "--db", db(), "--rules", bad, "--year", "2013", "--lang", "en"});
    EXPECT_NE(en.err.find("1 error, 0 warnings"), std::string::npos) << en.err;
    Outcome wrong = run({"score", "--lang", "fr"});
    EXPECT_EQ(wrong.code, 2);
}

int mapped(const std::exception_ptr& e, std::string& printed, i18n::Language lang = i18n::Language::en) {
    std::ostringstream err;
    int code = cli::report_failure(e, err, "parscore rank", lang);
    printed = err.str();
    return code;
}

TEST(FailureMapping, EveryErrorKindHasItsExitCode) {
    std::string printed;
    using K = app::ErrorKind;
    EXPECT_EQ(mapped(std::make_exception_ptr(app::Error(K::Invalid, "wrong")), printed), 1);
    EXPECT_EQ(printed, "parscore: error: wrong\n");
    EXPECT_EQ(mapped(std::make_exception_ptr(app::Error(K::BadRequest, "--year: bad")), printed), 2);
    EXPECT_EQ(printed, "parscore: error: --year: bad (see 'parscore rank --help')\n");
    EXPECT_EQ(mapped(std::make_exception_ptr(app::Error(K::Io, "cannot read")), printed), 3);
    EXPECT_EQ(mapped(std::make_exception_ptr(app::Error(K::Forbidden, "not yours")), printed), 1);
    EXPECT_EQ(mapped(std::make_exception_ptr(app::Error(K::Internal, "broken")), printed), 70);
    EXPECT_EQ(printed, "parscore: internal error: broken\n");
}

TEST(FailureMapping, MessagesAreLocalizedButPrefixesAreNot) {
    std::string printed;
    using K = app::ErrorKind;
    const auto vi = i18n::Language::vi;
    EXPECT_EQ(mapped(std::make_exception_ptr(app::Error(K::BadRequest, core::T_("an exception of an unknown type"))),
                     printed, vi),
              2);
    EXPECT_EQ(printed, "parscore: error: một ngoại lệ không rõ loại (xem 'parscore rank --help')\n");
    EXPECT_EQ(mapped(std::make_exception_ptr(app::Error(K::Io, "disk I/O error")), printed, vi), 3);
    EXPECT_EQ(printed, "parscore: error: disk I/O error\n");
}

TEST(FailureMapping, AnUnexpectedExceptionIsAnInternalErrorSeventy) {
    std::string printed;
    EXPECT_EQ(mapped(std::make_exception_ptr(std::logic_error("vector index out of range")), printed), 70);
    EXPECT_EQ(printed, "parscore: internal error: vector index out of range\n");
    EXPECT_EQ(mapped(std::make_exception_ptr(42), printed), 70);
    EXPECT_EQ(printed.rfind("parscore: internal error: ", 0), 0u);
}

TEST(FailureMapping, StoreFailuresKeepTheirCodes) {
    std::string printed;
    using Kind = inspections::StoreError::Kind;
    EXPECT_EQ(mapped(std::make_exception_ptr(inspections::StoreError(Kind::Refused, "locked")), printed), 1);
    EXPECT_EQ(mapped(std::make_exception_ptr(inspections::StoreError(Kind::Missing, "no database")), printed), 3);
    EXPECT_EQ(mapped(std::make_exception_ptr(cli::CliError(cli::kUsage, "--date: bad")), printed), 2);
}

TEST_F(CliRun, ConsecutiveRunsWithDifferentOptionsAreIndependent) {
    Outcome csv = run(rank({"--format", "csv"}));
    Outcome table = run(rank({}));
    Outcome csv_again = run(rank({"--format", "csv"}));
    ASSERT_EQ(csv.code, 0);
    ASSERT_EQ(table.code, 0);
    EXPECT_NE(csv.out, table.out);
    EXPECT_EQ(csv.out, csv_again.out);
    EXPECT_EQ(table.out, run(rank({})).out);  // the earlier --format csv did not stick
    Outcome one_unit = run({"score", "--db", db(), "--rules", kDemoRules, "--year", "2013", "--unit", "huyen-da-bac"});
    Outcome all_units = run({"score", "--db", db(), "--rules", kDemoRules, "--year", "2013"});
    EXPECT_LT(one_unit.out.size(), all_units.out.size());  // the earlier --unit did not stick
}

TEST_F(CliRun, VersionPrintsTheProjectVersion) {
    Outcome r = run({"--version"});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, "parscore " PARSCORE_VERSION "\n");
}

TEST_F(CliRun, VerboseLogsPhasesQuietLogsNothingAndTheDefaultOnlyWarnings) {
    Outcome verbose = run(rank({"--verbose"}));
    EXPECT_EQ(verbose.code, 0);
    EXPECT_NE(verbose.err.find("parscore: info: "), std::string::npos) << verbose.err;
    EXPECT_NE(verbose.err.find("scored"), std::string::npos) << verbose.err;
    Outcome plain = run(rank({}));
    EXPECT_EQ(plain.err.find("parscore: info: "), std::string::npos)
        << plain.err;  // the earlier --verbose did not stick
    EXPECT_EQ(plain.out, verbose.out);
    Outcome before = run({"--verbose", "check", kDemoRules});
    EXPECT_NE(before.err.find("parscore: info: "), std::string::npos) << before.err;
    Outcome quiet = run(rank({"--quiet"}));
    EXPECT_EQ(quiet.code, 0);
    EXPECT_EQ(quiet.err.find("parscore: "), std::string::npos) << quiet.err;
    for (auto both :
         {std::vector<std::string>{"--quiet", "--verbose"}, std::vector<std::string>{"--verbose", "--quiet"}}) {
        Outcome quiet_wins = run(rank(both));
        EXPECT_EQ(quiet_wins.err.find("parscore: info: "), std::string::npos) << quiet_wins.err;
    }
}

TEST_F(CliRun, TimingsKeepTheirOwnLine) {
    Outcome r = run(rank({"--timings"}));
    EXPECT_NE(r.err.find("timings: load="), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("parscore: info: "), std::string::npos) << r.err;
}

}  // namespace
}  // namespace parscore::testing

namespace parscore::testing {
namespace {

// --lang picks the table's language; $PARSCORE_LANG is its default; JSON and CSV do not change.
TEST_F(CliRun, LangPicksTheTablesLanguageAndLeavesDataFormatsAlone) {
    Outcome en = run(rank({"--lang", "en"}));
    Outcome vi = run(rank({"--lang", "vi"}));
    ASSERT_EQ(en.code, 0);
    ASSERT_EQ(vi.code, 0);
    EXPECT_NE(en.out.find("rank  unit"), std::string::npos) << en.out;
    EXPECT_NE(vi.out.find("Hạng  Mã đơn vị"), std::string::npos) << vi.out;
    EXPECT_NE(vi.out.find("88,42"), std::string::npos) << vi.out;
    EXPECT_EQ(run(rank({})).out, en.out);  // English without --lang or $PARSCORE_LANG
    EXPECT_EQ(run(rank({"--format", "csv", "--lang", "vi"})).out, run(rank({"--format", "csv"})).out);

    ::setenv("PARSCORE_LANG", "vi_VN.UTF-8", 1);
    Outcome from_env = run(rank({}));
    Outcome overridden = run(rank({"--lang", "en"}));
    ::unsetenv("PARSCORE_LANG");
    EXPECT_EQ(from_env.out, vi.out);
    EXPECT_EQ(overridden.out, en.out);

    Outcome unknown = run(rank({"--lang", "fr"}));
    EXPECT_EQ(unknown.code, 2);
    EXPECT_NE(unknown.err.find("--lang"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace parscore::testing

namespace parscore::testing {
namespace {

// A failing import with --lang vi: the diagnostics read in Vietnamese after the unchanged
// `file:line:col: error[CODE]:` prefixes, and a store failure after `parscore: error:`.
TEST(ImportMessagesVi, BadUnitsFileSpeaksVietnamese) {
    Scratch dir;
    const std::string db = (dir / "t.db").string();
    write_text(dir / "units.csv", "id,name,category\nbad id!,Sở A,so\nso-a,,so\n");
    const std::string file = (dir / "units.csv").string();
    Outcome en = run({"--db", db, "units", "import", file});
    Outcome vi = run({"--lang", "vi", "--db", db, "units", "import", file});
    EXPECT_EQ(en.code, 1);
    EXPECT_EQ(vi.code, 1);
    EXPECT_NE(en.err.find(file + ":2:1: error[E407]: unit id 'bad id!' must match"), std::string::npos) << en.err;
    EXPECT_NE(vi.err.find(file + ":2:1: error[E407]: mã đơn vị 'bad id!' phải khớp với"), std::string::npos) << vi.err;
    EXPECT_NE(vi.err.find(": error[E406]: ô 'name' để trống"), std::string::npos) << vi.err;
    EXPECT_EQ(vi.err.find("must match"), std::string::npos) << vi.err;
}

TEST(ImportMessagesVi, AMissingDatabaseSpeaksVietnamese) {
    Scratch dir;
    const std::string db = (dir / "absent.db").string();
    Outcome vi = run({"--lang", "vi", "--db", db, "inspections"});
    EXPECT_EQ(vi.code, 3);
    EXPECT_EQ(vi.err.rfind("parscore: error: ", 0), 0u) << vi.err;
    EXPECT_NE(vi.err.find("cơ sở dữ liệu '" + db + "' không tồn tại"), std::string::npos) << vi.err;
}

}  // namespace
}  // namespace parscore::testing
