// Reading accounts, and the audit row every audited change appends (docs/accounts.md).
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
    if (!s.is_null(3)) a.scope = s.text(3);
    a.lang = s.text(4);
    a.password_hash = s.text(5);
    a.must_change = s.int64(6) != 0;
    a.disabled = s.int64(7) != 0;
    a.created_at = s.text(8);
    a.changed_at = s.text(9);
    if (!s.is_null(10)) a.last_login = s.text(10);
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

void Store::audit_as(std::optional<AuditContext> context) { impl_->auditor = std::move(context); }

void Store::Impl::audit(std::string_view action, std::string_view object, std::optional<std::int64_t> revision) {
    if (!auditor) return;
    sql::Statement last = db.prepare("SELECT no, hash FROM audit ORDER BY no DESC LIMIT 1");
    chain::AuditContent a;
    std::string prev;
    if (last.step()) {
        a.no = last.int64(0) + 1;
        prev = last.text(1);
    } else {
        // AUTOINCREMENT's counter, so that a first row is numbered after any row ever deleted.
        sql::Statement seq = db.prepare("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit'), 0)");
        seq.step();
        a.no = seq.int64(0) + 1;
    }
    const std::string time = utc_now();
    a.time = time;
    a.account = auditor->account;
    a.address = auditor->address;
    a.action = action;
    a.target = object;
    a.revision = revision;
    a.prev_hash = prev;
    const std::string hash = chain::audit_hash(a);
    sql::Statement add = db.prepare(
        "INSERT INTO audit(no, time, account, address, action, target, revision, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    add.bind(1, a.no).bind(2, time).bind(3, a.account).bind(4, a.address).bind(5, action).bind(6, object);
    add.bind(7, revision).bind(8, prev).bind(9, hash).run();
}

}  // namespace parscore::inspections
