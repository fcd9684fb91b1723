// Accounts: reading, adding and changing them, and the audit row every audited change appends
// (docs/accounts.md). Tokens are in store_tokens.cpp.
#include "bulk_insert.hpp"
#include "chain.hpp"
#include "store_impl.hpp"

namespace parscore::inspections {

namespace {

constexpr const char* kAccountColumns =
    "login, name, role, scope, lang, password_hash, must_change, disabled, created_at, changed_at, last_login";

Account account_row(const sql::Statement& s) {
    Account a;
    a.login = s.text(0);
    a.name = s.text(1);
    a.role = s.text(2);
    a.scope = s.optional_text(3);
    a.lang = s.text(4);
    a.password_hash = s.text(5);
    a.must_change = s.int64(6) != 0;
    a.disabled = s.int64(7) != 0;
    a.created_at = s.text(8);
    a.changed_at = s.text(9);
    a.last_login = s.optional_text(10);
    return a;
}

}  // namespace

std::optional<Account> Store::find_account(std::string_view login) const {
    if (impl_->schema < 4) return std::nullopt;
    sql::Statement s = impl_->db.prepare(std::string("SELECT ") + kAccountColumns + " FROM accounts WHERE login = ?");
    s.bind(1, login);
    if (!s.step()) return std::nullopt;
    return account_row(s);
}

std::vector<Account> Store::accounts() const {
    std::vector<Account> out;
    if (impl_->schema < 4) return out;
    sql::Statement s = impl_->db.prepare(std::string("SELECT ") + kAccountColumns + " FROM accounts ORDER BY login");
    while (s.step()) out.push_back(account_row(s));
    return out;
}

std::int64_t Store::enabled_admins() const {
    if (impl_->schema < 4) return 0;
    sql::Statement s = impl_->db.prepare("SELECT count(*) FROM accounts WHERE role = 'admin' AND disabled = 0");
    s.step();
    return s.int64(0);
}

void Store::add_account(const Account& a) {
    impl_->write([&] {
        if (find_account(a.login)) refuse(core::T_("account {login} exists already", {quoted("login", a.login)}));
        const std::string now = utc_now();
        sql::Statement s = impl_->db.prepare(
            "INSERT INTO accounts(login, name, role, scope, lang, password_hash, must_change, disabled, created_at, "
            "changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, a.login).bind(2, a.name).bind(3, a.role).bind(4, a.scope).bind(5, a.lang).bind(6, a.password_hash);
        s.bind(7, a.must_change ? 1 : 0).bind(8, a.disabled ? 1 : 0).bind(9, now).bind(10, now).run();
        impl_->audit("account add", a.login);
    });
}

namespace {

/// The audit actions of a change: one per kind of change it makes to `before`.
std::vector<const char*> change_actions(const Account& before, const AccountChange& c) {
    std::vector<const char*> out;
    if ((c.name && *c.name != before.name) || (c.role && *c.role != before.role) ||
        (c.lang && *c.lang != before.lang) || (c.scope && *c.scope != before.scope)) {
        out.push_back("account change");
    }
    if (c.disabled && *c.disabled != before.disabled) out.push_back(*c.disabled ? "account disable" : "account enable");
    if (c.password_hash) out.push_back("password reset");
    return out;
}

}  // namespace

bool Store::update_account(std::string_view login, const AccountChange& c) {
    return impl_->write([&] {
        const std::optional<Account> before = find_account(login);
        if (!before) refuse(core::T_("unknown account {login}", {quoted("login", login)}));
        const std::vector<const char*> actions = change_actions(*before, c);
        if (actions.empty()) return false;
        const std::int64_t admins = enabled_admins();
        // Each given field replaces the stored one; coalesce keeps the others.
        sql::Statement s = impl_->db.prepare(
            "UPDATE accounts SET name = coalesce(?2, name), role = coalesce(?3, role), "
            "scope = CASE WHEN ?4 THEN ?5 ELSE scope END, lang = coalesce(?6, lang), "
            "disabled = coalesce(?7, disabled), password_hash = coalesce(?8, password_hash), "
            "must_change = CASE WHEN ?8 IS NULL THEN must_change ELSE ?9 END, changed_at = ?10 WHERE login = ?1");
        s.bind(1, login).bind(2, c.name).bind(3, c.role).bind(4, c.scope ? 1 : 0);
        s.bind(5, c.scope.value_or(std::nullopt)).bind(6, c.lang);
        s.bind(7, c.disabled ? std::optional<int>(*c.disabled ? 1 : 0) : std::nullopt);
        s.bind(8, c.password_hash).bind(9, c.must_change ? 1 : 0).bind(10, utc_now()).run();
        // Checked after the change, in its transaction, so that two runs at once cannot both
        // remove "the other" admin.
        if (admins > 0 && enabled_admins() == 0) {
            refuse(core::T_("{login} is the last enabled admin account; add or enable another admin first",
                            {quoted("login", login)}));
        }
        // A disabled account's sessions end, and so do all of them when its password changes (the
        // one changing it keeps its own through end_sessions_of's `keep`).
        if ((c.disabled && *c.disabled) || c.password_hash) {
            sql::Statement end = impl_->db.prepare(
                "UPDATE sessions SET ended_at = ? WHERE login = ? AND ended_at IS NULL");
            end.bind(1, utc_now()).bind(2, login).run();
        }
        for (const char* action : actions) impl_->audit(action, login);
        return true;
    });
}

void Store::record_login(std::string_view login, std::string_view time) {
    impl_->write([&] {
        sql::Statement s = impl_->db.prepare("UPDATE accounts SET last_login = ? WHERE login = ?");
        s.bind(1, time).bind(2, login).run();
    });
}

void Store::audit_as(std::optional<AuditContext> context) { impl_->auditor = std::move(context); }

namespace {

/// The number of the next audit row and the hash it follows.
std::pair<std::int64_t, std::string> audit_tail(sql::Database& db) {
    sql::Statement last = db.prepare("SELECT no, hash FROM audit ORDER BY no DESC LIMIT 1");
    if (last.step()) return {last.int64(0) + 1, last.text(1)};
    // AUTOINCREMENT's counter, so that a first row is numbered after any row ever deleted.
    sql::Statement seq = db.prepare(db.audit_last_sql());
    seq.step();
    return {seq.int64(0) + 1, ""};
}

/// Appends audit rows, each chained to the one before; `next` gives each row's target and
/// revision, false when there are no more.
void append_audit(sql::Database& db, const AuditContext& auditor, std::string_view action,
                  const std::function<bool(std::string_view&, std::optional<std::int64_t>&)>& next, sql::Rows rows) {
    // Plain variables, not a structured binding: the lambda below captures them.
    std::pair<std::int64_t, std::string> tail = audit_tail(db);
    std::int64_t no = tail.first;
    std::string prev = std::move(tail.second);
    const std::string time = utc_now();
    sql::insert_rows(
        db, "audit", "no, time, account, address, action, target, revision, prev_hash, hash",
        [&](sql::RowValues& row) {
            chain::AuditContent a;
            if (!next(a.target, a.revision)) return false;
            a.no = no;
            a.time = time;
            a.account = auditor.account;
            a.address = auditor.address;
            a.action = action;
            a.prev_hash = prev;
            std::string hash = chain::audit_hash(a);
            row.add(a.no).add(time).add(a.account).add(a.address).add(action).add(a.target);
            row.add(a.revision).add(prev).add(hash);
            prev = std::move(hash);
            ++no;
            return true;
        },
        rows);
}

}  // namespace

void Store::Impl::audit(std::string_view action, std::string_view object, std::optional<std::int64_t> revision) {
    if (!auditor) return;
    bool given = false;
    append_audit(
        db, *auditor, action,
        [&](std::string_view& object_of_row, std::optional<std::int64_t>& change) {
            if (given) return false;
            given = true;
            object_of_row = object;
            change = revision;
            return true;
        },
        sql::Rows::Few);
}

void Store::Impl::audit_many(std::string_view action, std::size_t count,
                             const std::function<std::string_view(std::size_t)>& objects, std::int64_t first_revision) {
    if (!auditor || count == 0) return;
    std::size_t i = 0;
    append_audit(
        db, *auditor, action,
        [&](std::string_view& object_of_row, std::optional<std::int64_t>& change) {
            if (i == count) return false;
            object_of_row = objects(i);
            change = first_revision + static_cast<std::int64_t>(i);
            ++i;
            return true;
        },
        sql::Rows::Many);
}

}  // namespace parscore::inspections
