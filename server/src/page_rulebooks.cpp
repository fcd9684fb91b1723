// The rulebooks page (docs/web.md): the rulebooks adopted per year, and a draft pasted into a form
// — checked with each diagnostic shown at its line, compared with the year's adopted rulebook on
// the year's evidence (what-if), and adopted by the office.
#include <algorithm>
#include <charconv>
#include <map>

#include "pages.hpp"
#include "parscore/analyses/diff.hpp"
#include "parscore/app/adoption.hpp"
#include "parscore/app/analyses.hpp"
#include "parscore/app/rulebook_checks.hpp"
#include "parscore/core/render.hpp"
#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/display.hpp"

namespace parscore::server {

namespace {

using i18n::tr;

constexpr std::string_view kDraftName = "rulebook.yaml";

/// The draft's text, as a one-file rulebook, and its year.
struct Draft {
    std::string text;
    int year = 0;
};

Draft draft_of(const Call& call) {
    Draft d;
    d.text = field(call, "rulebook");
    const std::string year = field(call, "year");
    const auto [end, ec] = std::from_chars(year.data(), year.data() + year.size(), d.year);
    if (ec != std::errc() || end != year.data() + year.size() || d.year < 1 || d.year > 9999)
        throw ApiError{400, "bad_request", core::T_("the year must be a number such as 2024")};
    return d;
}

app::DraftRulebook files_of(const Draft& d) { return {{std::string(kDraftName), d.text}}; }

/// The draft's lines, each with the diagnostics that point at it (a diagnostic without a line
/// goes with the first).
web::List lines_with(const std::string& text, const core::Diagnostics& diags, const core::SourceSet& sources,
                     i18n::Language lang, std::size_t& errors) {
    std::map<std::uint32_t, web::List> at;
    for (const core::Diagnostic& d : diags) {
        const core::ResolvedPosition p = core::resolve(d, sources);
        web::Data item;
        item.set("where", tr(lang, "line {line}, column {column}",
                             {{"line", std::to_string(p.line)}, {"column", std::to_string(p.column)}}));
        item.set("code", d.code);
        item.set("message", d.text.empty() ? d.message : i18n::localize(lang, d.text));
        item.set("error", d.severity == core::Severity::Error);
        errors += d.severity == core::Severity::Error ? 1 : 0;
        at[std::max<std::uint32_t>(p.line, 1)].push_back(item);
    }
    web::List out;
    std::uint32_t number = 0;
    for (std::size_t begin = 0; begin <= text.size();) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string::npos) end = text.size();
        web::Data line;
        line.set("number", std::to_string(++number));
        line.set("text", text.substr(begin, end - begin));
        if (const auto it = at.find(number); it != at.end()) {
            line.set("diagnostics", it->second);
            line.set("flagged", true);
        }
        out.push_back(line);
        if (end == text.size()) break;
        begin = end + 1;
    }
    return out;
}

/// The page: the adopted rulebooks, the draft form, and `result` (a check, a comparison) below it.
HttpResponse rulebooks_page(const Call& call, int status, const Draft& draft, web::Data result) {
    const i18n::Language lang = call.caller.lang;
    web::List adopted;
    int latest = 0;
    for (const app::AdoptionListing& l : app::list_adoptions(call.operation<app::RulebooksRequest>())) {
        web::Data row;
        row.set("year", std::to_string(l.adoption.year));
        row.set("rulebook", l.adoption.rulebook_id + " " + l.adoption.rulebook_version);
        row.set("sha", l.adoption.rulebook_sha256.substr(0, 12));
        row.set("by", tr(lang, "{at} by {who}",
                         {{"at", time_text(lang, l.adoption.adopted_at)}, {"who", l.adoption.adopted_by}}));
        row.set("in_force", l.in_force);
        adopted.push_back(row);
        latest = std::max(latest, l.adoption.year);
    }
    web::Data data = std::move(result);
    data.set("adopted", adopted);
    data.set("year", std::to_string(draft.year ? draft.year : latest));
    data.set("draft", draft.text);
    data.set("can_adopt", may(call, app::Action::Administer));
    return page(call, status, "rulebooks", std::move(data), tr(lang, "Rulebooks"));
}

HttpResponse show(const Call& call) { return rulebooks_page(call, 200, Draft{}, {}); }

/// The check's or the loading's diagnostics, each at its line.
web::Data diagnosed(const Call& call, const Draft& draft, const core::Diagnostics& diags,
                    const core::SourceSet& sources) {
    web::Data result;
    std::size_t errors = 0;
    result.set("lines", lines_with(draft.text, diags, sources, call.caller.lang, errors));
    result.set("checked", true);
    result.set("verdict", errors ? i18n::trn(call.caller.lang, "{n} error", "{n} errors", errors)
                                 : tr(call.caller.lang, "No error."));
    result.set("has_errors", errors > 0);
    return result;
}

HttpResponse check(const Call& call) {
    const Draft draft = draft_of(call);
    auto r = call.operation<app::CheckRequest>();
    r.draft = files_of(draft);
    const app::CheckResult checked = app::check(r);
    core::Diagnostics all;
    for (const auto& c : checked.rulebooks) all.append(c.diagnostics);
    return rulebooks_page(call, checked.errors ? 422 : 200, draft, diagnosed(call, draft, all, checked.sources));
}

/// Runs `body`; a draft that does not load answers the page with its diagnostics.
template <class Body> HttpResponse loading(const Call& call, const Draft& draft, Body&& body) {
    try {
        return body();
    } catch (const app::Error& e) {
        if (e.kind() != app::ErrorKind::Invalid || !e.problems()) throw;
        return rulebooks_page(call, 422, draft,
                              diagnosed(call, draft, e.problems()->diagnostics, e.problems()->sources));
    }
}

std::string band_text(const rules::Rulebook& rulebook, const engine::UnitState& s, i18n::Language lang) {
    if (!s.covered) return tr(lang, "not scored");
    if (!s.complete) return tr(lang, "not ranked");
    return i18n::format_decimal(lang, *s.total, 2) + " · " + engine::display::band(rulebook, s.band);
}

HttpResponse compare(const Call& call) {
    const Draft draft = draft_of(call);
    const i18n::Language lang = call.caller.lang;
    return loading(call, draft, [&] {
        auto r = call.operation<app::DiffRequest>();
        r.year = draft.year;
        r.with_draft = files_of(draft);
        const app::DiffResult result = app::diff(r);
        web::List units;
        for (const engine::UnitChange& u : result.diff.units) {
            web::Data row;
            row.set("name", u.name);
            row.set("before", band_text(result.before.rulebook, u.before, lang));
            row.set("after", band_text(result.after.rulebook, u.after, lang));
            units.push_back(row);
        }
        web::Data data;
        data.set("compared", true);
        data.set("summary", tr(lang, "{changed} of {units} units change under the draft.",
                               {{"changed", std::to_string(result.diff.units.size())},
                                {"units", std::to_string(result.diff.units_compared)}}));
        data.set("changes", units);
        data.set("has_changes", !result.diff.units.empty());
        return rulebooks_page(call, 200, draft, std::move(data));
    });
}

HttpResponse adopt(const Call& call) {
    const Draft draft = draft_of(call);
    return loading(call, draft, [&] {
        auto r = call.operation<app::AdoptRequest>();
        r.year = draft.year;
        r.draft = files_of(draft);
        const app::AdoptResult result = app::adopt(r);
        web::Data data;
        const std::string year = std::to_string(draft.year);
        data.set("adopted_now",
                 result.outcome.identical
                     ? tr(call.caller.lang, "This rulebook is already the one in force for {year}.", {{"year", year}})
                     : tr(call.caller.lang, "Adopted for {year}.", {{"year", year}}));
        return rulebooks_page(call, 200, Draft{"", draft.year}, std::move(data));
    });
}

}  // namespace

std::vector<Api::Route> rulebook_pages() {
    constexpr std::size_t kForm = 4u << 20;  // a rulebook's text
    return {
        {"GET", "/rulebooks", false, false, show, kBodyLimit, true},
        {"POST", "/rulebooks/check", false, false, check, kForm, true},
        {"POST", "/rulebooks/compare", false, false, compare, kForm, true},
        {"POST", "/rulebooks/adopt", false, false, adopt, kForm, true},
    };
}

}  // namespace parscore::server
