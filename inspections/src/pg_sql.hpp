#pragma once
// The evidence store's SQL is written in SQLite's dialect; PostgreSQL takes most of it as it is.
// What differs in every statement is rewritten here, as text, before the statement is prepared.
#include <string>
#include <string_view>
#include <vector>

namespace parscore::inspections::pg {

/// Rewrites SQLite's parameters to PostgreSQL's `$N`, numbered as SQLite numbers them so that the
/// same bind indexes work on both: `?N` keeps N; a bare `?` is one more than the largest number so
/// far; a `:name` takes the next number at its first appearance and the same number after.
/// Nothing inside a string literal, a quoted identifier or a comment is touched, nor a cast
/// (`x::bigint`). `INSERT OR IGNORE INTO …` becomes `INSERT INTO … ON CONFLICT DO NOTHING` (before
/// a final RETURNING clause).
///
/// `names`, when given, is filled with one entry per parameter number: names[N - 1] is the name
/// (":name") of `$N`, or empty for a numbered or bare one. Its size is the largest number used.
std::string to_postgres_sql(std::string_view sqlite_sql, std::vector<std::string>* names = nullptr);

/// `pg_sql` with each `$N IS NULL` and `$N IS NOT NULL` made `NULL IS …`. PostgreSQL gives a
/// parameter the type of its first use, and a NULL test gives none, so `($1 IS NULL OR unit = $1)`
/// fails to prepare; the statement without those tests tells the type the other uses give it.
std::string without_null_tests(std::string_view pg_sql, int number);

}  // namespace parscore::inspections::pg
