#pragma once
// Loading rulebooks from memory or from the source tree in tests.
#include <filesystem>
#include <map>
#include <string>

#include "parscore/core/render.hpp"
#include "parscore/rules/loader.hpp"

namespace parscore::rules::testing {

struct Loaded {
    LoadOutcome outcome;
    core::SourceSet sources;
    core::Diagnostics diags;
    std::string rendered() const { return core::render_all(diags, sources); }
    bool ok() const { return outcome.rulebook.has_value(); }
};

/// Loads `root` from a set of in-memory files (path → bytes).
inline std::unique_ptr<Loaded> load_files(const std::map<std::string, std::string>& files,
                                          const std::string& root = "rulebook.yaml") {
    auto loaded = std::make_unique<Loaded>();
    FileReader reader = [&files](const std::filesystem::path& p) -> std::optional<std::string> {
        auto it = files.find(p.generic_string());
        if (it == files.end()) return std::nullopt;
        return it->second;
    };
    loaded->outcome = load_rulebook(root, reader, loaded->sources, loaded->diags);
    return loaded;
}

inline std::unique_ptr<Loaded> load_text(const std::string& text) { return load_files({{"rulebook.yaml", text}}); }

/// Loads a file from disk.
inline std::unique_ptr<Loaded> load_path(const std::filesystem::path& path) {
    auto loaded = std::make_unique<Loaded>();
    loaded->outcome = load_rulebook(path, loaded->sources, loaded->diags);
    return loaded;
}

inline std::filesystem::path source_dir() { return PARSCORE_SOURCE_DIR; }

}  // namespace parscore::rules::testing
