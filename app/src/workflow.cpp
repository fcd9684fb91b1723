#include "parscore/app/workflow.hpp"

#include <algorithm>
#include <tuple>

#include "parscore/app/access.hpp"
#include "parscore/app/store.hpp"
#include "store_inputs.hpp"

namespace parscore::app {

namespace {

namespace ins = parscore::inspections;

enum class Move { Submit, Lock };

/// Each inspection named exists (NotFound otherwise) and, for an account, may be moved: submitting
/// follows the recording row of the inspection's kind (an inspector submits what it recorded),
/// locking the return-or-lock row.
void require_each(const ins::Store& store, const Access& access, const std::vector<std::string>& names, Move what) {
    for (const std::string& name : names) {
        const std::optional<std::string> id = store.resolve_inspection(name);
        if (!id) throw unknown_inspection(name);
        if (access.unrestricted()) continue;  // only an account needs the inspection itself
        const auto detail = store.inspection(*id);
        if (!detail) throw unknown_inspection(name);
        const ins::InspectionSummary& s = detail->summary;
        access.require_on_inspection(what == Move::Lock ? Action::ReturnOrLock : Access::recording_action(s.kind), s);
    }
}

MoveResult move(const MoveRequest& request, Move what) {
    MoveResult result;
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::Existing);  // a missing database first
        const Access access = Access::of(request, store);
        check_id_lengths(request.ids);
        if (request.ids.empty()) throw Error(ErrorKind::BadRequest, core::T_("expected inspection ids, found none"));
        require_each(store, access, request.ids, what);  // an unknown id: NotFound
        const std::string& who = request.actor.name;
        result.ids = what == Move::Lock ? store.lock(request.ids, who) : store.submit(request.ids, who);
    });
    return result;
}

/// A scoped account locks the year's submitted inspections of the units in its scope.
std::vector<std::string> lock_year_in_scope(ins::Store& store, const Access& access, const LockYearRequest& request) {
    std::vector<ins::InspectionSummary> due;
    for (ins::InspectionSummary& s : store.inspections(ins::InspectionFilter{std::nullopt, request.year})) {
        if (s.status == ins::Status::Submitted && access.in_scope(s.unit)) due.push_back(std::move(s));
    }
    // In recording order, as the whole year's lock reports them.
    std::sort(due.begin(), due.end(),
              [](const auto& a, const auto& b) { return std::tie(a.stamp, a.id) < std::tie(b.stamp, b.id); });
    std::vector<std::string> ids;
    for (const ins::InspectionSummary& s : due) ids.push_back(s.id);
    if (ids.empty()) return ids;
    return store.lock(ids, request.actor.name);
}

}  // namespace

MoveResult submit(const MoveRequest& request) { return move(request, Move::Submit); }

MoveResult lock(const MoveRequest& request) { return move(request, Move::Lock); }

MoveResult lock_year(const LockYearRequest& request) {
    MoveResult result;
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::Existing);
        const Access access = Access::of(request, store);
        if (request.unit) {
            access.require_on_unit(Action::ReturnOrLock, *request.unit);
            require_unit(store, *request.unit);
        } else {
            access.require(Action::ReturnOrLock);
        }
        if (!access.unrestricted() && !request.unit && access.account()->scope) {
            result.ids = lock_year_in_scope(store, access, request);
            return;
        }
        result.ids = store.lock_year(request.year, request.unit, request.actor.name);
    });
    return result;
}

}  // namespace parscore::app
