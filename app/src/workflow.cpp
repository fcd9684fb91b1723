#include "parscore/app/workflow.hpp"

#include "parscore/app/store.hpp"
#include "store_inputs.hpp"

namespace parscore::app {

namespace {

namespace ins = parscore::inspections;

enum class Move { Submit, Lock };

MoveResult move(const MoveRequest& request, Move what) {
    MoveResult result;
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::Existing);  // a missing database first
        check_id_lengths(request.ids);
        if (request.ids.empty()) throw Error(ErrorKind::BadRequest, core::T_("expected inspection ids, found none"));
        const std::string& who = request.actor.name;
        result.ids = what == Move::Lock ? store.lock(request.ids, who) : store.submit(request.ids, who);
    });
    return result;
}

}  // namespace

MoveResult submit(const MoveRequest& request) { return move(request, Move::Submit); }

MoveResult lock(const MoveRequest& request) { return move(request, Move::Lock); }

MoveResult lock_year(const LockYearRequest& request) {
    MoveResult result;
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::Existing);
        if (request.unit) require_unit(store, *request.unit);
        result.ids = store.lock_year(request.year, request.unit, request.actor.name);
    });
    return result;
}

}  // namespace parscore::app
