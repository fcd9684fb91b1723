// Copying a whole database between backends (docs/store.md, "Copying between backends"): every
// table's rows as they are — change numbers, ids, hashes, the audit log and its counter — so that
// the copy verifies and every publication re-scores identically. Tables are copied in the order
// their foreign keys need; the whole copy is one transaction on the target.
#include "migrations.hpp"
#include "store_impl.hpp"
#include "store_postgres.hpp"

namespace parscore::inspections {

namespace {

core::TextArg named(const std::filesystem::path& path) { return {"path", "'" + shown_database(path) + "'"}; }

/// Copies the rows of `table` from `from` to `to` through one prepared INSERT.
std::size_t copy_table(const sql::Database& from, sql::Database& to, const std::string& table) {
    sql::Statement read = from.prepare("SELECT * FROM " + table);
    std::optional<sql::Statement> write;
    std::size_t rows = 0;
    while (read.step()) {
        const int columns = read.column_count();
        if (!write) {
            std::string values;
            for (int c = 1; c <= columns; ++c) values += (c > 1 ? ", ?" : "?") + std::to_string(c);
            write.emplace(to.prepare("INSERT INTO " + table + " VALUES (" + values + ")"));
        }
        for (int c = 0; c < columns; ++c) {
            switch (read.column_type(c)) {
                case sql::ColumnType::Null: write->bind_null(c + 1); break;
                case sql::ColumnType::Integer: write->bind(c + 1, read.int64(c)); break;
                case sql::ColumnType::Text: write->bind(c + 1, read.text_view(c)); break;
                case sql::ColumnType::Blob: write->bind_blob(c + 1, read.blob(c)); break;
            }
        }
        write->run();
        ++rows;
    }
    return rows;
}

/// The audit log's highest number ever given, as the target keeps it (above its last row when
/// rows were deleted from the end before the copy: verify on the copy says so as on the source).
void set_audit_counter(sql::Database& to, std::int64_t last) {
    if (to.is_postgres()) {
        sql::Statement s = to.prepare("UPDATE parscore_meta SET value = ?1 WHERE key = 'audit_last'");
        s.bind(1, last).run();
        return;
    }
    sql::Statement update = to.prepare("UPDATE sqlite_sequence SET seq = ?1 WHERE name = 'audit'");
    update.bind(1, last).run();
    if (to.changes() == 0 && last > 0) {
        sql::Statement add = to.prepare("INSERT INTO sqlite_sequence(name, seq) VALUES ('audit', ?1)");
        add.bind(1, last).run();
    }
}

bool is_empty(const sql::Database& db) {
    for (const std::string& table : tables_of(kSchemaVersion)) {
        sql::Statement any = db.prepare("SELECT 1 FROM " + table + " LIMIT 1");
        if (any.step()) return false;
    }
    return true;
}

}  // namespace

CopyOutcome Store::copy(const Store& source, const std::filesystem::path& to) {
    const std::filesystem::path& from = source.path();
    if (shown_database(from) == shown_database(to)) {
        throw StoreError(StoreError::Kind::Refused, core::T_("a database cannot be copied onto itself"));
    }
    if (source.impl_->schema != kSchemaVersion) {
        throw StoreError(StoreError::Kind::Refused,
                         core::T_("database {path} has schema version {version}; any change made with this parscore "
                                  "brings it to version {current}, which is what is copied",
                                  {named(from),
                                   {"version", std::to_string(source.impl_->schema)},
                                   {"current", std::to_string(kSchemaVersion)}}));
    }
    Store target = Store::open(to, OpenMode::CreateOnCommit);
    if (!is_empty(target.impl_->db)) {
        throw StoreError(StoreError::Kind::Refused,
                         core::T_("database {path} is not empty: a copy goes into a new or empty database only",
                                  {named(to)}));
    }
    CopyOutcome outcome;
    const sql::Database& in = source.impl_->db;
    sql::ReadTransaction snapshot(in);  // every table as of one moment, while others write
    target.impl_->write([&] {
        sql::Database& out = target.impl_->db;
        for (const std::string& table : tables_of(kSchemaVersion))
            outcome.tables.emplace_back(table, copy_table(in, out, table));
        sql::Statement last = in.prepare(in.audit_last_sql());
        last.step();
        set_audit_counter(out, last.int64(0));
    });
    target.commit_creation();
    return outcome;
}

}  // namespace parscore::inspections
