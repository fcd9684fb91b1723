#pragma once
// Loading a rulebook file (and what it `extends`) into the typed model, reporting every problem
// with its file, line, column and a stable code (E2xx; YAML E00x; expressions E1xx/W2xx).
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "parscore/core/diagnostic.hpp"
#include "parscore/core/source.hpp"
#include "parscore/rules/rulebook.hpp"

namespace parscore::rules {

/// Reads a file for the loader: its bytes, or nullopt when it cannot be read (the loader then
/// reports E2xx at the referring `extends` key, or returns an I/O failure for the root).
using FileReader = std::function<std::optional<std::string>(const std::filesystem::path&)>;

struct LoadOutcome {
    std::optional<Rulebook> rulebook;  // present when there were no errors (warnings allowed)
    /// The root file itself could not be read (not found, a directory, unreadable): the CLI
    /// exits 3 for this, 1 for every other problem.
    bool io_failure = false;
};

/// Loads and checks the rulebook at `path`. Every text read is added to `sources`; diagnostics
/// (errors and warnings) are appended to `diags`, sorted.
LoadOutcome load_rulebook(const std::filesystem::path& path, core::SourceSet& sources, core::Diagnostics& diags);

/// The same, reading files through `reader` (in-memory file sets: fuzzing, published rulebooks).
LoadOutcome load_rulebook(const std::filesystem::path& path, const FileReader& reader, core::SourceSet& sources,
                          core::Diagnostics& diags);

}  // namespace parscore::rules
