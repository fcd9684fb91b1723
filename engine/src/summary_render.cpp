// summary --format json|table (SPEC §7).
#include "json_writer.hpp"
#include "parscore/engine/summary.hpp"

namespace parscore::engine {

namespace {

bool is_bool(const IndicatorSummary& s) { return s.type == IndicatorType::Bool; }

void figures_json(JsonWriter& w, const IndicatorSummary& s, const IndicatorFigures& f, bool with_category) {
    w.begin_object();
    if (with_category) w.field("category", f.category);
    if (is_bool(s)) {
        w.field("holds", static_cast<std::int64_t>(f.holds));
    } else {
        if (f.sum) w.field("sum", *f.sum); else w.null_field("sum");
        if (f.mean) w.field("mean", *f.mean); else w.null_field("mean");
    }
    w.field("with_value", static_cast<std::int64_t>(f.with_value));
    w.field("no_value", static_cast<std::int64_t>(f.no_value));
    w.end_object();
}

// The headline figure ("8/19", "241") and the remarks that qualify it ("mean 12.684 of 19",
// "2 without a value"). The table rounds means to 3 decimals for reading; JSON keeps all 9.
std::string headline(const IndicatorSummary& s, const IndicatorFigures& f) {
    if (is_bool(s)) return std::to_string(f.holds) + "/" + std::to_string(f.with_value);
    return f.sum ? f.sum->to_string() : "out of range";
}

std::string remarks(const IndicatorSummary& s, const IndicatorFigures& f) {
    std::string out;
    auto add = [&out](const std::string& part) {
        if (!out.empty()) out += ", ";
        out += part;
    };
    if (!is_bool(s)) {
        if (f.mean) {
            add("mean " + f.mean->round(3).to_string() + " of " + std::to_string(f.with_value));
        } else if (f.with_value == 0) {
            add("no value");
        }
    }
    if (f.no_value > 0) add(std::to_string(f.no_value) + " without a value");
    return out;
}

}  // namespace

std::string indicator_figures_text(const IndicatorSummary& indicator, const IndicatorFigures& figures) {
    std::string r = remarks(indicator, figures);
    return headline(indicator, figures) + (r.empty() ? "" : " (" + r + ")");
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

std::string render_summary_table(const Summary& summary) {
    std::string out;
    for (const IndicatorSummary& s : summary.indicators) {
        out += s.title + ":";
        const char* separator = " ";
        for (const IndicatorFigures& f : s.categories) {
            out += separator + headline(s, f) + " " + f.category;
            std::string r = remarks(s, f);
            if (!r.empty()) out += " (" + r + ")";
            separator = ", ";
        }
        std::string r = remarks(s, s.overall);
        out += " (" + headline(s, s.overall) + " overall" + (r.empty() ? "" : ", " + r) + ")\n";
    }
    if (summary.indicators.empty()) out += "the rulebook defines no indicators\n";
    return out;
}

}  // namespace parscore::engine
