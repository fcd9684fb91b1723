// pg::Statement: binds kept until the statement runs, then every row of its result kept in memory
// (several statements of one connection can then be walked at once, as the store does with SQLite).
#include <charconv>
#include <stdexcept>
#include <string>

#include "pg_connection.hpp"
#include "pg_session.hpp"

namespace parscore::inspections::pg {
namespace {

// pg_type.oid of the types a value is converted for.
constexpr Oid kBoolOid = 16, kByteaOid = 17;

}  // namespace

void Statement::ResultFree::operator()(PGresult* result) const noexcept { PQclear(result); }

Statement::Statement(std::shared_ptr<Session> session, std::shared_ptr<const Prepared> prepared)
    : session_(std::move(session)), prepared_(std::move(prepared)), params_(prepared_->types.size()) {}

Statement::Statement(Statement&&) noexcept = default;

Statement::~Statement() {
    // A statement past the connection's bound is not kept: it goes with its only user. In a failed
    // transaction DEALLOCATE fails too; the statement then lasts until the connection closes.
    if (!prepared_ || prepared_->kept || !session_ || !session_->conn || !session_->queued.empty()) return;
    PQclear(PQexec(session_->conn, ("DEALLOCATE " + prepared_->name).c_str()));
}

Statement::Param& Statement::slot(int index) {
    if (index < 1 || static_cast<std::size_t>(index) > params_.size()) {
        throw Error(StoreError::Kind::Database,
                    core::verbatim("bind index " + std::to_string(index) + " out of range (the statement has " +
                                   std::to_string(params_.size()) + ") in: " + prepared_->sql.substr(0, 200)),
                    "");
    }
    Param& p = params_[static_cast<std::size_t>(index - 1)];
    p = Param{};
    return p;
}

int Statement::parameter(const char* name) const {
    const auto& names = prepared_->names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name) return static_cast<int>(i + 1);
    }
    throw std::logic_error(std::string("statement has no parameter ") + name);
}

Statement& Statement::bind(int index, std::int64_t value) {
    Param& p = slot(index);
    p.kind = Param::Kind::Int;
    p.number = value;
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    Param& p = slot(index);
    p.kind = Param::Kind::Text;
    p.owned.assign(text.data() ? text.data() : "", text.size());
    return *this;
}

Statement& Statement::bind_null(int index) {
    slot(index);
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Statement& Statement::bind(int index, const std::optional<int>& value) {
    return value ? bind(index, static_cast<std::int64_t>(*value)) : bind_null(index);
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
    return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    Param& p = slot(index);
    p.kind = Param::Kind::Bytes;
    p.owned.assign(bytes.data() ? bytes.data() : "", bytes.size());
    return *this;
}

Statement& Statement::bind_static_blob(int index, std::string_view bytes) {
    Param& p = slot(index);
    p.kind = Param::Kind::Bytes;
    p.borrowed = bytes.data() ? bytes.data() : "";
    p.size = bytes.size();
    return *this;
}

/// Sends each value in the type the server expects: bytes to a bytea as binary (no escaping, zero
/// bytes and all), everything else as text, which the server parses as the parameter's type.
Statement::Wire Statement::wire() const {
    const std::size_t n = params_.size();
    Wire w;
    w.storage.resize(n);
    w.values.assign(n, nullptr);
    w.lengths.assign(n, 0);
    w.formats.assign(n, 0);
    std::vector<std::string>& digits = w.storage;
    std::vector<const char*>& values = w.values;
    std::vector<int>& lengths = w.lengths;
    std::vector<int>& formats = w.formats;
    for (std::size_t i = 0; i < n; ++i) {
        const Param& p = params_[i];
        const Oid type = prepared_->types[i];
        if (p.kind == Param::Kind::Null) continue;
        if (p.kind == Param::Kind::Int) {
            digits[i] = type == kBoolOid ? (p.number != 0 ? "t" : "f") : std::to_string(p.number);
            values[i] = digits[i].c_str();
            continue;
        }
        const std::string_view bytes = p.bytes();
        values[i] = bytes.data();
        lengths[i] = static_cast<int>(bytes.size());
        // Text-format values are read up to a zero byte, so a text value is sent from `owned`,
        // which ends with one; bytes for a text parameter are cut there, as the type allows no zero.
        formats[i] = type == kByteaOid ? 1 : 0;
        if (formats[i] == 0 && p.borrowed) {
            digits[i].assign(bytes);
            values[i] = digits[i].c_str();
        }
    }
    return w;
}

void Statement::execute() {
    PGconn* conn = session_->live();
    const Wire w = wire();
    result_.reset(PQexecPrepared(conn, prepared_->name.c_str(), static_cast<int>(w.values.size()), w.values.data(),
                                 w.lengths.data(), w.formats.data(), 0));
    const ExecStatusType status = PQresultStatus(result_.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        const std::unique_ptr<PGresult, ResultFree> failed = std::move(result_);
        fail(conn, failed.get(), prepared_->sql);
    }
    count_changes(*session_, result_.get());
    rows_ = PQntuples(result_.get());
    row_ = -1;
}

bool Statement::step() {
    decoded_.clear();
    if (!result_) execute();
    if (++row_ < rows_) return true;
    result_.reset();  // the next step runs the statement again, as SQLite's does after SQLITE_DONE
    row_ = -1;
    rows_ = 0;
    return false;
}

void Statement::queue() {
    // A statement that is not kept is deallocated with its object, which must not happen unanswered.
    if (!prepared_->kept) return run();
    PGconn* conn = session_->sending();
    if (PQpipelineStatus(conn) == PQ_PIPELINE_OFF && PQenterPipelineMode(conn) != 1) fail(conn, nullptr, "");
    const Wire w = wire();  // libpq copies the values into its buffer at once
    if (PQsendQueryPrepared(conn, prepared_->name.c_str(), static_cast<int>(w.values.size()), w.values.data(),
                            w.lengths.data(), w.formats.data(), 0) != 1) {
        fail(conn, nullptr, prepared_->sql);
    }
    session_->queued.push_back(prepared_);
    reset();
}

void Statement::reset() {
    decoded_.clear();
    result_.reset();
    row_ = -1;
    rows_ = 0;
    for (Param& p : params_) p = Param{};
}

const char* Statement::value(int column) const {
    if (!result_ || row_ < 0 || row_ >= rows_ || column < 0 || column >= PQnfields(result_.get())) return nullptr;
    if (PQgetisnull(result_.get(), row_, column)) return nullptr;
    return PQgetvalue(result_.get(), row_, column);
}

bool Statement::is_null(int column) const { return value(column) == nullptr; }

int Statement::column_count() const { return result_ ? PQnfields(result_.get()) : 0; }

int Statement::column_kind(int column) const {
    if (is_null(column)) return 0;
    switch (PQftype(result_.get(), column)) {
        case kByteaOid: return 3;
        case kBoolOid:
        case 20:  // int8
        case 21:  // int2
        case 23:  // int4
            return 1;
        default: return 2;
    }
}

std::int64_t Statement::int64(int column) const {
    const char* v = value(column);
    if (!v) return 0;
    if (v[0] == 't' && v[1] == '\0') return 1;
    if (v[0] == 'f' && v[1] == '\0') return 0;
    const std::string_view s = v;
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec == std::errc() && end == s.data() + s.size()) return n;
    return static_cast<std::int64_t>(std::strtod(v, nullptr));  // numeric or floating text
}

std::string_view Statement::text_view(int column) const {
    const char* v = value(column);
    if (!v) return {};
    return {v, static_cast<std::size_t>(PQgetlength(result_.get(), row_, column))};
}

std::optional<std::string> Statement::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

std::optional<int> Statement::optional_int(int column) const {
    if (is_null(column)) return std::nullopt;
    return static_cast<int>(int64(column));
}

std::string_view Statement::blob(int column) const {
    const char* v = value(column);
    if (!v) return {};
    if (PQftype(result_.get(), column) != kByteaOid) return text_view(column);  // as SQLite reads text as bytes
    for (const Decoded& d : decoded_) {
        if (d.column == column) return {reinterpret_cast<const char*>(d.bytes.get()), d.size};
    }
    std::size_t size = 0;
    unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(v), &size);
    if (!bytes) throw Error(StoreError::Kind::Database, core::verbatim("cannot decode a bytea value"), "");
    decoded_.push_back({column, std::shared_ptr<unsigned char>(bytes, PQfreemem), size});
    return {reinterpret_cast<const char*>(bytes), size};
}

}  // namespace parscore::inspections::pg
