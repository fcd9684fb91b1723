#pragma once
// One part of a zip file (an .xlsx), for the tests that read what a workbook holds.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/command.hpp"

namespace parscore::testing {

/// The part `part` of `file`, read with the `unzip` program; "" when it cannot be read. Tests
/// skip when unzip_available() is false.
inline std::string unzip_part(const std::filesystem::path& file, const std::string& part) {
    return run_command("unzip -p '" + file.string() + "' '" + part + "' 2>/dev/null").output;
}

inline bool unzip_available() { return std::system("unzip -v >/dev/null 2>&1") == 0; }

}  // namespace parscore::testing
