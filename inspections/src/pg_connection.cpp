#include "pg_connection.hpp"

#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>

#include "pg_session.hpp"
#include "pg_sql.hpp"

namespace parscore::inspections::pg {
namespace {

constexpr Oid kTextOid = 25, kUnknownOid = 705;  // pg_type.oid of text and unknown

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;
Result take(PGresult* r) { return Result(r, &PQclear); }

std::string trimmed(const char* message) {
    std::string s = message ? message : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

/// Notices (e.g. "there is no transaction in progress") would go to stderr; the store says what
/// went wrong through its errors.
void ignore_notice(void*, const char*) {}

/// Runs a statement whose failure is not the caller's concern (savepoints around a prepare).
void quietly(PGconn* conn, const char* sql) { take(PQexec(conn, sql)); }

/// PQprepare, inside a savepoint when a transaction is open: a failed attempt then leaves the
/// transaction usable, as a failed prepare in SQLite does.
Result attempt(PGconn* conn, const std::string& name, const std::string& sql, const std::vector<Oid>& types) {
    const bool in_transaction = PQtransactionStatus(conn) == PQTRANS_INTRANS;
    if (in_transaction) quietly(conn, "SAVEPOINT parscore_prepare");
    Result r = take(PQprepare(conn, name.c_str(), sql.c_str(), static_cast<int>(types.size()), types.data()));
    if (in_transaction) {
        quietly(conn, PQresultStatus(r.get()) == PGRES_COMMAND_OK ? "RELEASE parscore_prepare"
                                                                  : "ROLLBACK TO parscore_prepare");
    }
    return r;
}

/// N when a prepare failed with "could not determine data type of parameter $N" (42P18, or
/// 42P08 when a later use gave it a type) and $N is not declared yet; else 0.
std::size_t untyped_parameter(const PGresult* failed, const std::vector<Oid>& types) {
    const char* state = PQresultErrorField(failed, PG_DIAG_SQLSTATE);
    const char* message = PQresultErrorField(failed, PG_DIAG_MESSAGE_PRIMARY);
    if (!state || !message || (std::strcmp(state, "42P18") != 0 && std::strcmp(state, "42P08") != 0)) return 0;
    const char* dollar = std::strchr(message, '$');
    const std::size_t n = dollar ? static_cast<std::size_t>(std::strtoul(dollar + 1, nullptr, 10)) : 0;
    return n >= 1 && n <= types.size() && types[n - 1] == 0 ? n : 0;
}

/// The type to declare for $n, which the server could not type: the one the statement's other uses
/// give it once its NULL tests (`$n IS NULL`, which type nothing) are set aside; text when nothing
/// else uses it. The probe is a named statement (the unnamed one goes with the next simple query)
/// deallocated as soon as it is described.
Oid declared_type(PGconn* conn, const Prepared& p, std::size_t n) {
    static const std::string probe_name = "parscore_probe";
    std::vector<Oid> types = p.types;
    std::string probe = p.sql;
    for (std::size_t i = 1; i <= types.size(); ++i) {
        if (types[i - 1] == 0) probe = without_null_tests(probe, static_cast<int>(i));
    }
    for (;;) {
        const Result r = attempt(conn, probe_name, probe, types);
        if (PQresultStatus(r.get()) == PGRES_COMMAND_OK) break;
        const std::size_t other = untyped_parameter(r.get(), types);
        if (other == 0) return kTextOid;
        types[other - 1] = kTextOid;  // used in NULL tests only
    }
    const Result described = take(PQdescribePrepared(conn, probe_name.c_str()));
    quietly(conn, ("DEALLOCATE " + probe_name).c_str());
    if (PQresultStatus(described.get()) != PGRES_COMMAND_OK || PQnparams(described.get()) < static_cast<int>(n)) {
        return kTextOid;
    }
    const Oid type = PQparamtype(described.get(), static_cast<int>(n - 1));
    return type == 0 || type == kUnknownOid ? kTextOid : type;
}

[[noreturn]] void closed() {
    throw Error(StoreError::Kind::Io, core::verbatim("the PostgreSQL connection is closed"), "08003");
}

PGconn* live(const std::shared_ptr<Session>& session) {
    if (!session) closed();
    return session->live();
}

}  // namespace

StoreError::Kind error_kind(std::string_view sqlstate) {
    using Kind = StoreError::Kind;
    if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03") return Kind::Busy;
    if (sqlstate == "3D000") return Kind::Missing;
    const std::string_view cls = sqlstate.substr(0, 2);
    if (cls == "08" || cls == "53" || cls == "58" || sqlstate == "57P01" || sqlstate == "57P02" ||
        sqlstate == "57P03") {
        return Kind::Io;
    }
    return Kind::Database;
}

PGconn* Session::sending() const {
    if (!conn) closed();
    return conn;
}

PGconn* Session::live() {
    settle();
    return sending();
}

void Session::settle() {
    if (queued.empty()) return;
    const std::vector<std::shared_ptr<const Prepared>> sent = std::move(queued);
    queued.clear();
    PGconn* c = sending();
    if (PQpipelineSync(c) != 1) fail(c, nullptr, "");
    // Each statement's results end with a null; after a failure the rest come back "aborted".
    Result failed = take(nullptr);
    std::string failed_sql;
    for (const auto& statement : sent) {
        while (PGresult* r = PQgetResult(c)) {
            Result result = take(r);
            const ExecStatusType status = PQresultStatus(r);
            if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
                count_changes(*this, r);
            } else if (status == PGRES_FATAL_ERROR && !failed) {
                failed = std::move(result);
                failed_sql = statement ? statement->sql : "COMMIT";
            }
        }
    }
    const Result sync = take(PQgetResult(c));
    if (!sync || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC || PQexitPipelineMode(c) != 1) {
        fail(c, failed ? failed.get() : sync.get(), failed_sql);
    }
    if (failed) fail(c, failed.get(), failed_sql);
}

void fail(PGconn* conn, const PGresult* result, std::string_view what) {
    std::string state, message;
    if (result) {
        const char* s = PQresultErrorField(result, PG_DIAG_SQLSTATE);
        state = s ? s : "";
        const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
        message = trimmed(primary ? primary : PQresultErrorMessage(result));
    }
    if (message.empty()) message = trimmed(conn ? PQerrorMessage(conn) : "no connection");
    if (message.empty() && result) message = std::string("unexpected result ") + PQresStatus(PQresultStatus(result));
    StoreError::Kind kind = error_kind(state);
    // libpq's own failures (a dropped socket) carry no SQLSTATE; the connection's state tells.
    // A query sent into a socket the server has closed fails before libpq notices the close:
    // reading what is there makes it notice, and mark the connection bad.
    if (conn && state.empty() && PQstatus(conn) == CONNECTION_OK) PQconsumeInput(conn);
    if (!conn || PQstatus(conn) == CONNECTION_BAD) kind = StoreError::Kind::Io;
    std::string text = message;
    if (!state.empty()) text += " (SQLSTATE " + state + ")";
    if (!what.empty()) text += " in: " + std::string(what.substr(0, 200));
    throw Error(kind, core::verbatim(std::move(text)), std::move(state));
}

void count_changes(Session& session, const PGresult* result) {
    const std::string_view status = PQcmdStatus(const_cast<PGresult*>(result));
    for (const std::string_view command : {"INSERT ", "UPDATE ", "DELETE ", "MERGE ", "COPY "}) {
        if (status.substr(0, command.size()) == command) {
            session.changes += std::strtoll(PQcmdTuples(const_cast<PGresult*>(result)), nullptr, 10);
            return;
        }
    }
}

Connection Connection::open(const std::string& uri) {
    PGconn* conn = PQconnectdb(uri.c_str());
    if (!conn) throw Error(StoreError::Kind::Io, core::verbatim("out of memory connecting to PostgreSQL"), "");
    auto session = std::make_shared<Session>(conn);
    if (PQstatus(conn) != CONNECTION_OK) {
        const std::string reason = trimmed(PQerrorMessage(conn));
        const std::string db = PQdb(conn) ? PQdb(conn) : "";
        const std::string where = "'" + db + "'" + (PQhost(conn) ? std::string(" on ") + PQhost(conn) : "");
        // The server's FATAL reply to the startup packet reaches libpq as text only.
        if (reason.find("database \"" + db + "\" does not exist") != std::string::npos) {
            throw Error(StoreError::Kind::Missing, core::T_("database {path} does not exist", {{"path", where}}),
                        "3D000");
        }
        throw Error(StoreError::Kind::Io,
                    core::T_("cannot open database {path}: {reason}", {{"path", where}, {"reason", reason}}), "");
    }
    PQsetNoticeProcessor(conn, ignore_notice, nullptr);
    Connection c(std::move(session));
    c.exec("SET client_encoding = 'UTF8'; SET TimeZone = 'UTC'; SET standard_conforming_strings = on");
    return c;
}

Connection::~Connection() { close(); }

Connection& Connection::operator=(Connection&& other) noexcept {
    if (this != &other) {
        close();
        session_ = std::move(other.session_);
    }
    return *this;
}

/// Closes the server connection now, even while statements out of it live on (they then fail).
void Connection::close() noexcept {
    if (session_) session_->close();
    session_.reset();
}

PGconn* Connection::get() const { return session_ ? session_->conn : nullptr; }

std::int64_t Connection::total_changes() const { return session_ ? session_->changes : 0; }

bool Connection::broken() const { return !session_ || !session_->conn || PQstatus(session_->conn) == CONNECTION_BAD; }

void Connection::exec(const std::string& sql) {
    PGconn* conn = live(session_);
    if (!PQsendQuery(conn, sql.c_str())) fail(conn, nullptr, sql);
    // Every statement's result is read, so that the connection is ready for the next call; the
    // first failure is the one reported.
    Result failed = take(nullptr);
    while (PGresult* r = PQgetResult(conn)) {
        Result result = take(r);
        const ExecStatusType status = PQresultStatus(r);
        if (status == PGRES_COPY_IN) PQputCopyEnd(conn, "COPY FROM STDIN needs copy_in");
        for (char* line = nullptr; status == PGRES_COPY_OUT && PQgetCopyData(conn, &line, 0) > 0; line = nullptr) {
            PQfreemem(line);
        }
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) count_changes(*session_, r);
        else if (status == PGRES_FATAL_ERROR && !failed) failed = std::move(result);
    }
    if (failed || PQstatus(conn) == CONNECTION_BAD) fail(conn, failed.get(), sql);
}

void Connection::begin_write() { exec("BEGIN ISOLATION LEVEL READ COMMITTED"); }
void Connection::begin_read() { exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }
void Connection::commit() {
    if (!session_ || session_->queued.empty()) return exec("COMMIT");
    // Sent behind the statements still unanswered: one round trip for them and the commit.
    PGconn* c = session_->sending();
    if (PQsendQueryParams(c, "COMMIT", 0, nullptr, nullptr, nullptr, nullptr, 0) != 1) fail(c, nullptr, "COMMIT");
    session_->queued.push_back(nullptr);
    try {
        session_->settle();
    } catch (const StoreError&) {
        // A failure before the COMMIT left the transaction open and aborted: end it here, as the
        // caller takes this transaction for ended.
        if (session_->conn && PQstatus(session_->conn) == CONNECTION_OK) quietly(session_->conn, "ROLLBACK");
        throw;
    }
}

void Connection::rollback() {
    // A failure among statements sent ahead no longer matters: all of them are being undone.
    try {
        if (session_) session_->settle();
    } catch (const StoreError&) {}
    exec("ROLLBACK");
}

Statement Connection::prepare(std::string_view sqlite_sql) {
    if (!session_) closed();
    Session& s = *session_;
    const std::string key(sqlite_sql);
    // A statement prepared before asks nothing of the server: statements sent ahead stay unanswered.
    if (const auto it = s.prepared.find(key); it != s.prepared.end()) {
        s.sending();
        return Statement(session_, it->second);
    }
    PGconn* conn = live(session_);

    auto p = std::make_shared<Prepared>();
    p->sql = to_postgres_sql(sqlite_sql, &p->names);
    p->name = "parscore_" + std::to_string(++s.next_name);
    p->types.assign(p->names.size(), 0);
    // A parameter the server cannot type is declared (see declared_type) and the statement
    // prepared again; each round fixes one, so this ends.
    for (;;) {
        const Result r = attempt(conn, p->name, p->sql, p->types);
        if (PQresultStatus(r.get()) == PGRES_COMMAND_OK) break;
        const std::size_t n = untyped_parameter(r.get(), p->types);
        if (n == 0) fail(conn, r.get(), p->sql);
        p->types[n - 1] = declared_type(conn, *p, n);
    }
    const Result described = take(PQdescribePrepared(conn, p->name.c_str()));
    if (PQresultStatus(described.get()) != PGRES_COMMAND_OK) fail(conn, described.get(), p->sql);
    p->types.resize(static_cast<std::size_t>(PQnparams(described.get())));
    for (std::size_t i = 0; i < p->types.size(); ++i) p->types[i] = PQparamtype(described.get(), static_cast<int>(i));
    p->names.resize(p->types.size());

    p->kept = s.prepared.size() < Session::kKept;
    if (p->kept) s.prepared.emplace(key, p);
    return Statement(session_, std::move(p));
}

void Connection::copy_in(const std::string& copy_sql, const std::function<bool(std::string&)>& next_row) {
    PGconn* conn = live(session_);
    {
        const Result started = take(PQexec(conn, copy_sql.c_str()));
        if (PQresultStatus(started.get()) != PGRES_COPY_IN) {
            if (PQresultStatus(started.get()) == PGRES_FATAL_ERROR) fail(conn, started.get(), copy_sql);
            throw Error(StoreError::Kind::Database, core::verbatim("not a COPY … FROM STDIN: " + copy_sql), "");
        }
    }
    // Rows go to the server in batches of about 64 KiB rather than one call each.
    std::string batch, row;
    const auto send = [&] {
        if (!batch.empty() && PQputCopyData(conn, batch.data(), static_cast<int>(batch.size())) != 1) {
            fail(conn, nullptr, copy_sql);
        }
        batch.clear();
    };
    try {
        for (row.clear(); next_row(row); row.clear()) {
            batch += row;
            if (row.empty() || row.back() != '\n') batch += '\n';
            if (batch.size() >= 64 * 1024) send();
        }
        send();
    } catch (...) {
        PQputCopyEnd(conn, "the rows could not be read");
        while (PGresult* r = PQgetResult(conn)) PQclear(r);
        throw;
    }
    if (PQputCopyEnd(conn, nullptr) != 1) fail(conn, nullptr, copy_sql);
    Result failed = take(nullptr);
    while (PGresult* r = PQgetResult(conn)) {
        Result result = take(r);
        if (PQresultStatus(r) == PGRES_COMMAND_OK) count_changes(*session_, r);
        else if (!failed) failed = std::move(result);
    }
    if (failed) fail(conn, failed.get(), copy_sql);
}

}  // namespace parscore::inspections::pg
