#include "parscore/app/units.hpp"

#include "log.hpp"
#include "parscore/app/store.hpp"
#include "parscore/inspections/evidence_csv.hpp"
#include "store_inputs.hpp"

namespace parscore::app {

namespace ins = parscore::inspections;

UnitsImportResult import_units(const UnitsImportRequest& request) {
    UnitsImportResult result;
    Problems& problems = result.problems;
    const ins::InputFile in = read_input(request.file, kMaxCsvBytes, problems);
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::CreateOnCommit);
        std::optional<ins::UnitsUpdate> update;
        if (!problems.diagnostics.has_errors()) {
            update = ins::read_units_csv(problems.sources, *in.file, store.units(), problems.diagnostics);
        }
        if (!update) return;
        log_info(request, "{}: {} units read", request.file, update->units.size());
        update->recorded_by = request.actor.name;
        result.outcome = store.update_units(*update);
        store.commit_creation();
    });
    return result;
}

std::vector<ins::UnitInfo> list_units(const UnitsListRequest& request) {
    std::vector<ins::UnitInfo> units;
    translating_store_errors([&] { units = open_store(request, ins::OpenMode::ReadOnly).units(); });
    return units;
}

}  // namespace parscore::app
