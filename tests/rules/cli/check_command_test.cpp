// `parscore check` as users run it: exit codes (docs/reference/commands.md), text and JSON output.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;

struct Outcome {
    int exit_code = -1;
    std::string out, err;
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

class CheckCommand : public ::testing::Test {
protected:
    // A folder of its own (support/scratch_dir.hpp), so that two runs of the suite at once never
    // share one.
    void SetUp() override { dir_ = scratch_.path(); }

    Outcome run(const std::string& args) {
        const fs::path out = dir_ / "stdout", err = dir_ / "stderr";
        const std::string command = "cd " + quoted(dir_.string()) + " && " + quoted(PARSCORE_BIN) + " " + args + " >" +
                                    quoted(out.string()) + " 2>" + quoted(err.string());
        const int status = std::system(command.c_str());
        Outcome r;
        r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.out = slurp(out);
        r.err = slurp(err);
        return r;
    }
    void write(const std::string& name, const std::string& text) {
        std::ofstream(dir_ / name, std::ios::binary) << text;
    }

    parscore::testing::ScratchDir scratch_{"parscore-check"};
    fs::path dir_;
};

const std::string kValid = R"(parscore: 1
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

std::string shipped(const std::string& name) { return quoted(std::string(PARSCORE_SOURCE_DIR) + "/rules/" + name); }

TEST_F(CheckCommand, ShippedRulebooksPassWithWerror) {
    Outcome r = run("check --werror " + shipped("hoa-binh-2013/rulebook.yaml") + " " +
                    shipped("province-2026/rulebook.yaml"));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "0 errors, 0 warnings\n");
    EXPECT_EQ(r.out, "");
}

TEST_F(CheckCommand, ErrorsAreRenderedWithTheSummaryAndExitOne) {
    write("bad.yaml", kValid + "titel: x\n");
    Outcome r = run("check bad.yaml");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err,
              "bad.yaml:17:1: error[E203]: unknown key 'titel' in a rulebook (did you mean 'title'?)\n"
              "   17 | titel: x\n"
              "      | ^~~~~\n"
              "1 error, 0 warnings\n");
}

TEST_F(CheckCommand, WarningsPassUnlessWerror) {
    // An arm that can never match (W201): `>= 1` holds whenever `>= 2` does.
    std::string text = kValid;
    const std::string points = "if exists(procedure) then 10 else 0";
    text.replace(text.find(points), points.size(),
                 "|\n          steps count(procedure) { >= 1: 5, >= 2: 10, else: 0 }");
    write("warn.yaml", text);
    Outcome plain = run("check warn.yaml");
    EXPECT_EQ(plain.exit_code, 0) << plain.err;
    EXPECT_NE(plain.err.find("warning[W"), std::string::npos) << plain.err;
    EXPECT_NE(plain.err.find("0 errors, 1 warning\n"), std::string::npos) << plain.err;
    EXPECT_EQ(run("check --werror warn.yaml").exit_code, 1);
}

TEST_F(CheckCommand, MissingFileExitsThreeAndStillChecksTheOthers) {
    write("bad.yaml", kValid + "titel: x\n");
    write("good.yaml", kValid);
    fs::create_directory(dir_ / "folder");
    Outcome r = run("check nope.yaml bad.yaml folder good.yaml");
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("cannot read rulebook 'nope.yaml': no such file"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("cannot read rulebook 'folder': is a directory"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("bad.yaml:17:1: error[E203]"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("3 errors, 0 warnings"), std::string::npos) << r.err;
}

TEST_F(CheckCommand, JsonListsEveryDiagnosticOnStdout) {
    write("bad.yaml", kValid + "titel: x\nscale: 0\n");
    Outcome r = run("check --format json bad.yaml nope.yaml");
    EXPECT_EQ(r.exit_code, 3);
    auto json = nlohmann::json::parse(r.out);
    ASSERT_TRUE(json.is_array());
    ASSERT_EQ(json.size(), 3u);
    EXPECT_EQ(json[0]["file"], "bad.yaml");
    EXPECT_EQ(json[0]["line"], 17);
    EXPECT_EQ(json[0]["column"], 1);
    EXPECT_EQ(json[0]["end_line"], 17);
    EXPECT_EQ(json[0]["end_column"], 6);
    EXPECT_EQ(json[0]["code"], "E203");
    EXPECT_EQ(json[0]["severity"], "error");
    EXPECT_EQ(json[1]["code"], "E210");
    EXPECT_EQ(json[2]["file"], "nope.yaml");
    EXPECT_EQ(json[2]["code"], "E200");
    EXPECT_EQ(json[2]["line"], 0);
}

TEST_F(CheckCommand, CleanJsonIsAnEmptyArray) {
    write("good.yaml", kValid);
    Outcome r = run("check --format json good.yaml");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(nlohmann::json::parse(r.out), nlohmann::json::array());
}

TEST_F(CheckCommand, UsageErrorsExitTwo) {
    write("good.yaml", kValid);
    EXPECT_EQ(run("check --format xml good.yaml").exit_code, 2);
    EXPECT_EQ(run("check").exit_code, 2);
    EXPECT_EQ(run("check --bogus good.yaml").exit_code, 2);
}

TEST_F(CheckCommand, NeverCreatesADatabase) {
    write("good.yaml", kValid);
    EXPECT_EQ(run("check good.yaml --db check.db").exit_code, 0);
    EXPECT_FALSE(fs::exists(dir_ / "check.db"));
    EXPECT_FALSE(fs::exists(dir_ / "parscore.db"));
}

}  // namespace
