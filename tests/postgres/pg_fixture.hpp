#pragma once
// A connection to the test cluster (PARSCORE_TEST_PG, set by CTest's `postgres` fixture) with a
// schema of its own, dropped afterwards: cases never see each other's tables.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <string>

#include "pg_connection.hpp"

namespace parscore::inspections::pg::testing {

class PgTest : public ::testing::Test {
protected:
    void SetUp() override {
        const char* uri = std::getenv("PARSCORE_TEST_PG");
        // Failing rather than skipping: a run that silently tested nothing would pass.
        ASSERT_TRUE(uri && *uri) << "PARSCORE_TEST_PG is not set: start a cluster with `scripts/pg-test-cluster "
                                    "start DIR` and set PARSCORE_TEST_PG to the URI it prints (ctest -R postgres "
                                    "does both)";
        uri_ = uri;
        std::random_device random;
        schema_ = "t_" + std::to_string(random()) + std::to_string(random());
        db_ = Connection::open(uri_);
        db_.exec("CREATE SCHEMA " + schema_ + "; SET search_path = " + schema_);
    }

    void TearDown() override {
        if (schema_.empty()) return;
        db_ = Connection();  // its open transaction, if any, would hold the schema's locks
        try {
            Connection c = Connection::open(uri_);
            c.exec("DROP SCHEMA " + schema_ + " CASCADE");
        } catch (const StoreError& e) {
            ADD_FAILURE() << "cannot drop " << schema_ << ": " << e.what();
        }
    }

    /// Another connection to the same schema.
    Connection other() const {
        Connection c = Connection::open(uri_);
        c.exec("SET search_path = " + schema_);
        return c;
    }

    std::int64_t count(const std::string& table) {
        Statement s = db_.prepare("SELECT count(*) FROM " + table);
        EXPECT_TRUE(s.step());
        return s.int64(0);
    }

    std::string uri_;
    std::string schema_;
    Connection db_;
};

}  // namespace parscore::inspections::pg::testing
