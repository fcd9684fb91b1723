#pragma once
// A scratch folder per test, the demo province, the requests the tests send (from a fixed actor,
// with no logger) and the kind of error an operation throws.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "support/scratch_dir.hpp"

#include "parscore/app/demo.hpp"

namespace parscore::testing {

namespace fs = std::filesystem;

inline const fs::path kSourceDir = PARSCORE_SOURCE_DIR;
inline const fs::path kTestData = PARSCORE_TEST_DATA;
inline const std::string kDemoRules = (kSourceDir / "rules" / "hoa-binh-2013" / "rulebook.yaml").string();

using Scratch = parscore::testing::ScratchDir;

inline void write_text(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

inline std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

template <class R> R request_as(const std::string& who) {
    R r;
    r.actor = app::Actor{app::Actor::Kind::SystemUser, who, "local"};
    return r;
}

/// The kind of the app::Error `op` throws (Internal, with a test failure, when it throws none).
inline app::ErrorKind kind_of(const std::function<void()>& op) {
    try {
        op();
    } catch (const app::Error& e) {
        return e.kind();
    }
    ADD_FAILURE() << "no app::Error";
    return app::ErrorKind::Internal;
}

/// Builds the demo province at `db` (2012 published, 2013 recorded).
inline app::DemoResult build_demo(const fs::path& db) {
    auto request = request_as<app::DemoRequest>("tester");
    request.database = db;
    return app::demo(request);
}

}  // namespace parscore::testing
