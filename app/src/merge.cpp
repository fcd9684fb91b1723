#include "parscore/app/merge.hpp"

#include "log.hpp"
#include "parscore/app/access.hpp"
#include "parscore/app/store.hpp"

namespace parscore::app {

namespace ins = parscore::inspections;

MergeResult merge(const MergeRequest& request) {
    std::error_code ec;
    const std::string other = ins::shown_database(request.other);  // a URI without its password
    if (!ins::is_postgres_uri(request.other.string()) && !std::filesystem::exists(request.other, ec)) {
        throw Error(ErrorKind::Io, core::T_("database '{path}' does not exist", {{"path", other}}));
    }
    MergeResult result;
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::CreateOnCommit);
        Access::of(request, store).require_everywhere(Action::Administer);
        log_info(request, "merging {} into {}", other, ins::shown_database(request.database));
        result.outcome = store.merge(request.other, request.actor.name);
        if (!result.outcome.problems.empty()) return;  // refused: a database made for it is not kept
        store.commit_creation();
        log_info(request, "merged from {}: {} units, {} inspections, {} revisions and events of known inspections",
                 other, result.outcome.units_added, result.outcome.inspections_added, result.outcome.entries_added);
    });
    return result;
}

}  // namespace parscore::app
