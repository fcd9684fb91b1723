// The summary indicators' figures in the HTML report, in the page's language. The words and the
// rounding are those of `parscore summary`'s table (docs/reports.md): a headline figure and the
// remarks that qualify it.
#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "report_html_parts.hpp"

namespace parscore::engine::html {

namespace {

using i18n::Language;

std::string out_of_range(Language lang) { return i18n::trc(lang, "indicator", "out of range"); }

std::string sum_text(Language lang, const std::optional<Decimal>& d) {
    return d ? i18n::localize_number(lang, d->to_string()) : out_of_range(lang);
}

// percent_text rounds a share to one decimal of a percent; only its number is localized.
std::string share_text(Language lang, const std::optional<Decimal>& share) {
    if (!share) return "-";
    std::string text = percent_text(*share);
    if (text.empty() || text.back() != '%') return out_of_range(lang);
    text.pop_back();
    return i18n::localize_number(lang, text) + "%";
}

std::string headline(Language lang, const IndicatorSummary& s, const IndicatorFigures& f) {
    if (s.type == IndicatorType::Bool) {
        return i18n::format_integer(lang, static_cast<std::int64_t>(f.holds)) + "/" +
               i18n::format_integer(lang, static_cast<std::int64_t>(f.with_value));
    }
    if (s.type == IndicatorType::Ratio) return share_text(lang, f.ratio);
    if (s.percent) return share_text(lang, f.mean);
    return sum_text(lang, f.sum);
}

std::string remarks(Language lang, const IndicatorSummary& s, const IndicatorFigures& f) {
    std::string out;
    auto add = [&out](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
    const std::string units = i18n::format_integer(lang, static_cast<std::int64_t>(f.with_value));
    const std::string no_value = i18n::trc(lang, "indicator", "no value");
    if (s.type == IndicatorType::Ratio) {
        if (f.with_value > 0) {
            add(i18n::trc(lang, "indicator", "{of} of {over}",
                          {{"of", sum_text(lang, f.of_sum)}, {"over", sum_text(lang, f.over_sum)}}));
        }
        if (f.with_value == 0) add(no_value);
    } else if (s.percent) {
        add(f.with_value > 0 ? i18n::trc(lang, "indicator", "mean of {n}", {{"n", units}}) : no_value);
    } else if (s.type != IndicatorType::Bool) {
        if (f.mean) {
            const std::string mean = i18n::localize_number(lang, f.mean->round(3).to_string());
            add(i18n::trc(lang, "indicator", "mean {mean} of {n}", {{"mean", mean}, {"n", units}}));
        } else if (f.with_value == 0) {
            add(no_value);
        }
    }
    if (f.no_value > 0) {
        add(i18n::trnc(lang, "indicator", "{n} without a value", "{n} without a value", f.no_value));
    }
    return out;
}

}  // namespace

std::string indicator_figures(Language lang, const IndicatorSummary& indicator, const IndicatorFigures& figures) {
    std::string r = remarks(lang, indicator, figures);
    return headline(lang, indicator, figures) + (r.empty() ? "" : " (" + r + ")");
}

}  // namespace parscore::engine::html
