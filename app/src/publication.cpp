#include "parscore/app/publication.hpp"

#include <algorithm>
#include <chrono>

#include "log.hpp"
#include "parscore/app/access.hpp"
#include "parscore/app/outputs.hpp"
#include "parscore/app/store.hpp"
#include "parscore/core/utf8.hpp"

namespace parscore::app {

namespace {

std::optional<Error> refusal(const engine::PublishOutcome& outcome, const PublishRequest& r) {
    using Result = engine::PublishOutcome::Result;
    const std::string basis(engine::basis_name(r.basis));
    switch (outcome.result) {
        case Result::Empty:
            return Error(ErrorKind::Invalid,
                         core::T_("no inspection counts for {year} (basis {basis}); nothing was published "
                                  "(--allow-empty publishes anyway)",
                                  {{"year", std::to_string(r.year)}, {"basis", basis}}));
        case Result::Incomplete:
            return Error(
                ErrorKind::Invalid,
                core::TN_("{n} unit is incomplete; nothing was published (--allow-incomplete publishes anyway)",
                          "{n} units are incomplete; nothing was published (--allow-incomplete publishes "
                          "anyway)",
                          outcome.incomplete.size()));
        case Result::Differs:
            return Error(ErrorKind::Invalid,
                         core::T_("nothing was published; --supersede REASON publishes these results in its place"));
        case Result::Unchanged:
        case Result::Published: break;
    }
    return std::nullopt;
}

/// An account sees the chain problems of the inspections it may read only; the others read as if
/// they did not exist.
void hide_unreadable(const inspections::Store& store, const Access& access, engine::VerificationReport& report) {
    std::erase_if(report.chain_problems, [&](const inspections::ChainProblem& p) {
        const auto detail = store.inspection(p.inspection);
        return detail && !access.may_read(detail->summary);
    });
}

}  // namespace

PublishResult publish(const PublishRequest& r) {
    check_year(r.year);
    const auto start = std::chrono::steady_clock::now();
    inspections::Store store = open_store(r, inspections::OpenMode::Existing);
    translating_store_errors([&] { Access::of(r, store).require_everywhere(Action::Administer); });
    PublishResult result{rulebook_for(r.rules, r.year, store), {}, {}};
    engine::PublishRequest request;
    request.year = r.year;
    request.basis = r.basis;
    request.allow_incomplete = r.allow_incomplete;
    request.allow_empty = r.allow_empty;
    request.published_by = r.actor.name;
    request.threads = r.threads;
    if (r.supersede) {
        if (r.supersede->find_first_not_of(" \t") == std::string::npos) {
            throw Error(ErrorKind::BadRequest, core::T_("--supersede: expected a reason, found an empty text"));
        }
        request.supersede_reason = core::to_nfc(*r.supersede);
    }
    translating_store_errors([&] { result.outcome = engine::publish(result.rulebook.rulebook, store, request); });
    result.refusal = refusal(result.outcome, r);
    log_info(r, "{} units of {} scored and compared in {:.1f} ms", result.outcome.evaluation.units.size(), r.year,
             std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    return result;
}

std::vector<inspections::Publication> list_publications(const PublicationsRequest& r) {
    std::vector<inspections::Publication> out;
    translating_store_errors([&] {
        inspections::Store store = open_store(r, inspections::OpenMode::ReadOnly);
        Access::of(r, store).require(Action::ReadReference);
        out = store.publications();
    });
    for (inspections::Publication& p : out) {
        for (inspections::PublishedFile& f : p.rulebook_files) f.text.clear();
    }
    return out;
}

inspections::Publication find_publication(const PublicationRequest& r) {
    PublicationsRequest all;
    static_cast<StoreRequest&>(all) = r;
    for (inspections::Publication& p : list_publications(all)) {
        if (p.id == r.id) return std::move(p);
    }
    throw Error(ErrorKind::NotFound, core::T_("unknown publication {id}", {{"id", std::to_string(r.id)}}));
}

VerifyResult verify(const VerifyRequest& r) {
    if (r.evidence_hash && (r.evidence_hash->size() != 64 ||
                            r.evidence_hash->find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)) {
        throw Error(ErrorKind::BadRequest,
                    core::T_("--evidence-hash: expected 64 hexadecimal digits (a SHA-256), found '{value}'",
                             {{"value", core::sanitize_utf8(*r.evidence_hash)}}));
    }
    inspections::Store store = open_store(r, inspections::OpenMode::ReadOnly);
    VerifyResult result;
    translating_store_errors([&] {
        const Access access = Access::of(r, store);
        access.require(Action::ReadInspections);
        if (r.publication) {
            const auto all = store.publications();
            if (std::none_of(all.begin(), all.end(),
                             [&](const inspections::Publication& p) { return p.id == *r.publication; })) {
                throw Error(ErrorKind::NotFound,
                            core::T_("unknown publication {id}", {{"id", std::to_string(*r.publication)}}));
            }
        }
        result.report = engine::verify_database(store, r.evidence_hash, r.threads, r.publication);
        if (!access.unrestricted()) hide_unreadable(store, access, result.report);
    });
    return result;
}

}  // namespace parscore::app
