// Recomputing every inspection's hash chain (the store's part of `verify`).
#include <algorithm>
#include <functional>
#include <map>
#include <type_traits>
#include <unordered_map>

#include "chain.hpp"
#include "parscore/core/date.hpp"
#include "parscore/core/sha256.hpp"
#include "store_impl.hpp"
#include "store_rows.hpp"

namespace parscore::inspections {

namespace {

/// One entry of a chain: a revision or an event, with what both have.
struct Entry {
    bool revision = true;
    std::int64_t no = 0, seq = 0;
    RevisionRow rev;  // revisions
    EventRow ev;      // events
    const std::string& by() const { return revision ? rev.recorded_by : ev.recorded_by; }
    const std::string& at() const { return revision ? rev.recorded_at : ev.recorded_at; }
    const std::string& prev() const { return revision ? rev.prev_hash : ev.prev_hash; }
    const std::string& hash() const { return revision ? rev.hash : ev.hash; }
};

struct InspectionRow {
    std::string unit;
    std::int64_t stamp = 0;
    std::string status;
    std::vector<Entry> entries;
};

/// Every change takes the next number and failed transactions leave no trace, so the numbers
/// are exactly 1..max: a gap means changes were deleted.
ChainProblem problem_of(std::string inspection, core::Text text) {
    std::string english = text.english();
    return ChainProblem{std::move(inspection), std::move(english), std::move(text)};
}

/// How problems name a revision or an event of a chain.
core::Text entry_name(bool revision, std::int64_t no) {
    const core::TextArg number{"no", std::to_string(no)};
    return revision ? core::T_("revision {no}", {number}) : core::T_("event {no}", {number});
}

void check_numbers(std::vector<std::int64_t> numbers, std::vector<ChainProblem>& problems) {
    std::sort(numbers.begin(), numbers.end());
    std::int64_t expected = 1;
    for (const std::int64_t n : numbers) {
        if (n > expected) {
            const std::string range = std::to_string(expected) + (n - 1 > expected ? "–" + std::to_string(n - 1) : "");
            problems.push_back(problem_of("", core::T_("revision numbers {numbers} are missing (changes were deleted)",
                                                       {{"numbers", range}})));
        } else if (n < expected) {
            problems.push_back(
                problem_of("", core::T_("revision number {no} is used twice", {{"no", std::to_string(n)}})));
        }
        expected = n + 1;
    }
}

/// Schema 2 on: the numbers of unit changes (for check_numbers), and a problem for each unit whose
/// current attributes are not its latest recorded version (changed behind the tool's back).
std::vector<std::int64_t> check_unit_history(const sql::Database& db, std::vector<ChainProblem>& problems) {
    std::vector<std::int64_t> numbers;
    if (db.schema_version() < 2) return numbers;
    sql::Statement n = db.prepare("SELECT no FROM unit_versions WHERE no > 0");
    while (n.step()) numbers.push_back(n.int64(0));
    sql::Statement s = db.prepare(
        "SELECT u.id FROM units u LEFT JOIN unit_versions v ON v.unit = u.id "
        " AND v.no = (SELECT max(no) FROM unit_versions WHERE unit = u.id) "
        "WHERE v.unit IS NULL OR u.name IS DISTINCT FROM v.name OR u.category IS DISTINCT FROM v.category OR u.parent IS DISTINCT FROM v.parent "
        " OR u.active_from IS DISTINCT FROM v.active_from OR u.active_to IS DISTINCT FROM v.active_to ORDER BY u.id");
    while (s.step()) {
        problems.push_back(problem_of("", core::T_("unit {unit}: its attributes are not its latest recorded version",
                                                   {{"unit", "'" + s.text(0) + "'"}})));
    }
    return numbers;
}

/// Schema 3 on: the numbers publications took (for check_numbers), and a problem for each one
/// numbered at or below the last change it saw: re-scoring it would count itself.
std::vector<std::int64_t> check_publication_numbers(const sql::Database& db, std::vector<ChainProblem>& problems) {
    std::vector<std::int64_t> numbers;
    if (db.schema_version() < 3) return numbers;
    sql::Statement s = db.prepare("SELECT id, no, last_revision FROM publications WHERE no IS NOT NULL ORDER BY id");
    while (s.step()) {
        numbers.push_back(s.int64(1));
        if (s.int64(1) <= s.int64(2)) {
            problems.push_back(
                problem_of("", core::T_("publication {id} is numbered {no}, not after the last change it saw ({last})",
                                        {{"id", std::to_string(s.int64(0))},
                                         {"no", std::to_string(s.int64(1))},
                                         {"last", std::to_string(s.int64(2))}})));
        }
    }
    return numbers;
}

/// What a chain check needs besides the inspections' own rows.
struct StoredDigests {
    std::unordered_map<std::int64_t, std::string> schema_sha;                 // schema id → SHA-256
    std::unordered_map<std::int64_t, std::vector<chain::FindingPart>> parts;  // revision no → findings
    std::vector<std::string> kinds;                                           // owns the kind names the parts view
};

std::map<std::string, InspectionRow> read_inspections(const sql::Database& db) {
    std::map<std::string, InspectionRow> inspections;
    sql::Statement s = db.prepare("SELECT id, unit, stamp, status FROM inspections");
    while (s.step()) inspections[s.text(0)] = InspectionRow{s.text(1), s.int64(2), s.text(3), {}};
    return inspections;
}

/// Each stored evidence schema's SHA-256, with a problem for a body that no longer matches it.
void read_schemas(const sql::Database& db, StoredDigests& out, std::vector<ChainProblem>& problems) {
    sql::Statement s = db.prepare("SELECT id, sha256, body FROM schemas");
    while (s.step()) {
        out.schema_sha[s.int64(0)] = s.text(1);
        if (core::sha256_hex(s.text_view(2)) != s.text_view(1)) {
            problems.push_back(problem_of("", core::T_("stored evidence schema {id} does not match its SHA-256",
                                                       {{"id", std::to_string(s.int64(0))}})));
        }
    }
}

/// Every revision's findings as the chain digests them: kind, fact or records, the blob's SHA-256.
void read_finding_parts(const sql::Database& db, StoredDigests& out) {
    sql::Statement s = db.prepare("SELECT revision, kind, fact, records, data FROM findings ORDER BY revision");
    std::vector<std::pair<std::int64_t, chain::FindingPart>> rows;
    while (s.step()) {
        chain::FindingPart p;
        p.fact = s.int64(2) != 0;
        p.records = s.int64(3);
        p.blob_sha256 = core::sha256_hex(s.blob(4));
        out.kinds.push_back(s.text(1));
        rows.emplace_back(s.int64(0), std::move(p));
    }
    // The names are viewed only once the vector that owns them has stopped growing.
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rows[i].second.kind = out.kinds[i];
        out.parts[rows[i].first].push_back(std::move(rows[i].second));
    }
}

/// Reads every row of type `Row` (a revision or an event) into its inspection's entries; a row
/// whose inspection does not exist is a problem.
template <class Row> void attach_entries(const sql::Database& db, const char* select,
                                         std::map<std::string, InspectionRow>& inspections,
                                         std::vector<ChainProblem>& problems) {
    constexpr bool is_revision = std::is_same_v<Row, RevisionRow>;
    sql::Statement s = db.prepare(select);
    while (s.step()) {
        Row r = Row::read(s);
        auto it = inspections.find(r.inspection);
        if (it == inspections.end()) {
            problems.push_back(
                problem_of(r.inspection, core::T_("{entry} belongs to no inspection",
                                                  {core::part("entry", entry_name(is_revision, r.no))})));
            continue;
        }
        if constexpr (is_revision) {
            it->second.entries.push_back(Entry{true, r.no, r.seq, std::move(r), {}});
        } else {
            it->second.entries.push_back(Entry{false, r.no, r.seq, {}, std::move(r)});
        }
    }
}

/// Every number a change took — unit versions, publications, adoptions, revisions and events — is
/// used once.
void check_all_numbers(const sql::Database& db, const std::map<std::string, InspectionRow>& inspections,
                       std::vector<ChainProblem>& problems) {
    std::vector<std::int64_t> numbers = check_unit_history(db, problems);
    for (const std::int64_t n : check_publication_numbers(db, problems)) numbers.push_back(n);
    if (db.schema_version() >= 4) {
        sql::Statement adoptions = db.prepare("SELECT no FROM adoptions");
        while (adoptions.step()) numbers.push_back(adoptions.int64(0));
    }
    for (const auto& [id, row] : inspections) {
        for (const Entry& e : row.entries) numbers.push_back(e.no);
    }
    check_numbers(std::move(numbers), problems);
}

/// A revision's expected hash, computed with the inspection's own unit, stamp and status and the
/// findings as stored; problems for copies that disagree with the inspection.
std::string expected_revision_hash(const Entry& e, const InspectionRow& row, const StoredDigests& stored,
                                   const std::function<void(core::Text)>& problem, const core::Text& where) {
    const core::TextArg entry = core::part("entry", where);
    if (e.rev.unit != row.unit || e.rev.stamp != row.stamp || e.rev.status != row.status) {
        problem(core::T_("{entry}: its copy of the inspection's unit, stamp or status differs from the inspection",
                         {entry}));
    }
    const auto day = core::parse_date(e.rev.date);
    if (!day || e.rev.eval_year != (e.rev.year ? *e.rev.year : core::year_of(*day))) {
        problem(core::T_("{entry}: its evaluation year does not match its date and year", {entry}));
    }
    std::vector<chain::FindingPart> p;
    if (auto f = stored.parts.find(e.no); f != stored.parts.end()) p = f->second;
    const std::string digest = chain::findings_digest(std::move(p));
    if (digest != e.rev.digest) problem(core::T_("{entry}: findings do not match their recorded digest", {entry}));
    auto sha = stored.schema_sha.find(e.rev.schema);
    chain::RevisionContent c = e.rev.content(sha == stored.schema_sha.end() ? std::string_view() : sha->second);
    c.unit = row.unit;
    c.stamp = row.stamp;
    c.initial_status = row.status;
    c.findings_digest = digest;
    return chain::revision_hash(c);
}

/// Whether `event` may follow an inspection in `status` (docs/store.md, "Status"): a comment at
/// any time, an attachment until it is locked.
bool legal_event(std::string_view event, std::string_view status) {
    if (event == "submit") return status == "draft" || status == "returned";
    if (event == "return" || event == "lock") return status == "submitted";
    if (event == "comment") return true;
    if (event == "attach") return status != "locked";
    return false;
}

/// The status an event leaves the inspection in.
std::string status_after_event(std::string_view event, const std::string& status) {
    if (event == "submit") return "submitted";
    if (event == "return") return "returned";
    if (event == "lock") return "locked";
    return status;
}

/// An event's expected hash; a problem when it is not a legal move from `status`, which it advances.
std::string expected_event_hash(const std::string& id, const Entry& e, std::string& status,
                                const std::function<void(core::Text)>& problem, const core::Text& where) {
    chain::EventContent c = e.ev.content();
    c.inspection = id;
    if (!legal_event(e.ev.event, status)) {
        problem(core::T_("{entry}: {event} is not a legal move from {status}",
                         {core::part("entry", where), {"event", "'" + e.ev.event + "'"}, {"status", status}}));
    }
    status = status_after_event(e.ev.event, status);
    return chain::event_hash(c);
}

/// One inspection's chain: entries in order, each linked to the previous one's hash, numbered
/// upwards, with the hash its content gives.
void check_chain(const std::string& id, InspectionRow& row, const StoredDigests& stored,
                 std::vector<ChainProblem>& problems) {
    auto problem = [&](core::Text message) { problems.push_back(problem_of(id, std::move(message))); };
    std::sort(row.entries.begin(), row.entries.end(), [](const Entry& a, const Entry& b) { return a.seq < b.seq; });
    if (row.entries.empty() || !row.entries.front().revision) {
        problem(core::T_("the history does not start with a revision"));
        return;
    }
    std::string prev;
    std::string status = row.status;
    std::int64_t last_no = 0;
    for (std::size_t i = 0; i < row.entries.size(); ++i) {
        const Entry& e = row.entries[i];
        const core::Text where = entry_name(e.revision, e.no);
        const core::TextArg entry = core::part("entry", where);
        if (e.seq != static_cast<std::int64_t>(i + 1)) {
            problem(core::T_("{entry} is entry {seq} of the chain, expected {expected}",
                             {entry, {"seq", std::to_string(e.seq)}, {"expected", std::to_string(i + 1)}}));
        }
        if (e.no <= last_no) problem(core::T_("{entry} is numbered before the entry it follows", {entry}));
        last_no = e.no;
        if (e.prev() != prev) problem(core::T_("{entry} does not link to the previous entry's hash", {entry}));
        const std::string expected = e.revision ? expected_revision_hash(e, row, stored, problem, where)
                                                : expected_event_hash(id, e, status, problem, where);
        if (expected != e.hash()) problem(core::T_("{entry}: hash does not match the content", {entry}));
        prev = e.hash();
    }
}

/// Schema 4 on: every stored attachment's body against its SHA-256 and size, and every attach
/// event against the attachments stored.
void check_attachments(const sql::Database& db, std::vector<ChainProblem>& problems) {
    sql::Statement s = db.prepare("SELECT sha256, size, body FROM attachments ORDER BY sha256");
    while (s.step()) {
        const std::string_view body = s.blob(2);
        const core::TextArg sha{"sha256", s.text(0)};
        if (core::sha256_hex(body) != s.text_view(0))
            problems.push_back(
                problem_of("", core::T_("attachment {sha256}: its bytes do not match its SHA-256", {sha})));
        if (static_cast<std::int64_t>(body.size()) != s.int64(1)) {
            problems.push_back(problem_of(
                "", core::T_("attachment {sha256}: its size is {stored}, its bytes {size}",
                             {sha, {"stored", std::to_string(s.int64(1))}, {"size", std::to_string(body.size())}})));
        }
    }
    sql::Statement missing = db.prepare(
        "SELECT e.inspection, e.no, coalesce(e.attachment, '') FROM events e "
        "LEFT JOIN attachments a ON a.sha256 = e.attachment WHERE e.event = 'attach' AND a.sha256 IS NULL ORDER BY e.no");
    while (missing.step()) {
        problems.push_back(
            problem_of(missing.text(0), core::T_("{entry}: its attachment {sha256} is missing",
                                                 {core::part("entry", entry_name(false, missing.int64(1))),
                                                  {"sha256", missing.text(2)}})));
    }
}

/// Schema 4 on: every file of an adopted rulebook against its SHA-256, so that a rulebook edited
/// inside the database is found before a command scores with it.
void check_adoption_files(const sql::Database& db, std::vector<ChainProblem>& problems) {
    sql::Statement s = db.prepare(
        "SELECT adoption, path, sha256, text FROM adoption_files ORDER BY adoption, position");
    while (s.step()) {
        if (core::sha256_hex(s.text_view(3)) == s.text_view(2)) continue;
        problems.push_back(problem_of("", core::T_("adoption {no}: file {path} does not match its SHA-256",
                                                   {{"no", std::to_string(s.int64(0))}, {"path", s.text(1)}})));
    }
}

}  // namespace

// Read everything in one snapshot, then check: schemas, orphans, numbering, each chain.
std::vector<ChainProblem> verify_database(const sql::Database& db) {
    sql::ReadTransaction snapshot(db);
    std::vector<ChainProblem> problems;
    std::map<std::string, InspectionRow> inspections = read_inspections(db);
    StoredDigests stored;
    read_schemas(db, stored, problems);
    read_finding_parts(db, stored);
    const std::int64_t schema = db.schema_version();
    attach_entries<RevisionRow>(db, RevisionRow::select_sql(), inspections, problems);
    attach_entries<EventRow>(db, EventRow::select_sql(schema), inspections, problems);
    if (schema >= 4) {
        check_attachments(db, problems);
        check_adoption_files(db, problems);
    }
    check_all_numbers(db, inspections, problems);
    for (auto& [id, row] : inspections) check_chain(id, row, stored, problems);
    return problems;
}

std::vector<ChainProblem> Store::verify_chains() const { return verify_database(impl_->db); }

}  // namespace parscore::inspections
