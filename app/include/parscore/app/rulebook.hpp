#pragma once
// Loading a rulebook for an operation: its model, the sources its positions point into, and its
// warnings for the front end to show. A rulebook with errors is an Error of kind Invalid (Io when
// a file cannot be read) carrying every diagnostic.
#include <memory>
#include <string>

#include "parscore/app/error.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/rules/rulebook.hpp"

namespace parscore::app {

struct LoadedRulebook {
    rules::Rulebook rulebook;
    /// The rulebook's files (with its `extends` chain) and its warnings; shared so that results
    /// built from the rulebook can keep pointing into it.
    std::shared_ptr<Problems> problems;
};

LoadedRulebook load_rulebook(const std::string& path);

/// The rulebook an operation on `year` uses: the file at `path` when one is given, else the
/// rulebook adopted for the year in `store` (docs/accounts.md, "Adopted rulebooks"), loaded from
/// the files stored with it so that it gives exactly what the files gave. Invalid, naming the
/// year, when none is adopted.
LoadedRulebook rulebook_for(const std::string& path, int year, const inspections::Store& store);

/// The Error for a year without an adopted rulebook (Invalid, naming the year).
Error no_adoption(int year);

/// The adoption's rulebook, from its stored files.
LoadedRulebook adopted_rulebook(const inspections::Adoption& adoption);

}  // namespace parscore::app
