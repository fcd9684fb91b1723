#pragma once
// A rulebook loaded from the files the database stored with it (a publication's, an adopted
// rulebook's) rather than from disk: the files today may have changed, and the database must
// give the rules it was given.
#include <optional>
#include <string_view>
#include <vector>

#include "parscore/core/diagnostic.hpp"
#include "parscore/core/source.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/rules/rulebook.hpp"

namespace parscore::engine {

struct StoredRulebook {
    std::optional<rules::Rulebook> rulebook;  // present when the stored files load without errors
    std::vector<core::Text> problems;         // stored hashes that do not match, load errors
};

/// Checks each stored file's SHA-256 and the combined hash `sha256`, then loads the last file (the
/// one that was named; the others are what it extends) through an in-memory reader keyed by the
/// stored paths, so `extends` resolves to the stored parents exactly as it did. The loader's
/// diagnostics (warnings too) go to `diags`; a rulebook whose id is not `id` is a problem.
StoredRulebook load_stored_rulebook(const std::vector<inspections::PublishedFile>& files, std::string_view sha256,
                                    std::string_view id, core::SourceSet& sources, core::Diagnostics& diags);

}  // namespace parscore::engine
