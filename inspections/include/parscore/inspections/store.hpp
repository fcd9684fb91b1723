#pragma once
// The evidence store: one SQLite database holding units, inspections with their revision and
// event history (hash-chained per inspection), the evidence schemas reports were validated with,
// import records and publications. Nothing is updated in place except a unit's current
// attributes, whose every version is kept; every change to an inspection or a unit takes the next
// revision number of the database (docs/store.md). All failures are StoreError; see store_error.hpp for which exit code
// each gets.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/core/schema.hpp"
#include "parscore/core/text.hpp"
#include "parscore/inspections/account.hpp"
#include "parscore/inspections/evidence_set.hpp"
#include "parscore/inspections/model.hpp"
#include "parscore/inspections/review.hpp"
#include "parscore/inspections/store_error.hpp"

namespace parscore::inspections {

/// PRAGMA application_id of a parscore database ("PSC1") and the schema version this build writes.
inline constexpr std::int32_t kApplicationId = 0x50534331;
inline constexpr int kSchemaVersion = 4;

/// The shortest inspection id prefix commands accept in place of a whole id.
inline constexpr std::size_t kMinIdPrefix = 8;

/// `postgresql://…` or `postgres://…` (a libpq URI): a PostgreSQL database (docs/store.md,
/// "PostgreSQL"); anything else names a SQLite file.
bool is_postgres_uri(std::string_view path);
/// A database as messages and logs show it: a URI's password replaced by "****".
std::string shown_database(const std::filesystem::path& path);

enum class OpenMode {
    Existing,  // the database must exist (StoreError::Missing otherwise)
    Create,    // created (atomically, fully initialised) when absent
    // Created when absent, but under a temporary name beside `path`: the database appears at
    // `path` only when Store::commit_creation() is called, so a command that fails leaves no new
    // file behind (docs/store.md). An existing database is opened as with Create.
    CreateOnCommit,
    // Must exist; only read. A file or folder that cannot be written (an archived copy) is opened
    // read-only, in SQLite's immutable mode when its write-ahead log cannot be shared.
    ReadOnly,
};

// ---- units --------------------------------------------------------------------------------------

/// Units to add or update, from a units CSV (see units_csv.hpp). A column that was absent keeps
/// a stored unit's value; present columns replace it (an empty cell stored as "no value").
struct UnitsUpdate {
    bool has_parent = false, has_active_from = false, has_active_to = false;
    std::vector<UnitInfo> units;
    std::string recorded_by;  // empty: the login name
};
struct UnitsOutcome {
    std::size_t added = 0, updated = 0, unchanged = 0;
};

// ---- recording ----------------------------------------------------------------------------------

struct RecordOptions {
    bool again = false;       // record even when an equal inspection is stored
    std::string recorded_by;  // empty: the login name
    /// The sender's own id for the report (a device resending its outbox): a report whose
    /// client id is stored already with the same content is not stored again (its inspection is
    /// answered, `resent`); with other content it is refused (StoreError{Refused}).
    std::optional<std::string> client_id;
};

struct RecordOutcome {
    std::string id;            // the new inspection's id; empty when refused
    std::string duplicate_of;  // when refused: the stored inspection with equal unit, date, kind, findings
    bool resent = false;       // `id` was recorded earlier under the same client id; nothing was stored
};

/// The inspections of one CSV import (see evidence_csv.hpp), ready to store.
struct ImportBatch {
    std::string kind;
    bool fact = false;
    std::string path;         // as given, for the import record
    std::string file_sha256;  // of the file's bytes on disk
    std::size_t rows = 0;     // data rows
    struct Inspection {
        std::string unit;
        core::Date date;
        std::optional<int> year;
        std::size_t records = 0;
        std::string blob;  // findings blob of the kind
    };
    std::vector<Inspection> inspections;  // in order of their first row
};

struct ImportOptions {
    InspectionKind kind = InspectionKind::Scheduled;
    bool again = false;  // import even when a file with the same SHA-256 was imported before
    std::string recorded_by;
};

struct ImportOutcome {
    bool refused = false;            // the file was imported before (and not --again)
    std::string previous_import_at;  // when refused
    std::size_t inspections = 0;
    std::int64_t first_revision = 0, last_revision = 0;
};

struct AmendOutcome {
    std::int64_t revision = 0;  // the new revision's number, or the latest one's when identical
    bool identical = false;     // the report equals the latest revision: nothing was stored
};

// ---- reading ------------------------------------------------------------------------------------

struct InspectionFilter {
    std::optional<std::string> unit;
    std::optional<int> year;  // evaluation year
};

struct InspectionSummary {
    std::string id;
    std::string unit;
    core::Date date;
    std::optional<int> year_given;
    int year = 0;  // evaluation year
    InspectionKind kind = InspectionKind::Scheduled;
    std::vector<std::string> team;
    Status status = Status::Submitted;
    std::int64_t stamp = 0;
    std::int64_t revision = 0;  // number of the latest revision
    int revisions = 0;          // how many revisions (1 + amendments)
    std::size_t records = 0;    // records and fact values in the latest revision
    std::string recorded_by, recorded_at;
};

struct HistoryEntry {
    enum class Type { Revision, Submit, Lock, Return, Comment, Attach };
    Type type = Type::Revision;
    std::int64_t no = 0;  // the database's revision number
    int seq = 0;          // position in the inspection's chain, from 1
    std::string recorded_by, recorded_at;
    std::string hash, prev_hash;
    // Revisions only:
    std::optional<std::string> reason;  // none for the first revision
    core::Date date;
    std::optional<int> year;
    InspectionKind kind = InspectionKind::Scheduled;
    std::vector<std::string> team;
    Findings findings;  // by kind name: what revision_changes compares (revision_changes.hpp)
    // Returns and comments: the text; attachments: the file's name and SHA-256.
    std::optional<std::string> note;
    std::optional<std::string> attachment, file_name;
};

struct InspectionDetail {
    InspectionSummary summary;
    Findings findings;                        // latest revision, by kind name
    std::vector<HistoryEntry> history;        // revisions (each with its findings) and events, by seq
    std::vector<ReviewNote> notes;            // returns and comments, oldest first
    std::vector<AttachmentInfo> attachments;  // oldest first
    core::EvidenceSchema schema;              // the schema the latest revision was validated with
};

// ---- publications -------------------------------------------------------------------------------

struct PublishedFile {
    std::string path;
    std::string sha256;
    std::string text;
};

struct Publication {
    std::int64_t id = 0;  // assigned by add_publication
    int year = 0;
    Basis basis = Basis::All;
    std::string rulebook_id, rulebook_version, rulebook_sha256;
    std::vector<PublishedFile> rulebook_files;  // root first
    std::string evidence_sha256;
    std::string results;             // JSON text
    std::int64_t last_revision = 0;  // the changes it saw: those numbered up to this
    /// Its own revision number, taken by add_publication (always above last_revision); none for a
    /// publication made before publications took numbers (schema 3).
    std::optional<std::int64_t> no;
    std::optional<std::string> supersede_reason;
    std::string published_by, published_at;  // filled by add_publication when empty
};

// ---- adopted rulebooks and the audit log --------------------------------------------------------

/// A rulebook adopted as the one in force for a year (docs/accounts.md, "Adopted rulebooks").
struct Adoption {
    std::int64_t no = 0;  // its revision number, taken by Store::adopt
    int year = 0;
    std::string rulebook_id, rulebook_version, rulebook_sha256;
    std::vector<PublishedFile> files;    // root first, as a publication stores them
    std::string adopted_by, adopted_at;  // filled by Store::adopt when empty
};

struct AdoptOutcome {
    std::int64_t no = 0;     // the new adoption, or the one in force when identical
    bool identical = false;  // the year's rulebook in force has the same hash: nothing was stored
};

struct AuditFilter {
    std::optional<core::Date> since;     // rows from this day on (UTC)
    std::optional<std::string> account;  // only this login's rows
};

/// Something `verify` found wrong with the audit log or with who made a change.
struct AuditProblem {
    std::optional<std::int64_t> no;  // the audit row concerned, when there is one
    std::string message;             // in English (JSON output reads it)
    core::Text text{};               // the same, translatable
};

// ---- integrity and merging ----------------------------------------------------------------------

struct ChainProblem {
    std::string inspection;
    std::string message;  // in English (JSON output reads it)
    core::Text text{};    // the same, translatable
};

/// What `copy` wrote: each table's rows, in the order they were copied.
struct CopyOutcome {
    std::vector<std::pair<std::string, std::size_t>> tables;
    std::size_t rows() const {
        std::size_t n = 0;
        for (const auto& [table, count] : tables) n += count;
        return n;
    }
};

struct MergeOutcome {
    bool merged = false;  // false: nothing changed (problems explain why, or nothing was new)
    std::size_t units_added = 0;
    std::size_t inspections_added = 0;
    std::size_t entries_added = 0;          // revisions and events appended to inspections present here
    std::vector<std::string> problems;      // non-empty: refused, nothing merged; in English
    std::vector<core::Text> problem_texts;  // the same, translatable

    /// Adds a problem (both forms).
    void add_problem(core::Text text) {
        problems.push_back(text.english());
        problem_texts.push_back(std::move(text));
    }
};

/// The changes numbered above a revision, by what they can change in a score.
struct ChangesSince {
    std::int64_t last = 0;            // the database's last revision number
    std::vector<std::string> units;   // units whose inspections (revisions, events) or attributes changed; by id, once
    std::vector<int> adoption_years;  // years that got a new adoption
    std::vector<int> publication_years;  // years that got a new publication
};

struct StorePoolState;

/// One thread at a time may use a Store (its connection takes no lock of its own); stores opened
/// separately, in one process or several, may be used at the same time.
class Store {
public:
    /// Opens (or creates) the database at `path`. A file that is not a parscore database, or that
    /// has a newer schema, is refused and left byte-for-byte unchanged. Opening never migrates: a
    /// database of an older schema is read as it is and brought forward by the first write that
    /// changes something, in that write's transaction.
    static Store open(const std::filesystem::path& path, OpenMode mode);

    ~Store();
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const std::filesystem::path& path() const;

    /// OpenMode::CreateOnCommit: links the new database into place (a no-op when it existed).
    /// Without this call the new database is removed when the Store is destroyed. StoreError{Io}
    /// when another command created the file meanwhile (nothing of this one is kept).
    void commit_creation();

    // Units.
    /// Today's units, by id.
    std::vector<UnitInfo> units() const;
    /// Today's units' ids alone, in byte order: what validating a report needs, without reading
    /// every unit's attributes.
    std::vector<std::string> unit_ids() const;
    std::size_t unit_count() const;
    /// The units as they were at a revision (re-scoring a publication), by id: each with its
    /// attributes of then; units added later are absent.
    std::vector<UnitInfo> units_as_of(std::int64_t revision) const;
    std::optional<UnitInfo> find_unit(std::string_view id) const;
    /// Adds and changes units in one transaction; each unit added or changed takes the next
    /// revision number, in the update's order.
    UnitsOutcome update_units(const UnitsUpdate& update);

    // Recording. The report must have been validated (read_report) against `schema`.
    RecordOutcome record(const Report& report, const core::EvidenceSchema& schema, const RecordOptions& options);
    /// Whether a file with this SHA-256 was imported before.
    std::optional<std::string> imported_before(std::string_view sha256) const;
    ImportOutcome import_batch(const ImportBatch& batch, const core::EvidenceSchema& schema,
                               const ImportOptions& options);

    /// The inspection an id, or a prefix of at least kMinIdPrefix characters, names; nullopt when
    /// none does. StoreError{Refused} naming the prefix when it starts several ids.
    std::optional<std::string> resolve_inspection(std::string_view id_or_prefix) const;

    // Status moves and amendments; StoreError{Refused} for an unknown id or an illegal move.
    /// Moves every inspection named (ids or unique prefixes) in one transaction: all of them, or
    /// none when one cannot move. Returns their full ids, each once, in the order given.
    std::vector<std::string> submit(const std::vector<std::string>& ids, const std::string& who = {});
    std::vector<std::string> lock(const std::vector<std::string>& ids, const std::string& who = {});
    void submit(std::string_view id, const std::string& who = {});
    void lock(std::string_view id, const std::string& who = {});
    /// Locks, in one transaction, every submitted inspection counting for `year` (of `unit` only,
    /// when given); returns their ids in recording order (none: nothing changed).
    std::vector<std::string> lock_year(int year, const std::optional<std::string>& unit, const std::string& who = {});
    /// Adds a revision replacing the findings of a draft, submitted or returned inspection. A report
    /// equal to the latest revision (date, year, kind, team and findings) stores nothing.
    AmendOutcome amend(std::string_view id, const Report& report, const core::EvidenceSchema& schema,
                       const std::string& reason, const std::string& who = {});

    // Review (docs/store.md, "Review and attachments"): each return, comment and attached file is an
    // event in the inspection's chain taking the next revision number. `id` is a whole id.
    // StoreError{Refused} for an unknown id, an illegal move, or a text that is empty, longer than
    // kMaxNoteChars or not UTF-8.
    /// Moves a submitted inspection to returned (it stops counting until submitted again), with
    /// the reason; returns the event's number.
    std::int64_t return_inspection(std::string_view id, const std::string& note, const std::string& who = {});
    /// Adds a comment to an inspection of any status; returns the event's number.
    std::int64_t comment(std::string_view id, const std::string& text, const std::string& who = {});
    /// Attaches files to an inspection that is not locked, in one transaction: each file's bytes
    /// are stored once by SHA-256, each file is one event. Refused, storing nothing, when a file
    /// is already attached to it. Returns the events' numbers, in the files' order.
    std::vector<std::int64_t> attach(std::string_view id, const std::vector<AttachmentFile>& files,
                                     const std::string& who = {});
    /// A stored attachment's bytes (none when no attachment has this SHA-256).
    std::optional<AttachmentBody> attachment(std::string_view sha256) const;

    // Reading.
    /// Newest first: by date, then recording order (stamp), then id, each descending.
    std::vector<InspectionSummary> inspections(const InspectionFilter& filter) const;
    std::optional<InspectionDetail> inspection(std::string_view id) const;
    /// The database's last revision number (0 when nothing was recorded).
    std::int64_t last_revision() const;
    /// What the changes numbered after `after` touched (up to the last revision, read in one
    /// snapshot): for results kept between reads (docs/results-cache.md).
    ChangesSince changes_since(std::int64_t after) const;
    /// The selection of docs/reference/scoring.md#which-evidence-counts for the scorer; see evidence_set.hpp.
    EvidenceSet load_evidence(const core::EvidenceSchema& schema, const EvidenceQuery& query) const;

    // Adopted rulebooks and the audit log (docs/accounts.md).
    /// Makes `adoption` (with its files) the rulebook in force for its year, as a new change with
    /// the next revision number; the earlier adoptions stay. A rulebook with the hash of the one
    /// already in force for the year stores nothing.
    AdoptOutcome adopt(const Adoption& adoption);
    /// Every adoption, by number, without its files.
    std::vector<Adoption> adoptions() const;
    /// The year's latest adoption numbered up to `as_of_revision` (default: all), with its files.
    std::optional<Adoption> adoption_in_force(int year,
                                              std::optional<std::int64_t> as_of_revision = std::nullopt) const;
    /// The audit log's rows, by number.
    std::vector<AuditEntry> audit_log(const AuditFilter& filter) const;
    /// Walks the audit log's chain and matches the accounts named by changes against it; one entry
    /// per problem found.
    std::vector<AuditProblem> verify_audit() const;

    // Publications (never merged, never changed).
    std::int64_t add_publication(const Publication& publication);
    std::vector<Publication> publications() const;  // by id
    std::optional<Publication> latest_publication(std::string_view rulebook_id, int year, Basis basis) const;

    // Accounts and the audit log (docs/accounts.md).
    /// The account with this login (none in a database of an older schema).
    std::optional<Account> find_account(std::string_view login) const;
    /// From now on, every change this store makes appends an audit row naming `context`, in the
    /// change's transaction; nullopt stops it. Changes made by the operating-system user through the
    /// command line are not audited.
    void audit_as(std::optional<AuditContext> context);
    /// Every account, by login (none in a database of an older schema).
    std::vector<Account> accounts() const;
    /// How many accounts with the role "admin" are not disabled.
    std::int64_t enabled_admins() const;
    /// Adds an account; its created_at and changed_at are now. StoreError{Refused} when the login
    /// is taken.
    void add_account(const Account& account);
    /// Changes an account and its changed_at; whether anything changed (a field given with its
    /// stored value changes nothing). Disabling it, or a new password hash, ends its sessions. StoreError{Refused} for
    /// an unknown login, and when the change would leave a database that had an enabled admin without one.
    bool update_account(std::string_view login, const AccountChange& change);
    /// Notes a successful login at `time` (not audited here, and not a change of the account).
    void record_login(std::string_view login, std::string_view time);
    /// Stores a token's hash for `login`; returns the token's id. `expires_at`: a UTC time like
    /// created_at, or none for a token that does not expire.
    std::int64_t add_token(std::string_view login, std::string_view name, std::string_view hash,
                           const std::optional<std::string>& expires_at);
    /// Tokens (of `login` only, when given), by id.
    std::vector<Token> tokens(const std::optional<std::string>& login = std::nullopt) const;
    /// Revokes a token; false when it was revoked already. StoreError{Refused} for an unknown id.
    bool revoke_token(std::int64_t id);
    /// The working token with this hash and its account: none when there is no such token, or it
    /// is revoked or expired, or its account is disabled.
    std::optional<TokenMatch> find_token_by_hash(std::string_view hash) const;
    /// Notes that a token was used at `time` (not audited).
    void record_token_use(std::int64_t id, std::string_view time);

    /// Recomputes every inspection's hash chain; one entry per problem found.
    std::vector<ChainProblem> verify_chains() const;

    /// Brings in another parscore database's units and inspections (docs/reference/database.md); its chains are
    /// verified first. Idempotent. Diverged histories or conflicting units: nothing is merged.
    /// Units added are recorded as changes of this database made by `who`.
    MergeOutcome merge(const std::filesystem::path& other, const std::string& who = {});

    /// Copies the whole database `from` (opened read-only) into `to` (a SQLite file or a PostgreSQL
    /// URI, either way round; docs/store.md, "Copying between backends"): every row of every
    /// table, with the numbers, ids, hashes and audit counter as they are, in one transaction.
    /// `to` must be empty or absent (a new file appears only when the copy is complete); `from`
    /// must have this parscore's schema version. Refused (nothing written) otherwise.
    static CopyOutcome copy(const Store& from, const std::filesystem::path& to);

    // The server's sessions and failed logins (docs/accounts.md, "Sessions"). Times are UTC in
    // the store's format ("2025-06-15T10:11:12.123456Z"), given by the caller so that expiry can
    // be tested.
    /// Adds a session (audited as "login" when audit_as is set).
    void add_session(const Session& session);
    /// Replaces a password's hash by one of the same password made at today's cost (not audited,
    /// and not a change of the account: the password is the same).
    void renew_password_hash(std::string_view login, std::string_view hash);
    std::optional<Session> find_session(std::string_view id_hash) const;
    /// Moves a live session's last_seen forward (not audited: it changes nothing anyone reads).
    void touch_session(std::string_view id_hash, const std::string& at);
    /// Ends one session (audited as "logout"); false when it was not live.
    bool end_session(std::string_view id_hash, const std::string& at);
    /// Ends every live session of `login` but `keep` (a password changed, an account disabled);
    /// returns how many.
    std::size_t end_sessions_of(std::string_view login, const std::string& at, std::string_view keep = {});
    /// Counts a failed login (audited as "login failed" under the login tried, from `address`).
    void add_login_failure(std::string_view login, std::string_view address, const std::string& at);
    /// Failed logins since `since` for `login`, and from `address`; the oldest of each counted
    /// (so that a caller can say when the window passes).
    struct FailureCounts {
        std::size_t login = 0, address = 0;
        std::optional<std::string> oldest_login, oldest_address;
    };
    FailureCounts login_failures_since(std::string_view login, std::string_view address,
                                       const std::string& since) const;

    struct Impl;

private:
    friend class StorePool;
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
    std::shared_ptr<StorePoolState> pool_;  // where its connection goes back when it is destroyed
};

/// Connections to one database kept open for a long-running process (the server), each lent to
/// one Store at a time: a request then pays neither for inspecting the file and opening it nor
/// for preparing the statements it runs (the connection keeps them). Thread-safe. A connection
/// goes back only in a state fit to share — no transaction open, not an immutable read of an
/// archived copy — and is not lent again once the file at the path or its schema version changed.
class StorePool {
public:
    explicit StorePool(std::filesystem::path path, std::size_t keep = 16);
    const std::filesystem::path& path() const;
    /// As Store::open(path(), mode); Existing and ReadOnly reuse an idle connection.
    Store open(OpenMode mode) const;

private:
    std::shared_ptr<StorePoolState> state_;
};

/// The login name used for recorded_by when none is given ($USER, else the passwd entry).
std::string current_user();

}  // namespace parscore::inspections
