// One inspection's page (docs/web.md): what was inspected and found, its history, comments and
// attachments, and the review actions the account may take (submit, return with a comment, lock,
// comment), each a form that posts back here and returns to the page.
#include <algorithm>
#include <charconv>
#include <set>

#include "pages.hpp"
#include "parscore/app/inspections.hpp"
#include "parscore/app/review.hpp"
#include "parscore/app/units.hpp"
#include "parscore/app/workflow.hpp"
#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/terms.hpp"

namespace parscore::server {

namespace {

using i18n::tr;
using i18n::trn;
namespace ins = parscore::inspections;

web::List findings_of(const ins::Findings& findings, i18n::Language lang) {
    web::List out;
    for (const ins::KindFindings& f : findings) {
        web::Data kind;
        kind.set("kind", f.kind);
        if (f.fact) {
            kind.set("fact",
                     f.rows() ? engine::terms::finding_value(lang, f.at(0, 0)) : tr(lang, "(checked, no value)"));
        } else if (f.rows() == 0) {
            kind.set("none", true);
        } else {
            web::List head;
            for (const std::string& name : f.fields) {
                web::Data cell;
                cell.set("text", name);
                head.push_back(cell);
            }
            web::List rows;
            for (std::size_t r = 0; r < f.rows(); ++r) {
                web::List cells;
                for (std::size_t c = 0; c < f.fields.size(); ++c) {
                    web::Data cell;
                    cell.set("text", engine::terms::finding_value(lang, f.at(r, c)));
                    cells.push_back(cell);
                }
                web::Data row;
                row.set("cells", cells);
                rows.push_back(row);
            }
            kind.set("head", head);
            kind.set("rows", rows);
            kind.set("table", true);
        }
        out.push_back(kind);
    }
    return out;
}

HttpResponse inspection_page(const Call& call) {
    const i18n::Language lang = call.caller.lang;
    auto r = call.operation<app::ShowRequest>();
    r.id = call.param("id");
    const app::ShowResult shown = app::show_inspection(r);
    const ins::InspectionDetail& d = shown.inspection;
    const ins::InspectionSummary& s = d.summary;
    web::Data data;
    const std::string kind = engine::terms::inspection_kind(lang, ins::kind_name(s.kind));
    const std::string unit_name = shown.unit ? shown.unit->name : s.unit;
    std::string heading = kind + " — " + unit_name;
    if (!heading.empty() && heading[0] >= 'a' && heading[0] <= 'z')
        heading[0] = static_cast<char>(heading[0] - 'a' + 'A');
    data.set("heading", heading);
    data.set("unit", unit_name);
    if (may(call, app::Action::ReadEvaluation))
        data.set("unit_href", "/years/" + std::to_string(s.year) + "/units/" + s.unit);
    data.set("date", i18n::format_date(lang, s.date));
    data.set("year", std::to_string(s.year));
    data.set("status", engine::terms::inspection_status(lang, s.status));
    std::string team;
    for (const std::string& member : s.team) team += (team.empty() ? "" : ", ") + member;
    data.set("team", team);
    data.set("recorded", tr(lang, "{at} by {who}", {{"at", time_text(lang, s.recorded_at)}, {"who", s.recorded_by}}));
    data.set("findings", findings_of(d.findings, lang));
    web::List history;
    for (const ins::HistoryEntry& e : d.history) {
        web::Data row;
        row.set("seq", std::to_string(e.seq));
        row.set("at", time_text(lang, e.recorded_at));
        row.set("by", e.recorded_by);
        row.set("change", engine::terms::history_change(lang, e));
        history.push_back(row);
    }
    data.set("history", history);
    web::List notes;
    for (const ins::ReviewNote& n : d.notes) {
        web::Data row;
        row.set("who", tr(lang, "{at} by {who}", {{"at", time_text(lang, n.recorded_at)}, {"who", n.recorded_by}}));
        row.set("returned", n.kind == ins::ReviewNote::Kind::Return);
        row.set("text", n.text);
        notes.push_back(row);
    }
    data.set("has_notes", !notes.empty());
    data.set("notes", notes);
    web::List attachments;
    for (const ins::AttachmentInfo& a : d.attachments) {
        web::Data row;
        row.set("name", a.file_name);
        row.set("href", "/api/v1/inspections/" + s.id + "/attachments/" + a.sha256);
        attachments.push_back(row);
    }
    data.set("has_attachments", !attachments.empty());
    data.set("attachments", attachments);
    // The forms of what the role may do in this status; the operation decides again when it runs.
    const std::string base = "/inspections/" + s.id;
    data.set("action_base", base);
    const bool open = s.status == ins::Status::Draft || s.status == ins::Status::Returned;
    const bool records = may(call, s.kind == ins::InspectionKind::Self ? app::Action::RecordSelf
                                                                       : app::Action::RecordInspection);
    data.set("can_submit", open && records);
    data.set("can_review", s.status == ins::Status::Submitted && may(call, app::Action::ReturnOrLock));
    data.set("can_comment", may(call, app::Action::Comment));
    return page(call, 200, "inspection", std::move(data), kind + " " + i18n::format_date(lang, s.date));
}

/// A select's options: the value "" (every one) first, then `values`, the chosen one marked.
web::List options(const std::vector<std::pair<std::string, std::string>>& values, const std::string& chosen,
                  const std::string& every) {
    web::List out;
    web::Data all;
    all.set("value", "");
    all.set("label", every);
    all.set("selected", chosen.empty());
    out.push_back(all);
    for (const auto& [value, label] : values) {
        web::Data o;
        o.set("value", value);
        o.set("label", label);
        o.set("selected", value == chosen);
        out.push_back(o);
    }
    return out;
}

/// The inspections the account may read, newest first, filtered by unit, year, kind and status.
HttpResponse inspections_page(const Call& call) {
    const i18n::Language lang = call.caller.lang;
    const auto param = [&](std::string_view name) { return std::string(call.request.param(name).value_or("")); };
    const std::string unit = param("unit"), kind = param("kind"), status = param("status"), year = param("year");
    std::vector<std::pair<std::string, std::string>> units, names;
    for (const ins::UnitInfo& u : app::list_units(call.operation<app::UnitsListRequest>())) {
        units.emplace_back(u.id, u.name);
        names.emplace_back(u.id, u.name);
    }
    std::sort(units.begin(), units.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    auto r = call.operation<app::InspectionsRequest>();
    if (!unit.empty()) r.unit = unit;
    if (!year.empty()) {
        int y = 0;
        const auto [end, ec] = std::from_chars(year.data(), year.data() + year.size(), y);
        if (ec != std::errc() || end != year.data() + year.size() || y < 1 || y > 9999)
            throw ApiError{400, "bad_request", core::T_("the year must be a number such as 2024")};
        r.year = y;
    }
    const std::vector<ins::InspectionSummary> found = app::list_inspections(r);
    web::List rows;
    std::set<int> years;
    for (const ins::InspectionSummary& i : found) {
        years.insert(i.year);
        if (!kind.empty() && kind != ins::kind_name(i.kind)) continue;
        if (!status.empty() && status != ins::status_name(i.status)) continue;
        web::Data row;
        row.set("href", "/inspections/" + i.id);
        row.set("date", i18n::format_date(lang, i.date));
        const auto name = std::find_if(names.begin(), names.end(), [&](const auto& n) { return n.first == i.unit; });
        row.set("unit", name == names.end() ? i.unit : name->second);
        row.set("kind", engine::terms::inspection_kind(lang, ins::kind_name(i.kind)));
        row.set("status", engine::terms::inspection_status(lang, i.status));
        rows.push_back(row);
    }
    std::vector<std::pair<std::string, std::string>> kinds, statuses, year_options;
    for (const ins::InspectionKind k : {ins::InspectionKind::Surprise, ins::InspectionKind::Scheduled,
                                        ins::InspectionKind::Self, ins::InspectionKind::Other})
        kinds.emplace_back(ins::kind_name(k), engine::terms::inspection_kind(lang, ins::kind_name(k)));
    for (const ins::Status st :
         {ins::Status::Draft, ins::Status::Submitted, ins::Status::Returned, ins::Status::Locked})
        statuses.emplace_back(ins::status_name(st), engine::terms::inspection_status(lang, st));
    if (!year.empty()) years.insert(r.year.value_or(0));
    for (auto y = years.rbegin(); y != years.rend(); ++y)
        year_options.emplace_back(std::to_string(*y), std::to_string(*y));
    web::Data data;
    data.set("units", options(units, unit, tr(lang, "every unit")));
    data.set("years", options(year_options, year, tr(lang, "every year")));
    data.set("kinds", options(kinds, kind, tr(lang, "every kind")));
    data.set("statuses", options(statuses, status, tr(lang, "every status")));
    data.set("count", trn(lang, "{n} inspection", "{n} inspections", rows.size()));
    data.set("has_rows", !rows.empty());
    data.set("rows", std::move(rows));
    return page(call, 200, "inspections", std::move(data), tr(lang, "Inspections"));
}

HttpResponse back_to(const Call& call) { return redirect("/inspections/" + call.param("id")); }

/// Submit or lock: the status move `Move` of this one inspection.
template <app::MoveResult (*Move)(const app::MoveRequest&)> HttpResponse moved(const Call& call) {
    auto r = call.operation<app::MoveRequest>();
    r.ids = {call.param("id")};
    Move(r);
    return back_to(call);
}

HttpResponse return_to_team(const Call& call) {
    auto r = call.operation<app::ReturnRequest>();
    r.id = call.param("id");
    r.comment = field(call, "comment");
    app::return_inspection(r);
    return back_to(call);
}

HttpResponse comment(const Call& call) {
    auto r = call.operation<app::CommentRequest>();
    r.id = call.param("id");
    r.text = field(call, "text");
    app::comment(r);
    return back_to(call);
}

}  // namespace

std::vector<Api::Route> inspection_pages() {
    constexpr std::size_t kForm = 64u << 10;
    return {
        {"GET", "/inspections", false, false, inspections_page, kBodyLimit, true},
        {"GET", "/inspections/{id}", false, false, inspection_page, kBodyLimit, true},
        {"POST", "/inspections/{id}/submit", false, false, moved<app::submit>, kForm, true},
        {"POST", "/inspections/{id}/lock", false, false, moved<app::lock>, kForm, true},
        {"POST", "/inspections/{id}/return", false, false, return_to_team, kForm, true},
        {"POST", "/inspections/{id}/comment", false, false, comment, kForm, true},
    };
}

}  // namespace parscore::server
