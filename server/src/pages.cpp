// The web application's frame and its pages for signing in and out, changing one's password,
// the landing redirect and the static files (docs/web.md). Every page works without JavaScript: forms
// post as HTML forms do, with the session's CSRF token as the csrf_token field.
#include "pages.hpp"

#include <charconv>

#include "parscore/accounts/token.hpp"
#include "parscore/app/permissions.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/web/assets.hpp"

namespace parscore::server {

namespace {

using i18n::tr;

/// Nothing from another origin, no inline script or style, no plug-ins, no framing; forms post
/// only here. Images may be data: or blob: (a photo shown before it is sent).
constexpr const char* kPagePolicy =
    "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

/// A path of this server to go to after signing in: a local absolute path, never another site
/// ("//host", "/\\host") nor a scheme.
bool local_path(std::string_view next) {
    return next.starts_with("/") && !next.starts_with("//") && next.find('\\') == std::string_view::npos &&
           next.find_first_of("\r\n") == std::string_view::npos;
}

/// A sign-in from another site's page is refused: nobody may sign a browser in as them.
void require_same_origin(const Call& call) {
    if (const auto origin = call.request.header("origin"); origin && *origin != call.config.origin)
        throw ApiError{403, "forbidden", core::T_("the request comes from another site")};
}

HttpResponse sign_in_form(const Call& call, int status, const std::string& login, const std::string& next,
                          const std::string& error) {
    web::Data data;
    data.set("login", login);
    data.set("next", local_path(next) ? next : "");
    if (!error.empty()) data.set("error", error);
    return page(call, status, "sign_in", std::move(data), tr(call.caller.lang, "Sign in"));
}

HttpResponse home(const Call& call) {
    if (!call.caller.signed_in) return redirect("/sign-in");
    return redirect(landing_of(call));
}

HttpResponse show_sign_in(const Call& call) {
    if (call.caller.signed_in) return redirect(landing_of(call));
    return sign_in_form(call, 200, "", std::string(call.request.param("next").value_or("")), "");
}

HttpResponse sign_in(const Call& call) {
    require_same_origin(call);
    app::LoginRequest r;
    r.database = call.config.database;
    r.stores = call.config.stores;
    r.login = field(call, "login");
    r.password = field(call, "password");
    r.address = call.request.client_address;
    r.now = call.config.now();
    r.policy = call.config.policy;
    const std::string next = field(call, "next");
    const app::LoginOutcome outcome = app::login(r);
    const i18n::Language lang = call.caller.lang;
    switch (outcome.result) {
        case app::LoginOutcome::Result::Throttled: {
            HttpResponse answer = sign_in_form(call, 429, r.login, next,
                                               tr(lang, "too many failed logins; try again later"));
            answer.set_header("Retry-After", std::to_string(outcome.retry_after.count()));
            return answer;
        }
        case app::LoginOutcome::Result::Refused:
            return sign_in_form(call, 401, r.login, next, tr(lang, "wrong login or password"));
        case app::LoginOutcome::Result::SignedIn: break;
    }
    std::string to = "/";
    if (outcome.account->must_change) to = "/password";
    else if (local_path(next)) to = next;
    HttpResponse answer = redirect(to);
    answer.set_header("Set-Cookie", cookie_header(call, outcome.session_id, false));
    return answer;
}

HttpResponse sign_out(const Call& call) {
    end_session(call);
    HttpResponse answer = redirect("/sign-in");
    answer.set_header("Set-Cookie", cookie_header(call, "", true));
    return answer;
}

HttpResponse password_form(const Call& call, int status, const std::string& error) {
    web::Data data;
    data.set("must_change", call.caller.signed_in->account.must_change);
    if (!error.empty()) data.set("error", error);
    return page(call, status, "password", std::move(data), tr(call.caller.lang, "Change your password"));
}

HttpResponse show_password(const Call& call) { return password_form(call, 200, ""); }

HttpResponse change_password(const Call& call) {
    const i18n::Language lang = call.caller.lang;
    app::PasswordChangeRequest r;
    r.database = call.config.database;
    r.stores = call.config.stores;
    r.login = call.caller.signed_in->account.login;
    r.current = field(call, "current");
    r.replacement = field(call, "new");
    r.address = call.request.client_address;
    r.now = call.config.now();
    r.policy = call.config.policy;
    r.start_session = true;
    if (field(call, "repeat") != r.replacement)
        return password_form(call, 422, tr(lang, "the two new passwords differ"));
    app::PasswordChangeOutcome outcome;
    try {
        outcome = app::change_password(r);
    } catch (const app::Error& e) {
        if (e.kind() == app::ErrorKind::Forbidden) return password_form(call, 403, i18n::localize(lang, e.text()));
        if (e.kind() == app::ErrorKind::Invalid) return password_form(call, 422, i18n::localize(lang, e.text()));
        throw;
    }
    if (outcome.retry_after.count() > 0) {
        HttpResponse answer = password_form(call, 429, tr(lang, "too many wrong passwords; try again later"));
        answer.set_header("Retry-After", std::to_string(outcome.retry_after.count()));
        return answer;
    }
    HttpResponse answer = redirect("/");
    answer.set_header("Set-Cookie", cookie_header(call, outcome.session_id, false));
    return answer;
}

HttpResponse static_file(const Call& call) {
    const auto file = web::static_file(call.param("file"));
    if (!file) throw ApiError{404, "not_found", core::T_("no such resource")};
    HttpResponse r;
    r.set_header("Content-Type", file->content_type);
    // The name holds the content's fingerprint: a changed file has another name.
    r.set_header("Cache-Control", "public, max-age=31536000, immutable");
    r.body = std::string(file->bytes);
    return r;
}

}  // namespace

bool may(const Call& call, app::Action action) {
    if (!call.caller.signed_in) return false;
    const auto role = accounts::parse_role(call.caller.signed_in->account.role);
    return role && app::grant(*role, action) != app::Grant::Denied;
}

std::string field(const Call& call, std::string_view name) {
    const auto type = call.request.header("content-type");
    const std::string_view media = type ? type->substr(0, type->find(';')) : std::string_view();
    if (media != "application/x-www-form-urlencoded" && media != "multipart/form-data")
        throw ApiError{415, "unsupported_media_type", core::T_("send the form as an HTML form does")};
    return call.request.form_field(name).value_or("");
}

std::string time_text(i18n::Language lang, const std::string& stored) {
    // YYYY-MM-DDTHH:MM…
    if (stored.size() < 16 || stored[4] != '-' || stored[7] != '-' || stored[10] != 'T' || stored[13] != ':')
        return stored;
    const std::string day = stored.substr(8, 2), month = stored.substr(5, 2), year = stored.substr(0, 4);
    const std::string clock = stored.substr(11, 5);
    return (lang == i18n::Language::vi ? day + "/" + month + "/" + year : year + "-" + month + "-" + day) + " " +
           clock + " UTC";
}

HttpResponse html_response(int status, std::string body) {
    HttpResponse r;
    r.status = status;
    r.set_header("Content-Type", "text/html; charset=utf-8");
    r.set_header("Cache-Control", "no-store");
    r.set_header("Content-Security-Policy", kPagePolicy);
    // Not no-referrer, the API's: under it a browser sends "Origin: null" with a form, and the
    // origin check could not tell this server's forms from another site's.
    r.set_header("Referrer-Policy", "same-origin");
    r.body = std::move(body);
    return r;
}

HttpResponse redirect(std::string location) {
    HttpResponse r;
    r.status = 303;
    r.set_header("Location", std::move(location));
    r.set_header("Cache-Control", "no-store");
    return r;
}

web::Frame frame_of(const Call& call, std::string title) {
    web::Frame frame;
    frame.lang = call.caller.lang;
    frame.title = std::move(title);
    if (!call.caller.signed_in) return frame;
    frame.account = call.caller.signed_in->account.name.empty() ? call.caller.signed_in->account.login
                                                                : call.caller.signed_in->account.name;
    if (const auto session = call.request.cookie(call.api.cookie_name()))
        frame.csrf_token = accounts::csrf_token_for(*session);
    if (call.caller.signed_in->account.must_change) return frame;
    const std::string_view path = call.request.path;
    auto link = [&](std::string label, std::string href, std::string_view prefix) {
        const bool current = path.starts_with(prefix);
        frame.nav.push_back(web::NavLink{std::move(label), std::move(href), current});
    };
    if (may(call, app::Action::ReadEvaluation)) link(tr(frame.lang, "Ranking"), "/ranking", "/years/");
    if (may(call, app::Action::ReadInspections)) link(tr(frame.lang, "Inspections"), "/inspections", "/inspections");
    if (may(call, app::Action::RecordInspection)) link(tr(frame.lang, "Record"), "/record", "/record");
    else if (may(call, app::Action::RecordSelf)) link(tr(frame.lang, "Self-assessment"), "/record", "/record");
    if (may(call, app::Action::DraftRules) || may(call, app::Action::Administer))
        link(tr(frame.lang, "Rulebooks"), "/rulebooks", "/rulebooks");
    if (may(call, app::Action::ReadReference)) link(tr(frame.lang, "Publications"), "/publications", "/publications");
    if (may(call, app::Action::ManageAccounts)) link(tr(frame.lang, "Accounts"), "/accounts", "/accounts");
    if (may(call, app::Action::ManageAccounts)) link(tr(frame.lang, "Audit log"), "/audit", "/audit");
    link(tr(frame.lang, "Password"), "/password", "/password");
    return frame;
}

HttpResponse page(const Call& call, int status, std::string_view name, web::Data data, std::string title) {
    web::Frame frame = frame_of(call, std::move(title));
    data.set("csrf_token", frame.csrf_token);  // for the page's own forms
    return html_response(status, web::render_page(name, std::move(data), frame));
}

int year_in_query(std::string_view text) {
    int year = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (ec != std::errc() || end != text.data() + text.size() || year < 1 || year > 9999)
        throw ApiError{400, "bad_request", core::T_("the year must be a number such as 2024")};
    return year;
}

std::string landing_of(const Call& call) {
    return may(call, app::Action::ReadEvaluation) ? "/ranking" : "/inspections";
}

HttpResponse page_error(const Call& call, const ApiError& error) {
    const i18n::Language lang = call.caller.lang;
    web::Data data;
    std::string heading;
    switch (error.status) {
        case 404: heading = tr(lang, "Not found"); break;
        case 403: heading = tr(lang, "Not allowed"); break;
        case 401: heading = tr(lang, "Sign in first"); break;
        case 503: heading = tr(lang, "Not available now"); break;
        default: heading = tr(lang, "Something is wrong"); break;
    }
    data.set("heading", heading);
    data.set("message", i18n::localize(lang, error.status == 404 ? core::T_("There is no such page, or it is not "
                                                                            "yours to see.")
                                                                 : error.message));
    return page(call, error.status, "error", std::move(data), heading);
}

std::vector<Api::Route> page_routes() {
    std::vector<Api::Route> routes = {
        {"GET", "/", true, true, home, kBodyLimit, true},
        {"GET", "/sign-in", true, true, show_sign_in, kBodyLimit, true},
        {"POST", "/sign-in", true, true, sign_in, 64u << 10, true},
        {"POST", "/sign-out", false, true, sign_out, 64u << 10, true},
        {"GET", "/password", false, true, show_password, kBodyLimit, true},
        {"POST", "/password", false, true, change_password, 64u << 10, true},
        {"GET", "/static/{file}", true, true, static_file, kBodyLimit, true},
    };
    for (auto group : {ranking_pages, unit_pages, inspection_pages, account_pages, rulebook_pages, publication_pages,
                       analysis_pages, audit_pages, record_pages}) {
        for (Api::Route& r : group()) routes.push_back(r);
    }
    return routes;
}

}  // namespace parscore::server
