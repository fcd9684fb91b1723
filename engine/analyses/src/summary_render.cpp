// summary --format json|csv|table (docs/reference/outputs.md); the workbook is in report_xlsx.cpp. A share — a
// ratio, or the mean of a `format: percent` indicator — is always printed as a percentage, and
// the sum of a percent indicator is never printed where people read it: it would read as a sum
// of rates.
#include "parscore/analyses/summary.hpp"
#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/csv_cells.hpp"
#include "parscore/output/json_writer.hpp"

namespace parscore::engine {

namespace {

using i18n::Language;

// A count as the language writes it, grouped from five digits on (docs/i18n.md).
std::string count(Language lang, std::size_t n) { return i18n::format_integer(lang, static_cast<std::int64_t>(n)); }

bool is_bool(const IndicatorSummary& s) { return s.type == IndicatorType::Bool; }
bool is_ratio(const IndicatorSummary& s) { return s.type == IndicatorType::Ratio; }

void optional_field(JsonWriter& w, std::string_view key, const std::optional<Decimal>& d) {
    if (d) {
        w.field(key, *d);
    } else {
        w.null_field(key);
    }
}

void figures_json(JsonWriter& w, const IndicatorSummary& s, const IndicatorFigures& f, bool with_category) {
    w.begin_object();
    if (with_category) w.field("category", f.category);
    if (is_bool(s)) {
        w.field("holds", static_cast<std::int64_t>(f.holds));
    } else if (is_ratio(s)) {
        optional_field(w, "ratio", f.ratio);
        optional_field(w, "of_sum", f.of_sum);
        optional_field(w, "over_sum", f.over_sum);
    } else {
        optional_field(w, "sum", f.sum);
        optional_field(w, "mean", f.mean);
    }
    w.field("with_value", static_cast<std::int64_t>(f.with_value));
    w.field("no_value", static_cast<std::int64_t>(f.no_value));
    w.end_object();
}

// The headline figure ("8/19", "241", "44.7%") and the remarks that qualify it ("mean 12.684 of
// 19", "17 of 38", "2 without a value"). The table rounds means to 3 decimals and shares to 1
// decimal of a percent for reading; JSON keeps all 9 decimals.
std::string headline(Language lang, const IndicatorSummary& s, const IndicatorFigures& f) {
    if (is_bool(s)) return count(lang, f.holds) + "/" + count(lang, f.with_value);
    if (is_ratio(s)) return f.ratio ? percent_text(*f.ratio, lang) : "-";
    if (s.percent) return f.mean ? percent_text(*f.mean, lang) : "-";
    return f.sum ? i18n::localize_number(lang, f.sum->to_string()) : i18n::trc(lang, "summary", "out of range");
}

std::string remarks(Language lang, const IndicatorSummary& s, const IndicatorFigures& f) {
    std::string out;
    auto add = [&out](const std::string& part) {
        if (!out.empty()) out += ", ";
        out += part;
    };
    auto sum_text = [lang](const std::optional<Decimal>& d) {
        return d ? i18n::localize_number(lang, d->to_string()) : i18n::trc(lang, "summary", "out of range");
    };
    const std::string with_value = count(lang, f.with_value);
    if (is_ratio(s)) {
        if (f.with_value > 0)
            add(i18n::trc(lang, "summary", "{part} of {whole}",
                          {{"part", sum_text(f.of_sum)}, {"whole", sum_text(f.over_sum)}}));
        if (f.with_value == 0) add(i18n::trc(lang, "summary", "no value"));
    } else if (s.percent) {
        add(f.with_value > 0 ? i18n::trc(lang, "summary", "mean of {n}", {{"n", with_value}})
                             : i18n::trc(lang, "summary", "no value"));
    } else if (!is_bool(s)) {
        if (f.mean) {
            add(i18n::trc(lang, "summary", "mean {mean} of {n}",
                          {{"mean", i18n::localize_number(lang, f.mean->round(3).to_string())}, {"n", with_value}}));
        } else if (f.with_value == 0) {
            add(i18n::trc(lang, "summary", "no value"));
        }
    }
    if (f.no_value > 0) add(i18n::trc(lang, "summary", "{n} without a value", {{"n", count(lang, f.no_value)}}));
    return out;
}

}  // namespace

std::string percent_text(Decimal share, Language lang) {
    std::optional<Decimal> scaled = Decimal::mul(share, *Decimal::from_int(100));
    return scaled ? i18n::localize_number(lang, scaled->round(1).to_string()) + "%"
                  : i18n::trc(lang, "summary", "out of range");
}

std::string indicator_figures_text(const IndicatorSummary& indicator, const IndicatorFigures& figures, Language lang) {
    std::string r = remarks(lang, indicator, figures);
    return headline(lang, indicator, figures) + (r.empty() ? "" : " (" + r + ")");
}

std::string render_summary_json(const Summary& summary) {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.field("year", summary.year).field("basis", basis_name(summary.basis));
    write_warnings(w, summary.warnings);
    w.key("indicators").begin_array();
    for (const IndicatorSummary& s : summary.indicators) {
        w.begin_object().field("id", s.id).field("title", s.title).field("type", indicator_type_name(s.type));
        if (s.percent) w.field("format", "percent");
        w.key("overall");
        figures_json(w, s, s.overall, false);
        w.key("categories").begin_array();
        for (const IndicatorFigures& f : s.categories) figures_json(w, s, f, true);
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object();
    out += '\n';
    return out;
}

std::string render_summary_csv(const Summary& summary, bool bom) {
    std::string out = bom ? "\xEF\xBB\xBF" : "";
    out += "indicator,title,type,format,category,holds,sum,mean,ratio,of_sum,over_sum,with_value,no_value\n";
    auto count = [](std::size_t n) { return std::optional<Decimal>(Decimal::from_int(static_cast<std::int64_t>(n))); };
    for (const IndicatorSummary& s : summary.indicators) {
        auto row = [&](const IndicatorFigures& f) {
            csv::text(out, s.id, true);
            csv::text(out, s.title);
            csv::text(out, indicator_type_name(s.type));
            csv::text(out, s.percent ? "percent" : "");
            csv::text(out, f.category);
            csv::number(out, is_bool(s) ? count(f.holds) : std::nullopt);
            csv::number(out, is_bool(s) || is_ratio(s) ? std::nullopt : f.sum);
            csv::number(out, is_bool(s) || is_ratio(s) ? std::nullopt : f.mean);
            csv::number(out, f.ratio);
            csv::number(out, f.of_sum);
            csv::number(out, f.over_sum);
            csv::number(out, count(f.with_value));
            csv::number(out, count(f.no_value));
            out += '\n';
        };
        row(s.overall);
        for (const IndicatorFigures& f : s.categories) row(f);
    }
    return out;
}

std::string render_summary_table(const Summary& summary, Language lang) {
    std::string out;
    for (const IndicatorSummary& s : summary.indicators) {
        out += s.title + ":";
        // Labels may hold commas ("Khối sở, ban, ngành"): categories are separated by ";".
        const char* separator = " ";
        for (const IndicatorFigures& f : s.categories) {
            out += separator + headline(lang, s, f) + " " + f.label;
            std::string r = remarks(lang, s, f);
            if (!r.empty()) out += " (" + r + ")";
            separator = "; ";
        }
        const std::string r = remarks(lang, s, s.overall);
        const std::string figures = headline(lang, s, s.overall);
        out += " " +
               (r.empty() ? i18n::tr(lang, "({figures} overall)", {{"figures", figures}})
                          : i18n::tr(lang, "({figures} overall, {remarks})", {{"figures", figures}, {"remarks", r}})) +
               "\n";
    }
    if (summary.indicators.empty()) out += i18n::tr(lang, "the rulebook defines no indicators") + "\n";
    return out;
}

}  // namespace parscore::engine
