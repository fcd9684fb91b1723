#include "bulk_insert.hpp"

#include <algorithm>

namespace parscore::inspections::sql {

namespace {

/// COPY's text format: backslash, tab, newline and carriage return escaped.
void append_escaped(std::string& line, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '\\': line += "\\\\"; break;
            case '\t': line += "\\t"; break;
            case '\n': line += "\\n"; break;
            case '\r': line += "\\r"; break;
            default: line += c;
        }
    }
}

std::size_t count_columns(std::string_view columns) {
    return static_cast<std::size_t>(std::count(columns.begin(), columns.end(), ',')) + 1;
}

}  // namespace

void RowValues::separate() {
    if (line_ && column_ > 0) *line_ += '\t';
    ++column_;
}

RowValues& RowValues::add(std::int64_t value) {
    separate();
    if (statement_) statement_->bind(column_, value);
    else *line_ += std::to_string(value);
    return *this;
}

RowValues& RowValues::add(std::string_view text) {
    separate();
    if (statement_) statement_->bind(column_, text);
    else append_escaped(*line_, text);
    return *this;
}

RowValues& RowValues::add(const std::optional<std::string>& text) {
    if (!text) return add_null();
    return add(std::string_view(*text));
}

RowValues& RowValues::add(const std::optional<int>& value) {
    if (!value) return add_null();
    return add(static_cast<std::int64_t>(*value));
}

RowValues& RowValues::add(const std::optional<std::int64_t>& value) {
    if (!value) return add_null();
    return add(*value);
}

RowValues& RowValues::add_null() {
    separate();
    if (statement_) statement_->bind_null(column_);
    else *line_ += "\\N";
    return *this;
}

RowValues& RowValues::add_blob(std::string_view bytes) {
    separate();
    if (statement_) {
        statement_->bind_static_blob(column_, bytes);
        return *this;
    }
    // bytea's hex input form, its backslash escaped for COPY.
    static constexpr char kHex[] = "0123456789abcdef";
    line_->reserve(line_->size() + 3 + 2 * bytes.size());
    *line_ += "\\\\x";
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        *line_ += kHex[b >> 4];
        *line_ += kHex[b & 15];
    }
    return *this;
}

void insert_rows(Database& db, std::string_view table, std::string_view columns,
                 const std::function<bool(RowValues&)>& next_row, Rows rows) {
    if (pg::Connection* pg = db.pg(); pg && rows == Rows::Many) {
        pg->copy_in("COPY " + std::string(table) + "(" + std::string(columns) + ") FROM STDIN", [&](std::string& line) {
            RowValues row(nullptr, &line);
            return next_row(row);
        });
        return;
    }
    std::string sql = "INSERT INTO " + std::string(table) + "(" + std::string(columns) + ") VALUES (";
    for (std::size_t i = 0, n = count_columns(columns); i < n; ++i) sql += i ? ", ?" : "?";
    sql += ")";
    Statement insert = db.prepare(sql);
    for (;;) {
        RowValues row(&insert, nullptr);
        if (!next_row(row)) return;
        insert.queue();
    }
}

}  // namespace parscore::inspections::sql
