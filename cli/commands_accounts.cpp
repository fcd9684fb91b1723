// users add|list|set|disable|enable|password: the accounts of a database (docs/accounts.md,
// "Accounts"). A password is read from stdin (--password-stdin) or generated and printed once;
// it never reaches the log.
#include <CLI/CLI.hpp>
#include <istream>

#include "accounts_cli.hpp"
#include "parscore/app/accounts.hpp"
#include "parscore/core/date.hpp"
#include "parscore/i18n/translate.hpp"
#include "shared.hpp"
#include "store_cli.hpp"

namespace parscore::cli {

namespace accounts {

std::string time_text(i18n::Language lang, const std::optional<std::string>& time) {
    if (!time || time->size() < 16) return "—";
    const std::optional<core::Date> day = core::parse_date(time->substr(0, 10));
    if (!day) return *time;
    return store::date_text(lang, *day) + " " + time->substr(11, 5);
}

std::string yes_text(i18n::Language lang, bool value) { return value ? i18n::tr(lang, "yes") : std::string(); }

std::string json_or_null(const std::optional<std::string>& text) {
    return text ? store::json_string(*text) : std::string("null");
}

std::string json_array(const std::vector<std::string>& objects) {
    std::string out = "[";
    for (std::size_t i = 0; i < objects.size(); ++i) out += (i ? ",\n  " : "\n  ") + objects[i];
    return out + (objects.empty() ? "]\n" : "\n]\n");
}

std::string table(i18n::Language lang, const std::vector<i18n::Message>& heads,
                  const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::string> header;
    for (const i18n::Message& head : heads) header.push_back(i18n::tr(lang, head));
    return store::format_table(header, rows);
}

}  // namespace accounts

namespace {

namespace ins = parscore::inspections;
using i18n::NC_;

struct UserOptions {
    std::string login, role, scope, name, lang;
    bool no_scope = false;
    bool password_stdin = false;
    app::Format format = app::Format::Table;
};

/// The first line of stdin, without its line end.
std::string password_from_stdin(Context& ctx) {
    std::string line;
    if (!ctx.in || !std::getline(*ctx.in, line)) {
        throw CliError(kUsage,
                       core::T_("--password-stdin: expected a password on the first line of stdin, found none"));
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

std::optional<std::string> password_option(Context& ctx, const UserOptions& o) {
    if (!o.password_stdin) return std::nullopt;
    return password_from_stdin(ctx);
}

void print_generated(Context& ctx, const std::string& login, const app::PasswordOutcome& outcome) {
    if (!outcome.generated) return;
    ctx.out << i18n::tr(ctx.lang,
                        "one-time password of '{login}', shown only now; it must be changed at the first login:",
                        {{"login", login}})
            << "\n"
            << *outcome.generated << "\n";
}

void add_user(Context& ctx, const UserOptions& o) {
    auto r = ctx.request<app::UserAddRequest>();
    r.login = o.login;
    r.role = o.role;
    r.scope = given(o.scope);
    r.name = given(o.name);
    r.lang = o.lang.empty() ? "vi" : o.lang;
    r.password = password_option(ctx, o);
    const app::PasswordOutcome outcome = app::add_user(r);
    ctx.out << i18n::tr(ctx.lang, "account '{login}' added ({role})", {{"login", o.login}, {"role", o.role}}) << "\n";
    print_generated(ctx, o.login, outcome);
}

void set_user(Context& ctx, const UserOptions& o) {
    auto r = ctx.request<app::UserSetRequest>();
    r.login = o.login;
    r.role = given(o.role);
    r.name = given(o.name);
    r.lang = given(o.lang);
    if (o.no_scope) r.scope = std::optional<std::string>();
    else if (!o.scope.empty()) r.scope = o.scope;
    const bool changed = app::set_user(r);
    std::string line;
    if (changed) line = i18n::tr(ctx.lang, "account '{login}' changed", {{"login", o.login}});
    else line = i18n::tr(ctx.lang, "account '{login}' unchanged", {{"login", o.login}});
    ctx.out << line << "\n";
}

void enable_user(Context& ctx, const std::string& login, bool enabled) {
    auto r = ctx.request<app::UserEnableRequest>();
    r.login = login;
    r.enabled = enabled;
    const bool changed = app::enable_user(r);
    const core::TextArg name{"login", login};
    std::string line;
    if (enabled) {
        line = changed ? i18n::tr(ctx.lang, "account '{login}' enabled", {name})
                       : i18n::tr(ctx.lang, "account '{login}' was enabled already", {name});
    } else {
        line = changed ? i18n::tr(ctx.lang, "account '{login}' disabled", {name})
                       : i18n::tr(ctx.lang, "account '{login}' was disabled already", {name});
    }
    ctx.out << line << "\n";
}

void reset_password(Context& ctx, const UserOptions& o) {
    auto r = ctx.request<app::PasswordResetRequest>();
    r.login = o.login;
    r.password = password_option(ctx, o);
    const app::PasswordOutcome outcome = app::reset_password(r);
    ctx.out << i18n::tr(ctx.lang, "password of '{login}' reset", {{"login", o.login}}) << "\n";
    print_generated(ctx, o.login, outcome);
}

std::string users_json(const std::vector<ins::Account>& users) {
    using accounts::json_or_null;
    using store::json_string;
    std::vector<std::string> objects;
    for (const ins::Account& a : users) {
        objects.push_back("{\"login\": " + json_string(a.login) + ", \"name\": " + json_string(a.name) +
                          ", \"role\": " + json_string(a.role) + ", \"scope\": " + json_or_null(a.scope) +
                          ", \"lang\": " + json_string(a.lang) + ", \"disabled\": " + (a.disabled ? "true" : "false") +
                          ", \"must_change_password\": " + (a.must_change ? "true" : "false") + ", \"created_at\": " +
                          json_string(a.created_at) + ", \"changed_at\": " + json_string(a.changed_at) +
                          ", \"last_login\": " + json_or_null(a.last_login) + "}");
    }
    return accounts::json_array(objects);
}

const std::vector<i18n::Message> kUserColumns = {NC_("users list", "login"),     NC_("users list", "name"),
                                                 NC_("users list", "role"),      NC_("users list", "scope"),
                                                 NC_("users list", "lang"),      NC_("users list", "disabled"),
                                                 NC_("users list", "last login")};

std::string users_table(i18n::Language lang, const std::vector<ins::Account>& users) {
    std::vector<std::vector<std::string>> rows;
    for (const ins::Account& a : users) {
        rows.push_back({a.login, a.name, a.role, a.scope.value_or("—"), a.lang, accounts::yes_text(lang, a.disabled),
                        accounts::time_text(lang, a.last_login)});
    }
    return accounts::table(lang, kUserColumns, rows);
}

void list_users(Context& ctx, app::Format format) {
    const std::vector<ins::Account> users = app::list_users(ctx.request<app::UserListRequest>());
    ctx.out << (format == app::Format::Json ? users_json(users) : users_table(ctx.lang, users));
}

CLI::Option* add_login_argument(CLI::App* cmd, UserOptions& o, Context& ctx) {
    return cmd->add_option("LOGIN", o.login, i18n::tr(ctx.lang, "The account's login"))->required();
}

void add_password_stdin_flag(CLI::App* cmd, UserOptions& o, Context& ctx) {
    cmd->add_flag("--password-stdin", o.password_stdin,
                  i18n::tr(ctx.lang,
                           "Read the password from the first line of stdin (default: generate a one-time password "
                           "and print it)"));
}

void add_lang_value(CLI::App* cmd, UserOptions& o, Context& ctx, bool with_default) {
    cmd->add_option("--lang", o.lang,
                    with_default ? i18n::tr(ctx.lang,
                                            "The account's language, also of this command's messages: vi "
                                            "or en (default: vi)")
                                 : i18n::tr(ctx.lang,
                                            "The account's language, also of this command's messages: vi "
                                            "or en"))
        ->check(CLI::IsMember({"vi", "en"}));
}

void add_users_add(CLI::App& users, Context& ctx) {
    auto& o = ctx.own<UserOptions>();
    CLI::App* cmd = users.add_subcommand("add", i18n::tr(ctx.lang, "Create an account"));
    add_login_argument(cmd, o, ctx);
    cmd->add_option("--role", o.role, i18n::tr(ctx.lang, "admin, office, author, inspector or agency"))->required();
    cmd->add_option("--scope", o.scope,
                    i18n::tr(ctx.lang,
                             "The unit the account acts on, with every unit below it (an agency's own "
                             "unit; default: the whole database)"));
    cmd->add_option("--name", o.name, i18n::tr(ctx.lang, "The person's name (default: the login)"));
    add_lang_value(cmd, o, ctx, true);
    add_password_stdin_flag(cmd, o, ctx);
    cmd->callback([&ctx, &o] { add_user(ctx, o); });
}

void add_users_set(CLI::App& users, Context& ctx) {
    auto& o = ctx.own<UserOptions>();
    CLI::App* cmd = users.add_subcommand("set",
                                         i18n::tr(ctx.lang, "Change an account's role, scope, name or language"));
    add_login_argument(cmd, o, ctx);
    cmd->add_option("--role", o.role, i18n::tr(ctx.lang, "admin, office, author, inspector or agency"));
    CLI::Option* scope = cmd->add_option("--scope", o.scope, i18n::tr(ctx.lang, "The unit the account acts on"));
    cmd->add_flag("--no-scope", o.no_scope, i18n::tr(ctx.lang, "Let the account act on the whole database"))
        ->excludes(scope);
    cmd->add_option("--name", o.name, i18n::tr(ctx.lang, "The person's name"));
    add_lang_value(cmd, o, ctx, false);
    cmd->callback([&ctx, &o] { set_user(ctx, o); });
}

void add_users_toggle(CLI::App& users, Context& ctx, bool enable) {
    auto& o = ctx.own<UserOptions>();
    CLI::App* cmd = enable ? users.add_subcommand("enable", i18n::tr(ctx.lang, "Let a disabled account act again"))
                           : users.add_subcommand("disable", i18n::tr(ctx.lang,
                                                                      "Stop an account and its tokens at once "
                                                                      "(never the last enabled admin)"));
    add_login_argument(cmd, o, ctx);
    cmd->callback([&ctx, &o, enable] { enable_user(ctx, o.login, enable); });
}

void add_users_password(CLI::App& users, Context& ctx) {
    auto& o = ctx.own<UserOptions>();
    CLI::App* cmd = users.add_subcommand("password", i18n::tr(ctx.lang, "Reset an account's password"));
    add_login_argument(cmd, o, ctx);
    add_password_stdin_flag(cmd, o, ctx);
    cmd->callback([&ctx, &o] { reset_password(ctx, o); });
}

void add_users_list(CLI::App& users, Context& ctx) {
    auto& format = ctx.own<app::Format>();
    CLI::App* cmd = users.add_subcommand("list", i18n::tr(ctx.lang, "List the accounts, by login"));
    add_format_option(cmd, format, {app::Format::Table, app::Format::Json});
    cmd->callback([&ctx, &format] { list_users(ctx, format); });
}

}  // namespace

void add_account_commands(CLI::App& app, Context& ctx) {
    CLI::App* users = app.add_subcommand("users", i18n::tr(ctx.lang, "Manage the accounts of the database"));
    users->require_subcommand(1);
    add_users_add(*users, ctx);
    add_users_list(*users, ctx);
    add_users_set(*users, ctx);
    add_users_toggle(*users, ctx, false);
    add_users_toggle(*users, ctx, true);
    add_users_password(*users, ctx);
    accounts::add_tokens_commands(app, ctx);
}

}  // namespace parscore::cli
