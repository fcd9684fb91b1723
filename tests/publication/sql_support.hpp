#pragma once
// Editing and reading a database file with SQLite directly, as someone working behind the tool's
// back would.
#include <sqlite3.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace parscore::testing {

/// Runs SQL on the database directly, as someone editing the file with another program would.
inline void tamper(const std::filesystem::path& db, const std::string& sql) {
    sqlite3* handle = nullptr;
    if (sqlite3_open_v2(db.string().c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(handle);
        throw std::runtime_error("cannot open " + db.string());
    }
    char* message = nullptr;
    const int rc = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &message);
    const std::string error = message ? message : "";
    sqlite3_free(message);
    const int changed = sqlite3_changes(handle);
    sqlite3_close(handle);
    if (rc != SQLITE_OK) throw std::runtime_error(sql + ": " + error);
    if (changed == 0) throw std::runtime_error(sql + ": changed nothing");
}

/// The first row's first column of a query, as text.
inline std::string query(const std::filesystem::path& db, const std::string& sql) {
    sqlite3* handle = nullptr;
    sqlite3_open_v2(db.string().c_str(), &handle, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* stmt = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
        const unsigned char* text = sqlite3_column_text(stmt, 0);
        out = text ? reinterpret_cast<const char*>(text) : "";
    }
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    return out;
}

}  // namespace parscore::testing
