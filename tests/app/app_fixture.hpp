#pragma once
// The operations' tests: a temporary database with the store tests' units, requests from an actor
// whose name the tests choose, and reading back who the store recorded.
#include <gtest/gtest.h>

#include <sqlite3.h>
#include <unistd.h>
#include "support/scratch_dir.hpp"

#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>

#include "parscore/app/error.hpp"
#include "parscore/app/request.hpp"
#include "parscore/app/units.hpp"

namespace parscore::app::testing {

namespace fs = std::filesystem;

inline const fs::path kData = fs::path(PARSCORE_TEST_DATA) / "inspections";
inline const std::string kRulebook = (kData / "data" / "rulebook.yaml").string();
inline const std::string kReport = (kData / "data" / "report.yaml").string();
inline const std::string kUnits = (kData / "data" / "units.csv").string();

/// The name every test's actor goes by: not the login name, so a test sees where "who" comes from.
inline const std::string kActor = "tran.thi.b";

inline void write_file(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

/// The app::Error `body` throws; a failure of the test when it throws none.
template <class Body> std::optional<Error> thrown(Body&& body) {
    try {
        body();
    } catch (const Error& e) {
        return e;
    }
    ADD_FAILURE() << "no app::Error was thrown";
    return std::nullopt;
}

/// A fresh folder holding `t.db`, removed with everything in it when the test ends.
class AppTest : public ::testing::Test {
protected:
    AppTest() : dir_("parscore-app-test") {}

    /// A request on t.db from kActor.
    template <class Request> Request request() const {
        Request r;
        r.actor.name = kActor;
        r.database = db();
        return r;
    }
    fs::path db() const { return dir_ / "t.db"; }
    fs::path path(const std::string& name) const { return dir_ / name; }

    /// t.db with data/units.csv.
    void import_test_units() {
        auto r = request<UnitsImportRequest>();
        r.file = kUnits;
        ASSERT_TRUE(import_units(r).outcome);
    }

    /// The single text a query returns (the tests' view of the columns no API reads).
    std::string query(const std::string& sql) const {
        sqlite3* handle = nullptr;
        EXPECT_EQ(sqlite3_open_v2(db().c_str(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_stmt* statement = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(handle, sql.c_str(), -1, &statement, nullptr), SQLITE_OK) << sql;
        std::string out;
        if (statement && sqlite3_step(statement) == SQLITE_ROW) {
            if (const unsigned char* text = sqlite3_column_text(statement, 0))
                out = reinterpret_cast<const char*>(text);
        }
        sqlite3_finalize(statement);
        sqlite3_close(handle);
        return out;
    }

    parscore::testing::ScratchDir dir_;
};

}  // namespace parscore::app::testing
