// diff --format json|table.
#include "parscore/analyses/diff.hpp"
#include "parscore/core/text_table.hpp"
#include "parscore/output/display.hpp"
#include "parscore/output/json_writer.hpp"

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

std::string points_text(const std::optional<Decimal>& p, const std::optional<CriterionStatus>& s) {
    if (!s) return "-";
    if (p) return *s == CriterionStatus::Missing ? display::points(*p) + " (missing)" : display::points(*p);
    return status_name(*s);
}

// A band as a person reads it, by the label of the rulebook the state comes from.
std::string band_text(const rules::Rulebook& rb, const UnitState& s) {
    return s.complete ? display::band(rb, s.band) : s.status();
}

std::string rank_text(const UnitState& s) { return s.rank ? std::to_string(*s.rank) : "-"; }

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

std::string render_diff_table(const rules::Rulebook& before, const rules::Rulebook& after, const RulebookDiff& d) {
    using core::TextTable;
    using Align = TextTable::Align;
    std::string out = d.before.id + " " + d.before.version + " → " + d.after.id + " " + d.after.version + ", year " +
                      std::to_string(d.year) + ", basis " + basis_name(d.basis) + "\n";
    auto list = [](const std::vector<std::string>& ids) {
        std::string s;
        for (const std::string& id : ids) s += (s.empty() ? "" : ", ") + id;
        return s;
    };
    if (!d.added_criteria.empty()) out += "criteria added: " + list(d.added_criteria) + "\n";
    if (!d.removed_criteria.empty()) out += "criteria removed: " + list(d.removed_criteria) + "\n";
    out += std::to_string(d.units.size()) + " of " + std::to_string(d.units_compared) +
           (d.units_compared == 1 ? " unit changes\n" : " units change\n");

    std::size_t i = 0;
    while (i < d.units.size()) {
        const std::string& category = d.units[i].category;
        TextTable table({"unit", "name", "points", "total", "band", "rank"},
                        {Align::Left, Align::Left, Align::Right, Align::Right, Align::Left, Align::Right});
        std::string drivers;
        for (; i < d.units.size() && d.units[i].category == category; ++i) {
            const UnitChange& u = d.units[i];
            table.add_row({u.unit, u.name,
                           arrow(display::points(u.before.points, "-"), display::points(u.after.points, "-")),
                           arrow(display::total(u.before.total, "-"), display::total(u.after.total, "-")),
                           arrow(band_text(before, u.before), band_text(after, u.after)),
                           arrow(rank_text(u.before), rank_text(u.after))});
            std::string line;
            for (const CriterionChange& c : u.criteria) {
                line += line.empty() ? "" : ", ";
                line += c.id + " " + points_text(c.before, c.before_status) + " → " +
                        points_text(c.after, c.after_status);
                if (c.presence != CriterionChange::Presence::Both)
                    line += std::string(" (") + presence_name(c.presence) + ")";
            }
            if (u.before.covered && u.after.covered && u.before.deduct != u.after.deduct) {
                line += (line.empty() ? "" : ", ") +
                        ("deductions " + display::points(u.before.deduct) + " → " + display::points(u.after.deduct));
            }
            if (u.before.covered && u.after.covered && u.before.bonus != u.after.bonus) {
                line += (line.empty() ? "" : ", ") +
                        ("bonuses " + display::points(u.before.bonus) + " → " + display::points(u.after.bonus));
            }
            if (!line.empty()) drivers += "  " + u.unit + ": " + line + "\n";
        }
        auto label = d.category_labels.find(category);
        out += "\n" + (label == d.category_labels.end() ? category : label->second) + "\n" + table.render();
        if (!drivers.empty()) out += "criteria behind the changes:\n" + drivers;
    }

    out += "\nband moves:";
    if (d.band_moves.empty()) out += " none";
    out += "\n";
    for (const BandMove& m : d.band_moves)
        out += "  " + display::band(before, m.from) + " → " + display::band(after, m.to) + ": " +
               std::to_string(m.units) + "\n";
    return out;
}

}  // namespace parscore::engine
