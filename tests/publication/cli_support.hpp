#pragma once
#include "support/scratch_dir.hpp"
// Running the built `parscore` program from tests: a scratch folder, the command with its
// stdout, stderr and exit code, and small file helpers.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace parscore::testing {

namespace fs = std::filesystem;

inline const fs::path kParscore = PARSCORE_BIN;
inline const fs::path kSourceDir = PARSCORE_SOURCE_DIR;
inline const fs::path kDemoRulebook = kSourceDir / "rules" / "hoa-binh-2013" / "rulebook.yaml";

inline std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_file(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

struct CliRun {
    int code = -1;
    std::string out, err;
};

inline std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

/// Runs parscore with `args` in `cwd`; `env` entries are set for the run ("" unsets).
inline CliRun parscore(const std::vector<std::string>& args, const fs::path& cwd,
                       const std::map<std::string, std::string>& env = {}) {
    static int counter = 0;
    const fs::path out = cwd / (".run-" + std::to_string(++counter) + ".out");
    const fs::path err = cwd / (".run-" + std::to_string(counter) + ".err");
    std::string command = "cd " + shell_quote(cwd.string()) + " && ";
    for (const auto& [name, value] : env) {
        command += value.empty() ? "unset " + name + "; " : "export " + name + "=" + shell_quote(value) + "; ";
    }
    command += shell_quote(kParscore.string());
    for (const std::string& a : args) command += " " + shell_quote(a);
    command += " >" + shell_quote(out.string()) + " 2>" + shell_quote(err.string());
    const int status = std::system(command.c_str());
    CliRun r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(out);
    r.err = read_file(err);
    fs::remove(out);
    fs::remove(err);
    return r;
}

/// The text with every inspection id (a UUID, random per recording) replaced by <inspection-N>,
/// numbered in order of first appearance, and the evidence hash (over those ids) by <evidence>.
inline std::string mask_random_ids(const std::string& text) {
    static const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static const std::regex evidence("\"evidence_sha256\": \"[0-9a-f]{64}\"");
    std::map<std::string, int> seen;
    std::string out;
    auto begin = std::sregex_iterator(text.begin(), text.end(), uuid);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        out += text.substr(last, static_cast<std::size_t>(it->position()) - last);
        auto [entry, added] = seen.emplace(it->str(), static_cast<int>(seen.size()) + 1);
        out += "<inspection-" + std::to_string(entry->second) + ">";
        last = static_cast<std::size_t>(it->position() + it->length());
    }
    out += text.substr(last);
    return std::regex_replace(out, evidence, "\"evidence_sha256\": \"<evidence>\"");
}

}  // namespace parscore::testing
