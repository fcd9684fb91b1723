#pragma once
// Header matching and positions shared by the evidence and units CSV readers.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/core/csv.hpp"
#include "parscore/core/diagnostic.hpp"
#include "parscore/core/source.hpp"
#include "parscore/inspections/codes.hpp"

namespace parscore::inspections::csv {

/// The span of a cell's text (its first character to just after its last, quotes included).
inline core::Span cell_span(core::FileId file, const core::CsvCell& cell) {
    const auto len = static_cast<std::uint32_t>(cell.text.size() + (cell.quoted ? 2 : 0));
    return core::Span{file, cell.offset, cell.offset + std::max<std::uint32_t>(len, 1)};
}

/// Matches header cells to the expected names: returns the column of each name (or -1), reporting
/// unknown and repeated columns and missing required ones. `required[i]` says whether names[i]
/// must be present.
std::vector<int> match_header(core::FileId file, const std::vector<core::CsvCell>& header,
                              const std::vector<std::string>& names, const std::vector<bool>& required,
                              core::Span header_span, core::Diagnostics& diags);

/// Stops adding errors after kMaxCsvErrors, adding one last diagnostic that says so.
class ErrorBudget {
public:
    explicit ErrorBudget(core::Diagnostics& diags) : diags_(diags), start_(diags.error_count()) {}
    /// Returns nullptr once the budget is spent.
    core::Diagnostic* error(const char* code, core::Span span, core::Text message);
    bool any() const { return diags_.error_count() > start_; }
    bool exhausted() const { return exhausted_; }
    /// Errors added through this budget.
    std::size_t count() const { return count_; }

private:
    core::Diagnostics& diags_;
    std::size_t start_;
    std::size_t count_ = 0;
    bool exhausted_ = false;
};

}  // namespace parscore::inspections::csv
