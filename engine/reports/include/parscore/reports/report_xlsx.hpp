#pragma once
// The Excel workbook (docs/reference/outputs.md): a "Ranking" sheet (one row per unit) and a "Criteria" sheet
// (unit × criterion points), plus an "Indicators" sheet when a summary is given (named in the
// run's language: "Xếp hạng", "Tiêu chí", "Chỉ tiêu tổng hợp"). Text from input
// is always written as text — never as a formula — and additionally neutralised like CSV cells
// (csv_text_cell), so re-saving the sheet as CSV stays safe.
#include <filesystem>
#include <stdexcept>

#include "parscore/analyses/summary.hpp"
#include "parscore/i18n/language.hpp"
#include "parscore/rules/rulebook.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine {

/// The workbook could not be written (the path is not writable, a limit of the format).
/// `what()` is the English message, `text` the translatable one.
struct WorkbookError : std::runtime_error {
    explicit WorkbookError(core::Text message) : std::runtime_error(message.english()), text(std::move(message)) {}
    core::Text text;
};

/// Writes the workbook to `path`, replacing it. Its creation time is 1 January of the evaluation
/// year (UTC), not the current time, so the same evaluation gives the same file. In `language`
/// (docs/i18n.md): sheet names, column heads and the words in cells translated; numbers stay
/// number cells, ids, names and band labels as written.
void write_xlsx(const rules::Rulebook& rulebook, const Evaluation& evaluation, const Summary* summary,
                const std::filesystem::path& path, i18n::Language language = i18n::Language::en);

/// `summary --format xlsx`: one "Indicators" sheet (as in the ranking workbook), same properties.
void write_summary_xlsx(const rules::Rulebook& rulebook, const Summary& summary, const std::filesystem::path& path,
                        i18n::Language language = i18n::Language::en);

}  // namespace parscore::engine
