// The --rules fallback: a year's adopted rulebook, loaded from the files the database keeps.
#include "parscore/app/rulebook.hpp"
#include "parscore/app/store.hpp"
#include "parscore/publication/stored_rulebook.hpp"

namespace parscore::app {

LoadedRulebook adopted_rulebook(const inspections::Adoption& adoption) {
    auto problems = std::make_shared<Problems>();
    engine::StoredRulebook loaded = engine::load_stored_rulebook(adoption.files, adoption.rulebook_sha256,
                                                                 adoption.rulebook_id, problems->sources,
                                                                 problems->diagnostics);
    if (!loaded.rulebook || !loaded.problems.empty()) {
        const core::Text why = loaded.problems.empty() ? core::T_("unknown error") : loaded.problems.front();
        throw Error(ErrorKind::Invalid,
                    core::T_("the rulebook adopted for {year} (change {no}) does not load: {problem}",
                             {{"year", std::to_string(adoption.year)},
                              {"no", std::to_string(adoption.no)},
                              core::part("problem", why)}),
                    problems);
    }
    return LoadedRulebook{std::move(*loaded.rulebook), problems};
}

LoadedRulebook rulebook_for(const std::string& path, int year, const inspections::Store& store) {
    if (!path.empty()) return load_rulebook(path);
    std::optional<inspections::Adoption> adoption;
    translating_store_errors([&] { adoption = store.adoption_in_force(year); });
    if (!adoption) throw no_adoption(year);
    return adopted_rulebook(*adoption);
}

Error no_adoption(int year) {
    return Error(ErrorKind::Invalid, core::T_("no rulebook adopted for {year}; give --rules or adopt one",
                                              {{"year", std::to_string(year)}}));
}

}  // namespace parscore::app
