// The translated words of the scoring model shared by the analyses and the verification text.
#include "parscore/output/terms.hpp"

#include "parscore/i18n/translate.hpp"

namespace parscore::engine::terms {

std::string basis(i18n::Language lang, Basis b) {
    switch (b) {
        case Basis::All: return i18n::trc(lang, "evidence basis", "all");
        case Basis::Self: return i18n::trc(lang, "evidence basis", "self");
        case Basis::Inspected: return i18n::trc(lang, "evidence basis", "inspected");
    }
    return basis_name(b);
}

std::string status(i18n::Language lang, CriterionStatus s) {
    switch (s) {
        case CriterionStatus::Scored: return i18n::trc(lang, "criterion status", "scored");
        case CriterionStatus::Missing: return i18n::trc(lang, "criterion status", "missing");
        case CriterionStatus::Exempt: return i18n::trc(lang, "criterion status", "exempt");
        case CriterionStatus::Error: return i18n::trc(lang, "criterion status", "error");
    }
    return status_name(s);
}

std::string inspection_kind(i18n::Language lang, std::string_view kind) {
    if (kind == "surprise") return i18n::tr(lang, "surprise inspection");
    if (kind == "scheduled") return i18n::tr(lang, "scheduled inspection");
    if (kind == "thematic") return i18n::tr(lang, "thematic inspection");
    if (kind == "other") return i18n::tr(lang, "other inspection");
    if (kind == "self") return i18n::tr(lang, "self inspection");
    return std::string(kind);
}

}  // namespace parscore::engine::terms
