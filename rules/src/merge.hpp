#pragma once
// The phases after reading each file: merging a file onto what it extends, cross-item checks on
// the merged rulebook, and compiling it into the public model.
#include "draft.hpp"
#include "parscore/core/source.hpp"
#include "yaml_reading.hpp"

namespace parscore::rules::detail {

/// Applies `child` to `merged`, the result of its parents (`extends` in
/// docs/reference/rulebook-format.md): the child's `remove:` first, then its entries — replaced in
/// place by id or appended, groups merged, bands replaced whole. Moves the child's body.
void apply_child(Draft& merged, FileDraft& child, Reader& reader);

/// A file that extends nothing: its own entries (a `remove:` there has nothing to remove).
Draft take_own(FileDraft& file, Reader& reader);

/// Checks that need the whole merged rulebook; missing top-level keys are reported at
/// `leaf_root`, the map of the file being loaded.
void validate(const Draft& merged, Span leaf_root, Reader& reader);

/// Builds the model and compiles every expression with one checker over the merged evidence and
/// params. Expression problems are reported in the file where each expression was written. The
/// result is meaningful only when no error was reported.
Rulebook build_rulebook(const Draft& merged, const FileDraft& leaf, core::SourceSet& sources, core::Diagnostics& diags);

}  // namespace parscore::rules::detail
