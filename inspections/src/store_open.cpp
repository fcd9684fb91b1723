// Opening and creating the database: a file is inspected read-only before anything may write to
// it, and a new database appears only fully initialised (built under a temporary name, then
// hard-linked into place), so a concurrent opener never mistakes a half-made file for a foreign one.
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <random>

#include "store_constants.hpp"
#include "store_impl.hpp"
#include "store_postgres.hpp"

namespace parscore::inspections {

namespace fs = std::filesystem;

std::string utc_now() {
    using namespace std::chrono;
    const auto now = time_point_cast<microseconds>(system_clock::now());
    const std::time_t secs = system_clock::to_time_t(time_point_cast<seconds>(now));
    std::tm tm{};
    gmtime_r(&secs, &tm);
    const auto micros = (now.time_since_epoch() % seconds(1)).count();
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(micros));
    return buf;
}

std::string new_uuid() {
    // Version 7 (RFC 9562): 48 bits of Unix time in milliseconds, then random bits. Ids made
    // together sort together, so the indexes on inspection ids grow at one end instead of at
    // random places — this keeps large imports fast.
    static thread_local std::random_device device;
    using namespace std::chrono;
    const auto ms = static_cast<std::uint64_t>(
        duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
    unsigned char bytes[16];
    for (int i = 0; i < 6; ++i) bytes[i] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
    for (int i = 6; i < 16; i += 2) {
        const unsigned v = device();
        bytes[i] = static_cast<unsigned char>(v);
        bytes[i + 1] = static_cast<unsigned char>(v >> 8);
    }
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x70);
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);
    static const char* hex = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) s.push_back('-');
        s.push_back(hex[bytes[i] >> 4]);
        s.push_back(hex[bytes[i] & 0xF]);
    }
    return s;
}

std::string current_user() {
    if (const char* user = std::getenv("USER"); user && *user) return user;
    if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name) return pw->pw_name;
    return "uid " + std::to_string(geteuid());
}

namespace {

/// A path as messages show it, `'store.db'`, for the placeholder `name`.
core::TextArg quoted_path(const fs::path& p, std::string name = "path") {
    return {std::move(name), "'" + p.string() + "'"};
}

void configure(sql::Database& db) {
    sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
    db.exec("PRAGMA foreign_keys=ON");
    db.exec("PRAGMA synchronous=NORMAL");
    db.exec("PRAGMA cache_size=" + std::to_string(kCacheKiB));
}

/// Builds a complete, empty database at `tmp` (a name no one else uses).
void build_database(const fs::path& tmp, const fs::path& path) {
    std::optional<sql::Database> made;
    try {
        made.emplace(tmp.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    } catch (const StoreError& e) {
        const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
        throw StoreError(StoreError::Kind::Io,
                         core::T_("cannot create database {path}: {reason}",
                                  {quoted_path(path), core::part("reason", fs::is_directory(folder)
                                                                               ? core::T_("the folder is not writable")
                                                                               : core::T_("no such folder"))}));
    }
    sql::Database& db = *made;
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA foreign_keys=ON");
    sql::Transaction tx(db);
    db.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
    migrate(db, 0);
    tx.commit();
}

void remove_database_files(const fs::path& path) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path.string() + suffix, ignored);
}

/// Links the closed database `tmp` to `path` and removes the temporary name. false when `path`
/// exists already.
bool link_database(const fs::path& tmp, const fs::path& path) {
    const int rc = ::link(tmp.c_str(), path.c_str());
    const int link_errno = errno;
    remove_database_files(tmp);
    if (rc != 0 && link_errno != EEXIST) {
        throw StoreError(StoreError::Kind::Io, core::T_("cannot create database {path}: {reason}",
                                                        {quoted_path(path), {"reason", std::strerror(link_errno)}}));
    }
    return rc == 0;
}

fs::path temporary_name(const fs::path& path) { return path.string() + ".tmp-" + new_uuid(); }

/// Builds a complete, empty database under a temporary name and links it to `path`. Returns
/// without error when another process created `path` first.
void create_database(const fs::path& path) {
    const fs::path tmp = temporary_name(path);
    try {
        build_database(tmp, path);
    } catch (...) {
        remove_database_files(tmp);
        throw;
    }
    link_database(tmp, path);
}

bool can_write(const fs::path& path) { return ::access(path.c_str(), W_OK) == 0; }

fs::path folder_of(const fs::path& path) { return path.parent_path().empty() ? fs::path(".") : path.parent_path(); }

/// `file:PATH?immutable=1`, with every byte of the path outside [A-Za-z0-9/._~-] percent-encoded.
std::string immutable_uri(const fs::path& path) {
    std::string uri = "file:";
    const char* hex = "0123456789ABCDEF";
    for (const char c : path.string()) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '/' || c == '.' || c == '_' || c == '~' || c == '-') {
            uri += c;
        } else {
            uri += '%';
            uri += hex[u >> 4];
            uri += hex[u & 15];
        }
    }
    return uri + "?immutable=1";
}

/// The first table of schema `version` that `db` lacks, or "" when it has them all.
std::string missing_table(sql::Database& db, std::int64_t version) {
    sql::Statement has = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
    for (const std::string& table : tables_of(version)) {
        has.reset();
        has.bind(1, table);
        if (!has.step()) return table;
    }
    return "";
}

}  // namespace

sql::Database open_read_only(const fs::path& path, bool* immutable) {
    // Opening a WAL-mode file read-only creates its -wal and -shm files and leaves them (a reader
    // cannot remove them), and fails where they cannot be created (a read-only folder). A file
    // with neither has all its content in the main file: immutable mode reads it without locks
    // or side files. So does a file whose -wal is empty in a folder we cannot write.
    std::error_code ec;
    const fs::path wal = path.string() + "-wal", shm = path.string() + "-shm";
    const bool has_wal = fs::exists(wal, ec), has_shm = fs::exists(shm, ec);
    const bool wal_empty = !has_wal || fs::file_size(wal, ec) == 0;
    if (!wal_empty && !has_shm && !can_write(folder_of(path))) {
        // SQLite reads a log only through its -shm index, which cannot be made here; read
        // without the log, the file would look older than it is.
        throw StoreError(StoreError::Kind::Io,
                         core::T_("it has changes in {wal} that cannot be read without {shm} in a read-only folder; "
                                  "copy the three files together",
                                  {quoted_path(wal, "wal"), quoted_path(shm, "shm")}));
    }
    const bool shared = (has_wal || has_shm) && !(wal_empty && (!can_write(folder_of(path)) || !can_write(shm)));
    if (immutable) *immutable = !shared;
    if (shared) return sql::Database(path.string(), SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
    return sql::Database(immutable_uri(path), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX);
}

std::int64_t inspect_database(const fs::path& path) {
    if (struct stat info{}; ::stat(path.c_str(), &info) == 0) {
        if (S_ISDIR(info.st_mode)) {
            throw StoreError(StoreError::Kind::Io, core::T_("database {path} is a directory", {quoted_path(path)}));
        }
        if (info.st_size == 0) {
            throw StoreError(StoreError::Kind::NotParscore,
                             core::T_("{path} is not a parscore database (an empty file)", {quoted_path(path)}));
        }
    }
    std::int64_t app = 0, version = 0;
    std::string missing;
    try {
        // Refusing another application's database, a newer parscore's or a damaged one must not
        // leave files beside it: see open_read_only. Only its header and table names are read.
        sql::Database ro = open_read_only(path);
        sqlite3_busy_timeout(ro.get(), kBusyTimeoutMs);
        app = ro.pragma_int("application_id");
        version = ro.pragma_int("user_version");
        if (app == kApplicationId && version >= 1 && version <= kSchemaVersion) {
            missing = missing_table(ro, version);
        }
    } catch (const StoreError& e) {
        if ((e.sqlite_code() & 0xFF) == SQLITE_CORRUPT) {
            throw StoreError(StoreError::Kind::NotParscore,
                             core::T_("{path} cannot be read: the database file is damaged ({error})",
                                      {quoted_path(path), {"error", sqlite3_errstr(SQLITE_CORRUPT)}}));
        }
        if (e.kind() == StoreError::Kind::NotParscore) {
            throw StoreError(StoreError::Kind::NotParscore,
                             core::T_("{path} is not a parscore database (not an SQLite database)",
                                      {quoted_path(path)}));
        }
        throw StoreError(e.kind(),
                         core::T_("cannot read database {path}: {error}",
                                  {quoted_path(path), core::part("error", e.text())}),
                         e.sqlite_code());
    }
    if (app != kApplicationId) {
        throw StoreError(StoreError::Kind::NotParscore,
                         core::T_("{path} is not a parscore database (it belongs to another application)",
                                  {quoted_path(path)}));
    }
    // parscore creates a database complete (create_database), so parscore's marks without the
    // schema they promise mean the file was made or damaged by something else.
    if (version < 1) {
        throw StoreError(StoreError::Kind::NotParscore,
                         core::T_("{path} is not a complete parscore database (schema version 0)",
                                  {quoted_path(path)}));
    }
    if (!missing.empty()) {
        throw StoreError(StoreError::Kind::NotParscore,
                         core::T_("{path} is not a complete parscore database (table {table} is missing)",
                                  {quoted_path(path), {"table", "'" + missing + "'"}}));
    }
    if (version > kSchemaVersion) throw newer_schema(quoted_path(path), version);
    return version;
}

StoreError newer_schema(core::TextArg path, std::int64_t version) {
    return StoreError(StoreError::Kind::NewerSchema,
                      core::T_("database {path} has schema version {version}; this parscore reads up to {supported} "
                               "(upgrade parscore)",
                               {std::move(path),
                                {"version", std::to_string(version)},
                                {"supported", std::to_string(kSchemaVersion)}}));
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() {
    if (pool_ && impl_) give_back(*pool_, std::move(impl_));
}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

const fs::path& Store::path() const { return impl_->target ? *impl_->target : impl_->path; }

Store::Impl::~Impl() {
    if (!target) return;
    // A database created for a command that did not commit it: nothing of it is kept.
    if (db.is_postgres()) {
        drop_uncommitted_schema(db);
        return;
    }
    db = sql::Database();
    remove_database_files(path);
}

sql::Database Store::Impl::reader() const {
    if (db.is_postgres()) return sql::Database::postgres(path.string());
    if (immutable)
        return sql::Database(immutable_uri(path), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX);
    return sql::Database(path.string(), SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
}

void Store::commit_creation() {
    if (!impl_->target) return;
    if (impl_->db.is_postgres()) {  // the schema is in place already: it is now kept
        impl_->target.reset();
        return;
    }
    const fs::path target = *impl_->target;
    // The write-ahead log is folded into the file before it is linked: the linked name gets no log.
    impl_->db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    impl_->db = sql::Database();
    const fs::path tmp = impl_->path;
    impl_->target.reset();
    if (!link_database(tmp, target)) {
        throw StoreError(StoreError::Kind::Io,
                         core::T_("database {path} was created by another command meanwhile; nothing of this one was "
                                  "stored: run it again",
                                  {quoted_path(target)}));
    }
    impl_->path = target;
    impl_->db = sql::Database(target.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
    configure(impl_->db);
}

namespace {

/// Exit 3 with a plain sentence when the database cannot be written (a file or folder without
/// write permission, a read-only medium), before SQLite would fail half-way with its own words.
void require_writable(const fs::path& path) {
    if (!can_write(path)) {
        throw StoreError(StoreError::Kind::Io, core::T_("the database {path} is read-only", {quoted_path(path)}));
    }
    if (!can_write(folder_of(path))) {
        throw StoreError(StoreError::Kind::Io,
                         core::T_("the database {path} is read-only (its folder {folder} cannot be written)",
                                  {quoted_path(path), quoted_path(folder_of(path), "folder")}));
    }
}

}  // namespace

Store Store::open(const fs::path& path, OpenMode mode) {
    if (is_postgres_uri(path.string())) return Store(open_postgres(path.string(), mode));
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        if (const int stat_errno = errno; stat_errno != ENOENT) {
            throw StoreError(StoreError::Kind::Io,
                             core::T_("cannot open database {path}: {reason}",
                                      {quoted_path(path), {"reason", std::strerror(stat_errno)}}));
        }
        if (mode == OpenMode::Existing || mode == OpenMode::ReadOnly) {
            throw StoreError(StoreError::Kind::Missing,
                             core::T_("database {path} does not exist", {quoted_path(path)}));
        }
        if (mode == OpenMode::CreateOnCommit) {
            const fs::path tmp = temporary_name(path);
            try {
                build_database(tmp, path);
                sql::Database db(tmp.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
                configure(db);
                auto impl = std::make_unique<Impl>(tmp, std::move(db), kSchemaVersion);
                impl->target = path;
                return Store(std::move(impl));
            } catch (...) {
                remove_database_files(tmp);
                throw;
            }
        }
        create_database(path);
    }
    const std::int64_t version = inspect_database(path);
    const bool writable = can_write(path) && can_write(folder_of(path));
    if (mode == OpenMode::ReadOnly && !writable) {
        // An archived copy: read as it is, never migrated, no pragma that writes.
        bool immutable = false;
        sql::Database db = open_read_only(path, &immutable);
        configure(db);
        auto impl = std::make_unique<Impl>(path, std::move(db), version);
        impl->immutable = immutable;
        return Store(std::move(impl));
    }
    if (mode != OpenMode::ReadOnly) require_writable(path);

    // One thread at a time uses a Store (store.hpp), so its connection needs no mutex of its own:
    // SQLite's serialized mode would take one on every call, every column of every row read.
    sql::Database db(path.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
    configure(db);
    // An older schema is read as it is; the first write brings it forward (Impl::write).
    return Store(std::make_unique<Impl>(path, std::move(db), version));
}

}  // namespace parscore::inspections
