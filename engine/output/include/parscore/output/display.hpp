#pragma once
// Numbers where a person reads them — tables, HTML, Excel, and the text of explain, diff and gap:
// totals with exactly two decimals ("75.20"), points rounded to at most two ("4.33"). JSON and
// CSV keep the exact values (docs/reports.md). Bands read as their labels there too; JSON and CSV
// keep the ids.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "parscore/core/decimal.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/rules/rulebook.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine::display {

inline std::string total(const core::Decimal& d) { return d.to_fixed(2); }
inline std::string points(const core::Decimal& d) { return d.round(2).to_string(); }

/// `none` for a null value.
inline std::string total(const std::optional<core::Decimal>& d, const std::string& none) {
    return d ? total(*d) : none;
}
inline std::string points(const std::optional<core::Decimal>& d, const std::string& none) {
    return d ? points(*d) : none;
}

/// A signed difference: points as "+2", "-1.5", "0"; totals as "+2.00".
inline std::string signed_points(const core::Decimal& d) { return (d > core::Decimal{} ? "+" : "") + points(d); }
inline std::string signed_total(const core::Decimal& d) { return (d > core::Decimal{} ? "+" : "") + total(d); }

/// A band as a person reads it: its label (the rulebook makes that the id when it gives none).
inline std::string band(const rules::Rulebook& rb, int index) {
    return rb.bands[static_cast<std::size_t>(index)].label;
}
/// By id; what is not a band of `rb` ("incomplete", "not_covered") stays as it is.
inline std::string band(const rules::Rulebook& rb, std::string_view id) {
    const rules::Band* b = rb.band(id);
    return b ? b->label : std::string(id);
}

/// A warning's message and an incomplete unit's reason in the reader's language (JSON and CSV
/// keep the English `message` and `reason`).
inline std::string message(i18n::Language lang, const Warning& w) {
    return w.text.empty() ? w.message : i18n::localize(lang, w.text);
}
inline std::string reason(i18n::Language lang, const UnitResult& u) {
    return u.reason_text.empty() ? u.reason : i18n::localize(lang, u.reason_text);
}

}  // namespace parscore::engine::display
