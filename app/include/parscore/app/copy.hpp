#pragma once
// `parscore copy`: a whole database from one backend to the other (docs/store.md, "Copying
// between backends") — SQLite to PostgreSQL when a province outgrows one file, or back for an
// archive.
#include <filesystem>

#include "parscore/app/request.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::app {

struct CopyRequest : Request {
    std::filesystem::path from, to;  // a SQLite file or a postgresql:// URI each
};

/// Refused (Invalid) when `to` holds anything or `from` has an older schema; the acting account,
/// when there is one, must be allowed to administer `from`.
inspections::CopyOutcome copy(const CopyRequest& request);

}  // namespace parscore::app
