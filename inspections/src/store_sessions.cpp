// The server's sessions and failed logins (docs/accounts.md, "Sessions"). Neither takes a
// revision number: they never change a score.
#include "store_impl.hpp"

namespace parscore::inspections {

void Store::add_session(const Session& s) {
    impl_->write([&] {
        sql::Statement add = impl_->db.prepare(
            "INSERT INTO sessions(id_hash, login, csrf_hash, address, created_at, last_seen) VALUES (?, ?, ?, ?, ?, ?)");
        add.bind(1, s.id_hash).bind(2, s.login).bind(3, s.csrf_hash).bind(4, s.address).bind(5, s.created_at);
        add.bind(6, s.last_seen).run();
        impl_->audit("login", s.login);
    });
}

void Store::renew_password_hash(std::string_view login, std::string_view hash) {
    impl_->write([&] {
        sql::Statement s = impl_->db.prepare("UPDATE accounts SET password_hash = ? WHERE login = ?");
        s.bind(1, hash).bind(2, login).run();
    });
}

std::optional<Session> Store::find_session(std::string_view id_hash) const {
    if (impl_->schema < 4) return std::nullopt;
    sql::Statement s = impl_->db.prepare(
        "SELECT id_hash, login, csrf_hash, address, created_at, last_seen, ended_at FROM sessions WHERE id_hash = ?");
    s.bind(1, id_hash);
    if (!s.step()) return std::nullopt;
    return Session{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.optional_text(6)};
}

void Store::touch_session(std::string_view id_hash, const std::string& at) {
    impl_->write([&] {
        sql::Statement s = impl_->db.prepare(
            "UPDATE sessions SET last_seen = ?1 WHERE id_hash = ?2 AND ended_at IS NULL AND last_seen < ?1");
        s.bind(1, at).bind(2, id_hash).run();
    });
}

bool Store::end_session(std::string_view id_hash, const std::string& at) {
    return impl_->write([&] {
        sql::Statement s = impl_->db.prepare(
            "UPDATE sessions SET ended_at = ? WHERE id_hash = ? AND ended_at IS NULL RETURNING login");
        s.bind(1, at).bind(2, id_hash);
        if (!s.step()) return false;
        const std::string login = s.text(0);
        s.reset();
        impl_->audit("logout", login);
        return true;
    });
}

std::size_t Store::end_sessions_of(std::string_view login, const std::string& at, std::string_view keep) {
    return impl_->write([&] {
        sql::Statement s = impl_->db.prepare(
            "UPDATE sessions SET ended_at = ? WHERE login = ? AND id_hash <> ? AND ended_at IS NULL");
        s.bind(1, at).bind(2, login).bind(3, keep).run();
        return static_cast<std::size_t>(impl_->db.changes());
    });
}

void Store::add_login_failure(std::string_view login, std::string_view address, const std::string& at) {
    impl_->write([&] {
        sql::Statement s = impl_->db.prepare("INSERT INTO login_failures(time, login, address) VALUES (?, ?, ?)");
        s.bind(1, at).bind(2, login).bind(3, address).run();
        impl_->audit("login failed", login);
    });
}

Store::FailureCounts Store::login_failures_since(std::string_view login, std::string_view address,
                                                 const std::string& since) const {
    FailureCounts counts;
    if (impl_->schema < 4) return counts;
    sql::Statement s = impl_->db.prepare(
        "SELECT (SELECT count(*) FROM login_failures WHERE login = ?1 AND time >= ?3), "
        "       (SELECT min(time) FROM login_failures WHERE login = ?1 AND time >= ?3), "
        "       (SELECT count(*) FROM login_failures WHERE address = ?2 AND time >= ?3), "
        "       (SELECT min(time) FROM login_failures WHERE address = ?2 AND time >= ?3)");
    s.bind(1, login).bind(2, address).bind(3, since);
    s.step();
    counts.login = static_cast<std::size_t>(s.int64(0));
    counts.oldest_login = s.optional_text(1);
    counts.address = static_cast<std::size_t>(s.int64(2));
    counts.oldest_address = s.optional_text(3);
    return counts;
}

}  // namespace parscore::inspections
