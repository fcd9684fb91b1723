// The translated words of the scoring model shared by the analyses and the verification text.
#include "parscore/output/terms.hpp"

#include "parscore/core/utf8.hpp"
#include "parscore/i18n/format.hpp"
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

std::string inspection_status(i18n::Language lang, inspections::Status status) {
    using S = inspections::Status;
    switch (status) {
        case S::Draft: return i18n::trc(lang, "inspection status", "draft");
        case S::Submitted: return i18n::trc(lang, "inspection status", "submitted");
        case S::Locked: return i18n::trc(lang, "inspection status", "locked");
        case S::Returned: return i18n::trc(lang, "inspection status", "returned");
    }
    return inspections::status_name(status);
}

std::string finding_value(i18n::Language lang, const std::optional<core::Datum>& value) {
    if (!value) return "—";
    if (std::holds_alternative<core::Date>(*value)) return i18n::format_date(lang, std::get<core::Date>(*value));
    const std::string text = core::datum_text(*value);
    return std::holds_alternative<std::string>(*value) ? text : i18n::localize_number(lang, text);
}

std::string history_change(i18n::Language lang, const inspections::HistoryEntry& entry) {
    using Type = inspections::HistoryEntry::Type;
    if (entry.type == Type::Submit) return i18n::trc(lang, "history change", "submitted");
    if (entry.type == Type::Lock) return i18n::trc(lang, "history change", "locked");
    if (entry.type == Type::Return) return i18n::trc(lang, "history change", "returned");
    if (entry.type == Type::Comment) return i18n::trc(lang, "history change", "commented");
    if (entry.type == Type::Attach)
        return i18n::tr(lang, "attached {name}", {{"name", core::printable(entry.file_name.value_or(""))}});
    if (entry.reason) return i18n::tr(lang, "amended: {reason}", {{"reason", *entry.reason}});
    return i18n::trc(lang, "history change", "recorded");
}

}  // namespace parscore::engine::terms
