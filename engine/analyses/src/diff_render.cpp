// diff --format json|table.
#include "parscore/analyses/diff.hpp"
#include "parscore/core/text_table.hpp"
#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/display.hpp"
#include "parscore/output/json_writer.hpp"
#include "parscore/output/terms.hpp"

namespace parscore::engine {

namespace {

void optional_decimal(JsonWriter& w, std::string_view key, const std::optional<Decimal>& d) {
    if (d) w.field(key, *d);
    else w.null_field(key);
}

void rulebook_ref(JsonWriter& w, std::string_view key, const RulebookRef& r) {
    w.key(key).begin_object().field("id", r.id).field("version", r.version).field("sha256", r.sha256).end_object();
}

void state_json(JsonWriter& w, std::string_view key, const UnitState& s) {
    w.key(key).begin_object();
    w.field("status", s.status());
    optional_decimal(w, "points", s.points);
    if (s.covered) w.field("max", s.max);
    else w.null_field("max");
    optional_decimal(w, "total", s.total);
    if (s.complete) w.field("band", s.band);
    else w.null_field("band");
    if (s.rank) w.field("rank", *s.rank);
    else w.null_field("rank");
    if (s.covered) {
        w.field("deduct", s.deduct).field("bonus", s.bonus);
    } else {
        w.null_field("deduct").null_field("bonus");
    }
    w.end_object();
}

void string_list(JsonWriter& w, std::string_view key, const std::vector<std::string>& list) {
    w.key(key).begin_array();
    for (const std::string& s : list) w.value(s);
    w.end_array();
}

std::string arrow(const std::string& a, const std::string& b) { return a == b ? a : a + " → " + b; }

using i18n::Language;

using terms::kBand;
using terms::kName;
using terms::kPoints;
using terms::kRank;
using terms::kTotal;
using terms::kUnit;

std::string number(Language lang, const std::string& plain) { return i18n::localize_number(lang, plain); }

std::string points_text(Language lang, const std::optional<Decimal>& p, const std::optional<CriterionStatus>& s) {
    if (!s) return "-";
    if (!p) return terms::status(lang, *s);
    const std::string shown = number(lang, display::points(*p));
    return *s == CriterionStatus::Missing ? shown + " (" + terms::status(lang, *s) + ")" : shown;
}

// What is not a band: a unit the rulebook leaves incomplete or does not cover.
std::string state_word(Language lang, std::string_view status) {
    if (status == "incomplete") return i18n::trc(lang, "table cell", "incomplete");
    if (status == "not_covered") return i18n::trc(lang, "diff", "not covered");
    return std::string(status);
}

// A band as a person reads it, by the label of the rulebook the state comes from.
std::string band_text(Language lang, const rules::Rulebook& rb, const UnitState& s) {
    return s.complete ? display::band(rb, s.band) : state_word(lang, s.status());
}

std::string moved_band(Language lang, const rules::Rulebook& rb, const std::string& id) {
    return rb.band(id) ? display::band(rb, id) : state_word(lang, id);
}

std::string rank_text(const UnitState& s) { return s.rank ? std::to_string(*s.rank) : "-"; }

std::string presence_text(Language lang, CriterionChange::Presence p) {
    return p == CriterionChange::Presence::Added ? i18n::trc(lang, "criterion change", "added")
                                                 : i18n::trc(lang, "criterion change", "removed");
}

// "tthc.niem_yet 2 → 4, deductions 1 → 0": what changed a unit's points.
std::string drivers_line(Language lang, const UnitChange& u) {
    std::string line;
    auto add = [&line](const std::string& part) { line += (line.empty() ? "" : ", ") + part; };
    for (const CriterionChange& c : u.criteria) {
        std::string part = c.id + " " + points_text(lang, c.before, c.before_status) + " → " +
                           points_text(lang, c.after, c.after_status);
        if (c.presence != CriterionChange::Presence::Both) part += " (" + presence_text(lang, c.presence) + ")";
        add(part);
    }
    const bool both = u.before.covered && u.after.covered;
    if (both && u.before.deduct != u.after.deduct) {
        add(i18n::tr(lang, "deductions {before} → {after}",
                     {{"before", number(lang, display::points(u.before.deduct))},
                      {"after", number(lang, display::points(u.after.deduct))}}));
    }
    if (both && u.before.bonus != u.after.bonus) {
        add(i18n::tr(lang, "bonuses {before} → {after}",
                     {{"before", number(lang, display::points(u.before.bonus))},
                      {"after", number(lang, display::points(u.after.bonus))}}));
    }
    return line;
}

std::string id_list(const std::vector<std::string>& ids) {
    std::string s;
    for (const std::string& id : ids) s += (s.empty() ? "" : ", ") + id;
    return s;
}

std::string diff_heading(Language lang, const RulebookDiff& d) {
    std::string out = i18n::tr(lang, "{before} {before_version} → {after} {after_version}, year {year}, basis {basis}",
                               {{"before", d.before.id},
                                {"before_version", d.before.version},
                                {"after", d.after.id},
                                {"after_version", d.after.version},
                                {"year", std::to_string(d.year)},
                                {"basis", terms::basis(lang, d.basis)}}) +
                      "\n";
    if (!d.added_criteria.empty())
        out += i18n::tr(lang, "criteria added: {ids}", {{"ids", id_list(d.added_criteria)}}) + "\n";
    if (!d.removed_criteria.empty())
        out += i18n::tr(lang, "criteria removed: {ids}", {{"ids", id_list(d.removed_criteria)}}) + "\n";
    out += i18n::trn(lang, "{changed} of {n} unit changes", "{changed} of {n} units change", d.units_compared,
                     {{"changed", i18n::format_integer(lang, static_cast<std::int64_t>(d.units.size()))},
                      {"n", i18n::format_integer(lang, static_cast<std::int64_t>(d.units_compared))}}) +
           "\n";
    return out;
}

}  // namespace

std::string render_diff_json(const RulebookDiff& d) {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    rulebook_ref(w, "before", d.before);
    rulebook_ref(w, "after", d.after);
    w.field("year", d.year).field("basis", basis_name(d.basis));
    write_warnings(w, d.warnings);
    w.key("criteria").begin_object();
    string_list(w, "added", d.added_criteria);
    string_list(w, "removed", d.removed_criteria);
    w.end_object();
    w.field("units_compared", static_cast<std::int64_t>(d.units_compared));
    w.key("units").begin_array();
    for (const UnitChange& u : d.units) {
        w.begin_object().field("unit", u.unit).field("name", u.name).field("category", u.category);
        state_json(w, "before", u.before);
        state_json(w, "after", u.after);
        w.key("criteria").begin_array();
        for (const CriterionChange& c : u.criteria) {
            w.begin_object().field("id", c.id).field("change", presence_name(c.presence));
            optional_decimal(w, "before", c.before);
            optional_decimal(w, "after", c.after);
            if (c.before_status) w.field("before_status", status_name(*c.before_status));
            else w.null_field("before_status");
            if (c.after_status) w.field("after_status", status_name(*c.after_status));
            else w.null_field("after_status");
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.key("band_moves").begin_array();
    for (const BandMove& m : d.band_moves) {
        w.begin_object()
            .field("from", m.from)
            .field("to", m.to)
            .field("units", static_cast<std::int64_t>(m.units))
            .end_object();
    }
    w.end_array();
    w.end_object();
    out += '\n';
    return out;
}

std::string render_diff_table(const rules::Rulebook& before, const rules::Rulebook& after, const RulebookDiff& d,
                              Language lang) {
    using core::TextTable;
    using Align = TextTable::Align;
    auto h = [lang](const i18n::Message& m) { return i18n::tr(lang, m); };
    auto total = [lang](const std::optional<Decimal>& t) { return number(lang, display::total(t, "-")); };
    auto points = [lang](const std::optional<Decimal>& p) { return number(lang, display::points(p, "-")); };
    std::string out = diff_heading(lang, d);
    std::size_t i = 0;
    while (i < d.units.size()) {
        const std::string& category = d.units[i].category;
        TextTable table({h(kUnit), h(kName), h(kPoints), h(kTotal), h(kBand), h(kRank)},
                        {Align::Left, Align::Left, Align::Right, Align::Right, Align::Left, Align::Right});
        std::string drivers;
        for (; i < d.units.size() && d.units[i].category == category; ++i) {
            const UnitChange& u = d.units[i];
            table.add_row({u.unit, u.name, arrow(points(u.before.points), points(u.after.points)),
                           arrow(total(u.before.total), total(u.after.total)),
                           arrow(band_text(lang, before, u.before), band_text(lang, after, u.after)),
                           arrow(rank_text(u.before), rank_text(u.after))});
            const std::string line = drivers_line(lang, u);
            if (!line.empty()) drivers += "  " + u.unit + ": " + line + "\n";
        }
        auto label = d.category_labels.find(category);
        out += "\n" + (label == d.category_labels.end() ? category : label->second) + "\n" + table.render();
        if (!drivers.empty()) out += i18n::tr(lang, "criteria behind the changes:") + "\n" + drivers;
    }
    out += "\n" + (d.band_moves.empty() ? i18n::tr(lang, "band moves: none") : i18n::tr(lang, "band moves:")) + "\n";
    for (const BandMove& m : d.band_moves) {
        out += "  " + moved_band(lang, before, m.from) + " → " + moved_band(lang, after, m.to) + ": " +
               i18n::format_integer(lang, static_cast<std::int64_t>(m.units)) + "\n";
    }
    return out;
}

}  // namespace parscore::engine
