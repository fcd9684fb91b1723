#include "parscore/app/review.hpp"

#include "parscore/app/access.hpp"
#include "parscore/app/store.hpp"
#include "parscore/core/utf8.hpp"
#include "review_access.hpp"
#include "store_inputs.hpp"

namespace parscore::app {

namespace ins = parscore::inspections;

inspections::InspectionDetail require_inspection(
    const inspections::Store& store, const Access& access, const std::string& id,
    const std::function<Action(const inspections::InspectionSummary&)>& action_for) {
    check_id_lengths({id});
    const std::optional<std::string> whole = store.resolve_inspection(id);
    std::optional<ins::InspectionDetail> detail = whole ? store.inspection(*whole) : std::nullopt;
    if (!detail) throw unknown_inspection(id);
    access.require_on_inspection(action_for(detail->summary), detail->summary);
    return std::move(*detail);
}

namespace {

/// A return's or a comment's text as stored (NFC); BadRequest naming `what` when it cannot be.
/// The store checks again; this answers before the database is opened.
std::string note_text(const std::string& text, core::Text what) {
    std::string nfc = core::is_valid_utf8(text) ? core::to_nfc(text) : text;
    if (auto problem = ins::note_problem(nfc)) {
        throw Error(ErrorKind::BadRequest,
                    core::T_("{what} cannot be stored: {problem}",
                             {core::part("what", std::move(what)), core::part("problem", *problem)}));
    }
    return nfc;
}

/// Opens the store, asks Access for `action` (before anything is read), finds the inspection and
/// runs `change` on its whole id.
ReviewResult review(const InspectionRequest& request, Action action,
                    const std::function<std::int64_t(ins::Store&, const std::string& id)>& change) {
    ReviewResult result;
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::Existing);
        const Access access = Access::of(request, store);
        access.require(action);
        const ins::InspectionDetail detail =
            require_inspection(store, access, request.id, [action](const ins::InspectionSummary&) { return action; });
        result.id = detail.summary.id;
        result.revision = change(store, result.id);
    });
    return result;
}

}  // namespace

ReviewResult return_inspection(const ReturnRequest& request) {
    const std::string text = note_text(request.comment, core::verbatim("--comment"));
    return review(request, Action::ReturnOrLock, [&](ins::Store& store, const std::string& id) {
        return store.return_inspection(id, text, request.actor.name);
    });
}

ReviewResult comment(const CommentRequest& request) {
    const std::string text = note_text(request.text, core::T_("the comment"));
    return review(request, Action::Comment, [&](ins::Store& store, const std::string& id) {
        return store.comment(id, text, request.actor.name);
    });
}

}  // namespace parscore::app
