#include "parscore/app/recording_form.hpp"

#include <set>

#include "parscore/app/access.hpp"
#include "parscore/app/rulebook.hpp"
#include "parscore/app/store.hpp"

namespace parscore::app {

namespace ins = parscore::inspections;

RecordingForm recording_form(const RecordingFormRequest& request) {
    RecordingForm form;
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::ReadOnly);
        const Access access = Access::of(request, store);
        const bool inspects = access.allows(Action::RecordInspection);
        const bool assesses = access.allows(Action::RecordSelf);
        if (!inspects && !assesses) access.require(Action::RecordInspection);  // Forbidden, naming it
        for (const ins::InspectionKind kind :
             {ins::InspectionKind::Surprise, ins::InspectionKind::Scheduled, ins::InspectionKind::Thematic,
              ins::InspectionKind::Other, ins::InspectionKind::Self}) {
            if (ins::is_inspected(kind) ? inspects : assesses) form.kinds.push_back(kind);
        }
        std::set<int> years;
        for (const ins::Adoption& a : store.adoptions()) years.insert(a.year);
        form.years.assign(years.begin(), years.end());
        if (request.year) form.year = *request.year;
        else if (!form.years.empty()) form.year = form.years.back();
        else throw Error(ErrorKind::Invalid, core::T_("no rulebook is adopted for any year yet"));
        form.schema = rulebook_for("", form.year, store).rulebook.evidence;
        auto units = access.units_to_choose(request.unit_choices,
                                            [&](const ins::UnitInfo& unit) { return unit.active_in(form.year); });
        form.too_many_units = !units;
        if (units) form.units = std::move(*units);
    });
    return form;
}

}  // namespace parscore::app
