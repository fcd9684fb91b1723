#pragma once
// The operations' tests: a temporary database with the store tests' units, requests from an actor
// whose name the tests choose, and reading back who the store recorded.
#include <gtest/gtest.h>

#include <unistd.h>
#include "support/scratch_dir.hpp"
#include "support/test_database.hpp"

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

/// A fresh folder, and a database `t.db` in it (or a schema of its own on PostgreSQL), both
/// removed when the test ends.
class AppTest : public ::testing::Test {
protected:
    AppTest() : dir_("parscore-app-test"), database_(dir_.path()) {}

    /// A request on t.db from kActor.
    template <class Request> Request request() const {
        Request r;
        r.actor.name = kActor;
        r.database = db();
        return r;
    }
    fs::path db() const { return database_.location(); }
    fs::path path(const std::string& name) const { return dir_ / name; }

    /// t.db with data/units.csv.
    void import_test_units() {
        auto r = request<UnitsImportRequest>();
        r.file = kUnits;
        ASSERT_TRUE(import_units(r).outcome);
    }

    /// The single text a query returns (the tests' view of the columns no API reads).
    std::string query(const std::string& sql) const { return database_.text(sql); }
    /// Runs statements behind the store's back (accounts made, rows tampered with).
    void exec(const std::string& sql) const { database_.exec(sql); }

    parscore::testing::ScratchDir dir_;
    parscore::testing::TestDatabase database_;
};

}  // namespace parscore::app::testing
