// The accounts page (docs/web.md), for an admin: every account with its role, scope and last
// sign-in; a form to add one, whose generated password is shown once on the page that answers
// it and must be changed at the first sign-in; disabling and enabling an account, and resetting
// its password the same way.
#include <algorithm>

#include "pages.hpp"
#include "parscore/app/accounts.hpp"
#include "parscore/app/units.hpp"
#include "parscore/i18n/translate.hpp"

namespace parscore::server {

namespace {

using i18n::tr;

/// The roles, each with what a person reads for it.
constexpr i18n::Message kRoles[] = {i18n::NC_("role", "admin"), i18n::NC_("role", "office"),
                                    i18n::NC_("role", "author"), i18n::NC_("role", "inspector"),
                                    i18n::NC_("role", "agency")};

std::string role_label(i18n::Language lang, std::string_view role) {
    for (const i18n::Message& m : kRoles) {
        if (m.msgid == role) return tr(lang, m);
    }
    return std::string(role);
}

/// The page, with `notice` (a generated password, an error) above the list.
HttpResponse accounts_page(const Call& call, int status, web::Data notice) {
    const i18n::Language lang = call.caller.lang;
    web::List accounts;
    for (const inspections::Account& a : app::list_users(call.operation<app::UserListRequest>())) {
        web::Data row;
        row.set("login", a.login);
        row.set("name", a.name);
        row.set("role", role_label(lang, a.role));
        row.set("scope", a.scope.value_or("—"));
        row.set("last_login", a.last_login ? time_text(lang, *a.last_login) : "—");
        row.set("disabled", a.disabled);
        row.set("action", "/accounts/" + a.login);
        accounts.push_back(row);
    }
    web::List roles;
    for (const i18n::Message& role : kRoles) {
        web::Data o;
        o.set("value", std::string(role.msgid));
        o.set("label", tr(lang, role));
        roles.push_back(o);
    }
    std::vector<inspections::UnitInfo> units = app::list_units(call.operation<app::UnitsListRequest>());
    std::sort(units.begin(), units.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    web::List scopes;
    for (const inspections::UnitInfo& u : units) {
        web::Data o;
        o.set("value", u.id);
        o.set("label", u.name);
        scopes.push_back(o);
    }
    web::Data data = std::move(notice);
    data.set("accounts", accounts);
    data.set("roles", roles);
    data.set("scopes", scopes);
    return page(call, status, "accounts", std::move(data), tr(lang, "Accounts"));
}

HttpResponse show(const Call& call) { return accounts_page(call, 200, {}); }

/// The page after an account's password was generated: it is shown this once.
HttpResponse with_password(const Call& call, const std::string& login, const std::string& password) {
    web::Data notice;
    notice.set("generated_login", login);
    notice.set("generated", password);
    return accounts_page(call, 200, std::move(notice));
}

HttpResponse refused(const Call& call, const app::Error& e) {
    web::Data notice;
    notice.set("error", i18n::localize(call.caller.lang, e.text()));
    return accounts_page(call, e.kind() == app::ErrorKind::Forbidden ? 403 : 422, std::move(notice));
}

HttpResponse add(const Call& call) {
    auto r = call.operation<app::UserAddRequest>();
    r.login = field(call, "login");
    r.role = field(call, "role");
    if (const std::string scope = field(call, "scope"); !scope.empty()) r.scope = scope;
    if (const std::string name = field(call, "name"); !name.empty()) r.name = name;
    r.lang = field(call, "lang");
    app::PasswordOutcome outcome;
    try {
        outcome = app::add_user(r);
    } catch (const app::Error& e) {
        if (e.kind() != app::ErrorKind::Invalid && e.kind() != app::ErrorKind::BadRequest) throw;
        return refused(call, e);
    }
    return with_password(call, r.login, outcome.generated.value_or(""));
}

HttpResponse change(const Call& call) {
    const std::string& login = call.param("login");
    const std::string what = field(call, "do");
    if (what == "disable" || what == "enable") {
        auto r = call.operation<app::UserEnableRequest>();
        r.login = login;
        r.enabled = what == "enable";
        try {
            app::enable_user(r);
        } catch (const app::Error& e) {
            if (e.kind() != app::ErrorKind::Invalid) throw;
            return refused(call, e);
        }
        return redirect("/accounts");
    }
    if (what == "password") {
        auto r = call.operation<app::PasswordResetRequest>();
        r.login = login;
        return with_password(call, login, app::reset_password(r).generated.value_or(""));
    }
    throw ApiError{400, "bad_request", core::T_("unknown change")};
}

}  // namespace

std::vector<Api::Route> account_pages() {
    constexpr std::size_t kForm = 64u << 10;
    return {
        {"GET", "/accounts", false, false, show, kBodyLimit, true},
        {"POST", "/accounts", false, false, add, kForm, true},
        {"POST", "/accounts/{login}", false, false, change, kForm, true},
    };
}

}  // namespace parscore::server
