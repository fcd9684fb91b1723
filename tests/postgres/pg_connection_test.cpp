// pg::Connection and pg::Statement against the test cluster: values of every kind the store keeps,
// SQLite-style parameters, errors and their kinds, transactions, COPY and the prepared statements.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <string>

#include "pg_fixture.hpp"

namespace parscore::inspections::pg::testing {
namespace {

class Connected : public PgTest {
protected:
    void SetUp() override {
        PgTest::SetUp();
        if (HasFatalFailure()) return;
        db_.exec("CREATE TABLE item (id int8 PRIMARY KEY, name text UNIQUE, data bytea, flag bool, n int4)");
    }
};

std::string every_byte() {
    std::string bytes(3, '\0');  // leading zero bytes
    for (int b = 0; b < 256; ++b) bytes += static_cast<char>(b);
    return bytes + std::string(2, '\0');
}

TEST_F(Connected, ValuesOfEveryKindComeBackAsTheyWent) {
    const std::string name = "Ủy ban nhân dân tỉnh Thừa Thiên Huế — đạt 95,5%";
    const std::string bytes = every_byte();
    db_.prepare("INSERT INTO item (id, name, data, flag, n) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, std::int64_t{9'000'000'000'123})
        .bind(2, name)
        .bind_blob(3, bytes)
        .bind(4, 1)
        .bind(5, -42)
        .run();

    Statement s = db_.prepare("SELECT id, name, data, flag, n, n::numeric / 4 FROM item");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.int64(0), 9'000'000'000'123);
    EXPECT_EQ(s.text(1), name);
    EXPECT_EQ(s.text_view(1), name);
    ASSERT_EQ(s.blob(2).size(), 261u);
    EXPECT_EQ(s.blob(2), bytes);
    EXPECT_EQ(s.int64(3), 1);
    EXPECT_EQ(s.optional_int(4), -42);
    EXPECT_EQ(s.int64(5), -10);  // -10.5, truncated
    EXPECT_FALSE(s.step());
}

TEST_F(Connected, BareAndNamedParametersAreNumberedAsSqliteNumbersThem) {
    db_.prepare("INSERT INTO item (id, name, n) VALUES (?, ?, ?)").bind(1, 1).bind(2, "một").bind(3, 10).run();
    Statement named = db_.prepare("INSERT INTO item (id, name, n) VALUES (:id, :name, :n)");
    EXPECT_EQ(named.parameter(":id"), 1);
    EXPECT_EQ(named.parameter(":name"), 2);
    EXPECT_EQ(named.parameter(":n"), 3);
    EXPECT_THROW(named.parameter(":nope"), std::logic_error);
    named.bind(":id", 2).bind(":name", "hai").bind(":n", std::optional<int>(20)).run();

    Statement s = db_.prepare("SELECT name FROM item WHERE n >= ?2 AND id <> ?1::bigint ORDER BY id");
    s.bind(1, 0).bind(2, 10);
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.text(0), "một");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.text(0), "hai");
    EXPECT_FALSE(s.step());

    Statement reused = db_.prepare("SELECT count(*) FROM item WHERE id = :id OR n = :id * 10");
    ASSERT_TRUE(reused.bind(":id", 2).step());
    EXPECT_EQ(reused.int64(0), 1);
    Statement digits = db_.prepare("SELECT 'số ' || ?1");  // an int sent to a text parameter as its digits
    ASSERT_TRUE(digits.bind(1, 12).step());
    EXPECT_EQ(digits.text(0), "số 12");
}

TEST_F(Connected, NullsAreBoundAndRead) {
    Statement insert = db_.prepare("INSERT INTO item (id, name, data, flag, n) VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, 1).bind(2, std::optional<std::string>()).bind_null(3).bind_null(4).bind(5, std::optional<int>());
    insert.run();
    insert.bind(1, std::optional<std::int64_t>(2)).run();  // unbound parameters are NULL

    Statement s = db_.prepare("SELECT name, data, flag, n FROM item ORDER BY id");
    for (int row = 0; row < 2; ++row) {
        ASSERT_TRUE(s.step());
        for (int c = 0; c < 4; ++c) EXPECT_TRUE(s.is_null(c)) << row << "," << c;
        EXPECT_EQ(s.optional_text(0), std::nullopt);
        EXPECT_EQ(s.optional_int(3), std::nullopt);
        EXPECT_EQ(s.int64(3), 0);
        EXPECT_EQ(s.text(0), "");
        EXPECT_EQ(s.blob(1).size(), 0u);
    }
    EXPECT_FALSE(s.step());
    EXPECT_TRUE(s.is_null(0));  // no row
}

TEST_F(Connected, AnOptionalFilterTakesNullOrAValue) {
    Statement insert = db_.prepare("INSERT INTO item (id, name, n) VALUES (?1, ?2, ?3)");
    insert.bind(1, 1).bind(2, "a").bind(3, 5).run();
    insert.bind(1, 2).bind(2, "b").bind(3, 6).run();
    Statement s = db_.prepare("SELECT count(*) FROM item WHERE (?1 IS NULL OR name = ?1) AND (?2 IS NULL OR n = ?2)");
    const auto matching = [&s] {
        EXPECT_TRUE(s.step());
        const std::int64_t n = s.int64(0);
        s.reset();
        return n;
    };
    s.bind_null(1).bind_null(2);
    EXPECT_EQ(matching(), 2);
    s.bind(1, "b");
    EXPECT_EQ(matching(), 1);
    s.bind(1, "c");
    EXPECT_EQ(matching(), 0);
    s.bind(2, "5");  // text to an int parameter, as SQLite would compare it
    EXPECT_EQ(matching(), 1);
    // A parameter whose type nothing fixes is taken as text.
    Statement alone = db_.prepare("SELECT ?1 IS NULL, ?3");
    ASSERT_TRUE(alone.bind(3, 7).step());
    EXPECT_EQ(alone.int64(0), 1);
    EXPECT_EQ(alone.text(1), "7");
}

TEST_F(Connected, TotalChangesCountsRowsWritten) {
    const std::int64_t before = db_.total_changes();
    Statement insert = db_.prepare("INSERT INTO item (id, n) VALUES (?1, ?2)");
    for (int i = 1; i <= 3; ++i) insert.bind(1, i).bind(2, i).run();
    EXPECT_EQ(db_.total_changes() - before, 3);
    db_.prepare("UPDATE item SET n = n + 1 WHERE id <= ?1").bind(1, 2).run();
    EXPECT_EQ(db_.total_changes() - before, 5);
    db_.prepare("SELECT * FROM item").run();
    db_.prepare("UPDATE item SET n = 0 WHERE id > 100").run();
    EXPECT_EQ(db_.total_changes() - before, 5);
    db_.exec("DELETE FROM item WHERE id = 1; UPDATE item SET n = 9");
    EXPECT_EQ(db_.total_changes() - before, 8);
    db_.prepare("INSERT OR IGNORE INTO item (id, n) VALUES (?1, 0)").bind(1, 2).run();
    EXPECT_EQ(db_.total_changes() - before, 8);  // ignored
    Statement returning = db_.prepare("INSERT OR IGNORE INTO item (id, n) VALUES (?1, 0) RETURNING id");
    ASSERT_TRUE(returning.bind(1, 7).step());
    EXPECT_EQ(returning.int64(0), 7);
    EXPECT_EQ(db_.total_changes() - before, 9);
}

TEST_F(Connected, AUniqueViolationIsADatabaseError) {
    Statement insert = db_.prepare("INSERT INTO item (id, name) VALUES (?1, ?2)");
    insert.bind(1, 1).bind(2, "x").run();
    try {
        insert.bind(1, 2).bind(2, "x").run();
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), StoreError::Kind::Database);
        EXPECT_EQ(e.sqlstate(), "23505");
        EXPECT_NE(std::string(e.what()).find("item_name_key"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("INSERT INTO item"), std::string::npos) << e.what();
    }
    insert.reset();
    insert.bind(1, 3).bind(2, "y").run();  // the statement and the connection still work
    EXPECT_EQ(count("item"), 2);
    EXPECT_FALSE(db_.broken());
}

TEST_F(Connected, ASerializationFailureIsBusy) {
    db_.exec("INSERT INTO item (id, n) VALUES (1, 0)");
    Connection second = other();
    db_.exec("BEGIN ISOLATION LEVEL REPEATABLE READ");
    EXPECT_EQ(count("item"), 1);  // takes the snapshot
    second.exec("UPDATE item SET n = 1 WHERE id = 1");
    try {
        db_.prepare("UPDATE item SET n = 2 WHERE id = ?1").bind(1, 1).run();
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), StoreError::Kind::Busy) << e.what();
        EXPECT_EQ(e.sqlstate(), "40001");
    }
    db_.rollback();
    db_.begin_read();
    Statement s = db_.prepare("SELECT n FROM item");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.int64(0), 1);
    db_.commit();
}

TEST_F(Connected, RollbackLeavesNothingAndCommitKeeps) {
    Statement insert = db_.prepare("INSERT INTO item (id) VALUES (?1)");
    db_.begin_write();
    insert.bind(1, 1).run();
    db_.rollback();
    EXPECT_EQ(count("item"), 0);
    db_.begin_write();
    insert.bind(1, 2).run();
    db_.commit();
    EXPECT_EQ(count("item"), 1);
    db_.begin_read();
    EXPECT_THROW(insert.bind(1, 3).run(), StoreError);  // read only
    db_.rollback();
}

TEST_F(Connected, APrepareFailingInsideATransactionLeavesItUsable) {
    db_.begin_write();
    db_.prepare("INSERT INTO item (id) VALUES (?1)").bind(1, 1).run();
    EXPECT_THROW(db_.prepare("SELECT nope FROM item"), StoreError);
    Statement s = db_.prepare("SELECT ?1 IS NULL, count(*) FROM item");  // retried with ?1 as text
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.int64(1), 1);
    db_.commit();
    EXPECT_EQ(count("item"), 1);
}

TEST_F(Connected, CopyInTakesTenThousandRows) {
    const std::int64_t before = db_.total_changes();
    int i = 0;
    db_.copy_in("COPY item (id, name) FROM STDIN", [&i](std::string& row) {
        if (i == 10'000) return false;
        ++i;
        row = std::to_string(i) + "\tđơn vị " + std::to_string(i) + (i % 2 ? "\n" : "");
        return true;
    });
    EXPECT_EQ(count("item"), 10'000);
    EXPECT_EQ(db_.total_changes() - before, 10'000);
    Statement s = db_.prepare("SELECT name FROM item WHERE id = 9999");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.text(0), "đơn vị 9999");

    // A source that fails cancels the COPY and leaves the connection usable.
    EXPECT_THROW(db_.copy_in("COPY item (id) FROM STDIN",
                             [](std::string& row) -> bool {
                                 row = "20000";
                                 throw std::runtime_error("unreadable");
                             }),
                 std::runtime_error);
    EXPECT_EQ(count("item"), 10'000);
    EXPECT_THROW(db_.copy_in("COPY item (id) FROM STDIN",
                             [n = 0](std::string& row) mutable {
                                 row = "not a number";
                                 return n++ == 0;
                             }),
                 StoreError);
    EXPECT_EQ(count("item"), 10'000);
}

TEST_F(Connected, AStatementIsReusedAfterReset) {
    Statement insert = db_.prepare("INSERT INTO item (id, n) VALUES (?1, ?2)");
    for (int i = 1; i <= 5; ++i) insert.bind(1, i).bind(2, i * 10).run();
    Statement s = db_.prepare("SELECT n FROM item WHERE id >= ?1 ORDER BY id");
    s.bind(1, 2);
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.int64(0), 20);
    s.reset();  // before the last row
    s.bind(1, 4);
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.int64(0), 40);
    ASSERT_TRUE(s.step());
    EXPECT_FALSE(s.step());
    // Rows of one statement are walked while another writes on the same connection.
    Statement walk = db_.prepare("SELECT id FROM item ORDER BY id");
    Statement update = db_.prepare("UPDATE item SET n = -n WHERE id = ?1");
    int walked = 0;
    while (walk.step()) {
        update.bind(1, walk.int64(0)).run();
        ++walked;
    }
    EXPECT_EQ(walked, 5);
}

TEST_F(Connected, TheSameSqlIsPreparedOnceOnTheServer) {
    const std::string sql = "SELECT n FROM item WHERE id = ?1 AND name = :name";
    for (int i = 0; i < 3; ++i) {
        Statement s = db_.prepare(sql);
        s.bind(1, i).bind(":name", "x");
        EXPECT_FALSE(s.step());
    }
    Statement kept = db_.prepare("SELECT count(*) FROM pg_prepared_statements WHERE statement = ?1");
    ASSERT_TRUE(kept.bind(1, "SELECT n FROM item WHERE id = $1 AND name = $2").step());
    EXPECT_EQ(kept.int64(0), 1);
    // Another connection prepares its own.
    Connection second = other();
    Statement there = second.prepare("SELECT count(*) FROM pg_prepared_statements");
    ASSERT_TRUE(there.step());
    EXPECT_EQ(there.int64(0), 1);  // itself
}

TEST_F(PgTest, StatementsPastTheBoundAreDeallocatedWithTheirStatement) {
    for (int i = 0; i < 300; ++i) {
        Statement s = db_.prepare("SELECT " + std::to_string(i) + " + ?1");
        ASSERT_TRUE(s.bind(1, 1).step());
        EXPECT_EQ(s.int64(0), i + 1);
    }
    Statement kept = db_.prepare("SELECT count(*) FROM pg_prepared_statements");
    ASSERT_TRUE(kept.step());
    EXPECT_EQ(kept.int64(0), 256 + 1);  // the bound, and this one while it runs
}

TEST_F(Connected, StaticBlobsAndTextToBytea) {
    const std::string bytes = every_byte();
    db_.prepare("INSERT INTO item (id, data) VALUES (?1, ?2)").bind(1, 1).bind_static_blob(2, bytes).run();
    db_.prepare("INSERT INTO item (id, data) VALUES (?1, ?2)").bind(1, 2).bind(2, "chữ").run();
    Statement s = db_.prepare("SELECT data, length(data), name FROM item ORDER BY id");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.blob(0), bytes);
    EXPECT_EQ(s.blob(0).data(), s.blob(0).data());  // decoded once per row
    EXPECT_EQ(s.int64(1), 261);
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.blob(0), "chữ");
}

TEST_F(PgTest, SyntaxErrorsCarryTheStatementAndSqlstate) {
    try {
        db_.prepare("SELEC 1");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), StoreError::Kind::Database);
        EXPECT_EQ(e.sqlstate(), "42601");
        EXPECT_NE(std::string(e.what()).find("SELEC 1"), std::string::npos) << e.what();
    }
    EXPECT_THROW(db_.exec("SELECT 1; SELECT * FROM no_such_table; SELECT 2"), StoreError);
    EXPECT_THROW(db_.prepare("SELECT ?1").bind(2, 1), StoreError);  // no such parameter
}

TEST_F(PgTest, AMissingDatabaseIsMissingAndNoServerIsIo) {
    std::string missing = uri_;
    missing.replace(missing.find("parscore_test"), 13, "parscore_no_such_db");
    try {
        Connection::open(missing);
        FAIL() << "no error";
    } catch (const StoreError& e) {
        EXPECT_EQ(e.kind(), StoreError::Kind::Missing) << e.what();
        EXPECT_NE(std::string(e.what()).find("parscore_no_such_db"), std::string::npos) << e.what();
    }
    try {
        Connection::open("postgresql:///parscore_test?host=/nonexistent-parscore&user=postgres");
        FAIL() << "no error";
    } catch (const StoreError& e) {
        EXPECT_EQ(e.kind(), StoreError::Kind::Io) << e.what();
    }
}

TEST_F(PgTest, ALostConnectionIsIoAndBroken) {
    Statement pid = db_.prepare("SELECT pg_backend_pid()");
    ASSERT_TRUE(pid.step());
    const std::int64_t backend = pid.int64(0);
    Connection second = other();
    // Waits (up to 10 s) for the backend to be gone.
    second.prepare("SELECT pg_terminate_backend(?1::int, 10000)").bind(1, backend).run();
    try {
        db_.exec("SELECT 1");
        FAIL() << "no error";
    } catch (const StoreError& e) {
        EXPECT_EQ(e.kind(), StoreError::Kind::Io) << e.what();
    }
    EXPECT_TRUE(db_.broken());
    EXPECT_THROW(db_.prepare("SELECT 2").step(), StoreError);
}

}  // namespace
}  // namespace parscore::inspections::pg::testing

namespace parscore::inspections::pg::testing {
namespace {

// Statements sent ahead (queue): answered with the next statement or the commit.
class Queued : public Connected {
protected:
    void queue_item(std::int64_t id, const std::string& name) {
        Statement s = db_.prepare("INSERT INTO item (id, name) VALUES (?1, ?2)");
        s.bind(1, id).bind(2, name).queue();
    }
    /// The rows another connection sees: what was committed.
    std::int64_t committed_items() const {
        Connection reader = other();
        Statement s = reader.prepare("SELECT count(*) FROM item");
        EXPECT_TRUE(s.step());
        return s.int64(0);
    }
};

TEST_F(Queued, TheNextStatementSeesTheQueuedRowsAndTheirChangesAreCounted) {
    const std::int64_t before = db_.total_changes();
    db_.begin_write();
    for (int i = 1; i <= 5; ++i) queue_item(i, "item " + std::to_string(i));
    EXPECT_EQ(count("item"), 5);  // the read waits for the queued answers first
    EXPECT_EQ(db_.total_changes() - before, 5);
    db_.commit();
    EXPECT_EQ(committed_items(), 5);
}

TEST_F(Queued, TheCommitGoesWithTheQueuedStatements) {
    db_.begin_write();
    queue_item(1, "a");
    queue_item(2, "b");
    db_.commit();
    EXPECT_EQ(committed_items(), 2);
}

TEST_F(Queued, AFailingQueuedStatementFailsTheCommitAndNothingIsKept) {
    db_.begin_write();
    queue_item(1, "a");
    queue_item(2, "a");  // the same name: a unique violation, answered only at the commit
    queue_item(3, "c");
    try {
        db_.commit();
        ADD_FAILURE() << "the commit succeeded";
    } catch (const StoreError& e) {
        EXPECT_EQ(e.kind(), StoreError::Kind::Database);
        EXPECT_NE(std::string(e.what()).find("23505"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("INSERT INTO item"), std::string::npos) << e.what();
    }
    // The connection is usable again, outside any transaction, and nothing was kept.
    EXPECT_EQ(PQtransactionStatus(db_.get()), PQTRANS_IDLE);
    EXPECT_EQ(count("item"), 0);
}

TEST_F(Queued, AFailureSurfacesAtTheNextStatementAndRollbackEndsTheTransaction) {
    db_.begin_write();
    queue_item(1, "a");
    queue_item(1, "b");  // the same id
    EXPECT_THROW(count("item"), StoreError);
    db_.rollback();
    EXPECT_EQ(PQtransactionStatus(db_.get()), PQTRANS_IDLE);
    EXPECT_EQ(count("item"), 0);
}

}  // namespace
}  // namespace parscore::inspections::pg::testing
