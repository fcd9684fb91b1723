#pragma once
// Deterministic benchmark inputs written in parscore's own input formats: a national-scale data
// set (units CSV, evidence CSVs per kind and inspection kind, reports recorded and then amended)
// with the rulebook that scores it, and rulebooks with any number of criteria for timing `check`.
// The same seed always gives the same bytes.
#include <cstdint>
#include <string>
#include <vector>

namespace parscore::bench {

struct NationalOptions {
    std::uint32_t units = 10'000;
    int year = 2025;
    std::uint64_t seed = 1;
    /// One report in this many units is recorded as a YAML report and then amended.
    std::uint32_t amend_every = 50;
};

/// One CSV file for `parscore import --rules R --kind KIND --inspection-kind IKIND FILE`.
struct CsvImport {
    std::string file;             // e.g. "procedure-scheduled.csv"
    std::string kind;             // evidence kind
    std::string inspection_kind;  // scheduled | surprise | self | …
    std::string text;
    std::size_t rows = 0;  // data rows
};

/// A YAML inspection report (docs/reference/database.md).
struct YamlReport {
    std::string file;
    std::string unit;
    std::string text;
};

struct NationalWorkload {
    std::string rulebook;  // rulebook.yaml
    std::string units_csv;
    std::vector<CsvImport> imports;      // in import order
    std::vector<YamlReport> reports;     // recorded after the imports
    std::vector<YamlReport> amendments;  // amendments[i] replaces the findings of reports[i]
    std::size_t csv_rows() const;
};

/// Units in three categories (departments, districts, communes), each with a self-assessment in
/// January, a scheduled inspection in the spring and, for about two in five, a surprise
/// inspection in the autumn that re-checks some procedures (keyed: the later inspected value
/// wins); desk staff, violations, a citizen survey and two facts. About 150 procedures a unit.
NationalWorkload national_workload(const NationalOptions& options);

/// A valid rulebook with `criteria` criteria (groups of 50) over a small schema, cycling through
/// the rule language's shapes: share/steps, all, count … where, sum, avg, min/max, exists, let,
/// facts, params, arithmetic and `if`.
std::string large_rulebook(std::size_t criteria);

}  // namespace parscore::bench
