#pragma once
// Adopted rulebooks (docs/accounts.md, "Adopted rulebooks"): the rulebook in force for a year,
// which commands use when no --rules is given, and the list of every adoption.
#include <optional>
#include <string>
#include <vector>

#include "parscore/app/draft_rulebook.hpp"
#include "parscore/app/request.hpp"
#include "parscore/app/rulebook.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::app {

struct AdoptRequest : StoreRequest {
    std::string rules;                   // the rulebook file; it must load without errors
    std::optional<DraftRulebook> draft;  // instead of `rules`: the rulebook's files, sent as text
    int year = 0;
};

struct AdoptResult {
    LoadedRulebook rulebook;
    inspections::AdoptOutcome outcome;  // identical: the year's rulebook in force already is this one
};

/// Makes the rulebook the one in force for the year, adopted by request.actor.
AdoptResult adopt(const AdoptRequest& request);

/// What the store keeps of `rulebook` adopted for `year`: its identity and every file it loaded.
inspections::Adoption adoption_of(const rules::Rulebook& rulebook, int year, std::string adopted_by);

struct RulebooksRequest : StoreRequest {};

struct AdoptionListing {
    inspections::Adoption adoption;  // without its files
    bool in_force = false;           // the latest adoption of its year
};

/// Every adoption, by number.
std::vector<AdoptionListing> list_adoptions(const RulebooksRequest& request);

/// `rulebooks --format json`: [{"no", "year", "rulebook": {"id", "version", "sha256"},
/// "adopted_by", "adopted_at", "in_force"}], one adoption a line.
std::string adoptions_json(const std::vector<AdoptionListing>& list);

}  // namespace parscore::app
