// Recording an inspection from the browser (docs/web.md, "Recording"): a form generated from the
// evidence schema of the year's adopted rulebook. Without JavaScript, adding or removing a row and
// every error come back from the server with what was typed kept; with it, web/static/record.js
// does the same in the browser and keeps reports made offline until they are sent.
#include <chrono>
#include <functional>

#include "pages.hpp"
#include "parscore/accounts/token.hpp"
#include "parscore/app/inspections.hpp"
#include "parscore/app/recording.hpp"
#include "parscore/app/recording_form.hpp"
#include "parscore/app/review.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/inspections/attachment_type.hpp"
#include "parscore/output/terms.hpp"
#include "parscore/web/assets.hpp"
#include "record_form.hpp"
#include "report_errors.hpp"

namespace parscore::server {

namespace {

using i18n::tr;
namespace ins = parscore::inspections;

std::string dom_id(std::string name) {
    for (char& c : name)
        if (c == '.') c = '-';
    return "f-" + name;
}

std::string joined(const FieldErrors& errors, const std::string& name) {
    const auto it = errors.find(name);
    if (it == errors.end()) return "";
    std::string out;
    for (const std::string& m : it->second) out += (out.empty() ? "" : " ") + m;
    return out;
}

/// The messages for one input, when it has any: a section of the template shows for any text, even "".
void set_error(web::Data& data, const std::string& key, const FieldErrors& errors, const std::string& name) {
    if (const std::string text = joined(errors, name); !text.empty()) data.set(key, text);
}

/// What a person reads for an evidence kind or field: the rulebook's label, else its name.
std::string label_of(const std::string& label, const std::string& name) { return label.empty() ? name : label; }

web::Data choice(const std::string& value, const std::string& label, bool selected) {
    web::Data o;
    o.set("value", value);
    o.set("label", label);
    o.set("selected", selected);
    return o;
}

/// One input of the form for `field`, named `name`, holding what was typed.
web::Data input_of(i18n::Language lang, const core::FieldDef& field, const std::string& name, const std::string& label,
                   const PostedRecording& form, const FieldErrors& errors, bool fact) {
    web::Data d;
    const std::string value = form.value(name);
    d.set("id", dom_id(name));
    d.set("name", name);
    d.set("label", label);
    d.set("value", value);
    set_error(d, "error", errors, name);
    d.set("field_type", core::field_type_name(field.type));
    if (field.type == core::FieldType::Bool && !fact) {
        d.set("is_bool", true);
        d.set("checked", !value.empty());
        return d;
    }
    if (field.type == core::FieldType::Enum || field.type == core::FieldType::Bool) {
        web::List options;
        options.push_back(choice("", fact ? tr(lang, "(not checked)") : tr(lang, "(choose)"), value.empty()));
        if (field.type == core::FieldType::Bool) {
            options.push_back(choice("true", tr(lang, "yes"), value == "true"));
            options.push_back(choice("false", tr(lang, "no"), value == "false"));
        }
        for (const std::string& v : field.enum_values) options.push_back(choice(v, v, v == value));
        d.set("is_select", true);
        d.set("options", options);
        return d;
    }
    d.set("is_input", true);
    d.set("type", field.type == core::FieldType::Date ? "date" : "text");
    switch (field.type) {
        case core::FieldType::Int: d.set("inputmode", "numeric"); break;
        case core::FieldType::Number:
        case core::FieldType::Percent: d.set("inputmode", "decimal"); break;
        default: break;
    }
    return d;
}

web::Data kind_of(i18n::Language lang, const core::KindDef& kind, const PostedRecording& form,
                  const FieldErrors& errors) {
    web::Data d;
    d.set("name", kind.name);
    d.set("label", label_of(kind.label, kind.name));
    d.set("id", "k-" + kind.name);
    if (kind.is_fact) {
        d.set("fact", input_of(lang, kind.fact_field(), "fact." + kind.name, label_of(kind.label, kind.name), form,
                               errors, true));
        return d;
    }
    web::List rows;
    const int count = std::max(form.rows_of(kind.name), 1);  // an empty row to fill, always
    for (int r = 0; r < count; ++r) {
        const std::string row = "rec." + kind.name + "." + std::to_string(r);
        web::List fields;
        for (const core::FieldDef& f : kind.fields)
            fields.push_back(input_of(lang, f, row + "." + f.name, label_of(f.label, f.name), form, errors, false));
        web::Data item;
        item.set("legend", label_of(kind.label, kind.name) + " " + std::to_string(r + 1));
        item.set("id", dom_id(row));
        item.set("remove", row);
        set_error(item, "error", errors, row);
        item.set("fields", fields);
        rows.push_back(item);
    }
    d.set("record", true);
    d.set("rows", rows);
    d.set("count", std::to_string(count));
    d.set("none_name", "none." + kind.name);
    d.set("none_id", dom_id("none." + kind.name));
    d.set("none", form.none.contains(kind.name));
    set_error(d, "none_error", errors, "none." + kind.name);
    return d;
}

/// Recording a new inspection, or amending one (its id, then the reason is asked for too).
struct FormMode {
    std::optional<std::string> amending;
    std::string reason;
};

HttpResponse form_page(const Call& call, int status, const app::RecordingForm& form, const PostedRecording& posted,
                       const FieldErrors& errors, const FormMode& mode = {}) {
    const i18n::Language lang = call.caller.lang;
    web::Data data;
    const std::string heading = mode.amending ? tr(lang, "Amend the inspection") : tr(lang, "Record an inspection");
    data.set("heading", heading);
    if (mode.amending) {
        data.set("amending", true);
        data.set("action", "/inspections/" + *mode.amending + "/amend");
        data.set("back", "/inspections/" + *mode.amending);
        data.set("reason", mode.reason);
        set_error(data, "reason_error", errors, "reason");
    } else {
        data.set("action", "/record");
    }
    data.set("year", std::to_string(form.year));
    web::List years;
    for (const int y : form.years) years.push_back(choice(std::to_string(y), std::to_string(y), y == form.year));
    data.set("years", years);
    data.set("several_years", form.years.size() > 1 && !mode.amending);
    data.set("client_id", posted.client_id);
    web::List units;
    for (const ins::UnitInfo& u : form.units) {
        // An amendment names the same unit.
        if (!mode.amending || u.id == posted.unit) units.push_back(choice(u.id, u.name, u.id == posted.unit));
    }
    data.set("units", units);
    data.set("choose_unit", !form.too_many_units);
    data.set("unit", posted.unit);
    web::List kinds;
    for (const ins::InspectionKind k : form.kinds) {
        const std::string name = ins::kind_name(k);
        kinds.push_back(choice(name, engine::terms::inspection_kind(lang, name), name == posted.kind));
    }
    data.set("kinds", kinds);
    data.set("date", posted.date);
    data.set("team", posted.team);
    for (const char* name : {"unit", "date", "kind", "team", "photo"})
        set_error(data, std::string(name) + "_error", errors, name);
    web::List facts, records;
    for (const core::KindDef& kind : form.schema.kinds)
        (kind.is_fact ? facts : records).push_back(kind_of(lang, kind, posted, errors));
    data.set("has_facts", !facts.empty());
    data.set("facts", facts);
    data.set("records", records);
    // Every error once more at the top, each a link to its input (read first by a screen reader).
    web::List summary;
    for (const auto& [name, messages] : errors) {
        for (const std::string& m : messages) {
            web::Data item;
            item.set("href", "#" + (name.empty() ? std::string("record-form") : dom_id(name)));
            item.set("message", m);
            summary.push_back(item);
        }
    }
    data.set("has_errors", !summary.empty());
    data.set("errors", summary);
    data.set("script", web::static_url("record.js"));
    return page(call, status, "record", std::move(data), heading);
}

app::RecordingForm form_for(const Call& call, std::optional<int> year) {
    auto r = call.operation<app::RecordingFormRequest>();
    r.year = year;
    return app::recording_form(r);
}

std::optional<int> year_param(const Call& call) {
    const auto text = call.request.param("year");
    if (!text) return std::nullopt;
    return year_in_query(*text);
}

HttpResponse show_form(const Call& call) {
    const app::RecordingForm form = form_for(call, year_param(call));
    PostedRecording posted;
    posted.client_id = accounts::random_uuid();
    posted.unit = std::string(call.request.param("unit").value_or(""));
    if (posted.unit.empty() && form.units.size() == 1) posted.unit = form.units.front().id;
    posted.kind = std::string(call.request.param("kind").value_or(""));
    if (posted.kind.empty() && !form.kinds.empty()) posted.kind = ins::kind_name(form.kinds.front());
    // Today, when the form is for this year: an inspection is recorded where it happens.
    const auto today = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(call.config.now()));
    if (static_cast<int>(today.year()) == form.year)
        posted.date = core::format_date(
            core::make_date(form.year, static_cast<unsigned>(today.month()), static_cast<unsigned>(today.day())));
    return form_page(call, 200, form, posted, {});
}

/// The photos chosen, checked before anything is stored: each an image or a PDF by its bytes, at
/// most inspections::kMaxAttachmentBytes, under a safe and distinct name.
std::vector<app::AttachmentUpload> photos_of(const PostedRecording& posted, i18n::Language lang, FieldErrors& errors) {
    std::vector<app::AttachmentUpload> uploads;
    for (const FormPart& photo : posted.photos) {
        const auto type = ins::sniff_media_type(photo.value);
        if (photo.value.size() > ins::kMaxAttachmentBytes || !type) {
            errors["photo"].push_back(tr(lang, "{file} is not a photo (JPEG, PNG, WebP) or a PDF of at most 10 MiB",
                                         {{"file", *photo.file_name}}));
            continue;
        }
        // The same photo chosen twice is attached once (the store refuses the same bytes twice).
        if (std::ranges::any_of(uploads, [&](const auto& u) { return u.bytes == photo.value; })) continue;
        std::string name = *photo.file_name;
        if (!app::is_safe_file_name(name)) name = "photo." + std::string(ins::mime_type(*type).substr(6));
        const std::string base = name;
        for (int n = 2; std::ranges::any_of(uploads, [&](const auto& u) { return u.name == name; }); ++n)
            name = std::to_string(n) + "-" + base;
        uploads.push_back(app::AttachmentUpload{std::move(name), photo.value});
    }
    return uploads;
}

/// A row added or removed (a button other than the form's own was pressed): the form comes back
/// with it, and nothing is stored.
bool rows_changed(PostedRecording& posted, const core::EvidenceSchema& schema) {
    if (posted.remove) remove_row(posted, schema, *posted.remove);
    else if (!posted.add) return false;
    else if (const core::KindDef* kind = schema.find(*posted.add); kind && !kind->is_fact) add_row(posted, kind->name);
    return true;
}

/// The report reader's errors, each under the input it concerns.
FieldErrors report_errors(const app::Problems& problems, const ReportYaml& yaml, const BuiltReport& built,
                          const core::EvidenceSchema& schema, i18n::Language lang) {
    FieldErrors errors;
    for (const core::Diagnostic& d : problems.diagnostics) {
        const std::string name = d.span ? field_of(report_pointer(d, yaml), built, schema) : "";
        errors[name].push_back(d.text.empty() ? d.message : i18n::localize(lang, d.text));
    }
    return errors;
}

void attach_photos(const Call& call, const std::string& id, std::vector<app::AttachmentUpload> photos) {
    if (photos.empty()) return;
    auto a = call.operation<app::AttachRequest>();
    a.id = id;
    a.uploads = std::move(photos);
    app::attach(a);
}

/// What storing the form's report gave: its inspection, or the report reader's problems.
struct Stored {
    std::optional<std::string> id;
    app::Problems problems;
    bool attach = true;  // false: nothing new was stored (a form sent again), so neither are its photos
};
using StoreReport = std::function<Stored(const std::string& yaml)>;

/// The form as posted; 400 when the body is not a form.
PostedRecording posted_of(const Call& call) {
    const auto parts = form_parts(call.request);
    if (!parts) throw ApiError{400, "bad_request", core::T_("send the form as an HTML form does")};
    return read_recording(*parts);
}

/// What recording and amending share: a row added or removed comes back; the form's own mistakes,
/// a missing reason and files that are no photos come back at 422 before anything is stored; then
/// `store` writes the report, whose errors come back beside their inputs; then the photos are
/// attached and the browser goes to the inspection.
HttpResponse post_report(const Call& call, PostedRecording posted, const FormMode& mode, const StoreReport& store) {
    const i18n::Language lang = call.caller.lang;
    const app::RecordingForm form = form_for(call, posted.year);
    if (rows_changed(posted, form.schema)) return form_page(call, 200, form, posted, {}, mode);
    const BuiltReport built = build_report(posted, form.schema, form.year);
    FieldErrors errors;
    for (const auto& [name, message] : built.problems) errors[name].push_back(tr(lang, message));
    if (mode.amending && mode.reason.find_first_not_of(" \t\r\n") == std::string::npos)
        errors["reason"].push_back(tr(lang, "say why the findings change"));
    std::vector<app::AttachmentUpload> photos = photos_of(posted, lang, errors);
    const auto refused = [&](FieldErrors shown) {
        if (!posted.photos.empty()) shown["photo"].push_back(tr(lang, "choose the photos again"));
        return form_page(call, 422, form, posted, shown, mode);
    };
    if (!errors.empty()) return refused(std::move(errors));
    const ReportYaml yaml = report_yaml(built.report, "");
    Stored stored = store(yaml.text);
    if (!stored.id) return refused(report_errors(stored.problems, yaml, built, form.schema, lang));
    if (stored.attach) attach_photos(call, *stored.id, std::move(photos));
    return redirect("/inspections/" + *stored.id);
}

HttpResponse post_form(const Call& call) {
    PostedRecording posted = posted_of(call);
    if (!app::is_client_id(posted.client_id)) posted.client_id = accounts::random_uuid();
    const std::string client_id = posted.client_id;
    return post_report(call, std::move(posted), {}, [&](const std::string& yaml) {
        auto r = call.operation<app::RecordReportRequest>();
        r.report = {"report", yaml};
        r.client_id = client_id;
        app::RecordReportResult result = app::record_report(r);
        return Stored{result.id, std::move(result.problems), !result.resent};
    });
}

HttpResponse show_amend_form(const Call& call) {
    auto r = call.operation<app::ShowRequest>();
    r.id = call.param("id");
    const app::ShowResult shown = app::show_inspection(r);
    const app::RecordingForm form = form_for(call, shown.inspection.summary.year);
    return form_page(call, 200, form, posted_from(shown.inspection), {}, FormMode{shown.inspection.summary.id, ""});
}

HttpResponse post_amend_form(const Call& call) {
    auto shown = call.operation<app::ShowRequest>();
    shown.id = call.param("id");
    const std::string id = app::show_inspection(shown).inspection.summary.id;
    PostedRecording posted = posted_of(call);
    const FormMode mode{id, posted.value("reason")};
    return post_report(call, std::move(posted), mode, [&](const std::string& yaml) {
        auto r = call.operation<app::AmendRequest>();
        r.id = id;
        r.report = "report";
        r.report_text = yaml;
        r.reason = mode.reason;
        app::AmendResult result = app::amend(r);
        return Stored{result.outcome ? std::optional<std::string>(id) : std::nullopt, std::move(result.problems)};
    });
}

/// The service worker sits at the root so that it may answer for /record when the network is
/// gone; it is never cached, so a changed one is taken at the next visit.
HttpResponse service_worker(const Call&) {
    HttpResponse r;
    r.set_header("Content-Type", "text/javascript; charset=utf-8");
    r.set_header("Cache-Control", "no-cache");
    r.body = std::string(web::file("static/sw.js").value_or(""));
    return r;
}

}  // namespace

std::vector<Api::Route> record_pages() {
    return {
        {"GET", "/record", false, false, show_form, kBodyLimit, true},
        {"POST", "/record", false, false, post_form, kBodyLimit, true},
        {"GET", "/sw.js", true, true, service_worker, kBodyLimit, true},
        {"GET", "/inspections/{id}/amend", false, false, show_amend_form, kBodyLimit, true},
        {"POST", "/inspections/{id}/amend", false, false, post_amend_form, kBodyLimit, true},
    };
}

}  // namespace parscore::server
