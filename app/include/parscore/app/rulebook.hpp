#pragma once
// Loading a rulebook for an operation: its model, the sources its positions point into, and its
// warnings for the front end to show. A rulebook with errors is an Error of kind Invalid (Io when
// a file cannot be read) carrying every diagnostic.
#include <memory>
#include <string>

#include "parscore/app/error.hpp"
#include "parscore/rules/rulebook.hpp"

namespace parscore::app {

struct LoadedRulebook {
    rules::Rulebook rulebook;
    /// The rulebook's files (with its `extends` chain) and its warnings; shared so that results
    /// built from the rulebook can keep pointing into it.
    std::shared_ptr<Problems> problems;
};

LoadedRulebook load_rulebook(const std::string& path);

}  // namespace parscore::app
