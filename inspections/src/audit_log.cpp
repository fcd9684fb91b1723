// Reading the audit log, and checking it: its hash chain, rows deleted at its end, and changes
// whose author is an account but which the log does not record (docs/accounts.md, "Audit log").
#include <climits>

#include "chain.hpp"
#include "parscore/core/date.hpp"
#include "store_impl.hpp"

namespace parscore::inspections {

namespace {

constexpr const char* kAuditColumns = "no, time, account, address, action, target, revision, prev_hash, hash";

AuditEntry audit_row(const sql::Statement& s) {
    AuditEntry e;
    e.no = s.int64(0);
    e.time = s.text(1);
    e.account = s.text(2);
    e.address = s.text(3);
    e.action = s.text(4);
    e.target = s.text(5);
    if (!s.is_null(6)) e.revision = s.int64(6);
    e.prev_hash = s.text(7);
    e.hash = s.text(8);
    return e;
}

AuditProblem problem(std::optional<std::int64_t> no, core::Text text) {
    std::string english = text.english();
    return AuditProblem{no, std::move(english), std::move(text)};
}

std::string number_range(std::int64_t first, std::int64_t last) {
    return std::to_string(first) + (last > first ? "–" + std::to_string(last) : "");
}

/// Every row's hash, its link to the row before and its number (1, 2, … with no gap).
void check_chain(const std::vector<AuditEntry>& rows, std::vector<AuditProblem>& out) {
    std::int64_t expected = 1;
    std::string prev;
    for (const AuditEntry& e : rows) {
        const std::string no = std::to_string(e.no);
        if (e.no > expected) {
            out.push_back(problem(e.no, core::T_("audit rows {numbers} are missing (rows were deleted)",
                                                 {{"numbers", number_range(expected, e.no - 1)}})));
        } else if (e.prev_hash != prev) {  // a gap already explains a broken link
            out.push_back(problem(e.no, core::T_("audit row {no} does not follow the row before it", {{"no", no}})));
        }
        chain::AuditContent c{e.no, e.time, e.account, e.address, e.action, e.target, e.revision, e.prev_hash};
        if (chain::audit_hash(c) != e.hash) {
            out.push_back(problem(e.no, core::T_("audit row {no} was changed after it was written", {{"no", no}})));
        }
        expected = e.no + 1;
        prev = e.hash;
    }
}

/// AUTOINCREMENT remembers the highest number ever given: above the last row, rows were deleted
/// from the end (which no link can show).
void check_end(const sql::Database& db, std::int64_t last, std::vector<AuditProblem>& out) {
    sql::Statement s = db.prepare(db.audit_last_sql());
    s.step();
    if (const std::int64_t seq = s.int64(0); seq > last) {
        out.push_back(problem(std::nullopt, core::T_("audit rows {numbers} are missing (the last rows were deleted)",
                                                     {{"numbers", number_range(last + 1, seq)}})));
    }
}

/// Every numbered change with its author (the tables of docs/store.md that take revision numbers).
constexpr const char* kChanges =
    "WITH changes(no, who) AS (SELECT no, recorded_by FROM revisions UNION ALL SELECT no, recorded_by FROM events "
    "UNION ALL SELECT no, recorded_by FROM unit_versions WHERE no > 0 "
    "UNION ALL SELECT no, adopted_by FROM adoptions "
    "UNION ALL SELECT no, published_by FROM publications WHERE no IS NOT NULL) ";

/// A change made by an account has an audit row of its number naming that account, and every
/// audit row with a number names the change's author.
void check_authors(const sql::Database& db, std::vector<AuditProblem>& out) {
    sql::Statement unlogged = db.prepare(std::string(kChanges) +
                                         "SELECT c.no, c.who FROM changes c JOIN accounts a ON a.login = c.who "
                                         "WHERE NOT EXISTS (SELECT 1 FROM audit WHERE revision = c.no) "
                                         // A merged change is the other database's: audited there.
                                         "AND NOT EXISTS (SELECT 1 FROM merges m WHERE c.no BETWEEN m.first_no AND "
                                         "m.last_no) ORDER BY c.no");
    while (unlogged.step()) {
        out.push_back(problem(std::nullopt, core::T_("change {revision} by account {account} has no audit row",
                                                     {{"revision", std::to_string(unlogged.int64(0))},
                                                      {"account", unlogged.text(1)}})));
    }
    sql::Statement other = db.prepare(
        std::string(kChanges) +
        "SELECT u.no, u.revision, u.account, c.who FROM audit u "
        "LEFT JOIN changes c ON c.no = u.revision "
        "WHERE u.revision IS NOT NULL AND c.who IS DISTINCT FROM u.account ORDER BY u.no");
    while (other.step()) {
        const std::string no = std::to_string(other.int64(0)), revision = std::to_string(other.int64(1));
        if (other.is_null(3)) {
            out.push_back(
                problem(other.int64(0), core::T_("audit row {no} names change {revision}, which is not stored",
                                                 {{"no", no}, {"revision", revision}})));
        } else {
            out.push_back(problem(
                other.int64(0),
                core::T_("audit row {no} names account {account}, but change {revision} was made by {author}",
                         {{"no", no}, {"account", other.text(2)}, {"revision", revision}, {"author", other.text(3)}})));
        }
    }
}

}  // namespace

std::vector<AuditEntry> Store::audit_log(const AuditFilter& filter) const {
    std::vector<AuditEntry> out;
    if (impl_->schema < 4) return out;
    // Times are UTC ISO texts, so a day's rows start at its date's text.
    sql::Statement s = impl_->db.prepare(std::string("SELECT ") + kAuditColumns +
                                         " FROM audit WHERE (?1 IS NULL OR time >= ?1) AND (?2 IS NULL OR account = ?2)"
                                         " ORDER BY no");
    std::optional<std::string> since;
    if (filter.since) since = core::format_date(*filter.since);
    s.bind(1, since).bind(2, filter.account);
    while (s.step()) out.push_back(audit_row(s));
    return out;
}

std::vector<AuditProblem> Store::verify_audit() const {
    std::vector<AuditProblem> out;
    if (impl_->schema < 4) return out;
    sql::ReadTransaction snapshot(impl_->db);
    const std::vector<AuditEntry> rows = audit_log({});
    check_chain(rows, out);
    check_end(impl_->db, rows.empty() ? 0 : rows.back().no, out);
    check_authors(impl_->db, out);
    return out;
}

}  // namespace parscore::inspections
