// What the changes after a revision touched (docs/results-cache.md): the server keeps a year's
// results between reads and, after a write, re-scores only the units these changes name.
#include <algorithm>
#include <set>

#include "migrations.hpp"
#include "store_impl.hpp"

namespace parscore::inspections {

namespace {

bool numbers(std::int64_t schema, std::string_view table) {
    const std::vector<std::string> tables = numbered_tables(schema);
    return std::find(tables.begin(), tables.end(), table) != tables.end();
}

template <class T> std::vector<T> column(const sql::Database& db, std::string_view sql, std::int64_t after) {
    std::set<T> seen;
    sql::Statement s = db.prepare(sql);
    s.bind(1, after);
    while (s.step()) {
        if constexpr (std::is_same_v<T, int>) seen.insert(static_cast<int>(s.int64(0)));
        else seen.insert(s.text(0));
    }
    return {seen.begin(), seen.end()};
}

}  // namespace

ChangesSince Store::changes_since(std::int64_t after) const {
    const sql::Database& db = impl_->db;
    const std::int64_t schema = impl_->schema;
    sql::ReadTransaction snapshot(db);
    ChangesSince out;
    out.last = last_revision();
    if (out.last <= after) return out;
    // Every table numbered by the change counter names the unit it changes, directly or through
    // its inspection; an event (submit, return, lock, comment, attachment) moves no evidence of
    // another unit. `no > 0` lets unit_versions be read through its partial index of numbers.
    std::string units =
        "SELECT unit FROM revisions WHERE no > ?1 UNION "
        "SELECT i.unit FROM events e JOIN inspections i ON i.id = e.inspection WHERE e.no > ?1";
    if (numbers(schema, "unit_versions")) units += " UNION SELECT unit FROM unit_versions WHERE no > ?1 AND no > 0";
    out.units = column<std::string>(db, units, after);
    if (numbers(schema, "adoptions"))
        out.adoption_years = column<int>(db, "SELECT year FROM adoptions WHERE no > ?1", after);
    if (numbers(schema, "publications"))
        out.publication_years = column<int>(db, "SELECT year FROM publications WHERE no > ?1", after);
    return out;
}

}  // namespace parscore::inspections
