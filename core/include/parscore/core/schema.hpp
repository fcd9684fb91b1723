#pragma once
// An evidence schema (`evidence:` in docs/reference/rulebook-format.md): record kinds with typed
// fields and an optional key, and fact kinds with one typed value. Shared by the rule language
// (type checking), the rulebook loader (which builds it), and the evidence store (validating
// reports and CSV files).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/core/datum.hpp"
#include "parscore/core/source.hpp"
#include "parscore/core/text.hpp"

namespace parscore::core {

enum class FieldType { Bool, Int, Number, Percent, Text, Date, Enum };

const char* field_type_name(FieldType t);  // "bool", "int", "number", "percent", "text", "date", "enum"

struct FieldDef {
    std::string name;
    FieldType type = FieldType::Text;
    std::vector<std::string> enum_values;  // NFC, for Enum
    Span span{};                           // where it was declared
    /// What a person reads in a form instead of the name (`label:`, NFC, shown as written); empty
    /// when none. Record fields only: a fact's label is its kind's. Never scored, compared, stored
    /// or hashed apart from the rulebook's own files.
    std::string label{};
};

enum class Combine { Union, Latest };

/// What an aggregate over a record kind gives for a unit no counted inspection checked (listed
/// the kind, even as `[]`): missing (absence of evidence is not evidence of absence), or — for
/// events anyone may report, such as violations — no records.
enum class Unchecked { Missing, None };

struct KindDef {
    std::string name;
    bool is_fact = false;
    /// Record kinds: the fields in declaration order. Facts: exactly one field named "value".
    std::vector<FieldDef> fields;
    std::optional<std::size_t> key;  // index into fields
    Combine combine = Combine::Union;
    Unchecked unchecked = Unchecked::Missing;  // record kinds only
    Span span{};
    /// What a person reads in a form instead of the name (`label:`), as FieldDef::label; empty
    /// when none.
    std::string label{};

    std::optional<std::size_t> field_index(std::string_view field) const;
    const FieldDef& fact_field() const { return fields.front(); }
};

struct EvidenceSchema {
    std::vector<KindDef> kinds;  // declaration order
    const KindDef* find(std::string_view kind) const;
    std::optional<std::size_t> index_of(std::string_view kind) const;
};

/// Reads a scalar (a YAML scalar's decoded text or a CSV cell) by its declared type, with the rules
/// of docs/reference/rulebook-format.md: bool true|True|TRUE|false|False|FALSE; int [-+]?[0-9]+;
/// number [-+]?[0-9]+(.[0-9]+)?; percent such a number with an optional % (divided by 100), in
/// [0, 1]; date a real YYYY-MM-DD; enum one of the values (after NFC); text verbatim (NFC). On failure
/// `error` says why, in a form that completes "… : <error>" (e.g. "expected an int, found '2.0'").
struct ScalarResult {
    std::optional<Datum> value;
    std::string error;  // in English
    Text reason{};      // the same, translatable
};
ScalarResult read_scalar(const FieldDef& field, std::string_view text);

/// A stored value as seen by a rulebook's declared field (docs/reference/scoring.md, "Stored values
/// against the rulebook"): the value when it fits the type (an int fits a number field; a number in
/// [0,1] fits a percent; an enum needs a listed value), else nullopt (reads as missing).
std::optional<Datum> fit_to(const FieldDef& field, const Datum& stored);

}  // namespace parscore::core
