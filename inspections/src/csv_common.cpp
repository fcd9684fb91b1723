#include "csv_common.hpp"

#include <algorithm>

#include "parscore/core/utf8.hpp"
#include "parscore/inspections/evidence_csv.hpp"
#include "text_pieces.hpp"

namespace parscore::inspections::csv {

std::vector<int> match_header(core::FileId file, const std::vector<core::CsvCell>& header,
                              const std::vector<std::string>& names, const std::vector<bool>& required,
                              core::Span header_span, core::Diagnostics& diags) {
    std::vector<int> column(names.size(), -1);
    for (std::size_t c = 0; c < header.size(); ++c) {
        const std::string name = core::to_nfc(header[c].text);
        auto it = std::find(names.begin(), names.end(), name);
        if (it == names.end()) {
            std::string list;
            for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
            diags.error(
                kUnknownColumn, cell_span(file, header[c]),
                core::T_("unknown column {name}{hint}; the columns are {columns}",
                         {{"name", "'" + core::sanitize_utf8(name) + "'"}, hint(name, names), {"columns", list}}));
            continue;
        }
        const auto i = static_cast<std::size_t>(it - names.begin());
        if (column[i] >= 0) {
            diags
                .error(kRepeatedColumn, cell_span(file, header[c]),
                       core::T_("column {name} appears twice", {{"name", "'" + name + "'"}}))
                .add_note(cell_span(file, header[static_cast<std::size_t>(column[i])]), core::T_("first here"));
            continue;
        }
        column[i] = static_cast<int>(c);
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (required[i] && column[i] < 0)
            diags.error(kMissingColumn, header_span, core::T_("no column {name}", {{"name", "'" + names[i] + "'"}}));
    }
    return column;
}

core::Diagnostic* ErrorBudget::error(const char* code, core::Span span, core::Text message) {
    if (exhausted_) return nullptr;
    if (count_ == kMaxCsvErrors) {
        exhausted_ = true;
        diags_.final_error(kTooManyErrors, span, core::T_("too many errors; the rest of the file was not checked"));
        return nullptr;
    }
    ++count_;
    return &diags_.error(code, span, std::move(message));
}

}  // namespace parscore::inspections::csv
