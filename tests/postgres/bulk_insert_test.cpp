// Bulk inserts (an import's rows) through COPY on PostgreSQL and through one INSERT per row on
// SQLite: every value arrives as given, whatever characters COPY's text format escapes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bulk_insert.hpp"
#include "pg_fixture.hpp"
#include "support/scratch_dir.hpp"

namespace parscore::inspections::sql {
namespace {

using pg::testing::PgTest;

struct Row {
    std::int64_t number;
    std::optional<std::string> text;
    std::string bytes;
};

/// Every byte in the blob, and the characters COPY escapes (tab, newline, carriage return,
/// backslash, "\N" spelled out) in the text.
std::vector<Row> awkward_rows() {
    std::string all_bytes;
    for (int b = 0; b < 256; ++b) all_bytes += static_cast<char>(b);
    return {{1, "plain", "x"},
            {-9'007'199'254'740'993, "tab\there\nnew line\r\nback\\slash \\N not null", all_bytes},
            {3, std::nullopt, ""},
            {4, "", std::string("\0\\\t", 3)},
            {5, "Tiếng Việt: Sở Tư pháp", "\\x00"}};
}

void insert(Database& db, const std::vector<Row>& rows, Rows volume) {
    db.exec("CREATE TABLE t(n BIGINT, s TEXT, b BYTEA)");
    std::size_t i = 0;
    insert_rows(
        db, "t", "n, s, b",
        [&](RowValues& values) {
            if (i == rows.size()) return false;
            values.add(rows[i].number).add(rows[i].text).add_blob(rows[i].bytes);
            ++i;
            return true;
        },
        volume);
}

void expect_read_back(Database& db, const std::vector<Row>& rows) {
    Statement s = db.prepare("SELECT n, s, b FROM t ORDER BY n");
    std::vector<Row> sorted = rows;
    std::sort(sorted.begin(), sorted.end(), [](const Row& a, const Row& b) { return a.number < b.number; });
    for (const Row& want : sorted) {
        ASSERT_TRUE(s.step());
        EXPECT_EQ(s.int64(0), want.number);
        EXPECT_EQ(s.optional_text(1), want.text) << want.number;
        EXPECT_EQ(std::string(s.blob(2)), want.bytes) << want.number;
    }
    EXPECT_FALSE(s.step());
}

class BulkInsert : public PgTest {
protected:
    Database database() const { return Database::postgres(uri_ + "&options=-csearch_path%3D" + schema_); }
};

TEST_F(BulkInsert, CopyCarriesEveryValueAsGiven) {
    Database db = database();
    const std::int64_t before = db.total_changes();
    insert(db, awkward_rows(), Rows::Many);
    EXPECT_EQ(db.total_changes() - before, 5);  // COPY's rows count as changes, as INSERTs do
    expect_read_back(db, awkward_rows());
}

TEST_F(BulkInsert, AFewRowsGoAsInsertsWithTheSameResult) {
    Database db = database();
    insert(db, awkward_rows(), Rows::Few);
    expect_read_back(db, awkward_rows());
}

TEST_F(BulkInsert, ARefusedRowCancelsTheWholeCopy) {
    Database db = database();
    db.exec("CREATE TABLE u(n BIGINT PRIMARY KEY)");
    int i = 0;
    EXPECT_THROW(insert_rows(db, "u", "n",
                             [&](RowValues& values) {
                                 if (i == 3) return false;
                                 values.add(std::int64_t{i == 2 ? 0 : i});  // the third repeats the first
                                 ++i;
                                 return true;
                             }),
                 StoreError);
    EXPECT_EQ(count("u"), 0);
}

TEST(BulkInsertSqlite, OneInsertPerRowCarriesTheSameValues) {
    parscore::testing::ScratchDir dir;
    Database db((dir / "t.db").string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    insert(db, awkward_rows(), Rows::Many);
    expect_read_back(db, awkward_rows());
}

}  // namespace
}  // namespace parscore::inspections::sql
