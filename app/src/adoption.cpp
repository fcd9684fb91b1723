#include "parscore/app/adoption.hpp"

#include <map>

#include "log.hpp"
#include "parscore/app/access.hpp"
#include "parscore/app/outputs.hpp"
#include "parscore/app/store.hpp"

namespace parscore::app {

namespace ins = parscore::inspections;

ins::Adoption adoption_of(const rules::Rulebook& rulebook, int year, std::string adopted_by) {
    ins::Adoption adoption;
    adoption.year = year;
    adoption.rulebook_id = rulebook.id;
    adoption.rulebook_version = rulebook.version;
    adoption.rulebook_sha256 = rulebook.sha256;
    for (const rules::RulebookFile& f : rulebook.files) adoption.files.push_back({f.path, f.sha256, f.text});
    adoption.adopted_by = std::move(adopted_by);
    return adoption;
}

AdoptResult adopt(const AdoptRequest& r) {
    check_year(r.year);
    ins::Store store = open_store(r, ins::OpenMode::Existing);
    translating_store_errors([&] { Access::of(r, store).require_everywhere(Action::Administer); });
    AdoptResult result{r.draft ? load_draft_rulebook(*r.draft) : load_rulebook(r.rules), {}};
    const rules::Rulebook& rulebook = result.rulebook.rulebook;
    const ins::Adoption adoption = adoption_of(rulebook, r.year, r.actor.name);
    translating_store_errors([&] { result.outcome = store.adopt(adoption); });
    log_info(r, "rulebook {} {} adopted for {} as change {}", rulebook.id, rulebook.version, r.year, result.outcome.no);
    return result;
}

std::vector<AdoptionListing> list_adoptions(const RulebooksRequest& r) {
    std::vector<AdoptionListing> out;
    translating_store_errors([&] {
        ins::Store store = open_store(r, ins::OpenMode::ReadOnly);
        Access::of(r, store).require(Action::ReadReference);
        std::map<int, std::size_t> latest;  // year → its last adoption in `out`
        for (ins::Adoption& a : store.adoptions()) {
            latest[a.year] = out.size();
            out.push_back({std::move(a), false});
        }
        for (const auto& [year, index] : latest) out[index].in_force = true;
    });
    return out;
}

}  // namespace parscore::app
