#pragma once
// `parscore report`: the province's yearly report, drafted from the year's evidence and printed
// as a standalone HTML file or an A4 PDF (docs/reports.md, "The yearly report"). Office and
// admin only: it speaks for the whole province.
#include <optional>
#include <string>

#include "parscore/app/format.hpp"
#include "parscore/app/request.hpp"
#include "parscore/i18n/language.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::app {

struct YearlyReportRequest : StoreRequest {
    std::string rules;  // the rulebook file; empty: the one adopted for the year
    int year = 0;
    engine::Basis basis = engine::Basis::All;
    Format format = Format::Html;  // Html or Pdf
    i18n::Language lang = i18n::Language::vi;
    std::optional<std::string> config;  // the report's config file (issuer, signer, …); none: blanks
    std::optional<std::string> out;     // the file the report is written to, never an input
};

struct YearlyReport {
    std::string bytes;                      // the HTML text or the PDF
    std::vector<engine::Warning> warnings;  // the evaluation's run-wide warnings
};

YearlyReport yearly_report(const YearlyReportRequest& request);

/// Reads a report config as yearly_report would: an Error (Invalid with its diagnostics, or Io)
/// when it is not usable, so a server refuses to start with one.
void check_report_config(const std::string& path);

}  // namespace parscore::app
