// `merge OTHER.db` (docs/reference/database.md): units absent here are added; inspections absent here are added
// whole; for one in both, the other's later entries are appended when the local chain is a prefix
// of the other's; attachments come with the events that carry them. Anything diverged or
// conflicting: nothing is merged. The other file is opened
// read-only and its chains are verified first.
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "store_constants.hpp"
#include "store_impl.hpp"
#include "store_rows.hpp"

namespace parscore::inspections {

namespace {

/// One entry of the other database's chains: a revision or an event, as stored there.
struct OtherEntry {
    bool revision = true;
    std::int64_t no = 0, seq = 0;
    RevisionRow rev;  // revisions
    EventRow ev;      // events
    const std::string& hash() const { return revision ? rev.hash : ev.hash; }
};

struct OtherFinding {
    std::string kind;
    std::int64_t fact = 0, records = 0;
    std::string data;
};

struct OtherInspection {
    std::string unit;
    std::int64_t stamp = 0;
    std::string status, by, at;
    std::vector<OtherEntry> entries;  // by seq
};

struct OtherDatabase {
    const sql::Database* db = nullptr;  // kept open: attachments' bodies are read only when they are merged
    std::vector<UnitInfo> units;
    std::unordered_map<std::int64_t, std::pair<std::string, std::string>> schemas;  // id -> (sha256, body)
    std::map<std::string, OtherInspection> inspections;
    std::unordered_map<std::int64_t, std::vector<OtherFinding>> findings;  // by revision no
};

OtherDatabase read_other(const sql::Database& db) {
    sql::ReadTransaction snapshot(db);
    OtherDatabase o;
    sql::Statement u = db.prepare("SELECT id, name, category, parent, active_from, active_to FROM units ORDER BY id");
    while (u.step())
        o.units.push_back({u.text(0), u.text(1), u.text(2), u.optional_text(3), u.optional_int(4), u.optional_int(5)});
    sql::Statement s = db.prepare("SELECT id, sha256, body FROM schemas");
    while (s.step()) o.schemas[s.int64(0)] = {s.text(1), s.text(2)};
    sql::Statement i = db.prepare("SELECT id, unit, stamp, status, recorded_by, recorded_at FROM inspections");
    while (i.step())
        o.inspections[i.text(0)] = OtherInspection{i.text(1), i.int64(2), i.text(3), i.text(4), i.text(5), {}};
    sql::Statement r = db.prepare(RevisionRow::select_sql());
    while (r.step()) {
        RevisionRow row = RevisionRow::read(r);
        OtherInspection& into = o.inspections[row.inspection];
        into.entries.push_back(OtherEntry{true, row.no, row.seq, std::move(row), {}});
    }
    sql::Statement ev = db.prepare(EventRow::select_sql(db.schema_version()));
    while (ev.step()) {
        EventRow row = EventRow::read(ev);
        OtherInspection& into = o.inspections[row.inspection];
        into.entries.push_back(OtherEntry{false, row.no, row.seq, {}, std::move(row)});
    }
    for (auto& [id, insp] : o.inspections) {
        std::sort(insp.entries.begin(), insp.entries.end(),
                  [](const OtherEntry& a, const OtherEntry& b) { return a.seq < b.seq; });
    }
    sql::Statement f = db.prepare("SELECT revision, kind, fact, records, data FROM findings");
    while (f.step()) {
        o.findings[f.int64(0)].push_back(OtherFinding{f.text(1), f.int64(2), f.int64(3), std::string(f.blob(4))});
    }
    return o;
}

std::string describe_years(const UnitInfo& u) {
    auto y = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string("-"); };
    return y(u.active_from) + ".." + y(u.active_to);
}

/// The other database, read only when every one of its chains verifies; otherwise nullopt with
/// the problems in `outcome`.
std::optional<OtherDatabase> read_verified(sql::Database& db, const std::string& shown, MergeOutcome& outcome) {
    db.busy_timeout(kBusyTimeoutMs);
    for (const ChainProblem& p : verify_database(db)) {
        outcome.add_problem(core::T_("{path}: inspection {id}: {problem}",
                                     {{"path", shown}, {"id", p.inspection}, core::part("problem", p.text)}));
    }
    if (!outcome.problems.empty()) return std::nullopt;
    OtherDatabase other = read_other(db);
    other.db = &db;
    return other;
}

/// What a merge adds: units absent here, inspections absent here, and entries to append.
struct MergePlan {
    struct Addition {
        const OtherEntry* entry;
        bool new_inspection;
    };
    std::vector<const UnitInfo*> new_units;
    std::vector<const std::string*> new_inspections;
    std::vector<Addition> additions;
    std::vector<std::string> new_attachments;  // SHA-256 of attachments the additions bring
    bool empty() const { return new_units.empty() && additions.empty(); }
};

/// Units absent here are added; one present in both must have the same attributes.
void plan_units(const Store& local, const OtherDatabase& other, MergePlan& plan, MergeOutcome& outcome) {
    for (const UnitInfo& u : other.units) {
        auto here = local.find_unit(u.id);
        if (!here) {
            plan.new_units.push_back(&u);
            continue;
        }
        if (here->name != u.name || here->category != u.category || here->active_from != u.active_from ||
            here->active_to != u.active_to) {
            outcome.add_problem(
                core::T_("unit {unit} differs: here {here_name}, {here_category}, years "
                         "{here_years}; there {name}, {category}, years {years}",
                         {{"unit", "'" + u.id + "'"},
                          {"here_name", "'" + here->name + "'"},
                          {"here_category", here->category},
                          {"here_years", describe_years(*here)},
                          {"name", "'" + u.name + "'"},
                          {"category", u.category},
                          {"years", describe_years(u)}}));
        }
    }
}

/// An inspection absent here comes whole; one present in both gets the other's later entries
/// when the chain here is a prefix of the other's, and is a problem when the two have diverged.
void plan_inspections(const sql::Database& db, const OtherDatabase& other, const std::string& shown, MergePlan& plan,
                      MergeOutcome& outcome) {
    sql::Statement local_chain = db.prepare(
        "SELECT seq, hash FROM revisions WHERE inspection = ?1 UNION ALL "
        "SELECT seq, hash FROM events WHERE inspection = ?1 ORDER BY seq");
    for (const auto& [id, insp] : other.inspections) {
        local_chain.bind(1, id);
        std::vector<std::string> local;
        while (local_chain.step()) local.push_back(local_chain.text(1));
        local_chain.reset();
        if (local.empty()) {
            plan.new_inspections.push_back(&id);
            for (const OtherEntry& e : insp.entries) plan.additions.push_back({&e, true});
            continue;
        }
        const std::size_t common = std::min(local.size(), insp.entries.size());
        bool diverged = false;
        for (std::size_t i = 0; i < common; ++i) diverged = diverged || local[i] != insp.entries[i].hash();
        if (diverged) {
            outcome.add_problem(core::T_("inspection {id}: the histories here and in {path} have diverged",
                                         {{"id", id}, {"path", shown}}));
            continue;
        }
        for (std::size_t i = local.size(); i < insp.entries.size(); ++i)
            plan.additions.push_back({&insp.entries[i], false});
    }
}

/// The attachments the planned attach events carry: one absent here is to be copied; one present
/// here must have the same bytes.
void plan_attachments(const sql::Database& db, const OtherDatabase& other, const std::string& shown, MergePlan& plan,
                      MergeOutcome& outcome) {
    std::set<std::string> shas;
    for (const MergePlan::Addition& a : plan.additions) {
        if (!a.entry->revision && a.entry->ev.attachment) shas.insert(*a.entry->ev.attachment);
    }
    if (shas.empty()) return;
    sql::Statement here = db.prepare("SELECT body FROM attachments WHERE sha256 = ?");
    sql::Statement there = other.db->prepare("SELECT body FROM attachments WHERE sha256 = ?");
    for (const std::string& sha : shas) {
        here.bind(1, sha);
        if (!here.step()) {
            plan.new_attachments.push_back(sha);
        } else {
            there.bind(1, sha);
            if (!there.step() || there.blob(0) != here.blob(0)) {
                outcome.add_problem(
                    core::T_("attachment {sha256} differs here and in {path}", {{"sha256", sha}, {"path", shown}}));
            }
            there.reset();
        }
        here.reset();
    }
}

/// Copies the planned attachments from the other database, bytes as they are there.
void add_attachments(sql::Database& db, const OtherDatabase& other, const MergePlan& plan) {
    if (plan.new_attachments.empty()) return;  // an older database has no table of attachments
    sql::Statement there = other.db->prepare("SELECT media_type, size, body FROM attachments WHERE sha256 = ?");
    sql::Statement add = db.prepare("INSERT INTO attachments(sha256, media_type, size, body) VALUES (?, ?, ?, ?)");
    for (const std::string& sha : plan.new_attachments) {
        there.bind(1, sha);
        if (!there.step()) {
            throw StoreError(StoreError::Kind::Database,
                             core::T_("attachment {sha256} disappeared from the other database", {{"sha256", sha}}));
        }
        add.bind(1, sha).bind(2, there.text_view(0)).bind(3, there.int64(1)).bind_blob(4, there.blob(2));
        add.run();
        there.reset();
    }
}

void add_inspections(sql::Database& db, const OtherDatabase& other, const MergePlan& plan) {
    sql::Statement add = db.prepare(
        "INSERT INTO inspections(id, unit, stamp, status, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)");
    for (const std::string* id : plan.new_inspections) {
        const OtherInspection& i = other.inspections.at(*id);
        add.bind(1, *id).bind(2, i.unit).bind(3, i.stamp).bind(4, i.status).bind(5, i.by).bind(6, i.at);
        add.run();
    }
}

/// Appends the planned entries in the other database's order, numbered from `no` on; a
/// revision's schema becomes this database's id for the same schema (`local_schema_id`).
/// Returns how many entries were appended to inspections that existed here.
std::size_t add_entries(
    sql::Database& db, const OtherDatabase& other, MergePlan& plan, std::int64_t no,
    const std::function<std::int64_t(const std::string& body, const std::string& sha)>& local_schema_id) {
    std::sort(plan.additions.begin(), plan.additions.end(),
              [](const MergePlan::Addition& a, const MergePlan::Addition& b) { return a.entry->no < b.entry->no; });
    std::size_t appended = 0;
    std::unordered_map<std::int64_t, std::int64_t> schema_ids;
    sql::Statement add_revision = db.prepare(RevisionRow::insert_sql());
    sql::Statement add_finding = db.prepare(
        "INSERT INTO findings(revision, kind, fact, records, data) VALUES (?, ?, ?, ?, ?)");
    sql::Statement add_event = db.prepare(EventRow::insert_sql());
    for (const MergePlan::Addition& a : plan.additions) {
        const OtherEntry& e = *a.entry;
        if (!a.new_inspection) ++appended;
        if (!e.revision) {
            EventRow row = e.ev;
            row.no = no++;
            row.bind(add_event);
            add_event.run();
            continue;
        }
        auto sid = schema_ids.find(e.rev.schema);
        if (sid == schema_ids.end()) {
            const auto& [sha, body] = other.schemas.at(e.rev.schema);
            sid = schema_ids.emplace(e.rev.schema, local_schema_id(body, sha)).first;
        }
        RevisionRow row = e.rev;  // here: the next local number and this database's schema id
        row.no = no;
        row.schema = sid->second;
        row.bind(add_revision);
        add_revision.run();
        if (auto f = other.findings.find(e.no); f != other.findings.end()) {
            for (const OtherFinding& finding : f->second) {
                add_finding.bind(1, no).bind(2, finding.kind).bind(3, finding.fact).bind(4, finding.records);
                add_finding.bind_blob(5, finding.data);
                add_finding.run();
            }
        }
        ++no;
    }
    return appended;
}

}  // namespace

// Verify and read the other file, plan, then — in one transaction — add units, inspections and entries.
MergeOutcome Store::merge(const std::filesystem::path& other_path, const std::string& who_given) {
    const std::string shown = shown_database(other_path);  // a URI's password never goes further
    sql::Database other_db;
    if (is_postgres_uri(other_path.string())) {
        // Refused as a reading command refuses it: missing, foreign, empty or of a newer schema.
        Store source = Store::open(other_path, OpenMode::ReadOnly);
        other_db = std::move(source.impl_->db);
    } else {
        if (!std::filesystem::exists(other_path)) {
            throw StoreError(StoreError::Kind::Missing,
                             core::T_("database {path} does not exist", {{"path", "'" + shown + "'"}}));
        }
        // A newer schema is refused; an older one is read as it is (what is merged — units'
        // attributes, inspections, revisions, events, findings — has the same shape in every
        // version).
        inspect_database(other_path);
        other_db = open_read_only(other_path);  // leaves no side files beside the other file
    }
    // On PostgreSQL the source is read as of one moment, from its check to its attachments: the
    // reads' own snapshots join this one.
    std::optional<sql::ReadTransaction> snapshot;
    if (other_db.is_postgres()) snapshot.emplace(other_db);
    MergeOutcome outcome;
    std::optional<OtherDatabase> other = read_verified(other_db, shown, outcome);
    if (!other) return outcome;

    return impl_->write([&]() -> MergeOutcome {
        MergePlan plan;
        plan_units(*this, *other, plan, outcome);
        plan_inspections(impl_->db, *other, shown, plan, outcome);
        plan_attachments(impl_->db, *other, shown, plan, outcome);
        if (!outcome.problems.empty() || plan.empty()) return outcome;

        // A unit comes with its current attributes, as a change of this database.
        const std::string who = who_given.empty() ? current_user() : who_given, at = utc_now();
        const std::int64_t first_no = impl_->next_revision();
        std::int64_t unit_no = first_no;
        UnitWriter units(impl_->db);
        for (const UnitInfo* u : plan.new_units) units.write(*u, true, unit_no++, who, at);
        outcome.units_added = plan.new_units.size();
        add_inspections(impl_->db, *other, plan);
        outcome.inspections_added = plan.new_inspections.size();
        add_attachments(impl_->db, *other, plan);
        outcome.entries_added = add_entries(impl_->db, *other, plan, impl_->next_revision(),
                                            [&](const std::string& body, const std::string& sha) {
                                                return impl_->schema_id(body, sha);
                                            });
        outcome.merged = true;
        const std::int64_t last_no = impl_->next_revision() - 1;
        sql::Statement note = impl_->db.prepare(
            "INSERT INTO merges(source, first_no, last_no, merged_by, merged_at) VALUES (?, ?, ?, ?, ?)");
        note.bind(1, shown).bind(2, first_no).bind(3, last_no).bind(4, who).bind(5, at).run();
        impl_->audit("merge", shown, std::nullopt);
        return outcome;
    });
}

}  // namespace parscore::inspections
