#include "parscore/app/copy.hpp"

#include "log.hpp"
#include "parscore/app/access.hpp"
#include "parscore/app/store.hpp"

namespace parscore::app {

namespace ins = parscore::inspections;

inspections::CopyOutcome copy(const CopyRequest& request) {
    ins::CopyOutcome outcome;
    translating_store_errors([&] {
        ins::Store source = ins::Store::open(request.from, ins::OpenMode::ReadOnly);
        // A copy carries the accounts and the audit log: the source's administrators' to make.
        Access::of(request, source).require_everywhere(Action::Administer);
        log_info(request, "copying {} to {}", ins::shown_database(request.from), ins::shown_database(request.to));
        outcome = ins::Store::copy(source, request.to);
        log_info(request, "copied {} rows in {} tables", outcome.rows(), outcome.tables.size());
    });
    return outcome;
}

}  // namespace parscore::app
