#pragma once
// Reading one `*.test.yaml` file (docs/reference/rulebook-format.md) into cases with their expectations. Problems with
// the file itself (YAML, top-level keys) are file diagnostics; problems inside a case make that case invalid (it counts
// as failed, with its position). Codes E5xx (docs/diagnostics.md).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parscore/core/decimal.hpp"
#include "parscore/core/diagnostic.hpp"
#include "parscore/core/yaml_tree.hpp"
#include "parscore/rules/rulebook.hpp"

namespace parscore::engine {

/// One expected value: a number, a status word (exempt, missing, error), null, or a word (band
/// id, complete/incomplete).
struct Expected {
    enum class Kind { Number, Word, Null } kind = Kind::Null;
    core::Decimal number;
    std::string word;
    core::Span span{};

    std::string text() const;  // as written, for messages
};

struct ExpectedItem {
    std::string id;
    Expected value;
};

struct CaseSpec {
    std::string name;
    core::Span span{};
    std::string unit_id, unit_name, unit_category;
    int year = 0;
    const core::YamlNode* evidence = nullptr;  // null: no evidence
    std::vector<ExpectedItem> criteria, deductions, bonuses;
    std::optional<Expected> total, points, band, status;
    core::Diagnostics problems;  // errors make the case invalid
};

struct TestFile {
    std::string path;
    core::FileId file = 0;
    std::optional<core::YamlNode> root;  // owns the nodes the cases point into
    std::string rulebook_path;           // resolved relative to the test file
    core::Span rulebook_span{};
    std::optional<int> year;
    const core::YamlNode* cases = nullptr;
};

/// The file's top level: `rulebook`, `year`, `cases`. Returns false after file-level errors.
bool read_test_file_header(TestFile& file, const core::SourceSet& sources, core::Diagnostics& diags);

/// One case, checked against the loaded rulebook (ids under `expect`, the unit's category).
CaseSpec read_case(const core::YamlNode& node, const TestFile& file, const rules::Rulebook& rulebook);

}  // namespace parscore::engine
