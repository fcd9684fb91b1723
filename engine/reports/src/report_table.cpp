// The terminal tables of `score` and `rank`.
#include "parscore/core/text_table.hpp"
#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/display.hpp"
#include "parscore/reports/report.hpp"
#include "report_words.hpp"

namespace parscore::engine {

namespace {

using core::TextTable;
using Align = TextTable::Align;
using i18n::Language;

TextTable make_table(Language lang, bool ranking) {
    auto h = [lang](const i18n::Message& m) { return i18n::tr(lang, m); };
    if (ranking) {
        return TextTable({h(words::kRank), h(words::kUnit), h(words::kName), h(words::kTotal), h(words::kBand),
                          h(words::kChange)},
                         {Align::Right, Align::Left, Align::Left, Align::Right, Align::Left, Align::Right});
    }
    return TextTable({h(words::kUnit), h(words::kName), h(words::kPoints), h(words::kMax), h(words::kTotal),
                      h(words::kBand), h(words::kRank)},
                     {Align::Left, Align::Left, Align::Right, Align::Right, Align::Right, Align::Left, Align::Right});
}

std::string signed_change(const std::optional<int>& c) {
    if (!c) return "";
    return *c > 0 ? "+" + std::to_string(*c) : std::to_string(*c);
}

std::string band_name(const rules::Rulebook& rb, const UnitResult& u, Language lang) {
    if (!u.complete) return words::incomplete(lang);
    return display::band(rb, u.band);
}

}  // namespace

std::string render_table(const rules::Rulebook& rb, const Evaluation& e, bool ranking, Language lang) {
    auto number = [lang](const std::string& plain) { return i18n::localize_number(lang, plain); };
    std::string out;
    std::vector<const UnitResult*> incomplete;
    std::size_t i = 0;
    while (i < e.units.size()) {
        const std::string& category = e.units[i].category;
        std::size_t count = 0;
        TextTable table = make_table(lang, ranking);
        for (; i < e.units.size() && e.units[i].category == category; ++i, ++count) {
            const UnitResult& u = e.units[i];
            if (!u.complete) incomplete.push_back(&u);
            std::string rank = u.rank ? std::to_string(*u.rank) : "-";
            if (ranking) {
                table.add_row({rank, u.id, u.name, number(display::total(u.total, "-")), band_name(rb, u, lang),
                               signed_change(u.rank_change)});
            } else {
                table.add_row({u.id, u.name, number(display::points(u.points, "-")), number(display::points(u.max)),
                               number(display::total(u.total, "-")), band_name(rb, u, lang), rank});
            }
        }
        if (!out.empty()) out += "\n";
        out += rb.category_label(category) + " (" + i18n::trn(lang, "{n} unit", "{n} units", count) + ")\n";
        out += table.render();
    }
    if (e.units.empty()) out += i18n::tr(lang, "no units") + "\n";
    for (const UnitResult* u : incomplete) {
        out += i18n::tr(lang, "incomplete: {unit}: {reason}",
                        {{"unit", u->id}, {"reason", display::reason(lang, *u)}}) +
               "\n";
    }
    return out;
}

}  // namespace parscore::engine
