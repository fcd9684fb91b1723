#pragma once
// A publication's rulebook, loaded from the files stored with it rather than from disk: the
// files today may have changed, and re-scoring must use the rules the results were made with.
#include <optional>
#include <string>
#include <vector>

#include "parscore/core/source.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/rules/rulebook.hpp"

namespace parscore::engine::detail {

struct PublishedRulebook {
    std::optional<rules::Rulebook> rulebook;  // present when the stored files load without errors
    std::vector<core::Text> problems;         // stored hashes that do not match, load errors
};

/// Checks each stored file's SHA-256 and the combined hash, then loads the last file (the one
/// the publisher named; the others are what it extends) through an in-memory reader keyed by
/// the stored paths, so `extends` resolves to the stored parents exactly as it did.
PublishedRulebook load_published_rulebook(const inspections::Publication& publication, core::SourceSet& sources);

}  // namespace parscore::engine::detail
