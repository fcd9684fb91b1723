#include "parscore/i18n/vocabulary.hpp"

#include <array>

namespace parscore::i18n {

namespace {

// Grouped as a report reads: the ranking table, the parts of a score, the evidence, the
// summary, the run's messages.
constexpr std::array kVocabulary{
    N_("Ranking"),
    N_("Rank"),
    N_("Previous rank"),
    N_("Change"),
    N_("Change since last year"),
    N_("Unit"),
    N_("Category"),
    N_("Total score"),
    N_("Total"),
    NC_("sum row", "Total"),
    N_("Band"),
    N_("Year"),
    N_("Rank {rank} of {total}"),

    N_("Field"),
    N_("Criterion"),
    N_("Criteria"),
    N_("Sub-criterion"),
    N_("Points"),
    N_("Score"),
    N_("Maximum points"),
    N_("Deduction"),
    N_("Deductions"),
    N_("Bonus"),
    N_("Bonuses"),
    N_("Not arisen"),
    N_("Missing"),
    N_("Cap"),

    N_("Rulebook"),
    N_("Inspection"),
    N_("Surprise inspection"),
    N_("Scheduled inspection"),
    N_("Thematic inspection"),
    N_("Self-assessment"),
    N_("Self-assessed score"),
    N_("Inspected score"),
    N_("Gap"),
    N_("Finding"),
    N_("Evidence"),
    N_("Date"),

    N_("Summary"),
    N_("Score explanation"),
    N_("Best"),
    N_("Worst"),
    N_("Mean"),
    N_("Share"),
    N_("Province"),
    N_("Name"),
    N_("Code"),
    N_("Note"),
    N_("Page"),
    N_("Report"),

    N_("Error"),
    N_("Warning"),
    NN_("{n} unit", "{n} units"),
    NN_("{n} criterion", "{n} criteria"),
    NN_("{n} inspection", "{n} inspections"),
    NN_("{n} error", "{n} errors"),
    NN_("{n} warning", "{n} warnings"),
};

}  // namespace

std::span<const Message> vocabulary() { return kVocabulary; }

}  // namespace parscore::i18n
