// rank/score --format xlsx, written with libxlsxwriter (whose types stay in this file).
#include "parscore/reports/report_xlsx.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "parscore/core/date.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/display.hpp"
#include "parscore/reports/report.hpp"
#include "report_html_parts.hpp"
#include "report_words.hpp"

namespace parscore::engine {

namespace {

using i18n::Language;

// hsl → 0xRRGGBB, so the workbook's band colours match the HTML report's.
lxw_color_t hsl(int hue, double s, double l) {
    double c = (1 - std::fabs(2 * l - 1)) * s;
    double h = hue / 60.0;
    double x = c * (1 - std::fabs(std::fmod(h, 2) - 1));
    double r = 0, g = 0, b = 0;
    if (h < 1) {
        r = c;
        g = x;
    } else if (h < 2) {
        r = x;
        g = c;
    } else if (h < 3) {
        g = c;
        b = x;
    } else if (h < 4) {
        g = x;
        b = c;
    } else if (h < 5) {
        r = x;
        b = c;
    } else {
        r = c;
        b = x;
    }
    double m = l - c / 2;
    auto byte = [m](double v) { return static_cast<lxw_color_t>(std::lround((v + m) * 255)); };
    return (byte(r) << 16) | (byte(g) << 8) | byte(b);
}

// 00:00 UTC on 1 January of `year`, as time_t, from the proleptic Gregorian day count.
time_t start_of_year(int year) {
    std::int64_t days = core::make_date(year < 1 ? 1 : year, 1, 1).days;
    return static_cast<time_t>(days * 86400);
}

class Workbook {
public:
    explicit Workbook(const std::filesystem::path& path) : path_(path.string()), wb_(workbook_new(path_.c_str())) {
        if (!wb_) throw WorkbookError(core::T_("cannot create the workbook '{path}'", {{"path", path_}}));
    }
    ~Workbook() {
        if (wb_) lxw_workbook_free(wb_);
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    lxw_workbook* get() { return wb_; }
    lxw_format* format() { return workbook_add_format(wb_); }

    void check(lxw_error e) {
        if (e != LXW_NO_ERROR && first_error_ == LXW_NO_ERROR) first_error_ = e;
    }
    void close() {
        lxw_workbook* wb = wb_;
        wb_ = nullptr;
        lxw_error e = workbook_close(wb);  // frees the workbook whatever happens
        if (first_error_ != LXW_NO_ERROR) e = first_error_;
        if (e != LXW_NO_ERROR) {
            throw WorkbookError(core::T_("cannot write the workbook '{path}': {reason}",
                                         {{"path", path_}, {"reason", lxw_strerror(e)}}));
        }
    }

private:
    std::string path_;
    lxw_workbook* wb_;
    lxw_error first_error_ = LXW_NO_ERROR;
};

struct Formats {
    lxw_format *header, *text, *total, *number, *share, *change, *missing, *exempt, *error;
    std::vector<lxw_format*> bands;
};

Formats make_formats(Workbook& wb, const rules::Rulebook& rb) {
    Formats f{};
    f.header = wb.format();
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xE8EBF0);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
    f.text = nullptr;
    f.total = wb.format();
    format_set_num_format(f.total, "0.00");
    f.number = wb.format();
    format_set_num_format(f.number, "General");
    f.share = wb.format();
    format_set_num_format(f.share, "0.0%");
    f.change = wb.format();
    format_set_num_format(f.change, "+0;-0;0");
    f.missing = wb.format();
    format_set_italic(f.missing);
    format_set_font_color(f.missing, 0x9A6700);
    f.exempt = wb.format();
    format_set_font_color(f.exempt, 0x5B6475);
    format_set_align(f.exempt, LXW_ALIGN_CENTER);
    f.error = wb.format();
    format_set_bold(f.error);
    format_set_font_color(f.error, 0xB3261E);
    format_set_align(f.error, LXW_ALIGN_CENTER);
    int n = static_cast<int>(rb.bands.size());
    for (int i = 0; i < n; ++i) {
        lxw_format* band = wb.format();
        format_set_pattern(band, LXW_PATTERN_SOLID);
        format_set_bg_color(band, hsl(html::band_hue(i, n), 0.6, 0.85));
        f.bands.push_back(band);
    }
    return f;
}

// Excel holds at most 32,767 characters in a cell; libxlsxwriter refuses a longer string, which
// would fail the whole workbook. Names and titles are limited to 64 KiB, so a longer one is cut
// (at a character boundary) and ends with "…".
constexpr std::size_t kMaxCellChars = 32'767;

std::string fit_cell(std::string s) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (++chars == kMaxCellChars) {  // s[i] starts the last character that fits with "…"
            if (lxw_utf8_strlen(s.c_str()) <= kMaxCellChars) return s;
            s.resize(i);
            return s + "…";
        }
    }
    return s;
}

// Every text cell from input goes through here: written as a string, never parsed as a formula,
// and with a leading =,+,-,@,tab or CR neutralised for a later CSV export.
void text(Workbook& wb, lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& s,
          lxw_format* f = nullptr) {
    wb.check(worksheet_write_string(ws, row, col, fit_cell(csv_text_cell(s)).c_str(), f));
}

void number(Workbook& wb, lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::optional<Decimal>& d,
            lxw_format* f) {
    if (d) wb.check(worksheet_write_number(ws, row, col, d->to_double(), f));
}

// Points are shown rounded to two decimals (the exact values are in the JSON and CSV).
void points(Workbook& wb, lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::optional<Decimal>& d,
            lxw_format* f) {
    if (d) number(wb, ws, row, col, d->round(2), f);
}

void headers(Workbook& wb, lxw_worksheet* ws, lxw_row_t row, const std::vector<std::string>& names, lxw_format* f) {
    for (std::size_t c = 0; c < names.size(); ++c) text(wb, ws, row, static_cast<lxw_col_t>(c), names[c], f);
}

// Column widths in characters: at least the given ones, and wide enough for the heads, which
// are longer in Vietnamese.
void widths(Workbook& wb, lxw_worksheet* ws, const std::vector<std::string>& names, const std::vector<double>& min) {
    for (std::size_t c = 0; c < names.size() && c < min.size(); ++c) {
        double head = static_cast<double>(core::display_width(names[c])) + 2;
        auto col = static_cast<lxw_col_t>(c);
        wb.check(worksheet_set_column(ws, col, col, std::max(min[c], head), nullptr));
    }
}

// Adds a sheet; the translated names are within Excel's 31 characters and use none of []:*?/\.
lxw_worksheet* add_sheet(Workbook& wb, const std::string& name) {
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), name.c_str());
    if (!ws) throw WorkbookError(core::T_("cannot add the sheet '{name}' to the workbook", {{"name", name}}));
    return ws;
}

std::vector<std::string> ranking_heads(Language lang) {
    auto h = [lang](const i18n::Message& m) { return i18n::tr(lang, m); };
    using namespace words;
    return {i18n::trc(lang, "report column", "category"),
            h(kRank),
            h(kUnit),
            h(kName),
            h(kTotal),
            h(kBand),
            i18n::trc(lang, "report column", "band id"),
            i18n::trc(lang, "report column", "rank change"),
            i18n::trc(lang, "report column", "total change"),
            i18n::trc(lang, "report column", "status"),
            h(kPoints),
            h(kMax),
            i18n::trc(lang, "report column", "deduct"),
            i18n::trc(lang, "report column", "bonus"),
            i18n::trc(lang, "report column", "reason")};
}

void ranking_sheet(Workbook& wb, const Formats& f, const rules::Rulebook& rb, const Evaluation& e, Language lang) {
    lxw_worksheet* ws = add_sheet(wb, i18n::trc(lang, "sheet name", "Ranking"));
    const std::vector<std::string> names = ranking_heads(lang);
    headers(wb, ws, 0, names, f.header);
    widths(wb, ws, names, {12, 6, 16, 36, 8, 30, 12, 8, 9, 11, 8, 8, 8, 8, 50});
    const std::string complete = i18n::trc(lang, "report cell", "complete"), incomplete = words::incomplete(lang);
    lxw_row_t row = 1;
    for (const UnitResult& u : e.units) {
        text(wb, ws, row, 0, rb.category_label(u.category));
        if (u.rank) wb.check(worksheet_write_number(ws, row, 1, *u.rank, nullptr));
        text(wb, ws, row, 2, u.id);
        text(wb, ws, row, 3, u.name);
        number(wb, ws, row, 4, u.total, f.total);
        if (u.complete) {
            // The coloured cell is what a person reads: the label; the id stays beside it for filters.
            text(wb, ws, row, 5, display::band(rb, u.band), f.bands[static_cast<std::size_t>(u.band)]);
            text(wb, ws, row, 6, rb.bands[static_cast<std::size_t>(u.band)].id);
        }
        if (u.rank_change) wb.check(worksheet_write_number(ws, row, 7, *u.rank_change, f.change));
        number(wb, ws, row, 8, u.total_change, f.total);
        text(wb, ws, row, 9, u.complete ? complete : incomplete);
        points(wb, ws, row, 10, u.points, f.number);
        points(wb, ws, row, 11, u.max, f.number);
        points(wb, ws, row, 12, u.deduct, f.number);
        points(wb, ws, row, 13, u.bonus, f.number);
        if (!u.complete) text(wb, ws, row, 14, display::reason(lang, u));
        ++row;
    }
    worksheet_freeze_panes(ws, 1, 0);
    wb.check(worksheet_autofilter(ws, 0, 0, row > 1 ? row - 1 : 0, 14));
}

void criteria_sheet(Workbook& wb, const Formats& f, const rules::Rulebook& rb, const Evaluation& e, Language lang) {
    lxw_worksheet* ws = add_sheet(wb, i18n::trc(lang, "sheet name", "Criteria"));
    // Two header rows: the criterion ids, then their maximums; unit columns stay frozen too.
    auto h = [lang](const i18n::Message& m) { return i18n::tr(lang, m); };
    std::vector<std::string> names = {h(words::kUnit), h(words::kName), i18n::trc(lang, "report column", "category"),
                                      h(words::kTotal)};
    std::vector<const rules::Criterion*> criteria;
    for (const rules::Group& g : rb.groups) {
        for (const rules::Criterion& c : g.criteria) {
            names.push_back(c.id);
            criteria.push_back(&c);
        }
    }
    headers(wb, ws, 0, names, f.header);
    text(wb, ws, 1, 0, h(words::kMax), f.header);
    for (lxw_col_t c = 1; c < 4; ++c) text(wb, ws, 1, c, "", f.header);
    for (std::size_t i = 0; i < criteria.size(); ++i) {
        wb.check(worksheet_write_number(ws, 1, static_cast<lxw_col_t>(4 + i), criteria[i]->max.round(2).to_double(),
                                        f.header));
    }
    widths(wb, ws, {names.begin(), names.begin() + 3}, {16, 32, 12});
    wb.check(
        worksheet_set_column(ws, 3, 3, std::max(8.0, static_cast<double>(core::display_width(names[3])) + 2), f.total));
    if (!criteria.empty()) {
        wb.check(worksheet_set_column(ws, 4, static_cast<lxw_col_t>(3 + criteria.size()), 12, nullptr));
    }
    const std::string exempt = i18n::trc(lang, "report cell", "exempt"),
                      error = i18n::trc(lang, "report cell", "error");
    lxw_row_t row = 2;
    for (const UnitResult& u : e.units) {
        text(wb, ws, row, 0, u.id);
        text(wb, ws, row, 1, u.name);
        text(wb, ws, row, 2, rb.category_label(u.category));
        number(wb, ws, row, 3, u.total, f.total);
        for (std::size_t i = 0; i < criteria.size() && i < u.criteria.size(); ++i) {
            const CriterionResult& c = u.criteria[i];
            auto col = static_cast<lxw_col_t>(4 + i);
            switch (c.status) {
                case CriterionStatus::Scored: points(wb, ws, row, col, c.points, f.number); break;
                case CriterionStatus::Missing: points(wb, ws, row, col, c.points, f.missing); break;
                case CriterionStatus::Exempt: text(wb, ws, row, col, exempt, f.exempt); break;
                case CriterionStatus::Error: text(wb, ws, row, col, error, f.error); break;
            }
        }
        ++row;
    }
    worksheet_freeze_panes(ws, 2, 4);
}

// One row per indicator and figures, categories by their labels. A share (a ratio, or the mean
// of a percent indicator) is a number cell shown as a percentage; a percent indicator's sum is
// left out, since it would read as a sum of rates.
std::vector<std::string> indicator_heads(Language lang) {
    return {i18n::trc(lang, "report column", "indicator"),  i18n::trc(lang, "report column", "title"),
            i18n::trc(lang, "report column", "type"),       i18n::trc(lang, "report column", "category"),
            i18n::trc(lang, "report column", "holds"),      i18n::trc(lang, "report column", "sum"),
            i18n::trc(lang, "report column", "mean"),       i18n::trc(lang, "report column", "ratio"),
            i18n::trc(lang, "report column", "of sum"),     i18n::trc(lang, "report column", "over sum"),
            i18n::trc(lang, "report column", "with value"), i18n::trc(lang, "report column", "no value")};
}

void indicators_sheet(Workbook& wb, const Formats& f, const Summary& s, Language lang) {
    lxw_worksheet* ws = add_sheet(wb, i18n::trc(lang, "sheet name", "Indicators"));
    const std::vector<std::string> names = indicator_heads(lang);
    headers(wb, ws, 0, names, f.header);
    widths(wb, ws, names, {18, 48, 8, 24, 8, 10, 12, 10, 10, 10, 10, 10});
    const std::string overall = i18n::trc(lang, "report column", "overall");
    lxw_row_t row = 1;
    auto line = [&](const IndicatorSummary& ind, const IndicatorFigures& fig, const std::string& category) {
        text(wb, ws, row, 0, ind.id);
        text(wb, ws, row, 1, ind.title);
        text(wb, ws, row, 2, ind.percent ? "percent" : indicator_type_name(ind.type));
        text(wb, ws, row, 3, category);
        if (ind.type == IndicatorType::Bool) {
            wb.check(worksheet_write_number(ws, row, 4, static_cast<double>(fig.holds), nullptr));
        } else if (ind.type == IndicatorType::Ratio) {
            number(wb, ws, row, 7, fig.ratio, f.share);
            number(wb, ws, row, 8, fig.of_sum, f.number);
            number(wb, ws, row, 9, fig.over_sum, f.number);
        } else {
            if (!ind.percent) number(wb, ws, row, 5, fig.sum, f.number);
            number(wb, ws, row, 6, fig.mean, ind.percent ? f.share : f.number);
        }
        wb.check(worksheet_write_number(ws, row, 10, static_cast<double>(fig.with_value), nullptr));
        wb.check(worksheet_write_number(ws, row, 11, static_cast<double>(fig.no_value), nullptr));
        ++row;
    };
    for (const IndicatorSummary& ind : s.indicators) {
        for (const IndicatorFigures& fig : ind.categories) line(ind, fig, fig.label);
        line(ind, ind.overall, overall);
    }
    worksheet_freeze_panes(ws, 1, 0);
}

/// The document properties both workbooks carry, with a creation time of 1 January of `year`.
void set_properties(Workbook& wb, const rules::Rulebook& rb, int year, Basis basis, std::string comments,
                    Language lang) {
    std::string title = csv_text_cell(rb.title.empty() ? rb.id : rb.title);
    std::string subject = csv_text_cell(rb.id + " " + rb.version + ", " + std::to_string(year) + ", " +
                                        i18n::tr(lang, "basis {basis}", {{"basis", words::basis(lang, basis)}}));
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.subject = subject.data();
    properties.comments = comments.data();
    properties.created = start_of_year(year);
    wb.check(workbook_set_properties(wb.get(), &properties));
}

}  // namespace

void write_xlsx(const rules::Rulebook& rb, const Evaluation& e, const Summary* summary,
                const std::filesystem::path& path, Language lang) {
    Workbook wb(path);
    set_properties(wb, rb, e.year, e.basis,
                   i18n::tr(lang, "rulebook sha256 {rulebook}; evidence sha256 {evidence}",
                            {{"rulebook", e.rulebook_sha256}, {"evidence", e.evidence_sha256}}),
                   lang);

    Formats formats = make_formats(wb, rb);
    ranking_sheet(wb, formats, rb, e, lang);
    criteria_sheet(wb, formats, rb, e, lang);
    if (summary) indicators_sheet(wb, formats, *summary, lang);
    wb.close();
}

void write_summary_xlsx(const rules::Rulebook& rb, const Summary& summary, const std::filesystem::path& path,
                        Language lang) {
    Workbook wb(path);
    set_properties(wb, rb, summary.year, summary.basis,
                   i18n::tr(lang, "rulebook sha256 {rulebook}", {{"rulebook", summary.rulebook_sha256}}), lang);
    Formats formats = make_formats(wb, rb);
    indicators_sheet(wb, formats, summary, lang);
    wb.close();
}

}  // namespace parscore::engine
