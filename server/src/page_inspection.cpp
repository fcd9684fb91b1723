// One inspection's page (docs/web.md): what was inspected and found, its history, comments and
// attachments, and the review actions the account may take (submit, return with a comment, lock,
// comment), each a form that posts back here and returns to the page.
#include <algorithm>
#include <set>

#include "pages.hpp"
#include "parscore/app/inspections.hpp"
#include "parscore/app/review.hpp"
#include "parscore/app/units.hpp"
#include "parscore/app/workflow.hpp"
#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/inspections/revision_changes.hpp"
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

/// A record's fields as "code: TP-001, posted: true".
std::string record_text(i18n::Language lang, const std::vector<ins::FieldValue>& fields) {
    std::string out;
    for (const ins::FieldValue& f : fields)
        out += (out.empty() ? "" : ", ") + f.field + ": " + engine::terms::finding_value(lang, f.value);
    return out;
}

std::string team_text(i18n::Language lang, const std::vector<std::string>& team) {
    std::string out;
    for (const std::string& member : team) out += (out.empty() ? "" : ", ") + member;
    return out.empty() ? tr(lang, "(none)") : out;
}

/// A change of the header as a line of the history: "date: 12/06/2013 → 15/06/2013".
std::string header_change_text(i18n::Language lang, const ins::RevisionChange& c) {
    using Type = ins::RevisionChange::Type;
    const auto text = [](const std::optional<core::Datum>& v) { return v ? core::datum_text(*v) : std::string(); };
    std::string before, after;
    if (c.type == Type::Date) {
        before = engine::terms::finding_value(lang, c.before);
        after = engine::terms::finding_value(lang, c.after);
        return tr(lang, "date: {before} → {after}", {{"before", before}, {"after", after}});
    }
    if (c.type == Type::Year)  // a year is no quantity: written without a thousands separator
        return tr(lang, "evaluation year: {before} → {after}", {{"before", text(c.before)}, {"after", text(c.after)}});
    if (c.type == Type::Kind) {
        before = engine::terms::inspection_kind(lang, text(c.before));
        after = engine::terms::inspection_kind(lang, text(c.after));
        return tr(lang, "inspection kind: {before} → {after}", {{"before", before}, {"after", after}});
    }
    before = team_text(lang, c.team_before);
    after = team_text(lang, c.team_after);
    return tr(lang, "team: {before} → {after}", {{"before", before}, {"after", after}});
}

/// A change of the findings as a line of the history, its values written as the findings are.
std::string findings_change_text(i18n::Language lang, const ins::RevisionChange& c) {
    using Type = ins::RevisionChange::Type;
    const std::string before = engine::terms::finding_value(lang, c.before);
    const std::string after = engine::terms::finding_value(lang, c.after);
    switch (c.type) {
        case Type::KindAdded:
            if (c.fact) return tr(lang, "{kind}: newly checked, {value}", {{"kind", c.kind}, {"value", after}});
            return tr(lang, "{kind}: newly checked", {{"kind", c.kind}});
        case Type::KindRemoved:
            if (c.fact)
                return tr(lang, "{kind}: no longer listed (was {value})", {{"kind", c.kind}, {"value", before}});
            return tr(lang, "{kind}: no longer listed", {{"kind", c.kind}});
        case Type::RecordAdded:
            return tr(lang, "{kind}: record added: {record}",
                      {{"kind", c.kind}, {"record", record_text(lang, c.record)}});
        case Type::RecordRemoved:
            return tr(lang, "{kind}: record removed: {record}",
                      {{"kind", c.kind}, {"record", record_text(lang, c.record)}});
        case Type::RecordChanged: {
            std::string fields;
            for (const ins::FieldChange& f : c.fields)
                fields += (fields.empty() ? "" : "; ") + f.field + ": " + engine::terms::finding_value(lang, f.before) +
                          " → " + engine::terms::finding_value(lang, f.after);
            const std::string key = engine::terms::finding_value(lang, c.key->value);
            return tr(lang, "{kind}, record with {field} {value}: {changes}",
                      {{"kind", c.kind}, {"field", c.key->field}, {"value", key}, {"changes", fields}});
        }
        default: return c.kind + ": " + before + " → " + after;  // a fact's value: nothing to translate
    }
}

std::string change_text(i18n::Language lang, const ins::RevisionChange& c) {
    return c.kind.empty() ? header_change_text(lang, c) : findings_change_text(lang, c);
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
    const auto changes = ins::history_changes(d);
    for (std::size_t h = 0; h < d.history.size(); ++h) {
        const ins::HistoryEntry& e = d.history[h];
        web::Data row;
        row.set("seq", std::to_string(e.seq));
        row.set("at", time_text(lang, e.recorded_at));
        row.set("by", e.recorded_by);
        row.set("change", engine::terms::history_change(lang, e));
        web::List lines;
        for (std::size_t i = 0; changes[h] && i < changes[h]->size(); ++i) {
            web::Data line;
            line.set("text", change_text(lang, (*changes[h])[i]));
            lines.push_back(line);
        }
        row.set("has_changes", !lines.empty());
        row.set("changes", lines);
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
    data.set("can_amend", s.status != ins::Status::Locked && records);
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

/// The most units the inspections' filter offers as a choice.
constexpr std::size_t kUnitChoices = 500;

/// The inspections the account may read, newest first, filtered by unit, year, kind and status.
HttpResponse inspections_page(const Call& call) {
    const i18n::Language lang = call.caller.lang;
    const auto param = [&](std::string_view name) { return std::string(call.request.param(name).value_or("")); };
    const std::string unit = param("unit"), kind = param("kind"), status = param("status"), year = param("year");

    auto r = call.operation<app::InspectionsRequest>();
    if (!unit.empty()) r.unit = unit;
    if (!year.empty()) r.year = year_in_query(year);
    // A choice among a province's units; a country's thousands are typed as an id instead.
    const app::InspectionsWithUnits listed = app::list_inspections_with_units(r, kUnitChoices);
    const std::vector<ins::InspectionSummary>& found = listed.rows;
    const auto& names = listed.names;
    const bool choose_unit = listed.units.has_value();
    std::vector<std::pair<std::string, std::string>> units;
    if (listed.units) {
        for (const ins::UnitInfo& u : *listed.units) units.emplace_back(u.id, u.name);
    }
    web::List rows;
    std::set<int> years;
    for (const ins::InspectionSummary& i : found) {
        years.insert(i.year);
        if (!kind.empty() && kind != ins::kind_name(i.kind)) continue;
        if (!status.empty() && status != ins::status_name(i.status)) continue;
        web::Data row;
        row.set("href", "/inspections/" + i.id);
        row.set("date", i18n::format_date(lang, i.date));
        const auto name = names.find(i.unit);
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
    if (choose_unit) {
        std::sort(units.begin(), units.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
        data.set("units", options(units, unit, tr(lang, "every unit")));
        data.set("choose_unit", true);
    } else {
        data.set("unit", unit);
    }
    data.set("years", options(year_options, year, tr(lang, "every year")));
    data.set("kinds", options(kinds, kind, tr(lang, "every kind")));
    data.set("statuses", options(statuses, status, tr(lang, "every status")));
    data.set("may_record", may(call, app::Action::RecordInspection) || may(call, app::Action::RecordSelf));
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
