// tokens add|list|revoke: API tokens for scripts (docs/accounts.md, "API tokens"). A new token is
// printed once, alone on one line of stdout; only its SHA-256 is stored and nothing lists it.
#include <CLI/CLI.hpp>

#include "accounts_cli.hpp"
#include "parscore/app/accounts.hpp"
#include "parscore/i18n/translate.hpp"
#include "shared.hpp"
#include "store_cli.hpp"

namespace parscore::cli::accounts {

namespace {

namespace ins = parscore::inspections;
using i18n::NC_;

struct TokenOptions {
    std::string login, name;
    std::optional<int> days;
    std::int64_t id = 0;
    app::Format format = app::Format::Table;
};

void add_token(Context& ctx, const TokenOptions& o) {
    auto r = ctx.request<app::TokenAddRequest>();
    r.login = o.login;
    r.name = o.name;
    r.days = o.days;
    const app::TokenAddOutcome token = app::add_token(r);
    ctx.out << token.secret << "\n" << std::flush;
    const std::string id = std::to_string(token.id);
    std::string line;
    if (token.expires_at) {
        const std::string until = time_text(ctx.lang, token.expires_at);
        line = i18n::tr(ctx.lang, "token {id} of '{login}' added, valid until {until} UTC; it is shown only this once",
                        {{"id", id}, {"login", o.login}, {"until", until}});
    } else {
        line = i18n::tr(ctx.lang, "token {id} of '{login}' added; it is shown only this once",
                        {{"id", id}, {"login", o.login}});
    }
    ctx.err << "parscore: " << line << "\n";
}

void revoke_token(Context& ctx, std::int64_t id) {
    auto r = ctx.request<app::TokenRevokeRequest>();
    r.id = id;
    const bool revoked = app::revoke_token(r);
    const std::string n = std::to_string(id);
    std::string line;
    if (revoked) line = i18n::tr(ctx.lang, "token {id} revoked", {{"id", n}});
    else line = i18n::tr(ctx.lang, "token {id} was revoked already", {{"id", n}});
    ctx.out << line << "\n";
}

std::string tokens_json(const std::vector<ins::Token>& tokens) {
    using store::json_string;
    std::vector<std::string> objects;
    for (const ins::Token& t : tokens) {
        objects.push_back("{\"id\": " + std::to_string(t.id) + ", \"login\": " + json_string(t.login) +
                          ", \"name\": " + json_string(t.name) + ", \"created_at\": " + json_string(t.created_at) +
                          ", \"expires_at\": " + json_or_null(t.expires_at) + ", \"revoked_at\": " +
                          json_or_null(t.revoked_at) + ", \"last_used\": " + json_or_null(t.last_used) + "}");
    }
    return json_array(objects);
}

const std::vector<i18n::Message> kTokenColumns = {NC_("tokens list", "id"),       NC_("tokens list", "login"),
                                                  NC_("tokens list", "name"),     NC_("tokens list", "created"),
                                                  NC_("tokens list", "expires"),  NC_("tokens list", "revoked"),
                                                  NC_("tokens list", "last used")};

std::string tokens_table(i18n::Language lang, const std::vector<ins::Token>& tokens) {
    std::vector<std::vector<std::string>> rows;
    for (const ins::Token& t : tokens) {
        rows.push_back({std::to_string(t.id), t.login, t.name, time_text(lang, t.created_at),
                        time_text(lang, t.expires_at), time_text(lang, t.revoked_at), time_text(lang, t.last_used)});
    }
    return table(lang, kTokenColumns, rows);
}

void list_tokens(Context& ctx, const TokenOptions& o) {
    auto r = ctx.request<app::TokenListRequest>();
    r.login = given(o.login);
    const std::vector<ins::Token> tokens = app::list_tokens(r);
    ctx.out << (o.format == app::Format::Json ? tokens_json(tokens) : tokens_table(ctx.lang, tokens));
}

}  // namespace

void add_tokens_commands(CLI::App& app, Context& ctx) {
    CLI::App* tokens = app.add_subcommand("tokens", i18n::tr(ctx.lang, "Manage the API tokens scripts use"));
    tokens->require_subcommand(1);

    auto& a = ctx.own<TokenOptions>();
    CLI::App* add = tokens->add_subcommand("add",
                                           i18n::tr(ctx.lang,
                                                    "Create a token and print it once, alone on one line of stdout"));
    add->add_option("--user", a.login, i18n::tr(ctx.lang, "The account the token acts as"))->required();
    add->add_option("--name", a.name, i18n::tr(ctx.lang, "What the token is for"))->required();
    add->add_option("--days", a.days, i18n::tr(ctx.lang, "Valid for this many days (default: until revoked)"))
        ->check(CLI::Range(1, 36500));
    add->callback([&ctx, &a] { add_token(ctx, a); });

    auto& l = ctx.own<TokenOptions>();
    CLI::App* list = tokens->add_subcommand("list",
                                            i18n::tr(ctx.lang, "List the tokens, by id, never the tokens themselves"));
    list->add_option("--user", l.login, i18n::tr(ctx.lang, "Only this account's tokens"));
    add_format_option(list, l.format, {app::Format::Table, app::Format::Json});
    list->callback([&ctx, &l] { list_tokens(ctx, l); });

    auto& v = ctx.own<TokenOptions>();
    CLI::App* revoke = tokens->add_subcommand("revoke", i18n::tr(ctx.lang, "Stop a token at once"));
    revoke->add_option("ID", v.id, i18n::tr(ctx.lang, "The token's id (tokens list)"))->required();
    revoke->callback([&ctx, &v] { revoke_token(ctx, v.id); });
}

}  // namespace parscore::cli::accounts
