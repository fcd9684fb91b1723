// The built program under pressure: 8 processes recording at once into one database, and
// imports killed with SIGKILL at varying moments.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <chrono>
#include <thread>

#include "fixture.hpp"

extern char** environ;

namespace parscore::inspections::testing {
namespace {

/// Starts `parscore ARGS...` with stdout and stderr sent to files; returns its pid.
pid_t spawn_parscore(const std::vector<std::string>& args, const fs::path& out, const fs::path& err) {
    std::vector<std::string> all = {PARSCORE_BIN};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, PARSCORE_BIN, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    EXPECT_EQ(rc, 0);
    return pid;
}

int wait_for(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

std::string query_text(const fs::path& db, const std::string& sql) {
    sqlite3* h = nullptr;
    EXPECT_EQ(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char* t = sqlite3_column_text(st, 0);
        out = t ? reinterpret_cast<const char*>(t) : "";
    }
    sqlite3_finalize(st);
    sqlite3_close(h);
    return out;
}

TEST(Processes, EightWritersRecordingFiftyReportsEach) {
    TempDir dir;
    const TestDatabase database(dir.path(), "shared.db");
    const fs::path& db = database.location();
    ASSERT_EQ(run_parscore({"--db", db.string(), "units", "import", (kData / "data" / "units.csv").string()},
                           dir.path())
                  .exit_code,
              0);
    constexpr int kProcesses = 8, kReports = 50;
    std::vector<std::vector<std::string>> files(kProcesses);
    for (int p = 0; p < kProcesses; ++p) {
        for (int r = 0; r < kReports; ++r) {
            const fs::path f = dir / ("r" + std::to_string(p) + "_" + std::to_string(r) + ".yaml");
            write_file(f, "inspection:\n  unit: so-tu-phap\n  date: 2013-" + std::string(r % 12 < 9 ? "0" : "") +
                              std::to_string(r % 12 + 1) +
                              "-15\n  kind: scheduled\nfindings:\n  procedure:\n    - { code: P" + std::to_string(p) +
                              "-" + std::to_string(r) + ", posted: true, online_level: 2 }\n");
            files[p].push_back(f.string());
        }
    }
    std::vector<pid_t> pids;
    for (int p = 0; p < kProcesses; ++p) {
        std::vector<std::string> args = {"--db", db.string(), "record", "--rules", kRulebook.string()};
        args.insert(args.end(), files[p].begin(), files[p].end());
        pids.push_back(spawn_parscore(args, dir / ("out" + std::to_string(p)), dir / ("err" + std::to_string(p))));
    }
    for (int p = 0; p < kProcesses; ++p) EXPECT_EQ(wait_for(pids[p]), 0) << read_all(dir / ("err" + std::to_string(p)));

    Store store = Store::open(db, OpenMode::Existing);
    EXPECT_EQ(store.inspections({}).size(), static_cast<std::size_t>(kProcesses * kReports));
    EXPECT_TRUE(store.verify_chains().empty());
    EXPECT_EQ(store.last_revision(), 4 + kProcesses * kReports);  // the four units took the first numbers
    std::map<std::string, std::int64_t> stamp;
    for (const auto& s : store.inspections({})) stamp[s.id] = s.stamp;
    std::set<std::int64_t> distinct;
    for (int p = 0; p < kProcesses; ++p) {
        std::istringstream out(read_all(dir / ("out" + std::to_string(p))));
        std::string id;
        std::int64_t previous = 0;
        int lines = 0;
        while (std::getline(out, id)) {
            ++lines;
            ASSERT_TRUE(stamp.count(id)) << "line " << lines << " of process " << p << ": '" << id << "'";
            EXPECT_GT(stamp[id], previous) << "argument order is recording order";
            previous = stamp[id];
            distinct.insert(stamp[id]);
        }
        EXPECT_EQ(lines, kReports);
    }
    EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kProcesses * kReports));
    if (on_postgres()) return;  // SQLite's check of its file
    EXPECT_EQ(query_text(db, "PRAGMA integrity_check"), "ok");
}

TEST(Processes, AKilledImportLeavesNoneOrAllOfItsRows) {
    TempDir dir;
    // 1500 units × 120 procedures.
    constexpr int kUnits = 1500, kPerUnit = 120;
    std::string units = "id,name,category\n", rows = "unit,date,code,posted,online_level\n";
    for (int u = 0; u < kUnits; ++u) {
        units += "u" + std::to_string(u) + ",Unit " + std::to_string(u) + ",department\n";
        for (int r = 0; r < kPerUnit; ++r) {
            rows += "u" + std::to_string(u) + ",2013-06-15,C" + std::to_string(r) + "," + (r % 3 ? "true" : "false") +
                    "," + std::to_string(r % 4) + "\n";
        }
    }
    write_file(dir / "units.csv", units);
    write_file(dir / "procedure.csv", rows);
    const fs::path seed = dir / "seed.db";
    ASSERT_EQ(
        run_parscore({"--db", seed.string(), "units", "import", (dir / "units.csv").string()}, dir.path()).exit_code,
        0);
    const std::string all = std::to_string(kUnits * kPerUnit);
    const std::vector<std::string> import = {"import", "--rules",   kRulebook.string(),
                                             "--kind", "procedure", (dir / "procedure.csv").string()};
    auto args_for = [&](const fs::path& db) {
        std::vector<std::string> a = {"--db", db.string()};
        a.insert(a.end(), import.begin(), import.end());
        return a;
    };

    // One uninterrupted run gives the duration to spread the kills over.
    const fs::path whole = dir / "whole.db";
    fs::copy_file(seed, whole);
    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_EQ(wait_for(spawn_parscore(args_for(whole), dir / "out", dir / "err")), 0) << read_all(dir / "err");
    const double duration_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    ASSERT_EQ(query_text(whole, "SELECT sum(records) FROM findings WHERE kind = 'procedure'"), all);

    constexpr int kTrials = 22;
    int none = 0, complete = 0;
    for (int trial = 0; trial < kTrials; ++trial) {
        const fs::path db = dir / ("trial" + std::to_string(trial) + ".db");
        fs::copy_file(seed, db);
        const pid_t pid = spawn_parscore(args_for(db), dir / "out", dir / "err");
        // From the start to a little past the end of an uninterrupted run.
        const double at = duration_ms * 1.15 * trial / (kTrials - 1);
        std::this_thread::sleep_for(std::chrono::microseconds(static_cast<long>(at * 1000)));
        kill(pid, SIGKILL);
        wait_for(pid);
        EXPECT_EQ(query_text(db, "PRAGMA integrity_check"), "ok") << "trial " << trial;
        const std::string records =
            query_text(db, "SELECT coalesce(sum(records), 0) FROM findings WHERE kind = 'procedure'");
        const std::string imports = query_text(db, "SELECT count(*) FROM imports");
        if (records == "0") {
            ++none;
            EXPECT_EQ(imports, "0") << "trial " << trial;
        } else {
            ++complete;
            EXPECT_EQ(records, all) << "trial " << trial << " after " << at << " ms";
            EXPECT_EQ(imports, "1") << "trial " << trial;
        }
        Store store = Store::open(db, OpenMode::Existing);
        EXPECT_TRUE(store.verify_chains().empty()) << "trial " << trial;
        store = Store::open(seed, OpenMode::Existing);  // release the trial database
        fs::remove(db);
    }
    EXPECT_GT(none, 0);
    EXPECT_GT(complete, 0);
}

}  // namespace
}  // namespace parscore::inspections::testing
