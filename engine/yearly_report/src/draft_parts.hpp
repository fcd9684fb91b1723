#pragma once
// The pieces draft_yearly_report assembles: one function per section of the body and per annex,
// and the small helpers they share. Private to the drafting.
#include <string>
#include <vector>

#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/yearly_report/draft.hpp"

namespace parscore::engine::yearly::detail {

using i18n::Language;

/// A place the office fills by hand.
inline constexpr const char* kBlank = "……………";

inline Paragraph paragraph(ParagraphStyle style, std::string text) { return {style, {{std::move(text)}}}; }
inline Block body(std::string text) { return paragraph(ParagraphStyle::Body, std::move(text)); }
inline Block bullet(std::string text) { return paragraph(ParagraphStyle::Bullet, "- " + std::move(text)); }
inline Block note(std::string text) { return paragraph(ParagraphStyle::Note, std::move(text)); }

inline std::string count(Language lang, std::size_t n) {
    return i18n::format_integer(lang, static_cast<std::int64_t>(n));
}
/// Points as the ranking prints them: two decimals.
inline std::string points(Language lang, const Decimal& value) { return i18n::format_decimal(lang, value, 2); }

/// "a; b; c" — the pieces of one sentence.
std::string joined(const std::vector<std::string>& pieces, const char* separator = "; ");
/// At most `shown` names, then "and {n} more".
std::string names(Language lang, const std::vector<std::string>& all, std::size_t shown = 10);
/// What a reader sees for a unit: its name, or its id when it has none.
inline const std::string& shown_name(const UnitResult& unit) { return unit.name.empty() ? unit.id : unit.name; }

std::vector<Block> inspections_section(const YearFigures& figures, Language lang);
std::vector<Block> indicators_section(const YearFigures& figures, Language lang);
std::vector<Block> violations_section(const YearFigures& figures, Language lang);
std::vector<Block> self_assessment_section(const YearFigures& figures, Language lang);
std::vector<Block> bands_section(const YearFigures& figures, Language lang);

Annex ranking_annex(const YearFigures& figures, Language lang, const std::string& attached_to);
Annex criteria_annex(const YearFigures& figures, Language lang, const std::string& attached_to);

}  // namespace parscore::engine::yearly::detail
