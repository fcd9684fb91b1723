#include "published_rulebook.hpp"

#include <map>

#include "parscore/core/diagnostic.hpp"
#include "parscore/core/sha256.hpp"
#include "parscore/rules/loader.hpp"

namespace parscore::engine {

namespace fs = std::filesystem;

StoredRulebook load_stored_rulebook(const std::vector<inspections::PublishedFile>& files, std::string_view sha256,
                                    std::string_view id, core::SourceSet& sources, core::Diagnostics& diags) {
    StoredRulebook out;
    if (files.empty()) {
        out.problems.push_back(core::T_("no rulebook files are stored with it"));
        return out;
    }
    std::map<std::string, std::string> by_path;
    for (const inspections::PublishedFile& f : files) {
        const std::string actual = core::sha256_hex(f.text);
        if (actual != f.sha256) {
            out.problems.push_back(core::T_("stored rulebook file {path}: SHA-256 {actual}, stored {stored}",
                                            {{"path", f.path}, {"actual", actual}, {"stored", f.sha256}}));
        }
        by_path.emplace(f.path, f.text);
    }
    // docs/reference/outputs.md: one file's digest, or the digest of the files' hex digests, root first.
    std::string combined = files.size() == 1 ? core::sha256_hex(files.front().text) : "";
    if (files.size() > 1) {
        core::Sha256 hash;
        for (const inspections::PublishedFile& f : files) hash.update(core::sha256_hex(f.text)).update("\n");
        combined = hash.hex();
    }
    if (combined != sha256) {
        out.problems.push_back(core::T_("rulebook hash of the stored files {actual}, stored {stored}",
                                        {{"actual", combined}, {"stored", std::string(sha256)}}));
    }

    // The loader names a parent as (child's folder / extends).lexically_normal(), which is how the
    // paths were stored; anything else is not part of this rulebook.
    rules::FileReader reader = [&by_path](const fs::path& path) -> std::optional<std::string> {
        auto it = by_path.find(path.string());
        if (it == by_path.end()) return std::nullopt;
        return it->second;
    };
    rules::LoadOutcome loaded = rules::load_rulebook(files.back().path, reader, sources, diags);
    if (!loaded.rulebook || diags.has_errors()) {
        out.problems.push_back(core::T_("the stored rulebook does not load: unknown error"));
        for (const core::Diagnostic& d : diags) {
            if (d.severity == core::Severity::Error) {
                const core::Text message = d.text.empty() ? core::verbatim(d.message) : d.text;
                out.problems.back() = core::T_("the stored rulebook does not load: [{code}] {message}",
                                               {{"code", d.code}, core::part("message", message)});
                break;
            }
        }
        return out;
    }
    if (loaded.rulebook->id != id) {
        out.problems.push_back(core::T_("the stored rulebook's id is {stored}, the publication's {published}",
                                        {{"stored", loaded.rulebook->id}, {"published", std::string(id)}}));
    }
    out.rulebook = std::move(loaded.rulebook);
    return out;
}

}  // namespace parscore::engine
