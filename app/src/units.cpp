#include "parscore/app/units.hpp"

#include <map>

#include "log.hpp"
#include "parscore/app/access.hpp"
#include "parscore/app/store.hpp"
#include "parscore/inspections/evidence_csv.hpp"
#include "store_inputs.hpp"

namespace parscore::app {

namespace ins = parscore::inspections;

namespace {

/// A scoped account changes only units in its scope, and adds units only below it: a new unit's
/// parent (stored, or another new unit of the file) must be in scope.
void require_units_in_scope(const ins::Store& store, const Access& access, const ins::UnitsUpdate& update) {
    if (access.unrestricted() || !access.account()->scope) return;
    std::map<std::string, const ins::UnitInfo*, std::less<>> in_file;
    for (const ins::UnitInfo& u : update.units) in_file.emplace(u.id, &u);
    for (const ins::UnitInfo& u : update.units) {
        if (!access.in_scope(u.id) && store.find_unit(u.id)) throw unknown_unit(u.id);  // a stored unit outside
        const ins::UnitInfo* at = &u;
        // Up through the file's units (at most all of them: a cycle is refused by the reader).
        for (std::size_t steps = 0; at && !access.in_scope(at->id) && steps <= in_file.size(); ++steps) {
            auto parent = at->parent ? in_file.find(*at->parent) : in_file.end();
            if (parent == in_file.end()) {
                if (!at->parent || !access.in_scope(*at->parent)) throw unknown_unit(u.id);
                at = nullptr;  // a stored parent in scope
            } else {
                at = parent->second;
            }
        }
        if (at && !access.in_scope(at->id)) throw unknown_unit(u.id);
    }
}

}  // namespace

UnitsImportResult import_units(const UnitsImportRequest& request) {
    UnitsImportResult result;
    Problems& problems = result.problems;
    const ins::InputFile in = read_input(request.file, kMaxCsvBytes, problems);
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::CreateOnCommit);
        const Access access = Access::of(request, store);
        access.require(Action::Administer);
        std::optional<ins::UnitsUpdate> update;
        if (!problems.diagnostics.has_errors()) {
            update = ins::read_units_csv(problems.sources, *in.file, store.units(), problems.diagnostics);
        }
        if (!update) return;
        require_units_in_scope(store, access, *update);
        log_info(request, "{}: {} units read", request.file, update->units.size());
        update->recorded_by = request.actor.name;
        result.outcome = store.update_units(*update);
        store.commit_creation();
    });
    return result;
}

std::vector<ins::UnitInfo> list_units(const UnitsListRequest& request) {
    std::vector<ins::UnitInfo> units;
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::ReadOnly);
        const Access access = Access::of(request, store);
        access.require(Action::ReadReference);
        units = store.units();
        if (!access.unrestricted()) std::erase_if(units, [&](const auto& u) { return !access.in_scope(u.id); });
    });
    return units;
}

}  // namespace parscore::app
