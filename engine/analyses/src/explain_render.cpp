// Text and JSON forms of an explanation.
#include <cassert>
#include "parscore/analyses/explain.hpp"
#include "parscore/analyses/explain_words.hpp"
#include "parscore/core/date.hpp"
#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/display.hpp"
#include "parscore/output/json_writer.hpp"
#include "parscore/output/terms.hpp"

namespace parscore::engine {

namespace {

using i18n::Language;

// Points and totals as display.hpp rounds them, written for the language.
std::string points(Language lang, const Decimal& d) { return i18n::localize_number(lang, display::points(d)); }

}  // namespace

namespace explain_words {

std::string record_line(Language lang, const ExplainedRecord& r) {
    std::string s = r.kind;
    for (const auto& [name, value] : r.fields) s += " " + name + "=" + value;
    if (!r.inspection.empty()) {
        const std::optional<core::Date> date = core::parse_date(r.date);
        s += "  [" + terms::inspection_kind(lang, r.inspection_kind) + " " + r.inspection + ", " +
             (date ? i18n::format_date(lang, *date) : r.date) + "]";
    }
    return s;
}

std::string section_heading(Language lang, const std::string& what) {
    if (what == "criterion") return i18n::trc(lang, "explain section", "criteria");
    if (what == "deduction") return i18n::trc(lang, "explain section", "deductions");
    if (what == "bonus") return i18n::trc(lang, "explain section", "bonuses");
    if (what == "band cap") return i18n::trc(lang, "explain section", "band caps");
    return what + "s";
}

// An item's status or its points when it has none: "scored", "exempt", "held", "not held", …
std::string status_word(Language lang, const std::string& status) {
    static const std::pair<const char*, CriterionStatus> kCriterion[] = {{"scored", CriterionStatus::Scored},
                                                                         {"missing", CriterionStatus::Missing},
                                                                         {"exempt", CriterionStatus::Exempt},
                                                                         {"error", CriterionStatus::Error}};
    for (const auto& [name, s] : kCriterion) {
        if (status == name) return terms::status(lang, s);
    }
    if (status == "held") return i18n::trc(lang, "band cap", "held");
    if (status == "not held") return i18n::trc(lang, "band cap", "not held");
    if (status == "held, applied") return i18n::trc(lang, "band cap", "held, applied");
    return status;
}

namespace {

// A title defaults to the item's own id (the part after the group for criteria).
std::string local_id(const std::string& id) {
    auto dot = id.find('.');
    return dot == std::string::npos ? id : id.substr(dot + 1);
}

// Item points and maxima are exact decimal text (as JSON gives them); shown rounded. A status in
// their place ("exempt") reads as the word.
std::string shown_points(Language lang, const std::string& text) {
    auto d = Decimal::parse(text);
    return d ? points(lang, *d) : status_word(lang, text);
}

}  // namespace

std::string records_heading(Language lang, const ExplainedRecords& r) {
    const i18n::Args args = {{"expression", r.expression}, {"n", std::to_string(r.hidden)}};
    using Shown = ExplainedRecords::Shown;
    if (r.hidden == 0) {
        switch (r.shown) {
            case Shown::Failed: return i18n::tr(lang, "records of {expression} that failed the condition:", args);
            case Shown::Matched: return i18n::tr(lang, "records of {expression} that matched:", args);
            case Shown::Counted: return i18n::tr(lang, "records of {expression} that counted:", args);
        }
    }
    switch (r.shown) {
        case Shown::Failed:
            return i18n::tr(lang, "records of {expression} that failed the condition ({n} more not shown):", args);
        case Shown::Matched: return i18n::tr(lang, "records of {expression} that matched ({n} more not shown):", args);
        case Shown::Counted: break;
    }
    return i18n::tr(lang, "records of {expression} that counted ({n} more not shown):", args);
}

std::string steps_arm(Language lang, const std::string& arm) {
    if (arm == "none (the value is missing)") return i18n::tr(lang, "none (the value is missing)");
    return arm;
}

// The line under an item's title: its points, maximum or cap, and status.
std::string item_line(const rules::Rulebook& rb, Language lang, const ExplainedItem& item) {
    if (item.what == "criterion") {
        return i18n::tr(lang, "{points} of {max} ({status})",
                        {{"points", shown_points(lang, item.points)},
                         {"max", shown_points(lang, item.max)},
                         {"status", status_word(lang, item.status)}});
    }
    if (item.what == "band cap") {
        return i18n::tr(lang, "{status} (at most {band})",
                        {{"status", status_word(lang, item.status)}, {"band", display::band(rb, item.max)}});
    }
    std::string line = shown_points(lang, item.points);
    if (!item.max.empty()) line += " " + i18n::tr(lang, "(cap {cap})", {{"cap", shown_points(lang, item.max)}});
    if (!item.status.empty()) line += " (" + status_word(lang, item.status) + ")";
    return line;
}

}  // namespace explain_words

namespace {

using namespace explain_words;

std::string item_text(const rules::Rulebook& rb, Language lang, const ExplainedItem& item) {
    std::string out = "  " + item.id + (item.title == local_id(item.id) ? "" : "  " + item.title) + "\n    ";
    out += item_line(rb, lang, item) + "\n";
    for (const auto& v : item.values) out += "    " + v.expression + " = " + v.value + "\n";
    for (const auto& s : item.steps) {
        out += "    " +
               i18n::tr(lang, "steps on {subject} = {value}: {arm}",
                        {{"subject", s.subject}, {"value", s.value}, {"arm", steps_arm(lang, s.arm)}}) +
               "\n";
    }
    for (const auto& r : item.records) {
        out += "    " + records_heading(lang, r) + "\n";
        for (const auto& rec : r.records) out += "      " + record_line(lang, rec) + "\n";
    }
    for (const auto& w : item.warnings) {
        out += "    " +
               i18n::tr(lang, "warning[{code}]: {message}",
                        {{"code", w.code}, {"message", display::message(lang, w)}}) +
               "\n";
    }
    return out;
}

// The sum of a complete unit's criteria points, taken in range when it was scored (scorer.cpp).
Decimal criteria_sum(const UnitResult& u) {
    Decimal criteria;
    for (const CriterionResult& c : u.criteria) {
        if (c.points) {
            const std::optional<Decimal> sum = Decimal::add(criteria, *c.points);
            assert(sum);
            criteria = *sum;
        }
    }
    return criteria;
}

// The lines on a unit's total, band and rank, or why it has none.
std::string result_text(const rules::Rulebook& rb, Language lang, const Explanation& e) {
    auto band = [&rb](const std::string& id) { return display::band(rb, id); };
    const UnitResult& u = e.result;
    if (!u.complete) return i18n::tr(lang, "incomplete: {reason}", {{"reason", display::reason(lang, u)}}) + "\n";
    const i18n::Args args = {{"total", i18n::localize_number(lang, display::total(*u.total))},
                             {"points", points(lang, *u.points)},
                             {"max", points(lang, u.max)},
                             {"criteria", points(lang, criteria_sum(u))},
                             {"bonus", points(lang, u.bonus)},
                             {"deduct", points(lang, u.deduct)},
                             {"band", band(e.band)},
                             {"rank", u.rank ? std::to_string(*u.rank) : ""},
                             {"ranked", std::to_string(e.ranked_in_category)}};
    std::string out = u.rank ? i18n::tr(lang,
                                        "total {total} ({points} of {max} points: criteria {criteria}, bonus {bonus}, "
                                        "deductions {deduct}), band {band}, rank {rank} of {ranked}",
                                        args)
                             : i18n::tr(lang,
                                        "total {total} ({points} of {max} points: criteria {criteria}, bonus {bonus}, "
                                        "deductions {deduct}), band {band}",
                                        args);
    out += "\n";
    if (e.band_after_caps != e.band_from_total) {
        out += i18n::tr(lang, "band from the total: {from}, lowered by band caps to {to}",
                        {{"from", band(e.band_from_total)}, {"to", band(e.band_after_caps)}}) +
               "\n";
    }
    if (e.band != e.band_after_caps) {
        out += i18n::tr(lang, "quota: {band} is full, moved to {to}",
                        {{"band", band(e.band_after_caps)}, {"to", band(e.band)}}) +
               "\n";
    }
    return out;
}

}  // namespace

std::string render_explanation(const rules::Rulebook& rb, const Explanation& e, Language lang) {
    const UnitResult& u = e.result;
    std::string out = i18n::tr(lang,
                               "{name} ({unit}) — {category}, {year}, basis {basis}, rulebook {rulebook} {version}",
                               {{"name", u.name},
                                {"unit", u.id},
                                {"category", e.category_label},
                                {"year", std::to_string(e.year)},
                                {"basis", terms::basis(lang, e.basis)},
                                {"rulebook", e.rulebook_id},
                                {"version", e.rulebook_version}}) +
                      "\n";
    out += result_text(rb, lang, e);
    std::string section;
    for (const ExplainedItem& item : e.items) {
        if (item.what != section) {
            section = item.what;
            out += "\n" + section_heading(lang, section) + "\n";
        }
        out += item_text(rb, lang, item);
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
