// Fuzzes the rulebook loader end to end: strict YAML, every section reader, `extends` merging,
// the cross-item checks and the compilation of every expression; then a loaded rulebook scores
// units with missing evidence (quotas and ranks included).
//
// One input is up to three files, separated by a line `#@file` (fuzz_support.hpp). The first is
// the rulebook `rules/main/rulebook.yaml`; every other path the loader asks for gets the next
// unused part the first time it is asked for (and the same part again later), so any `extends`
// value reaches the second and third parts, and a fourth distinct path is a missing file.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <string>

#include "fuzz_support.hpp"
#include "parscore/rules/loader.hpp"
#include "parscore/scoring/scorer.hpp"

namespace {

using namespace parscore;

void score_some_units(const rules::Rulebook& rb) {
    core::UnitEvidence evidence;
    evidence.reset(rb.evidence.kinds.size());
    for (std::size_t k = 0; k < rb.evidence.kinds.size(); ++k) {
        if (!rb.evidence.kinds[k].is_fact) evidence.tables[k].reset(rb.evidence.kinds[k], 2);  // values missing
    }
    std::deque<std::string> ids;  // dsl::UnitInfo holds views
    std::vector<dsl::UnitInfo> units;
    std::vector<core::UnitEvidence> all;
    for (std::size_t c = 0; c < rb.units.size() && c < 3; ++c) {
        const std::string& category = rb.units[c];
        units.push_back({ids.emplace_back("u-" + category), "Unit", category});
        all.push_back(evidence);
        units.push_back({ids.emplace_back("v-" + category), "Unit", category});
        all.push_back(evidence);
        all.back().checked.assign(all.back().checked.size(), 1);
    }
    auto results = engine::score_units(rb, units, all, 2013, 1);
    engine::apply_quotas(rb, results);
    engine::assign_ranks(results);
    engine::order_units(rb, results, true);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::vector<std::string> parts = fuzzing::split_files(input, 3);
    const std::string root = "rules/main/rulebook.yaml";
    std::map<std::string, std::size_t> assigned{{root, 0}};
    rules::FileReader reader = [&](const std::filesystem::path& p) -> std::optional<std::string> {
        auto [it, inserted] = assigned.try_emplace(p.lexically_normal().generic_string(), assigned.size());
        if (it->second >= parts.size()) return std::nullopt;
        return parts[it->second];
    };
    core::SourceSet sources;
    core::Diagnostics diags;
    rules::LoadOutcome outcome = rules::load_rulebook(root, reader, sources, diags);
    fuzzing::check_diagnostics(diags, sources);
    if (outcome.rulebook.has_value() == diags.has_errors()) {
        fuzzing::violated("a rulebook is returned exactly when there is no error", core::render_all(diags, sources));
    }
    if (outcome.rulebook) score_some_units(*outcome.rulebook);
    return 0;
}
