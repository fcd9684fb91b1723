#pragma once
// The rows of the numbered tables `revisions` and `events`, each defined once: a struct, its
// column list, how a SELECT of those columns reads into it and how an INSERT binds it by name
// (docs/store.md, "Tables"). Verify, merge and the writers all go through these.
#include <cstdint>
#include <optional>
#include <string>

#include "bulk_insert.hpp"
#include "chain.hpp"
#include "sqlite_handle.hpp"

namespace parscore::inspections {

/// One row of `revisions`: a recording or amendment of an inspection.
struct RevisionRow {
    std::int64_t no = 0;
    std::string inspection;
    std::int64_t seq = 1;
    std::string unit;  // copies of the inspection's unit, stamp and first status (hashed)
    std::int64_t stamp = 0;
    std::string status;
    std::string date;
    std::optional<int> year;
    std::int64_t eval_year = 0;
    std::string kind, team;
    std::int64_t schema = 0;
    std::string digest;
    std::optional<std::string> reason;
    std::string recorded_by, recorded_at, prev_hash, hash;

    static const char* select_sql();  // every column, FROM revisions
    static const char* insert_sql();  // named parameters :no, :inspection, …
    static const char* columns();     // the column list of both, for a bulk insert
    static RevisionRow read(const sql::Statement& s);
    void bind(sql::Statement& s) const;
    void add_to(sql::RowValues& row) const;  // in the order of columns()
    /// What its hash is computed over: views of this row, with its schema's SHA-256.
    chain::RevisionContent content(std::string_view schema_sha256) const;
};

/// One row of `events`: a status move (submit, return, lock), a comment or an attachment.
struct EventRow {
    std::int64_t no = 0;
    std::string inspection;
    std::int64_t seq = 0;
    std::string event;
    std::string recorded_by, recorded_at, prev_hash, hash;
    std::optional<std::string> note;        // a return's or a comment's text (schema 4 on)
    std::optional<std::string> attachment;  // an attach event's SHA-256
    std::optional<std::string> file_name;   // the name the attached file was given

    /// Every column, FROM events; a database of schema `schema` before 4 reads NULL for the
    /// columns it does not have.
    static const char* select_sql(std::int64_t schema);
    static const char* insert_sql();
    static EventRow read(const sql::Statement& s);
    void bind(sql::Statement& s) const;
    /// What its hash is computed over: views of this row.
    chain::EventContent content() const;
};

}  // namespace parscore::inspections
