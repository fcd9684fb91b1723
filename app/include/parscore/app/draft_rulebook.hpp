#pragma once
// A rulebook sent as text rather than named on disk (docs/api.md, "Rulebooks"): its files, each
// with a relative path, the first being the rulebook itself and the others files it `extends`.
// The files are loaded from memory: no path of a draft ever reaches the file system, and an
// `extends` that names a file outside the draft finds nothing. Paths come from the network, so
// they are checked before anything is loaded.
#include <string>
#include <vector>

#include "parscore/app/rulebook.hpp"
#include "parscore/rules/loader.hpp"

namespace parscore::app {

struct DraftFile {
    std::string path;  // relative, '/'-separated: "national/par.yaml"
    std::string text;
};

/// The rulebook first, then the files it extends (in any order).
using DraftRulebook = std::vector<DraftFile>;

/// At most this many files, each path at most kMaxDraftPathBytes bytes.
inline constexpr std::size_t kMaxDraftFiles = 32;
inline constexpr std::size_t kMaxDraftPathBytes = 255;

/// The draft with its paths normalised ("a/./b.yaml" and "a//b.yaml" are "a/b.yaml"). BadRequest,
/// naming the path, for no files, too many, a path that is empty, too long, absolute, holds a
/// backslash, a control character, a "..", or ends in '/', two paths that are one after
/// normalisation, and a text that is not UTF-8.
DraftRulebook normalised_draft(const DraftRulebook& draft);

/// Loads a normalised draft from memory, as rules::load_rulebook loads a file: every text read
/// goes to `sources`, every diagnostic (named by the draft's paths) to `diags`.
rules::LoadOutcome load_draft(const DraftRulebook& draft, core::SourceSet& sources, core::Diagnostics& diags);

/// BadRequest naming the first file of a draft that the loaded rulebook did not use: most often
/// a draft whose first file is not the rulebook but a file it extends.
void refuse_unused_files(const DraftRulebook& draft, const rules::Rulebook& rulebook);

/// The draft checked, normalised and loaded; Invalid with every diagnostic when it has errors,
/// BadRequest for bad paths or unused files.
LoadedRulebook load_draft_rulebook(const DraftRulebook& draft);

}  // namespace parscore::app
