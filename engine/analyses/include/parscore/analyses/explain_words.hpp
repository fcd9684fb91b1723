#pragma once
// The pieces of an explanation as a person reads them, in their language: what `explain` prints
// and the web application's unit page shows (docs/reference/commands.md#explain).
#include <string>

#include "parscore/analyses/explain.hpp"
#include "parscore/i18n/language.hpp"
#include "parscore/rules/rulebook.hpp"

namespace parscore::engine::explain_words {

/// A record: its kind and fields, then the inspection it came from, its kind and date.
std::string record_line(i18n::Language lang, const ExplainedRecord& record);
/// The heading of a kind of item: "criteria", "deductions", "bonuses", "band caps".
std::string section_heading(i18n::Language lang, const std::string& what);
/// An item's status word ("scored", "exempt", "held", …), or the text itself.
std::string status_word(i18n::Language lang, const std::string& status);
/// "records of EXPR that failed the condition:" and the like.
std::string records_heading(i18n::Language lang, const ExplainedRecords& records);
/// The steps arm that matched, "none (the value is missing)" translated.
std::string steps_arm(i18n::Language lang, const std::string& arm);
/// The line under an item's title: its points, maximum or cap, and status.
std::string item_line(const rules::Rulebook& rb, i18n::Language lang, const ExplainedItem& item);

}  // namespace parscore::engine::explain_words
