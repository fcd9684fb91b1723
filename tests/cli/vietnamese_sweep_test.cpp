// The whole product in Vietnamese: every command a person reads text from, run with --lang vi on
// the demo province, must print no English words. What legitimately reads the same in both
// languages is removed first, each kind by a precise rule below (ids, paths, option names, codes,
// the fixed prefixes, the rule language); what is left must be Vietnamese.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

#include "../app/scratch.hpp"
#include "run_cli.hpp"

namespace parscore::testing {
namespace {

// English words that a Vietnamese text never needs. Matched as whole words, case-sensitively
// where the case matters ("Rank" as a column head, "is" anywhere).
const std::vector<std::string> kEnglishWords = {
    "the",        "of",        "and",       "is",          "not",      "cannot",  "unit",     "units",    "score",
    "scores",     "Rank",      "rank",      "Total",       "total",    "error",   "errors",   "warning",  "warnings",
    "note",       "published", "unchanged", "publication", "evidence", "hash",    "revision", "year",     "basis",
    "incomplete", "differ",    "more",      "such",        "file",     "folder",  "found",    "passed",   "failed",
    "coverage",   "Usage",     "Options",   "Print",       "help",     "message", "exit",     "Needs",    "POSITIVE",
    "TEXT",       "INT",       "with",      "see",         "have",     "has",     "no",       "expected", "required",
};

// A line's fixed prefixes, the same in both languages: `parscore: error: `,
// `file:line:col: error[E123]: ` and `warning[W301]: `.
const std::regex kPrefixes(
    R"(^(parscore: (internal )?error: |\S+:\d+:\d+: (error|warning)\[[A-Z]\d+\]: |(error|warning)\[[A-Z]\d+\]: ))");
// Quoted input and data: "…" and '…'.
const std::regex kQuoted(R"("[^"]*"|'[^']*')");
// Option names (--year), paths and file names (a/b, x.yaml), ids and field names with '_', '-',
// '.' or digits (huyen-da-bac, chi_dao.ke_hoach, E215), hashes and uuids.
const std::regex kIdentifiers(R"(--?[A-Za-z][\w-]*|\S*[/\\]\S*|\b\w*[_.\d-][\w.-]*\b)");
// Command names: after `parscore ` and as the first word of a line of the command list in --help.
const std::regex kCommands(R"(\bparscore [a-z]+|^  [a-z]+(?=\s{2,}))");
// The template's YAML keys (`  unit: `) and the values an enumerated field allows, as the rulebook
// names them (`một trong các giá trị: unit | province`).
const std::regex kTemplateData(R"(^\s*[a-z_]+:|một trong các giá trị: .*$)");
// A diagnostic's excerpt of the file read (`   5 |     unit: …`), and the values a rule test's
// `status` takes, written as in the file.
const std::regex kInput(R"(^\s*\d+ \|.*$|\bcomplete hoặc incomplete\b)");
// Metavariables of the usage lines, written as CLI11 and the docs write them.
const std::regex kMetavariables(R"(\b(ID|PATH|REPORT|RULEBOOK|REASON|FILE|P)\b)");
// The rule language as explain echoes it: an expression line `<expr> = <value>` (indented), the
// scale line `thang điểm theo <expr> = <value>: …` and the records line `các bản ghi của <expr> …`.
const std::regex kExpressionLine(R"(^\s{4,}\S.* = .*$|^\s*thang điểm theo .*$|^\s*các bản ghi của .*$)");
const std::regex kRuleKeywords(
    R"(\b(if|then|else|not|and|or|steps|where|true|false|default|count|share|min|max|sum|exists|all|params)\b)");

std::string strip_exempt(const std::string& line) {
    std::string s = std::regex_replace(line, kPrefixes, "");
    s = std::regex_replace(s, kCommands, " ");
    s = std::regex_replace(s, kTemplateData, " ");
    s = std::regex_replace(s, kInput, " ");
    s = std::regex_replace(s, kQuoted, " ");
    if (std::regex_match(line, kExpressionLine)) s = std::regex_replace(s, kRuleKeywords, " ");
    s = std::regex_replace(s, kIdentifiers, " ");
    return std::regex_replace(s, kMetavariables, " ");
}

/// Each line of `text` that still holds an English word once the exempt parts are removed.
std::vector<std::string> english_lines(const std::string& text, const std::vector<std::string>& exempt_lines = {}) {
    std::vector<std::string> found;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        bool exempt = false;
        for (const std::string& e : exempt_lines) exempt = exempt || line.find(e) != std::string::npos;
        if (exempt) continue;
        const std::string rest = strip_exempt(line);
        for (const std::string& word : kEnglishWords) {
            if (std::regex_search(rest, std::regex("\\b" + word + "\\b"))) {
                found.push_back(line + "    <- '" + word + "'");
                break;
            }
        }
    }
    return found;
}

// Left to the engine's own translation, not yet done there; expected to disappear: the
// differences a refusal to publish lists (engine/publication), `  unit …: points: published …, now …`.
const std::vector<std::string> kPendingElsewhere = {": published "};

class VietnameseSweep : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        scratch_ = new Scratch;
        demo_ = run({"--lang", "vi", "demo", "--db", db()});
        ASSERT_EQ(demo_.code, 0) << demo_.err;
    }
    static void TearDownTestSuite() {
        delete scratch_;
        scratch_ = nullptr;
    }
    static std::string db() { return (*scratch_ / "demo.db").string(); }
    static fs::path dir() { return scratch_->path(); }

    static Outcome vi(std::vector<std::string> args) {
        args.insert(args.begin(), {"--lang", "vi"});
        return run(args);
    }
    static Outcome vi_db(std::vector<std::string> args) {
        args.insert(args.end(), {"--db", db()});
        return vi(args);
    }
    static void expect_vietnamese(const std::string& what, const Outcome& r,
                                  const std::vector<std::string>& exempt = kPendingElsewhere) {
        EXPECT_FALSE(r.out.empty() && r.err.empty()) << what << " printed nothing";
        for (const std::string& l : english_lines(r.out, exempt)) ADD_FAILURE() << what << " (stdout): " << l;
        for (const std::string& l : english_lines(r.err, exempt)) ADD_FAILURE() << what << " (stderr): " << l;
    }

    inline static Scratch* scratch_ = nullptr;
    inline static Outcome demo_;
};

TEST(VietnameseSweepFilter, FindsEnglishAndLeavesWhatStaysTheSame) {
    EXPECT_EQ(english_lines("parscore: error: cannot write 'x'").size(), 1u);
    EXPECT_EQ(english_lines("a.yaml:3:5: error[E215]: unknown band").size(), 0u);  // no listed word
    EXPECT_EQ(english_lines("a.yaml:3:5: error[E215]: the band").size(), 1u);
    EXPECT_EQ(english_lines("parscore: error: thiếu --year (xem 'parscore rank --help')").size(), 0u);
    EXPECT_EQ(english_lines("    if not one_stop_desk then 0 else 2 = 2").size(), 0u);
    EXPECT_EQ(english_lines("tổng điểm: if not x").size(), 1u);  // rule keywords only in expression lines
    EXPECT_EQ(english_lines("Cách dùng: parscore score [TÙY CHỌN]").size(), 0u);
    EXPECT_EQ(english_lines("  rank                        Xếp hạng").size(), 0u);
    EXPECT_EQ(english_lines("  rank the units").size(), 1u);
    EXPECT_EQ(english_lines("  unit so-noi-vu: total: published 3, now 2").size(), 1u);
    EXPECT_EQ(english_lines("Cách dùng: parscore score [TÙY CHỌN]").size(), 0u);
    EXPECT_EQ(english_lines("  rank                        Xếp hạng").size(), 0u);
    EXPECT_EQ(english_lines("  rank the units").size(), 1u);
    EXPECT_EQ(english_lines("  unit so-noi-vu: total: published 3, now 2", kPendingElsewhere).size(), 0u);
}

TEST_F(VietnameseSweep, DemoScoreRankAndTheAnalyses) {
    expect_vietnamese("demo", demo_);
    const fs::path other = dir() / "other.yaml";
    std::string rulebook = read_text(kDemoRules);
    const std::string from = "points: if par_plan_on_time then 3 else 0";
    ASSERT_NE(rulebook.find(from), std::string::npos);
    rulebook.replace(rulebook.find(from), from.size(), "points: if par_plan_on_time then 2 else 0");
    write_text(other, rulebook);

    const std::vector<std::string> year = {"--rules", kDemoRules, "--year", "2013"};
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.end(), year.begin(), year.end());
        return args;
    };
    expect_vietnamese("score", vi_db(with({"score"})));
    expect_vietnamese("rank", vi_db(with({"rank"})));
    expect_vietnamese("explain", vi_db(with({"explain", "--unit", "huyen-da-bac"})));
    expect_vietnamese("summary", vi_db(with({"summary"})));
    expect_vietnamese("gap", vi_db(with({"gap"})));
    const Outcome diff = vi_db(with({"diff", "--with", other.string()}));
    EXPECT_EQ(diff.code, 0) << diff.err;
    expect_vietnamese("diff", diff);
}

TEST_F(VietnameseSweep, TheStore) {
    expect_vietnamese("verify", vi_db({"verify"}));
    expect_vietnamese("units list", vi_db({"units", "list"}));
    const Outcome inspections = vi_db({"inspections"});
    expect_vietnamese("inspections", inspections);
    const Outcome csv = run({"inspections", "--format", "csv", "--db", db()});
    const std::string id = csv.out.substr(csv.out.find('\n') + 1, 36);
    expect_vietnamese("show", vi_db({"show", id}));
    // The template's comment names the command to type, with its metavariables as written.
    expect_vietnamese("template", vi_db({"template", "--rules", kDemoRules, "--unit", "huyen-da-bac"}));
}

TEST_F(VietnameseSweep, AdoptedRulebooksAndTheAuditLog) {
    expect_vietnamese("rulebooks", vi_db({"rulebooks"}));
    expect_vietnamese("audit", vi_db({"audit"}));
    expect_vietnamese("rank without an adoption", vi_db({"rank", "--year", "2014"}));
    const fs::path copy = dir() / "adopt.db";
    fs::copy_file(db(), copy);
    const std::vector<std::string> adopt = {"adopt", "--rules", kDemoRules, "--year", "2014", "--db", copy.string()};
    expect_vietnamese("adopt", vi(adopt));
    expect_vietnamese("adopt again", vi(adopt));
}

TEST_F(VietnameseSweep, ReviewConfirmsListsAndRefusesInVietnamese) {
    const fs::path copy = dir() / "review.db";
    fs::copy_file(db(), copy);
    const Outcome csv = run({"inspections", "--format", "csv", "--year", "2013", "--db", copy.string()});
    const std::string id = csv.out.substr(csv.out.find('\n') + 1, 36);
    auto vi_copy = [&](std::vector<std::string> args) {
        args.insert(args.end(), {"--db", copy.string()});
        return vi(args);
    };
    const fs::path photo = dir() / "anh.jpg", page = dir() / "trang.jpg";
    write_text(photo, std::string("\xFF\xD8\xFF\xE0", 4) + "x");
    write_text(page, "<html></html>");
    expect_vietnamese("return", vi_copy({"return", id, "--comment", "Thiếu biên bản"}));
    expect_vietnamese("comment", vi_copy({"comment", id, "Đã bổ sung"}));
    expect_vietnamese("attach", vi_copy({"attach", id, photo.string()}));
    expect_vietnamese("show", vi_copy({"show", id}));
    expect_vietnamese("return again", vi_copy({"return", id, "--comment", "lần nữa"}));
    expect_vietnamese("attach a page", vi_copy({"attach", id, page.string()}));
    expect_vietnamese("empty comment", vi_copy({"comment", id, " "}));
}

TEST_F(VietnameseSweep, PublishConfirmsAndRefusesInVietnamese) {
    const fs::path copy = dir() / "publish.db";
    fs::copy_file(db(), copy);
    auto publish = [&](std::vector<std::string> extra, const std::string& rules = kDemoRules) {
        std::vector<std::string> args = {"publish", "--rules", rules, "--year", "2012", "--db", copy.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return vi(args);
    };
    const Outcome unchanged = publish({"--supersede", "lý do"});
    EXPECT_EQ(unchanged.code, 0) << unchanged.err;
    EXPECT_NE(unchanged.out.find("không thay đổi: bản công bố 1 đã có đúng các kết quả này (hoa-binh-cchc, năm 2012, "
                                 "căn cứ: tất cả các cuộc kiểm tra)"),
              std::string::npos)
        << unchanged.out;
    expect_vietnamese("publish (unchanged)", unchanged);

    const fs::path other = dir() / "other-publish.yaml";
    std::string rulebook = read_text(kDemoRules);
    const std::string from = "points: if par_plan_on_time then 3 else 0";
    rulebook.replace(rulebook.find(from), from.size(), "points: if par_plan_on_time then 2 else 0");
    write_text(other, rulebook);
    const Outcome refused = publish({}, other.string());
    EXPECT_EQ(refused.code, 1);
    EXPECT_NE(refused.err.find("kết quả khác với bản công bố 1 (hoa-binh-cchc, năm 2012"), std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find("… và 69 khác biệt nữa"), std::string::npos) << refused.err;
    expect_vietnamese("publish (refused)", refused);

    const Outcome superseding = publish({"--supersede", "sửa tiêu chí"}, other.string());
    EXPECT_EQ(superseding.code, 0) << superseding.err;
    EXPECT_NE(superseding.out.find("thay cho bản công bố 1"), std::string::npos) << superseding.out;
    expect_vietnamese("publish (superseding)", superseding);
}

TEST_F(VietnameseSweep, RuleChecksAndTests) {
    const fs::path bad = dir() / "bad.yaml";
    std::string rulebook = read_text(kDemoRules);
    const std::string from = "points: if par_plan_on_time then 3 else 0";
    rulebook.replace(rulebook.find(from), from.size(), "points: if par_plan_on_tme then 3 else 0");
    write_text(bad, rulebook);
    const Outcome check = vi({"check", bad.string()});
    EXPECT_EQ(check.code, 1);
    expect_vietnamese("check", check);
    const Outcome tests = vi({"test", (kSourceDir / "rules").string()});
    EXPECT_EQ(tests.code, 0) << tests.err;
    expect_vietnamese("test", tests);
    // A test file with mistakes: its diagnostics read in Vietnamese after their codes.
    const fs::path bad_test = dir() / "bad.test.yaml";
    write_text(bad_test, "rulebook: " + kDemoRules +
                             "\nyear: 2013\ncases:\n  - name: x\n    unit: {id: a, category: "
                             "distrct}\n    extra: 1\n    expect: {criteria: {nope: 1}, status: done}\n");
    const Outcome bad_tests = vi({"test", bad_test.string()});
    EXPECT_EQ(bad_tests.code, 1);
    EXPECT_NE(bad_tests.err.find("khóa 'extra' không hợp lệ trong trường hợp kiểm thử"), std::string::npos)
        << bad_tests.err;
    expect_vietnamese("test (a bad test file)", bad_tests);
    const Outcome missing = vi({"test", (dir() / "nothere").string()});
    EXPECT_EQ(missing.code, 3);
    EXPECT_NE(missing.err.find("parscore: error: không tìm thấy tệp hoặc thư mục: "), std::string::npos) << missing.err;
    expect_vietnamese("test (missing path)", missing);
}

TEST_F(VietnameseSweep, UsageErrorsAndHelp) {
    expect_vietnamese("usage error", vi({"rank", "--year", "2013"}));
    for (const char* command : {"score", "explain", "publish", "verify", "test", "template", "show", "units"}) {
        expect_vietnamese(std::string(command) + " --help", vi({command, "--help"}));
    }
    expect_vietnamese("--help", vi({"--help"}));
}

// The English of what this sweep translated reads exactly as before.
TEST_F(VietnameseSweep, EnglishConfirmationsAreUnchanged) {
    const fs::path copy = dir() / "publish-en.db";
    fs::copy_file(db(), copy);
    const Outcome unchanged = run(
        {"publish", "--rules", kDemoRules, "--year", "2012", "--db", copy.string(), "--supersede", "x"});
    EXPECT_EQ(unchanged.out.rfind("unchanged: publication 1 already holds these results (hoa-binh-cchc, year 2012, "
                                  "basis all)\nevidence hash: ",
                                  0),
              0u)
        << unchanged.out;
    EXPECT_EQ(unchanged.err, "note: nothing to supersede; the reason was not stored\n");
    const Outcome published = run({"publish", "--rules", kDemoRules, "--year", "2013", "--db", copy.string()});
    EXPECT_EQ(published.out.rfind("published: publication 2 (hoa-binh-cchc, year 2013, basis all, revision ", 0), 0u)
        << published.out;
    EXPECT_EQ(run({"test", (dir() / "nothere").string()}).err,
              "parscore: error: no such file or folder: " + (dir() / "nothere").string() + "\n");
    EXPECT_EQ(run({"verify", "--help"}).out.find("INT:POSITIVE") != std::string::npos, true);
}

}  // namespace
}  // namespace parscore::testing
