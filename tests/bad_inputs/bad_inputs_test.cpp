// The bad-input corpus (tests/bad_inputs/README.md): every case of the `*.cases` files runs the
// built program as a user would and compares, exactly, its exit code, stdout and stderr and
// what happened to the database — hashed before and after — with the expectation written in
// the case. Large inputs are generated here at test time. UPDATE_GOLDEN=1 rewrites the
// expectations (run this program directly, not through a parallel ctest).
#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "parscore/core/sha256.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kTests = PARSCORE_TEST_DATA;  // commands run here; paths in cases are relative to it
const fs::path kCases = kTests / "bad_inputs";

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_all(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

/// The state of a file: absent, or the SHA-256 of its bytes (with its -wal and -shm companions).
std::string file_state(const fs::path& p) {
    if (!fs::exists(p)) return "absent";
    if (fs::is_directory(p)) return "directory";
    std::string state = parscore::core::sha256_hex(read_all(p));
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        const fs::path companion = p.string() + suffix;
        if (fs::exists(companion))
            state += std::string(" ") + suffix + ":" + parscore::core::sha256_hex(read_all(companion));
    }
    return state;
}

class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = fs::temp_directory_path() /
                ("parscore-bad-inputs-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

struct RunResult {
    int exit_code = -1;
    std::string out, err;
    bool timed_out = false;
    int signal = 0;
};

constexpr int kTimeoutSeconds = 120;

// AddressSanitizer reserves terabytes of address space, so the memory cap is left out there.
#if defined(__SANITIZE_ADDRESS__)
#define PARSCORE_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PARSCORE_SANITIZED 1
#endif
#endif
#ifndef PARSCORE_SANITIZED
#define PARSCORE_SANITIZED 0
#endif  // generous for sanitizer builds; a hang fails the case

/// Runs the program in `cwd` with PARSCORE_DB unset and, outside sanitizer builds, at most
/// 2 GiB of address space, so running out of memory shows as a failure rather than passing.
RunResult run_program(const std::vector<std::string>& args, const fs::path& cwd, const fs::path& capture,
                      bool as_nobody = false) {
    const fs::path out = capture / ".stdout", err = capture / ".stderr";
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (::chdir(cwd.c_str()) != 0) ::_exit(120);
        const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int in = ::open("/dev/null", O_RDONLY);
        if (o < 0 || e < 0 || in < 0) ::_exit(121);
        ::dup2(in, 0);
        ::dup2(o, 1);
        ::dup2(e, 2);
        // Root ignores file modes: a read-only case runs as an unprivileged user.
        if (as_nobody && ::geteuid() == 0 &&
            (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)) {
            ::_exit(123);
        }
        ::unsetenv("PARSCORE_DB");
        ::setenv("LC_ALL", "C.UTF-8", 1);
#if !PARSCORE_SANITIZED
        struct rlimit limit {};
        limit.rlim_cur = limit.rlim_max = rlim_t{2} << 30;
        ::setrlimit(RLIMIT_AS, &limit);
#endif
        std::vector<char*> argv;
        std::string bin = PARSCORE_BIN;
        argv.push_back(bin.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(bin.c_str(), argv.data());
        ::_exit(122);
    }
    RunResult r;
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kTimeoutSeconds);
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            r.timed_out = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    r.out = read_all(out);
    r.err = read_all(err);
    return r;
}

// ---- the seeded database and generated inputs ---------------------------------------------------

/// A database with the store tests' units, one recorded report and one imported CSV file; cases
/// get a copy.
class Seed {
public:
    static const Seed& get() {
        static Seed seed;
        return seed;
    }
    static const fs::path& db() { return get().db_; }
    /// The id of the inspection the seeded report became.
    static const std::string& inspection() { return get().inspection_; }

private:
    Seed() {
        db_ = dir_.path() / "seed.db";
        const std::string d = db_.string();
        const std::string rules = "inspections/data/rulebook.yaml";
        for (std::vector<std::string> args :
             {std::vector<std::string>{"--db", d, "units", "import", "inspections/data/units.csv"},
              {"--db", d, "record", "--rules", rules, "inspections/data/report.yaml"},
              {"--db", d, "import", "--rules", rules, "--kind", "procedure", "inspections/bad/import_again.csv"}}) {
            RunResult r = run_program(args, kTests, dir_.path());
            EXPECT_EQ(r.exit_code, 0) << r.err;
            if (args[2] == "record") inspection_ = r.out.substr(0, r.out.find('\n'));
        }
    }
    TempDir dir_;
    fs::path db_;
    std::string inspection_;
};

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

const std::string kReportHead = "inspection:\n  unit: so-tu-phap\n  date: 2013-10-15\n  kind: surprise\n";

std::string sqlite_exec(const fs::path& db, const std::string& sql) {
    sqlite3* h = nullptr;
    std::string error;
    if (sqlite3_open(db.c_str(), &h) != SQLITE_OK) error = "cannot open";
    char* message = nullptr;
    if (error.empty() && sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        error = message ? message : "error";
        sqlite3_free(message);
    }
    sqlite3_close(h);
    return error;
}

/// Generated inputs: name → writes the file at the given path (too large, or too binary, to
/// commit). Each is described in README.md.
const std::map<std::string, std::function<void(const fs::path&)>>& generators() {
    static const std::map<std::string, std::function<void(const fs::path&)>> g = {
        // Rulebooks: the shipped 2013 rulebook cut short at several kinds of place.
        {"rulebook-cut-in-flow-map.yaml",
         [](const fs::path& p) {
             const std::string text = read_all(kTests / "../rules/hoa-binh-2013/rulebook.yaml");
             const std::size_t at = text.find("{ id: excellent");
             write_all(p, text.substr(0, at + 14));
         }},
        {"rulebook-cut-in-string.yaml",
         [](const fs::path& p) {
             const std::string text = read_all(kTests / "../rules/hoa-binh-2013/rulebook.yaml");
             const std::size_t at = text.find("title: \"");
             write_all(p, text.substr(0, at + 12));
         }},
        {"rulebook-cut-in-utf8.yaml",
         [](const fs::path& p) {
             const std::string text = read_all(kTests / "../rules/hoa-binh-2013/rulebook.yaml");
             std::size_t at = text.find("\xE1\xBB");  // a three-byte Vietnamese letter
             write_all(p, text.substr(0, at + 2));
         }},
        {"rulebook-10mb-title.yaml",
         [](const fs::path& p) {
             write_all(p, "parscore: 1\nid: big\nversion: \"1\"\ntitle: \"" + std::string(10'000'000, 'x') + "\"\n");
         }},
        {"rulebook-100k-units.yaml",
         [](const fs::path& p) {
             std::string units;
             for (int i = 0; i < 100'001; ++i) units += (i ? ", c" : "c") + std::to_string(i);
             write_all(p, "parscore: 1\nid: many\nversion: \"1\"\nunits: [" + units + "]\n");
         }},
        {"rulebook-100k-enum.yaml",
         [](const fs::path& p) {
             std::string values;
             for (int i = 0; i < 100'001; ++i) values += "        - v" + std::to_string(i) + "\n";
             write_all(
                 p, "parscore: 1\nid: many\nversion: \"1\"\nevidence:\n  k:\n    fields:\n      f:\n        enum:\n" +
                        values);
         }},
        {"rulebook-deep-flow.yaml",
         [](const fs::path& p) {
             write_all(p, "parscore: 1\nid: deep\nversion: \"1\"\nparams: " + std::string(100'000, '[') + "\n");
         }},
        {"rulebook-deep-block.yaml",
         [](const fs::path& p) {
             std::string text = "parscore: 1\nid: deep\nversion: \"1\"\nparams:\n";
             for (int i = 1; i <= 100; ++i)
                 text += std::string(static_cast<std::size_t>(2 * i), ' ') + "k" + std::to_string(i) + ":\n";
             write_all(p, text);
         }},
        {"rulebook-17mb.yaml",
         [](const fs::path& p) { write_all(p, "parscore: 1\n" + repeat(std::string(1023, '#') + "\n", 17 * 1024)); }},
        {"rulebook-long-expression.yaml",
         [](const fs::path& p) {
             write_all(p,
                       "parscore: 1\nid: long\nversion: \"1\"\nunits: [department]\ngroups:\n  - id: g\n    criteria:\n"
                       "      - id: c\n        max: 1\n        points: " +
                           repeat("1 + ", 17'000) +
                           "1\n"
                           "bands:\n  - { id: done, min: 0 }\n");
         }},
        {"rulebook-deep-expression.yaml",
         [](const fs::path& p) {
             write_all(p,
                       "parscore: 1\nid: deep\nversion: \"1\"\nunits: [department]\ngroups:\n  - id: g\n    criteria:\n"
                       "      - id: c\n        max: 1\n        points: " +
                           std::string(10'000, '(') + "1" + std::string(10'000, ')') +
                           "\nbands:\n  - { id: done, min: 0 }\n");
         }},
        {"rulebook-long-list-expression.yaml",
         [](const fs::path& p) {
             std::string list;
             for (int i = 0; i < 10'001; ++i) list += (i ? "," : "") + std::to_string(i);
             write_all(p,
                       "parscore: 1\nid: list\nversion: \"1\"\nunits: [department]\ngroups:\n  - id: g\n    criteria:\n"
                       "      - id: c\n        max: 1\n        points: if year in [" +
                           list +
                           "] then 1 else 0\n"
                           "bands:\n  - { id: done, min: 0 }\n");
         }},
        // Reports.
        {"report-cut-in-record.yaml",
         [](const fs::path& p) {
             const std::string text = read_all(kTests / "inspections/data/report.yaml");
             write_all(p, text.substr(0, text.find("TP-002") + 3));
         }},
        {"report-cut-in-utf8.yaml",
         [](const fs::path& p) {
             const std::string text = read_all(kTests / "inspections/data/report.yaml");
             write_all(p, text.substr(0, text.find("\xE1\xBB\x85") + 1));  // inside "Nguyễn"
         }},
        {"report-10mb-string.yaml",
         [](const fs::path& p) {
             write_all(p, kReportHead + "findings:\n  violation:\n    - { kind: late, person: \"" +
                              std::string(10'000'000, 'x') + "\" }\n");
         }},
        {"attachment-10mib-plus-1.jpg",
         [](const fs::path& p) {
             write_all(p, "\xFF\xD8\xFF\xE0");  // a JPEG's start, then a hole: the size is refused unread
             fs::resize_file(p, std::size_t{10} * 1024 * 1024 + 1);
         }},
        {"report-100k-records.yaml",
         [](const fs::path& p) {
             std::string text = kReportHead + "findings:\n  violation:\n";
             text += repeat("    - { kind: late, person: P }\n", 100'001);
             write_all(p, text);
         }},
        {"report-100k-team.yaml",
         [](const fs::path& p) {
             write_all(p, kReportHead + "  team: [" + repeat("A, ", 100'000) + "A]\nfindings: {}\n");
         }},
        {"report-records-over-limit.yaml",
         [](const fs::path& p) {
             std::string text = kReportHead + "findings:\n  violation:\n";
             text += repeat("    - { kind: late, person: P }\n", 60'000);
             text += "  audit:\n" + repeat("    - { held_on: 2013-01-01, score: 1 }\n", 50'000);
             write_all(p, text);
         }},
        {"report-deep-flow.yaml",
         [](const fs::path& p) { write_all(p, kReportHead + "findings: " + std::string(1'000'000, '{') + "\n"); }},
        {"report-17mb.yaml",
         [](const fs::path& p) {
             write_all(p, kReportHead + "findings: {}\n" + repeat(std::string(1023, '#') + "\n", 17 * 1024));
         }},
        {"report-many-errors.yaml",
         [](const fs::path& p) {
             write_all(p,
                       kReportHead + "findings:\n  violation:\n" + repeat("    - { kind: lat, person: P }\n", 5'000));
         }},
        // CSV files.
        {"procedure-10mb-cell.csv",
         [](const fs::path& p) {
             write_all(p, "unit,date,code,posted,online_level\nso-tu-phap,2013-10-15," + std::string(10'000'000, 'x') +
                              ",true,1\n");
         }},
        {"units-100k.csv",
         [](const fs::path& p) {
             std::string text = "id,name,category\n";
             for (int i = 0; i < 100'001; ++i)
                 text += "u" + std::to_string(i) + ",Unit " + std::to_string(i) + ",commune\n";
             write_all(p, text);
         }},
        {"procedure-cut-in-quote.csv",
         [](const fs::path& p) { write_all(p, "unit,date,code,posted,online_level\nso-tu-phap,2013-10-15,\"TP-0"); }},
        {"procedure-many-errors.csv",
         [](const fs::path& p) {
             write_all(p, "unit,date,code,posted,online_level\n" + repeat("so-tu-phap,2013-10-15,A,yes,1\n", 5'000));
         }},
        // Database files.
        {"truncated.db",
         [](const fs::path& p) {
             const std::string bytes = read_all(Seed::db());
             write_all(p, bytes.substr(0, bytes.size() / 2));
         }},
        {"garbled.db",
         [](const fs::path& p) {
             std::string bytes = read_all(Seed::db());
             for (std::size_t i = 4096; i < bytes.size(); i += 7) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
             write_all(p, bytes);
         }},
        {"header-only.db",
         [](const fs::path& p) {
             const std::string bytes = read_all(Seed::db());
             write_all(p, bytes.substr(0, 100));
         }},
        {"no-tables.db",
         [](const fs::path& p) {
             EXPECT_EQ(
                 sqlite_exec(
                     p,
                     "CREATE TABLE x(a); DROP TABLE x; PRAGMA application_id = 1347633969; PRAGMA user_version = 1;"),
                 "");
         }},
        {"version-zero.db",
         [](const fs::path& p) {
             EXPECT_EQ(sqlite_exec(p,
                                   "PRAGMA application_id = 1347633969; PRAGMA user_version = 0; CREATE TABLE x(a);"),
                       "");
         }},
        {"dropped-table.db",
         [](const fs::path& p) {
             fs::copy_file(Seed::db(), p);
             EXPECT_EQ(sqlite_exec(p, "PRAGMA journal_mode = DELETE; DROP TABLE findings;"), "");
         }},
    };
    return g;
}

// ---- cases --------------------------------------------------------------------------------------

struct Case {
    std::string file;  // the .cases file
    std::string name;
    std::string title;               // the comment lines before it
    std::vector<std::string> setup;  // directives: db, gen, watch, mkdir
    std::vector<std::string> args;   // after `run`
    std::string expected;            // between ---- and ====
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.file << ":" << c.name; }

std::vector<std::string> split_args(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false, any = false;
    for (char c : line) {
        if (c == '\'') {
            quoted = !quoted;
            any = true;
        } else if (c == ' ' && !quoted) {
            if (any) out.push_back(cur);
            cur.clear();
            any = false;
        } else {
            cur += c;
            any = true;
        }
    }
    if (any) out.push_back(cur);
    return out;
}

std::vector<Case> load_cases() {
    std::vector<Case> cases;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(kCases)) {
        if (e.path().extension() == ".cases") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
        std::istringstream in(read_all(f));
        std::string line, comments;
        Case* c = nullptr;
        bool in_expected = false;
        while (std::getline(in, line)) {
            if (in_expected) {
                if (line == "====") {
                    in_expected = false;
                    c = nullptr;
                } else {
                    c->expected += line + "\n";
                }
                continue;
            }
            if (line.rfind("case ", 0) == 0) {
                cases.push_back(Case{f.filename().string(), line.substr(5), comments, {}, {}, {}});
                c = &cases.back();
                comments.clear();
            } else if (line.rfind("#", 0) == 0) {
                comments += line + "\n";
            } else if (c && line.rfind("run ", 0) == 0) {
                c->args = split_args(line.substr(4));
            } else if (c && line == "----") {
                in_expected = true;
            } else if (c && !line.empty()) {
                c->setup.push_back(line);
            }
        }
    }
    return cases;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    if (from.empty()) return s;
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

std::string block(const std::string& title, const std::string& text) {
    std::string out = "--- " + title + "\n" + text;
    if (!text.empty() && text.back() != '\n') out += "\n\\ no newline at end\n";
    return out;
}

/// The last `n` lines, after a line saying how many came before.
std::string tail_lines(const std::string& text, std::size_t n) {
    std::size_t at = text.size(), lines = 0;
    if (at > 0 && text[at - 1] == '\n') --at;
    while (at > 0 && lines < n) {
        at = text.rfind('\n', at - 1);
        if (at == std::string::npos) return text;
        ++lines;
    }
    if (lines < n) return text;
    const std::size_t before = static_cast<std::size_t>(
        std::count(text.begin(), text.begin() + static_cast<long>(at) + 1, '\n'));
    return "(" + std::to_string(before) + " lines not shown)\n" + text.substr(at + 1);
}

class BadInputs : public ::testing::TestWithParam<Case> {};

TEST_P(BadInputs, ExitCodeMessagesAndDatabaseAreAsExpected) {
    const Case& c = GetParam();
    TempDir tmp;
    const std::string t = tmp.path().string();
    auto expand = [&](std::string s) { return replace_all(s, "{tmp}", t); };
    fs::path db = tmp.path() / "t.db";
    bool seeded = true;
    std::vector<std::pair<std::string, fs::path>> watched;  // (name shown, path)
    std::size_t stderr_tail = 0;                            // 0: all of stderr
    bool as_nobody = false;
    std::vector<std::vector<std::string>> links;        // symlink/hardlink TARGET LINK, made once {db} exists
    std::vector<std::pair<fs::path, fs::perms>> modes;  // applied after the database is in place
    auto expand_db = [&](const std::string& s) { return replace_all(expand(s), "{db}", db.string()); };
    for (const std::string& d : c.setup) {
        const std::vector<std::string> w = split_args(d);
        if (w.size() == 2 && w[0] == "db" && w[1] == "none") {
            seeded = false;
        } else if (w.size() == 3 && w[0] == "db" && w[1] == "copy") {
            seeded = false;
            db = tmp.path() / fs::path(w[2]).filename();
            fs::copy_file(kTests / w[2], db);
        } else if (w.size() == 3 && w[0] == "db" && w[1] == "gen") {
            seeded = false;
            db = tmp.path() / w[2];
            ASSERT_TRUE(generators().count(w[2])) << "unknown generator " << w[2];
            generators().at(w[2])(db);
        } else if (w.size() == 3 && w[0] == "db" && w[1] == "dir") {
            seeded = false;
            db = tmp.path() / w[2];
            fs::create_directories(db);
        } else if (w.size() == 2 && w[0] == "gen") {
            ASSERT_TRUE(generators().count(w[1])) << "unknown generator " << w[1];
            generators().at(w[1])(tmp.path() / w[1]);
        } else if (w.size() == 3 && w[0] == "copy") {
            fs::copy_file(kTests / w[1], expand(w[2]));
        } else if (w.size() == 2 && w[0] == "seed") {
            fs::copy_file(Seed::db(), expand(w[1]));
        } else if (w.size() == 2 && w[0] == "watch") {
            watched.emplace_back(w[1], expand_db(w[1]));
        } else if (w.size() == 2 && w[0] == "as" && w[1] == "nobody") {
            as_nobody = true;
        } else if (w.size() == 3 && w[0] == "chmod") {
            modes.emplace_back(w[2], static_cast<fs::perms>(std::stoul(w[1], nullptr, 8)));
        } else if (w.size() == 3 && (w[0] == "symlink" || w[0] == "hardlink")) {
            links.push_back(w);
        } else if (w.size() == 2 && w[0] == "stderr-tail") {
            stderr_tail = static_cast<std::size_t>(std::stoul(w[1]));
        } else {
            FAIL() << "unknown directive: " << d;
        }
    }
    if (seeded) fs::copy_file(Seed::db(), db);
    for (const auto& l : links) {
        if (l[0] == "symlink") fs::create_symlink(expand_db(l[1]), expand_db(l[2]));
        else fs::create_hard_link(expand_db(l[1]), expand_db(l[2]));
    }
    for (auto& [path, perms] : modes) {
        path = expand_db(path.string());
        fs::permissions(path, perms);
    }
    std::vector<std::string> args;
    std::vector<fs::path> inputs;  // files of the tree named on the command line: never changed
    for (const std::string& a : c.args) {
        std::string v = replace_all(replace_all(expand(a), "{db}", db.string()), "{inspection}", Seed::inspection());
        if (!v.empty() && v[0] != '/' && fs::is_regular_file(kTests / v)) inputs.push_back(kTests / v);
        args.push_back(v);
    }
    std::vector<std::string> input_states;
    for (const auto& p : inputs) input_states.push_back(file_state(p));
    const std::string db_before = file_state(db);
    std::vector<std::string> watched_before;
    for (const auto& [name, p] : watched) watched_before.push_back(file_state(p));

    const RunResult r = run_program(args, kTests, tmp.path(), as_nobody);
    for (auto it = modes.rbegin(); it != modes.rend(); ++it)
        fs::permissions(it->first, fs::perms::owner_all, fs::perm_options::add);

    ASSERT_FALSE(r.timed_out) << "timed out after " << kTimeoutSeconds << " s";
    ASSERT_EQ(r.signal, 0) << "killed by signal " << r.signal << "\n" << r.err;
    for (std::size_t i = 0; i < inputs.size(); ++i) EXPECT_EQ(file_state(inputs[i]), input_states[i]) << inputs[i];
    auto describe = [](const std::string& before, const std::string& after) {
        if (before == "absent") return std::string(after == "absent" ? "not created" : "CREATED");
        if (before == "directory") return std::string("directory");
        return std::string(after == before ? "unchanged" : "CHANGED");
    };
    std::string actual = "exit " + std::to_string(r.exit_code) + "\n";
    actual += "database " + describe(db_before, file_state(db)) + "\n";
    for (std::size_t i = 0; i < watched.size(); ++i) {
        actual += watched[i].first + " " + describe(watched_before[i], file_state(watched[i].second)) + "\n";
    }
    auto clean = [&](const std::string& s) {
        return replace_all(replace_all(replace_all(s, db.string(), "{db}"), t, "{tmp}"), Seed::inspection(),
                           "{inspection}");
    };
    actual += block("stdout", clean(r.out));
    actual += block("stderr", stderr_tail ? tail_lines(clean(r.err), stderr_tail) : clean(r.err));

    if (const char* update = std::getenv("UPDATE_GOLDEN"); update && std::string(update) == "1") {
        const fs::path file = kCases / c.file;
        std::istringstream in(read_all(file));
        std::string out, line;
        bool mine = false, skipping = false;
        while (std::getline(in, line)) {
            if (skipping) {
                if (line == "====") {
                    out += actual + "====\n";
                    skipping = false;
                }
                continue;
            }
            if (line.rfind("case ", 0) == 0) mine = line.substr(5) == c.name;
            out += line + "\n";
            if (mine && line == "----") skipping = true;
        }
        write_all(file, out);
        GTEST_SKIP() << "expectation rewritten";
    }
    EXPECT_EQ(c.expected, actual) << c.title;
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
    std::string n = info.param.file.substr(0, info.param.file.find('.')) + "_" + info.param.name;
    for (char& ch : n) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
    }
    return n;
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInputs, ::testing::ValuesIn(load_cases()), case_name);

TEST(BadInputsCorpus, HasSixtyCasesWithDistinctNames) {
    const auto cases = load_cases();
    EXPECT_GE(cases.size(), 60u);
    std::map<std::string, int> names;
    for (const auto& c : cases) EXPECT_EQ(++names[c.name], 1) << "case " << c.name << " is given twice";
}

TEST(BadInputsCorpus, EveryCommittedFileIsUsedByACase) {
    std::string all;
    for (const auto& c : load_cases()) {
        for (const auto& a : c.args) all += a + "\n";
        for (const auto& s : c.setup) all += s + "\n";
    }
    for (const auto& e : fs::recursive_directory_iterator(kCases)) {
        if (!e.is_regular_file()) continue;
        const std::string ext = e.path().extension().string();
        if (ext == ".cases" || ext == ".cpp" || ext == ".md") continue;
        const std::string rel = fs::relative(e.path(), kTests).generic_string();
        EXPECT_NE(all.find(rel), std::string::npos) << rel << " is not used by any case";
    }
    for (const auto& [name, gen] : generators()) {
        EXPECT_NE(all.find(name), std::string::npos) << "generator " << name << " is not used by any case";
    }
}

}  // namespace
