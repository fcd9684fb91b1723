#pragma once
// A publication's rulebook, loaded from the files stored with it (see stored_rulebook.hpp).
#include "parscore/publication/stored_rulebook.hpp"

namespace parscore::engine::detail {

using PublishedRulebook = StoredRulebook;

inline PublishedRulebook load_published_rulebook(const inspections::Publication& publication,
                                                 core::SourceSet& sources) {
    core::Diagnostics diags;
    return load_stored_rulebook(publication.rulebook_files, publication.rulebook_sha256, publication.rulebook_id,
                                sources, diags);
}

}  // namespace parscore::engine::detail
