#include "parscore/app/recording_form.hpp"

#include <algorithm>
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
        const bool scoped = !access.unrestricted() && access.account()->scope;
        if (!scoped && store.unit_count() > request.unit_choices) {
            form.too_many_units = true;
            return;
        }
        for (ins::UnitInfo& unit : store.units()) {
            if (unit.active_in(form.year) && access.in_scope(unit.id)) form.units.push_back(std::move(unit));
        }
        std::ranges::sort(form.units, {}, &ins::UnitInfo::id);
        if (form.units.size() > request.unit_choices) {
            form.units.clear();
            form.too_many_units = true;
        }
    });
    return form;
}

}  // namespace parscore::app
