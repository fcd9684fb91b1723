#pragma once
// The evidence of one unit laid out for evaluation: for each kind of a rulebook's evidence schema
// (by the schema's kind index), its records column by column, or its fact value. The evidence
// store fills it (already selected per SPEC §4.1 and fitted to the declared types); the rule
// language reads it. Text values point into storage owned by whoever filled it.
#include <cstdint>
#include <vector>

#include "parscore/core/value.hpp"

namespace parscore::core {

/// The records of one kind: column f holds `rows` values (missing where a stored record lacks the
/// field or its value does not fit the declared type).
struct RecordTable {
    std::uint32_t rows = 0;
    std::vector<Value> values;          // values[f * rows + r]
    std::vector<std::uint32_t> origin;  // per row: the index of the inspection it came from

    const Value* column(std::size_t field) const { return values.data() + field * rows; }
};

struct UnitEvidence {
    std::vector<RecordTable> tables;          // record kinds; empty tables for fact kinds
    std::vector<Value> facts;                 // fact kinds; missing when not recorded
    std::vector<std::uint32_t> fact_origin;   // per fact kind: inspection index (when present)
    std::vector<unsigned char> checked;       // per kind: some counted inspection listed it

    /// Sized for a schema with `kinds` kinds, everything empty and missing.
    void reset(std::size_t kinds) {
        tables.assign(kinds, RecordTable{});
        facts.assign(kinds, Value::missing());
        fact_origin.assign(kinds, 0);
        checked.assign(kinds, 0);
    }
};

}  // namespace parscore::core
