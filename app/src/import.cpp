// import: a CSV file of one evidence kind, stored as inspections all or nothing.
#include "log.hpp"
#include "parscore/app/access.hpp"
#include "parscore/app/evidence_schema.hpp"
#include "parscore/app/recording.hpp"
#include "parscore/app/store.hpp"
#include "parscore/core/suggest.hpp"
#include "parscore/inspections/codes.hpp"
#include "store_inputs.hpp"

namespace parscore::app {

namespace {

namespace ins = parscore::inspections;

void require_kind(const core::EvidenceSchema& schema, const std::string& kind) {
    if (schema.find(kind)) return;
    std::vector<std::string> names;
    for (const auto& k : schema.kinds) names.push_back(k.name);
    if (const auto near = core::closest_name(kind, names)) {
        throw Error(ErrorKind::Invalid, core::T_("the rulebook has no evidence kind '{kind}' (did you mean '{near}'?)",
                                                 {{"kind", kind}, {"near", *near}}));
    }
    throw Error(ErrorKind::Invalid, core::T_("the rulebook has no evidence kind '{kind}'", {{"kind", kind}}));
}

/// The same bytes imported before are an error at the file's start, unless the request says again.
void refuse_imported_before(const ins::Store& store, const ins::InputFile& in, Problems& problems) {
    if (auto when = store.imported_before(in.raw_sha256)) {
        problems.diagnostics.error(ins::csv::kImportedBefore, core::Span{*in.file, 0, 0},
                                   "this file (SHA-256 " + in.raw_sha256.substr(0, 12) + "…) was imported on " + *when +
                                       "; use --again to import it once more");
    }
}

/// Stores the batch; Invalid when another import of the same file got in first.
ins::ImportOutcome store_batch(const ImportRequest& request, ins::Store& store, const ins::ImportBatch& batch,
                               const core::EvidenceSchema& schema) {
    ins::ImportOptions options;
    options.kind = request.inspection_kind;
    options.again = request.again;
    options.recorded_by = request.actor.name;
    ins::ImportOutcome outcome = store.import_batch(batch, schema, options);
    if (outcome.refused) {
        throw Error(ErrorKind::Invalid, core::T_("{file} was imported on {at}; use --again to import it once more",
                                                 {{"file", request.file}, {"at", outcome.previous_import_at}}));
    }
    return outcome;
}

}  // namespace

ImportResult import_csv(const ImportRequest& request) {
    const core::EvidenceSchema schema = load_evidence_schema(request.rulebook);
    require_kind(schema, request.kind);
    ImportResult result;
    Problems& problems = result.problems;
    const ins::InputFile in = read_input(request.file, kMaxCsvBytes, problems);
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::CreateOnCommit);
        const Access access = Access::of(request, store);
        access.require(Action::Administer);
        if (!request.again && !problems.diagnostics.has_errors()) refuse_imported_before(store, in, problems);
        std::optional<ins::ImportBatch> batch;
        if (!problems.diagnostics.has_errors()) {
            batch = ins::read_evidence_csv(problems.sources, *in.file, schema, request.kind, access.units_in_scope(),
                                           problems.diagnostics, request.progress);
        }
        if (!batch) return;
        log_info(request, "{}: {} rows of {} read, {} inspections", request.file, batch->rows, request.kind,
                 batch->inspections.size());
        batch->path = request.file;
        batch->file_sha256 = in.raw_sha256;
        const ins::ImportOutcome outcome = store_batch(request, store, *batch, schema);
        store.commit_creation();
        log_info(request, "{}: {} inspections stored", request.file, outcome.inspections);
        result.rows = batch->rows;
        result.outcome = outcome;
    });
    return result;
}

}  // namespace parscore::app
