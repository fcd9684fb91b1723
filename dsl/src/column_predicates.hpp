#pragma once
// Column-wise evaluation of the simple per-record conditions most rules use — a bool field, a
// text field compared with a constant or a list, an int field compared with a constant — so an
// aggregate over a kind runs a tight loop over a column instead of evaluating nodes per record.
// Results are identical to node-by-node evaluation (missing included).
#include <vector>

#include "parscore/core/evidence.hpp"
#include "parscore/dsl/program.hpp"

namespace parscore::dsl {

/// Per-row outcome: 0 false, 1 true, 2 missing (the same encoding as a bool column).
inline constexpr unsigned char kRowMissing = 2;

/// Whether `pred` (a bool node inside an aggregate) has a shape computed column-wise.
bool column_predicate(const Program& program, NodeId pred);

/// Whether aggregate `n` (its filter, and its condition or value) runs column by column.
bool column_aggregate(const Program& program, const Node& n);

/// The outcome of `pred` for every row of `table`: the column's own bytes for a bool field,
/// else `scratch` filled. Precondition: column_predicate(program, pred).
const unsigned char* predicate_rows(const Program& program, NodeId pred, const core::RecordTable& table,
                                    std::vector<unsigned char>& scratch);

}  // namespace parscore::dsl
