// Recomputing every inspection's hash chain (the store's part of `verify`).
#include <algorithm>
#include <map>
#include <unordered_map>

#include "chain.hpp"
#include "parscore/core/date.hpp"
#include "parscore/core/sha256.hpp"
#include "store_impl.hpp"

namespace parscore::inspections {

namespace {

struct Entry {
    std::int64_t no = 0;
    std::int64_t seq = 0;
    bool revision = true;
    std::string event;  // events
    // revisions
    std::string date, kind, team, digest;
    std::optional<int> year;
    std::int64_t schema = 0;
    std::optional<std::string> reason;
    std::string by, at, prev, hash;
    std::string unit, status;  // revisions: copies of the inspection's
    std::int64_t stamp = 0, eval_year = 0;
};

struct InspectionRow {
    std::string unit;
    std::int64_t stamp = 0;
    std::string status;
    std::vector<Entry> entries;
};

/// Every change takes the next number and failed transactions leave no trace, so the numbers
/// are exactly 1..max: a gap means changes were deleted.
void check_numbers(std::vector<std::int64_t> numbers, std::vector<ChainProblem>& problems) {
    std::sort(numbers.begin(), numbers.end());
    std::int64_t expected = 1;
    for (const std::int64_t n : numbers) {
        if (n > expected) {
            problems.push_back({"", "revision numbers " + std::to_string(expected) +
                                        (n - 1 > expected ? "–" + std::to_string(n - 1) : "") +
                                        " are missing (changes were deleted)"});
        } else if (n < expected) {
            problems.push_back({"", "revision number " + std::to_string(n) + " is used twice"});
        }
        expected = n + 1;
    }
}

/// Schema 2 on: the numbers of unit changes (for check_numbers), and a problem for each unit whose
/// current attributes are not its latest recorded version (changed behind the tool's back).
std::vector<std::int64_t> check_unit_history(const sql::Database& db, std::vector<ChainProblem>& problems) {
    std::vector<std::int64_t> numbers;
    if (db.pragma_int("user_version") < 2) return numbers;
    sql::Statement n = db.prepare("SELECT no FROM unit_versions WHERE no > 0");
    while (n.step()) numbers.push_back(n.int64(0));
    sql::Statement s = db.prepare(
        "SELECT u.id FROM units u LEFT JOIN unit_versions v ON v.unit = u.id "
        " AND v.no = (SELECT max(no) FROM unit_versions WHERE unit = u.id) "
        "WHERE v.unit IS NULL OR u.name IS NOT v.name OR u.category IS NOT v.category OR u.parent IS NOT v.parent "
        " OR u.active_from IS NOT v.active_from OR u.active_to IS NOT v.active_to ORDER BY u.id");
    while (s.step()) {
        problems.push_back({"", "unit '" + s.text(0) + "': its attributes are not its latest recorded version"});
    }
    return numbers;
}

}  // namespace

std::vector<ChainProblem> verify_database(const sql::Database& db) {
    sql::ReadTransaction snapshot(db);
    std::vector<ChainProblem> problems;
    std::map<std::string, InspectionRow> inspections;
    {
        sql::Statement s = db.prepare("SELECT id, unit, stamp, status FROM inspections");
        while (s.step()) inspections[s.text(0)] = InspectionRow{s.text(1), s.int64(2), s.text(3), {}};
    }
    std::unordered_map<std::int64_t, std::string> schema_sha;
    {
        sql::Statement s = db.prepare("SELECT id, sha256, body FROM schemas");
        while (s.step()) {
            schema_sha[s.int64(0)] = s.text(1);
            if (core::sha256_hex(s.text_view(2)) != s.text_view(1)) {
                problems.push_back({"", "stored evidence schema " + std::to_string(s.int64(0)) +
                                            " does not match its SHA-256"});
            }
        }
    }
    std::unordered_map<std::int64_t, std::vector<chain::FindingPart>> parts;
    std::vector<std::string> kinds;  // owns the kind names the parts view
    {
        sql::Statement s = db.prepare("SELECT revision, kind, fact, records, data FROM findings ORDER BY revision");
        std::vector<std::pair<std::int64_t, chain::FindingPart>> rows;
        std::vector<std::string> names;
        while (s.step()) {
            chain::FindingPart p;
            p.fact = s.int64(2) != 0;
            p.records = s.int64(3);
            p.blob_sha256 = core::sha256_hex(s.blob(4));
            names.push_back(s.text(1));
            rows.emplace_back(s.int64(0), std::move(p));
        }
        kinds = std::move(names);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            rows[i].second.kind = kinds[i];
            parts[rows[i].first].push_back(std::move(rows[i].second));
        }
    }
    {
        sql::Statement s = db.prepare(
            "SELECT no, inspection, seq, date, year, kind, team, schema, digest, reason, recorded_by, recorded_at, "
            "prev_hash, hash, unit, stamp, status, eval_year FROM revisions");
        while (s.step()) {
            auto it = inspections.find(s.text(1));
            if (it == inspections.end()) {
                problems.push_back({s.text(1), "revision " + std::to_string(s.int64(0)) + " belongs to no inspection"});
                continue;
            }
            Entry e;
            e.no = s.int64(0);
            e.seq = s.int64(2);
            e.date = s.text(3);
            e.year = s.optional_int(4);
            e.kind = s.text(5);
            e.team = s.text(6);
            e.schema = s.int64(7);
            e.digest = s.text(8);
            e.reason = s.optional_text(9);
            e.by = s.text(10);
            e.at = s.text(11);
            e.prev = s.text(12);
            e.hash = s.text(13);
            e.unit = s.text(14);
            e.stamp = s.int64(15);
            e.status = s.text(16);
            e.eval_year = s.int64(17);
            it->second.entries.push_back(std::move(e));
        }
    }
    {
        sql::Statement s =
            db.prepare("SELECT no, inspection, seq, event, recorded_by, recorded_at, prev_hash, hash FROM events");
        while (s.step()) {
            auto it = inspections.find(s.text(1));
            if (it == inspections.end()) {
                problems.push_back({s.text(1), "event " + std::to_string(s.int64(0)) + " belongs to no inspection"});
                continue;
            }
            Entry e;
            e.revision = false;
            e.no = s.int64(0);
            e.seq = s.int64(2);
            e.event = s.text(3);
            e.by = s.text(4);
            e.at = s.text(5);
            e.prev = s.text(6);
            e.hash = s.text(7);
            it->second.entries.push_back(std::move(e));
        }
    }

    {
        std::vector<std::int64_t> numbers = check_unit_history(db, problems);
        for (const auto& [id, row] : inspections) {
            for (const Entry& e : row.entries) numbers.push_back(e.no);
        }
        check_numbers(std::move(numbers), problems);
    }

    for (auto& [id, row] : inspections) {
        auto problem = [&, &id = id](std::string message) { problems.push_back({id, std::move(message)}); };
        std::sort(row.entries.begin(), row.entries.end(), [](const Entry& a, const Entry& b) { return a.seq < b.seq; });
        if (row.entries.empty() || !row.entries.front().revision) {
            problem("the history does not start with a revision");
            continue;
        }
        std::string prev;
        std::string status = row.status;
        std::int64_t last_no = 0;
        for (std::size_t i = 0; i < row.entries.size(); ++i) {
            const Entry& e = row.entries[i];
            const std::string where = (e.revision ? "revision " : "event ") + std::to_string(e.no);
            if (e.seq != static_cast<std::int64_t>(i + 1)) {
                problem(where + " is entry " + std::to_string(e.seq) + " of the chain, expected " + std::to_string(i + 1));
            }
            if (e.no <= last_no) problem(where + " is numbered before the entry it follows");
            last_no = e.no;
            if (e.prev != prev) problem(where + " does not link to the previous entry's hash");
            std::string expected;
            if (e.revision) {
                if (e.unit != row.unit || e.stamp != row.stamp || e.status != row.status) {
                    problem(where + ": its copy of the inspection's unit, stamp or status differs from the inspection");
                }
                const auto day = core::parse_date(e.date);
                if (!day || e.eval_year != (e.year ? *e.year : core::year_of(*day))) {
                    problem(where + ": its evaluation year does not match its date and year");
                }
                std::vector<chain::FindingPart> p;
                if (auto f = parts.find(e.no); f != parts.end()) p = f->second;
                const std::string digest = chain::findings_digest(std::move(p));
                if (digest != e.digest) problem(where + ": findings do not match their recorded digest");
                chain::RevisionContent c;
                c.inspection = id;
                c.seq = e.seq;
                c.prev_hash = e.prev;
                c.unit = row.unit;
                c.stamp = row.stamp;
                c.initial_status = row.status;
                c.date = e.date;
                c.year = e.year;
                c.kind = e.kind;
                c.team_json = e.team;
                auto sha = schema_sha.find(e.schema);
                c.schema_sha256 = sha == schema_sha.end() ? std::string_view() : std::string_view(sha->second);
                if (e.reason) c.reason = *e.reason;
                c.recorded_by = e.by;
                c.recorded_at = e.at;
                c.findings_digest = digest;
                expected = chain::revision_hash(c);
            } else {
                chain::EventContent c;
                c.inspection = id;
                c.seq = e.seq;
                c.prev_hash = e.prev;
                c.event = e.event;
                c.recorded_by = e.by;
                c.recorded_at = e.at;
                expected = chain::event_hash(c);
                const bool legal = (e.event == "submit" && status == "draft") || (e.event == "lock" && status == "submitted");
                if (!legal) problem(where + ": '" + e.event + "' is not a legal move from " + status);
                status = e.event == "submit" ? "submitted" : "locked";
            }
            if (expected != e.hash) problem(where + ": hash does not match the content");
            prev = e.hash;
        }
    }
    return problems;
}

std::vector<ChainProblem> Store::verify_chains() const { return verify_database(impl_->db); }

}  // namespace parscore::inspections
