// Text and JSON forms of an explanation.
#include <cassert>
#include "parscore/analyses/explain.hpp"
#include "parscore/output/display.hpp"
#include "parscore/output/json_writer.hpp"

namespace parscore::engine {

namespace {

std::string record_line(const ExplainedRecord& r) {
    std::string s = r.kind;
    for (const auto& [name, value] : r.fields) s += " " + name + "=" + value;
    if (!r.inspection.empty()) s += "  [" + r.inspection_kind + " inspection " + r.inspection + ", " + r.date + "]";
    return s;
}

std::string plural(const std::string& what) {
    if (what == "criterion") return "criteria";
    if (what == "bonus") return "bonuses";
    return what + "s";
}

// A title defaults to the item's own id (the part after the group for criteria).
std::string local_id(const std::string& id) {
    auto dot = id.find('.');
    return dot == std::string::npos ? id : id.substr(dot + 1);
}

// Item points and maxima are exact decimal text (as JSON gives them); shown rounded.
std::string shown_points(const std::string& text) {
    auto d = Decimal::parse(text);
    return d ? display::points(*d) : text;
}

}  // namespace

std::string render_explanation(const rules::Rulebook& rb, const Explanation& e) {
    auto band = [&rb](const std::string& id) { return display::band(rb, id); };
    const UnitResult& u = e.result;
    std::string out = u.name + " (" + u.id + ") — " + e.category_label + ", " + std::to_string(e.year) + ", basis " +
                      basis_name(e.basis) + ", rulebook " + e.rulebook_id + " " + e.rulebook_version + "\n";
    if (u.complete) {
        Decimal criteria;
        for (const CriterionResult& c : u.criteria) {
            // A complete unit's criteria sum was taken in range when it was scored (scorer.cpp).
            if (c.points) {
                const std::optional<Decimal> sum = Decimal::add(criteria, *c.points);
                assert(sum);
                criteria = *sum;
            }
        }
        out += "total " + display::total(*u.total) + " (" + display::points(*u.points) + " of " +
               display::points(u.max) + " points: criteria " + display::points(criteria) + ", bonus " +
               display::points(u.bonus) + ", deductions " + display::points(u.deduct) + "), band " + band(e.band);
        if (u.rank) out += ", rank " + std::to_string(*u.rank) + " of " + std::to_string(e.ranked_in_category);
        out += "\n";
        if (e.band_after_caps != e.band_from_total) {
            out += "band from the total: " + band(e.band_from_total) + ", lowered by band caps to " +
                   band(e.band_after_caps) + "\n";
        }
        if (e.band != e.band_after_caps)
            out += "quota: " + band(e.band_after_caps) + " is full, moved to " + band(e.band) + "\n";
    } else {
        out += "incomplete: " + u.reason + "\n";
    }
    std::string section;
    for (const ExplainedItem& item : e.items) {
        if (item.what != section) {
            section = item.what;
            out += "\n" + plural(section) + "\n";
        }
        out += "  " + item.id + (item.title == local_id(item.id) ? "" : "  " + item.title) + "\n    ";
        if (item.what == "criterion") {
            out += shown_points(item.points) + " of " + shown_points(item.max) + " (" + item.status + ")\n";
        } else if (item.what == "band cap") {
            out += item.status + " (at most " + band(item.max) + ")\n";
        } else {
            out += shown_points(item.points) + (item.max.empty() ? "" : " (cap " + shown_points(item.max) + ")") +
                   (item.status.empty() ? "" : " (" + item.status + ")") + "\n";
        }
        for (const auto& v : item.values) out += "    " + v.expression + " = " + v.value + "\n";
        for (const auto& s : item.steps) out += "    steps on " + s.subject + " = " + s.value + ": " + s.arm + "\n";
        for (const auto& r : item.records) {
            out += "    records of " + r.expression + " that " + r.meaning + ":\n";
            for (const auto& rec : r.records) out += "      " + record_line(rec) + "\n";
        }
        for (const auto& w : item.warnings) out += "    warning[" + w.code + "]: " + w.message + "\n";
    }
    return out;
}

std::string render_explanation_json(const Explanation& e) {
    std::string out;
    JsonWriter w(out);
    const UnitResult& u = e.result;
    auto opt = [&](std::string_view key, const std::optional<Decimal>& d) {
        if (d) w.field(key, *d);
        else w.null_field(key);
    };
    w.begin_object();
    w.key("rulebook").begin_object().field("id", e.rulebook_id).field("version", e.rulebook_version).end_object();
    w.field("year", e.year).field("basis", basis_name(e.basis));
    w.field("unit", u.id).field("name", u.name).field("category", u.category);
    w.field("status", u.complete ? "complete" : "incomplete");
    opt("points", u.points);
    w.field("max", u.max);
    opt("total", u.total);
    if (u.complete)
        w.field("band", e.band).field("band_from_total", e.band_from_total).field("band_after_caps", e.band_after_caps);
    else w.null_field("band");
    if (u.rank) w.field("rank", *u.rank);
    else w.null_field("rank");
    w.field("deduct", u.deduct).field("bonus", u.bonus);
    if (u.complete) w.null_field("reason");
    else w.field("reason", u.reason);
    write_warnings(w, e.warnings);
    w.key("items").begin_array();
    for (const ExplainedItem& item : e.items) {
        w.begin_object().field("kind", item.what).field("id", item.id).field("title", item.title);
        w.field("points", item.points).field("max", item.max).field("status", item.status);
        w.key("values").begin_array();
        for (const auto& v : item.values)
            w.begin_object().field("expression", v.expression).field("value", v.value).end_object();
        w.end_array();
        w.key("steps").begin_array();
        for (const auto& s : item.steps) {
            w.begin_object().field("subject", s.subject).field("value", s.value).field("arm", s.arm).end_object();
        }
        w.end_array();
        w.key("records").begin_array();
        for (const auto& r : item.records) {
            w.begin_object().field("expression", r.expression).field("meaning", r.meaning).key("records").begin_array();
            for (const auto& rec : r.records) {
                w.begin_object().field("kind", rec.kind).key("fields").begin_object();
                for (const auto& [name, value] : rec.fields) w.field(name, value);
                w.end_object()
                    .field("inspection", rec.inspection)
                    .field("date", rec.date)
                    .field("inspection_kind", rec.inspection_kind)
                    .end_object();
            }
            w.end_array().end_object();
        }
        w.end_array();
        w.key("warnings").begin_array();
        for (const auto& x : item.warnings)
            w.begin_object().field("code", x.code).field("id", x.id).field("message", x.message).end_object();
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return out + "\n";
}

}  // namespace parscore::engine
