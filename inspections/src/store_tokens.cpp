// API tokens: their hashes, who they act as, when they expire or were revoked (docs/accounts.md).
// The store never sees a token itself, only its SHA-256.
#include "store_impl.hpp"

namespace parscore::inspections {

namespace {

constexpr const char* kTokenColumns = "id, login, name, hash, created_at, expires_at, revoked_at, last_used";

Token token_row(const sql::Statement& s) {
    Token t;
    t.id = s.int64(0);
    t.login = s.text(1);
    t.name = s.text(2);
    t.hash = s.text(3);
    t.created_at = s.text(4);
    t.expires_at = s.optional_text(5);
    t.revoked_at = s.optional_text(6);
    t.last_used = s.optional_text(7);
    return t;
}

/// The audit log's name for a token: its owner and number ("lan#3").
std::string token_target(std::string_view login, std::int64_t id) {
    return std::string(login) + "#" + std::to_string(id);
}

}  // namespace

std::int64_t Store::add_token(std::string_view login, std::string_view name, std::string_view hash,
                              const std::optional<std::string>& expires_at) {
    return impl_->write([&] {
        if (!find_account(login)) refuse(core::T_("unknown account {login}", {quoted("login", login)}));
        sql::Statement s = impl_->db.prepare(
            "INSERT INTO tokens(login, name, hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)");
        s.bind(1, login).bind(2, name).bind(3, hash).bind(4, utc_now()).bind(5, expires_at).run();
        const std::int64_t id = impl_->db.last_insert_id();
        impl_->audit("token add", token_target(login, id));
        return id;
    });
}

std::vector<Token> Store::tokens(const std::optional<std::string>& login) const {
    std::vector<Token> out;
    if (impl_->schema < 4) return out;
    sql::Statement s = impl_->db.prepare(std::string("SELECT ") + kTokenColumns +
                                         " FROM tokens WHERE ?1 IS NULL OR login = ?1 ORDER BY id");
    s.bind(1, login);
    while (s.step()) out.push_back(token_row(s));
    return out;
}

bool Store::revoke_token(std::int64_t id) {
    return impl_->write([&] {
        sql::Statement find = impl_->db.prepare("SELECT login, revoked_at IS NOT NULL FROM tokens WHERE id = ?");
        find.bind(1, id);
        if (!find.step()) refuse(core::T_("unknown token {id}", {{"id", std::to_string(id)}}));
        if (find.int64(1) != 0) return false;
        const std::string login = find.text(0);
        sql::Statement s = impl_->db.prepare("UPDATE tokens SET revoked_at = ? WHERE id = ?");
        s.bind(1, utc_now()).bind(2, id).run();
        impl_->audit("token revoke", token_target(login, id));
        return true;
    });
}

std::optional<TokenMatch> Store::find_token_by_hash(std::string_view hash) const {
    if (impl_->schema < 4) return std::nullopt;
    sql::Statement s = impl_->db.prepare(std::string("SELECT ") + kTokenColumns +
                                         " FROM tokens WHERE hash = ? AND revoked_at IS NULL AND "
                                         "(expires_at IS NULL OR expires_at > ?)");
    s.bind(1, hash).bind(2, utc_now());
    if (!s.step()) return std::nullopt;
    Token token = token_row(s);
    std::optional<Account> account = find_account(token.login);
    if (!account || account->disabled) return std::nullopt;
    return TokenMatch{std::move(token), std::move(*account)};
}

void Store::record_token_use(std::int64_t id, std::string_view time) {
    impl_->write([&] {
        sql::Statement s = impl_->db.prepare("UPDATE tokens SET last_used = ? WHERE id = ?");
        s.bind(1, time).bind(2, id).run();
    });
}

}  // namespace parscore::inspections
