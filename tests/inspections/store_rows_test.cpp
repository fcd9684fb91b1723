// The store's rows, defined once: what an INSERT binds by name a SELECT reads back unchanged,
// and a parameter a statement does not have is refused rather than silently left NULL.
#include <gtest/gtest.h>

#include <stdexcept>

#include "migrations.hpp"
#include "store_rows.hpp"

namespace parscore::inspections {
namespace {

sql::Database fresh() {
    sql::Database db(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    migrate(db, 0);
    db.exec("INSERT INTO units(id, name, category) VALUES ('u', 'U', 'department')");
    db.exec("INSERT INTO schemas(id, sha256, body) VALUES (1, 's', '{}')");
    db.exec("INSERT INTO inspections VALUES ('i', 'u', 7, 'draft', 'me', 'now')");
    return db;
}

TEST(StoreRows, ARevisionRowReadsBackAsBound) {
    sql::Database db = fresh();
    RevisionRow row{3,    "i",    1,          "u",       7, "draft", "2013-10-15",
                    2014, 2014,   "surprise", "[\"A\"]", 1, "d",     std::string("why"),
                    "me", "then", "",         "h"};
    sql::Statement insert = db.prepare(RevisionRow::insert_sql());
    row.bind(insert);
    insert.run();
    sql::Statement select = db.prepare(RevisionRow::select_sql());
    ASSERT_TRUE(select.step());
    const RevisionRow back = RevisionRow::read(select);
    EXPECT_EQ(back.no, 3);
    EXPECT_EQ(back.stamp, 7);
    EXPECT_EQ(back.date, "2013-10-15");
    EXPECT_EQ(back.year, 2014);
    EXPECT_EQ(back.team, "[\"A\"]");
    EXPECT_EQ(back.reason, "why");
    EXPECT_EQ(back.recorded_at, "then");
    EXPECT_EQ(back.hash, "h");
}

TEST(StoreRows, AnEventRowReadsBackAsBound) {
    sql::Database db = fresh();
    const EventRow row{4, "i", 2, "submit", "me", "then", "p", "h", {}, {}, {}};
    sql::Statement insert = db.prepare(EventRow::insert_sql());
    row.bind(insert);
    insert.run();
    sql::Statement select = db.prepare(EventRow::select_sql(4));
    ASSERT_TRUE(select.step());
    const EventRow back = EventRow::read(select);
    EXPECT_EQ(back.no, 4);
    EXPECT_EQ(back.event, "submit");
    EXPECT_EQ(back.prev_hash, "p");
    EXPECT_EQ(back.hash, "h");
    EXPECT_FALSE(back.note);
    EXPECT_FALSE(back.attachment);
}

TEST(StoreRows, AReviewEventRowKeepsItsTextAndAttachment) {
    sql::Database db = fresh();
    EventRow comment{5, "i", 2, "comment", "me", "then", "p", "h", std::string("Thiếu biên bản"), {}, {}};
    EventRow attach{6, "i", 3, "attach", "me", "then", "h", "h2", {}, std::string("abc"), std::string("a.jpg")};
    sql::Statement insert = db.prepare(EventRow::insert_sql());
    comment.bind(insert);
    insert.run();
    attach.bind(insert);
    insert.run();
    sql::Statement select = db.prepare(std::string(EventRow::select_sql(4)) + " ORDER BY no");
    ASSERT_TRUE(select.step());
    EXPECT_EQ(EventRow::read(select).note, "Thiếu biên bản");
    ASSERT_TRUE(select.step());
    const EventRow back = EventRow::read(select);
    EXPECT_EQ(back.attachment, "abc");
    EXPECT_EQ(back.file_name, "a.jpg");
    // An older database has no such columns: they read as none.
    sql::Statement old = db.prepare(std::string(EventRow::select_sql(3)) + " ORDER BY no");
    ASSERT_TRUE(old.step());
    EXPECT_FALSE(EventRow::read(old).note);
}

TEST(StoreRows, AnUnknownParameterNameIsRefused) {
    sql::Database db = fresh();
    sql::Statement s = db.prepare("SELECT :known");
    EXPECT_NO_THROW(s.bind(":known", 1));
    EXPECT_THROW(s.bind(":unknown", 1), std::logic_error);
}

}  // namespace
}  // namespace parscore::inspections
