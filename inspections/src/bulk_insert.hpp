#pragma once
// Many rows into one table in one go, the way each backend does it fastest: on SQLite one prepared
// INSERT run per row (a call into the same process), on PostgreSQL one `COPY … FROM STDIN` that
// streams every row (one round trip per table instead of one per row). Imports use it.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "sqlite_handle.hpp"

namespace parscore::inspections::sql {

/// How many rows a caller expects: a COPY costs a round trip more than one INSERT, so a row or
/// two go as INSERTs on PostgreSQL too.
enum class Rows { Few, Many };

/// The values of one row, given in the order of the columns.
class RowValues {
public:
    RowValues& add(std::int64_t value);
    RowValues& add(std::string_view text);
    RowValues& add(const std::string& text) { return add(std::string_view(text)); }
    RowValues& add(const char* text) { return add(std::string_view(text)); }
    RowValues& add(const std::optional<std::string>& text);
    RowValues& add(const std::optional<int>& value);
    RowValues& add(const std::optional<std::int64_t>& value);
    RowValues& add_null();
    /// Not copied on SQLite: the bytes must live until the row is given back.
    RowValues& add_blob(std::string_view bytes);

private:
    friend void insert_rows(Database&, std::string_view, std::string_view, const std::function<bool(RowValues&)>&,
                            Rows);
    RowValues(Statement* statement, std::string* line) : statement_(statement), line_(line) {}
    void separate();

    Statement* statement_;  // SQLite: the INSERT being bound
    std::string* line_;     // PostgreSQL: the COPY line being written
    int column_ = 0;
};

/// Inserts into `table` (`columns` as in an INSERT's column list, "a, b, c") the rows `next_row`
/// gives, one per call, until it returns false. Triggers and constraints apply as to an INSERT.
void insert_rows(Database& db, std::string_view table, std::string_view columns,
                 const std::function<bool(RowValues&)>& next_row, Rows rows = Rows::Many);

}  // namespace parscore::inspections::sql
