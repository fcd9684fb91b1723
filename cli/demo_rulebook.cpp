#include "demo_rulebook.hpp"

#include <filesystem>
#include <vector>

#include "parscore/core/diagnostic.hpp"
#include "parscore/rules/loader.hpp"
#include "shared.hpp"

namespace parscore::cli {

namespace {

namespace fs = std::filesystem;

const fs::path kRelative = fs::path("rules") / "hoa-binh-2013" / "rulebook.yaml";

/// Where the file may be, most specific first: an installed copy beside the program, the source
/// tree above a build folder, the source tree the program was built from.
std::vector<fs::path> candidates() {
    std::vector<fs::path> out;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && exe.has_parent_path()) {
        const fs::path dir = exe.parent_path();
        out.push_back(dir / ".." / "share" / "parscore" / kRelative);
        fs::path up = dir;
        for (int level = 0; level < 3 && up.has_parent_path() && up != up.root_path(); ++level) {
            up = up.parent_path();
            out.push_back(up / kRelative);
        }
    }
    out.emplace_back(std::string(embedded_demo_rulebook_source()));
    return out;
}

}  // namespace

DemoRulebook load_demo_rulebook(Context& ctx, core::SourceSet& sources) {
    for (const fs::path& candidate : candidates()) {
        std::error_code ec;
        if (!fs::is_regular_file(candidate, ec)) continue;
        const std::string path = candidate.lexically_normal().string();
        return DemoRulebook{load_rules(path, ctx, sources), path};
    }
    // The copy built into the program, under its path in the source tree.
    const std::string name = kRelative.string();
    rules::FileReader reader = [&name](const fs::path& path) -> std::optional<std::string> {
        if (path.string() != name) return std::nullopt;
        return std::string(embedded_demo_rulebook());
    };
    core::Diagnostics diags;
    rules::LoadOutcome outcome = rules::load_rulebook(name, reader, sources, diags);
    if (!outcome.rulebook || diags.has_errors()) {
        ctx.print_diagnostics(diags, sources);
        throw CliError(kInvalid, "the built-in demo rulebook does not load");
    }
    return DemoRulebook{std::move(*outcome.rulebook), ""};
}

}  // namespace parscore::cli
