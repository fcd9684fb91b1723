// parscore-gen: writes benchmark inputs in parscore's own formats.
//
//   parscore-gen national [--units N] [--year Y] [--seed S] DIR
//       DIR/rulebook.yaml, units.csv, one CSV per kind and inspection kind, reports/ and
//       amendments/ (YAML), and load.sh, which loads them all into $PARSCORE_DB with
//       $PARSCORE_BIN (units import, import --inspection-kind, record, amend).
//   parscore-gen rulebook --criteria N [FILE]
//       a valid rulebook with N criteria (for timing `parscore check`); stdout without FILE.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "workload.hpp"

namespace {

namespace fs = std::filesystem;

int usage() {
    std::cerr << "usage: parscore-gen national [--units N] [--year Y] [--seed S] DIR\n"
                 "       parscore-gen rulebook --criteria N [FILE]\n";
    return 2;
}

void write(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) {
        std::cerr << "parscore-gen: cannot write " << path << "\n";
        std::exit(3);
    }
}

std::string load_script(const parscore::bench::NationalWorkload& w) {
    std::string s =
        "#!/usr/bin/env bash\n"
        "# Loads this data set: PARSCORE_BIN (default: parscore on PATH), PARSCORE_DB (default\n"
        "# ./national.db, relative to this folder). Prints the import time and rows per second.\n"
        "set -euo pipefail\n"
        "cd \"$(dirname \"$0\")\"\n"
        "BIN=${PARSCORE_BIN:-parscore}\n"
        "export PARSCORE_DB=${PARSCORE_DB:-national.db}\n"
        "\"$BIN\" units import units.csv\n"
        "t0=$(date +%s%N)\n";
    for (const auto& c : w.imports) {
        s += "\"$BIN\" import --rules rulebook.yaml --kind " + c.kind + " --inspection-kind " + c.inspection_kind +
             " " + c.file + "\n";
    }
    s += "t1=$(date +%s%N)\n"
         "echo \"imported " +
         std::to_string(w.csv_rows()) + " rows in $(( (t1 - t0) / 1000000 )) ms: $(( " + std::to_string(w.csv_rows()) +
         " * 1000000000 / (t1 - t0) )) rows/s\"\n";
    if (!w.reports.empty()) {
        s += "ids=$(\"$BIN\" record --rules rulebook.yaml reports/*.yaml)\n"
             "paste -d ' ' <(echo \"$ids\") <(ls amendments/*.yaml) | while read -r id file; do\n"
             "  \"$BIN\" amend \"$id\" \"$file\" --reason \"benchmark amendment\" >/dev/null\n"
             "done\n"
             "echo \"recorded and amended " +
             std::to_string(w.reports.size()) + " reports\"\n";
    }
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    const std::string what = argv[1];
    if (what == "national") {
        parscore::bench::NationalOptions o;
        std::string dir;
        for (int i = 2; i < argc; ++i) {
            const std::string a = argv[i];
            if ((a == "--units" || a == "--year" || a == "--seed") && i + 1 < argc) {
                const unsigned long long v = std::strtoull(argv[++i], nullptr, 10);
                if (a == "--units") o.units = static_cast<std::uint32_t>(v);
                if (a == "--year") o.year = static_cast<int>(v);
                if (a == "--seed") o.seed = v;
            } else if (dir.empty() && a.rfind("--", 0) != 0) {
                dir = a;
            } else {
                return usage();
            }
        }
        if (dir.empty() || o.units == 0 || o.units > 999'999) return usage();
        const auto w = parscore::bench::national_workload(o);
        const fs::path root(dir);
        fs::create_directories(root / "reports");
        fs::create_directories(root / "amendments");
        write(root / "rulebook.yaml", w.rulebook);
        write(root / "units.csv", w.units_csv);
        for (const auto& c : w.imports) write(root / c.file, c.text);
        for (const auto& r : w.reports) write(root / "reports" / r.file, r.text);
        for (const auto& r : w.amendments) write(root / "amendments" / r.file, r.text);
        write(root / "load.sh", load_script(w));
        fs::permissions(root / "load.sh", fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                        fs::perm_options::add);
        std::cout << "national: " << o.units << " units, " << w.csv_rows() << " CSV rows in " << w.imports.size()
                  << " files, " << w.reports.size() << " reports with amendments, in " << dir << "\n";
        return 0;
    }
    if (what == "rulebook") {
        long long criteria = -1;
        std::string file;
        for (int i = 2; i < argc; ++i) {
            const std::string a = argv[i];
            if (a == "--criteria" && i + 1 < argc) {
                criteria = std::atoll(argv[++i]);
            } else if (file.empty() && a.rfind("--", 0) != 0) {
                file = a;
            } else {
                return usage();
            }
        }
        if (criteria < 1) return usage();
        const std::string text = parscore::bench::large_rulebook(static_cast<std::size_t>(criteria));
        if (file.empty()) {
            std::cout << text;
        } else {
            write(file, text);
        }
        return 0;
    }
    return usage();
}
