#pragma once
// A report sent as JSON (docs/api.md, "Inspections"): read with its numbers exactly as written,
// then written as the YAML text the report reader checks, so that JSON and YAML reports pass the
// very same rules. Each node's JSON pointer is kept by where the node starts in that text, so a
// diagnostic's position turns back into the pointer of what the client sent.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parscore::server {

/// A JSON value; numbers and booleans keep their text as written ("2.0" stays "2.0").
struct JsonNode {
    enum class Kind { Null, Bool, Number, String, Object, Array };
    struct Member;  // below: a pair of an incomplete type is not allowed
    Kind kind = Kind::Null;
    std::string text;             // Bool and Number: as written; String: decoded
    std::vector<Member> members;  // Object, in the order sent
    std::vector<JsonNode> items;  // Array

    /// The first member of that name, or nullptr.
    const JsonNode* find(std::string_view key) const;
};

struct JsonNode::Member {
    std::string name;
    JsonNode value;
};

/// Parses a JSON text; ApiError 400 when it is not JSON or nests deeper than the YAML reader
/// allows (64 levels).
JsonNode parse_json_document(std::string_view text);

struct ReportYaml {
    std::string text;                               // flow-style YAML
    std::map<std::uint32_t, std::string> pointers;  // a node's (or a key's) first byte → its JSON pointer

    /// The pointer of the node a position lies in (the nearest node starting at or before it).
    std::string pointer_at(std::uint32_t offset) const;
};

/// The report as YAML. `prefix` is the report's own pointer in the document sent ("" or
/// "/report"); a top-level member named `skip` (the client id) is left out.
ReportYaml report_yaml(const JsonNode& report, const std::string& prefix, std::string_view skip = {});

}  // namespace parscore::server
