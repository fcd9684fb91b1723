#pragma once
// cli::run in-process with captured output, and a demo database per suite, for the command
// line's tests.
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "../app/scratch.hpp"
#include "app.hpp"

namespace parscore::testing {

struct Outcome {
    int code = -1;
    std::string out, err;
};

inline Outcome run(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    Outcome r;
    r.code = cli::run(args, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

/// A suite of tests sharing one demo database, built once for the suite.
class DemoCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        scratch_ = new Scratch;
        ASSERT_EQ(run({"demo", "--db", db()}).code, 0);
    }
    static void TearDownTestSuite() {
        delete scratch_;
        scratch_ = nullptr;
    }
    static std::string db() { return (*scratch_ / "demo.db").string(); }
    inline static Scratch* scratch_ = nullptr;
};

}  // namespace parscore::testing
