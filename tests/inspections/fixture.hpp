#pragma once
// Helpers for the evidence store's tests: temporary folders, test databases on either backend
// (support/test_database.hpp), a schema matching data/rulebook.yaml, report builders, file hashes
// and running the built program.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>
#include "support/scratch_dir.hpp"
#include "support/test_database.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "parscore/core/schema.hpp"
#include "parscore/core/sha256.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::inspections::testing {

namespace fs = std::filesystem;

inline const fs::path kData = fs::path(PARSCORE_TEST_DATA) / "inspections";
inline const fs::path kRulebook = kData / "data" / "rulebook.yaml";

using TempDir = parscore::testing::ScratchDir;
using parscore::testing::on_postgres;
using parscore::testing::TestDatabase;

inline std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_file(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

/// SHA-256 of a file's bytes ("" when it does not exist).
inline std::string file_sha256(const fs::path& p) {
    if (!fs::exists(p)) return "";
    return core::sha256_hex(read_all(p));
}

/// Whether a store has given `db` its schema: the file exists, or the schema holds tables.
inline bool created(const TestDatabase& db) {
    if (!db.postgres()) return fs::exists(db.location());
    return db.number("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()") > 0;
}

/// Every row of every table as text, the audit log's only when asked: what "unchanged" compares.
/// PostgreSQL has no rowid, so there each table's rows are compared in sorted order.
inline std::string contents(const TestDatabase& db, bool with_audit = false) {
    sql::Database connection = db.connect();
    std::vector<std::string> tables;
    sql::Statement names = connection.prepare(
        db.postgres()
            ? "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
            : "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    while (names.step()) tables.push_back(names.text(0));
    std::string out;
    for (const std::string& t : tables) {
        if (t == "audit" && !with_audit) continue;
        std::vector<std::string> rows;
        sql::Statement all = connection.prepare("SELECT * FROM \"" + t + "\"" +
                                                (db.postgres() ? "" : " ORDER BY rowid"));
        while (all.step()) {
            std::string row;
            for (int c = 0; c < all.column_count(); ++c) row += all.optional_text(c).value_or("NULL") + "|";
            rows.push_back(row);
        }
        if (db.postgres()) std::sort(rows.begin(), rows.end());
        out += "# " + t + "\n";
        for (const std::string& row : rows) out += row + "\n";
    }
    return out;
}

/// What "the database did not change" compares: the file's bytes on SQLite, every row on
/// PostgreSQL (which has no file to hash).
inline std::string fingerprint(const TestDatabase& db) {
    return db.postgres() ? contents(db, true) : file_sha256(db.location());
}

/// Runs one statement behind the store's back; returns the rows it changed.
inline std::int64_t changed_rows(const TestDatabase& db, const std::string& statement) {
    sql::Database connection = db.connect();
    connection.prepare(statement).run();
    return connection.changes();
}

/// Copies the database at `from` to `to`, which must be absent (a file) or empty (PostgreSQL): a
/// SQLite file byte for byte, anything else with Store::copy. The merge tests keep the other
/// database (a field team's copy, merged elsewhere or changed on its own) a SQLite file.
inline void copy_database(const fs::path& from, const fs::path& to) {
    if (!is_postgres_uri(from.string()) && !is_postgres_uri(to.string())) {
        fs::copy_file(from, to);
        return;
    }
    Store::copy(Store::open(from, OpenMode::ReadOnly), to);
}

inline core::FieldDef field(std::string name, core::FieldType type, std::vector<std::string> values = {}) {
    core::FieldDef f;
    f.name = std::move(name);
    f.type = type;
    f.enum_values = std::move(values);
    return f;
}

/// The evidence schema of data/rulebook.yaml.
inline core::EvidenceSchema test_schema() {
    using core::FieldType;
    core::EvidenceSchema s;
    core::KindDef procedure;
    procedure.name = "procedure";
    procedure.fields = {field("code", FieldType::Text), field("posted", FieldType::Bool),
                        field("online_level", FieldType::Int)};
    procedure.key = 0;
    core::KindDef violation;
    violation.name = "violation";
    violation.fields = {field("kind", FieldType::Enum, {"late", "left_early", "drunk", "asleep"}),
                        field("person", FieldType::Text)};
    core::KindDef desk;
    desk.name = "desk_staff";
    desk.combine = core::Combine::Latest;
    desk.fields = {field("name", FieldType::Text), field("qualified", FieldType::Bool)};
    core::KindDef audit;
    audit.name = "audit";
    audit.fields = {field("held_on", FieldType::Date), field("score", FieldType::Number)};
    core::KindDef website;
    website.name = "website";
    website.is_fact = true;
    website.fields = {field("value", FieldType::Bool)};
    core::KindDef autonomy;
    autonomy.name = "autonomy_rate";
    autonomy.is_fact = true;
    autonomy.fields = {field("value", FieldType::Percent)};
    s.kinds = {procedure, violation, desk, audit, website, autonomy};
    return s;
}

inline core::Datum text(const char* s) { return core::Datum{std::string(s)}; }
inline core::Datum integer(std::int64_t v) { return core::Datum{v}; }
inline core::Datum boolean(bool b) { return core::Datum{b}; }
inline core::Datum number(const char* s) { return core::Datum{*core::Decimal::parse(s)}; }
inline core::Datum date(const char* s) { return core::Datum{*core::parse_date(s)}; }

inline KindFindings records(std::string kind, std::vector<std::string> fields,
                            std::vector<std::vector<std::optional<core::Datum>>> rows) {
    KindFindings k;
    k.kind = std::move(kind);
    k.fields = std::move(fields);
    for (auto& r : rows) {
        for (auto& v : r) k.values.push_back(std::move(v));
    }
    return k;
}

inline KindFindings procedures(std::vector<std::tuple<const char*, bool, int>> rows) {
    KindFindings k;
    k.kind = "procedure";
    k.fields = {"code", "posted", "online_level"};
    for (auto& [code, posted, level] : rows) {
        k.values.push_back(text(code));
        k.values.push_back(boolean(posted));
        k.values.push_back(integer(level));
    }
    return k;
}

inline KindFindings fact(std::string kind, core::Datum value) {
    KindFindings k;
    k.kind = std::move(kind);
    k.fact = true;
    k.fields = {"value"};
    k.values.push_back(std::move(value));
    return k;
}

inline Report report(const std::string& unit, const char* day, InspectionKind kind, Findings findings,
                     Status status = Status::Submitted, std::optional<int> year = std::nullopt) {
    Report r;
    r.header.unit = unit;
    r.header.date = *core::parse_date(day);
    r.header.kind = kind;
    r.header.status = status;
    r.header.year = year;
    r.findings = std::move(findings);
    return r;
}

inline UnitInfo unit(std::string id, std::string category = "department", std::optional<int> from = std::nullopt,
                     std::optional<int> to = std::nullopt) {
    return UnitInfo{id, "Unit " + id, std::move(category), std::nullopt, from, to};
}

inline void add_units(Store& store, std::vector<UnitInfo> units) {
    UnitsUpdate u;
    u.has_active_from = u.has_active_to = true;
    u.units = std::move(units);
    store.update_units(u);
}

inline std::string record_ok(Store& store, const Report& r) {
    RecordOptions o;
    o.again = true;
    return store.record(r, test_schema(), o).id;
}

/// Result of running the built `parscore` program.
struct RunResult {
    int exit_code = -1;
    std::string out, err;
};

/// Runs `parscore ARGS...` with PARSCORE_DB unset; stdout and stderr captured through files.
/// `prefix` is shell text run first (e.g. a `ulimit`) or a command the program runs under.
inline RunResult run_parscore(const std::vector<std::string>& args, const fs::path& work,
                              const std::string& prefix = "") {
    const fs::path out = work / ".out", err = work / ".err";
    std::string cmd = prefix + "env -u PARSCORE_DB '" + std::string(PARSCORE_BIN) + "'";
    for (const auto& a : args) {
        std::string q;
        for (char c : a) {
            if (c == '\'') q += "'\\''";
            else q += c;
        }
        cmd += " '" + q + "'";
    }
    cmd += " >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_all(out);
    r.err = read_all(err);
    return r;
}

/// A database holding data/units.csv, and the built program run on it.
class UnitsDatabase : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_EQ(run({"units", "import", (kData / "data" / "units.csv").string()}).exit_code, 0); }
    RunResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db_});
        return run_parscore(args, dir_.path());
    }

    TempDir dir_;
    TestDatabase database_{dir_.path()};
    std::string db_ = database_.string();  // what --db takes
};

}  // namespace parscore::inspections::testing
