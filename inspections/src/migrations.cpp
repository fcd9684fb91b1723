// The schema's history as numbered steps (docs/store.md, "Schema versions and migrations").
// A step is never edited once released: databases made with it exist. A change to the schema is
// a new step appended at the end, with the tables it adds and a test that migrates the committed
// database of the version before it.
#include "migrations.hpp"

#include <algorithm>

#include "parscore/inspections/store_error.hpp"

namespace parscore::inspections {

// Version 1. Tables are STRICT; nothing but `units` is ever updated. See docs/store.md.
// A revision repeats its inspection's unit, stamp and first status (all part of its hash) and
// its evaluation year, so the scorer reads a year with one index range scan.
static const char* kVersion1 = R"sql(
CREATE TABLE units(
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  category    TEXT NOT NULL,
  parent      TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
  active_from INTEGER,
  active_to   INTEGER
) STRICT;

CREATE TABLE schemas(
  id     INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  body   TEXT NOT NULL
) STRICT;

CREATE TABLE inspections(
  id          TEXT PRIMARY KEY,
  unit        TEXT NOT NULL REFERENCES units(id),
  stamp       INTEGER NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX inspections_unit ON inspections(unit);
CREATE INDEX inspections_stamp ON inspections(stamp);

CREATE TABLE revisions(
  no          INTEGER PRIMARY KEY,
  inspection  TEXT NOT NULL REFERENCES inspections(id),
  seq         INTEGER NOT NULL,
  unit        TEXT NOT NULL,
  stamp       INTEGER NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
  date        TEXT NOT NULL,
  year        INTEGER,
  eval_year   INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('surprise', 'scheduled', 'thematic', 'other', 'self')),
  team        TEXT NOT NULL,
  schema      INTEGER NOT NULL REFERENCES schemas(id),
  digest      TEXT NOT NULL,
  reason      TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL,
  UNIQUE (inspection, seq)
) STRICT;
CREATE INDEX revisions_inspection_no ON revisions(inspection, no);
CREATE INDEX revisions_year ON revisions(eval_year, no);
CREATE INDEX revisions_amended ON revisions(inspection, no) WHERE seq > 1;

CREATE TABLE events(
  no          INTEGER PRIMARY KEY,
  inspection  TEXT NOT NULL REFERENCES inspections(id),
  seq         INTEGER NOT NULL,
  event       TEXT NOT NULL CHECK (event IN ('submit', 'lock')),
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL,
  UNIQUE (inspection, seq)
) STRICT;
CREATE INDEX events_inspection_no ON events(inspection, no);

CREATE TABLE findings(
  revision INTEGER NOT NULL REFERENCES revisions(no),
  kind     TEXT NOT NULL,
  fact     INTEGER NOT NULL CHECK (fact IN (0, 1)),
  records  INTEGER NOT NULL,
  data     BLOB NOT NULL,
  UNIQUE (revision, kind)
) STRICT;

CREATE TABLE imports(
  id          INTEGER PRIMARY KEY,
  sha256      TEXT NOT NULL,
  path        TEXT NOT NULL,
  kind        TEXT NOT NULL,
  rows        INTEGER NOT NULL,
  inspections INTEGER NOT NULL,
  first_no    INTEGER,
  last_no     INTEGER,
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;
CREATE INDEX imports_sha256 ON imports(sha256);

CREATE TABLE publications(
  id               INTEGER PRIMARY KEY,
  year             INTEGER NOT NULL,
  basis            TEXT NOT NULL CHECK (basis IN ('all', 'self', 'inspected')),
  rulebook_id      TEXT NOT NULL,
  rulebook_version TEXT NOT NULL,
  rulebook_sha256  TEXT NOT NULL,
  evidence_sha256  TEXT NOT NULL,
  results          TEXT NOT NULL,
  last_revision    INTEGER NOT NULL,
  supersede_reason TEXT,
  published_by     TEXT NOT NULL,
  published_at     TEXT NOT NULL
) STRICT;
CREATE INDEX publications_lookup ON publications(rulebook_id, year, basis);

CREATE TABLE publication_files(
  publication INTEGER NOT NULL REFERENCES publications(id),
  position    INTEGER NOT NULL,
  path        TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  text        TEXT NOT NULL,
  PRIMARY KEY (publication, position)
) STRICT;
)sql";

// Version 2: a unit's attributes are versioned. Each change to a unit (added, or any attribute
// changed) is a row taking the next revision number; `units` keeps the current attributes, so
// everything that reads today's units is unchanged. Units of an older database get one row
// numbered 0: they count as valid from the start. Rows numbered above 0 are unique, like every
// other change's number.
static const char* kVersion2 = R"sql(
CREATE TABLE unit_versions(
  no          INTEGER NOT NULL,
  unit        TEXT NOT NULL REFERENCES units(id),
  name        TEXT NOT NULL,
  category    TEXT NOT NULL,
  parent      TEXT,
  active_from INTEGER,
  active_to   INTEGER,
  recorded_by TEXT,
  recorded_at TEXT,
  PRIMARY KEY (unit, no)
) STRICT;
CREATE UNIQUE INDEX unit_versions_no ON unit_versions(no) WHERE no > 0;
INSERT INTO unit_versions(no, unit, name, category, parent, active_from, active_to)
  SELECT 0, id, name, category, parent, active_from, active_to FROM units;
)sql";

// Version 3: a publication takes the next revision number (`no`), like every other change. A
// publication of an older database took none: its `no` stays NULL. Its `last_revision` still says
// which changes it saw, and is always below its own number.
static const char* kVersion3 = R"sql(
ALTER TABLE publications ADD COLUMN no INTEGER;
CREATE UNIQUE INDEX publications_no ON publications(no);
)sql";

// Version 4: accounts, review, attachments, adopted rulebooks, the audit log, and the server's
// sessions, failed logins and client report ids (docs/accounts.md). Accounts and tokens are the only rows besides units
// changed in place; they never take revision numbers because they never change a score.
//
// Events gain three kinds: `return` (a submitted inspection sent back, with `note` saying why),
// `comment` (`note`) and `attach` (`attachment`, the SHA-256 of a stored file, and the
// `file_name` it was given). SQLite cannot alter a CHECK constraint, and rebuilding `events`
// would need foreign keys off, impossible inside the migration's transaction; SQLite documents
// editing the table's stored definition for a change that only loosens a constraint, which every
// stored row already satisfies (https://sqlite.org/lang_altertable.html, "otheralter").
//
// Adoptions take revision numbers (`no`): the rulebook in force for a year as of a revision.
// The audit log is append-only (triggers refuse UPDATE and DELETE) and hash-chained; AUTOINCREMENT
// keeps the largest number ever used in sqlite_sequence, so a deleted last row is noticed too.
static const char* kVersion4 = R"sql(
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (event IN (''submit'', ''lock''))',
                     'CHECK (event IN (''submit'', ''lock'', ''return'', ''comment'', ''attach''))')
 WHERE type = 'table' AND name = 'events';
PRAGMA writable_schema = RESET;
ALTER TABLE events ADD COLUMN note TEXT;
ALTER TABLE events ADD COLUMN attachment TEXT;
ALTER TABLE events ADD COLUMN file_name TEXT;
CREATE INDEX events_attachment ON events(attachment) WHERE attachment IS NOT NULL;

CREATE TABLE accounts(
  login         TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'office', 'author', 'inspector', 'agency')),
  scope         TEXT REFERENCES units(id),
  lang          TEXT NOT NULL CHECK (lang IN ('vi', 'en')),
  password_hash TEXT NOT NULL,
  must_change   INTEGER NOT NULL CHECK (must_change IN (0, 1)),
  disabled      INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  created_at    TEXT NOT NULL,
  changed_at    TEXT NOT NULL,
  last_login    TEXT
) STRICT;

CREATE TABLE tokens(
  id         INTEGER PRIMARY KEY,
  login      TEXT NOT NULL REFERENCES accounts(login),
  name       TEXT NOT NULL,
  hash       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT,
  last_used  TEXT
) STRICT;
CREATE INDEX tokens_login ON tokens(login);

CREATE TABLE attachments(
  sha256     TEXT PRIMARY KEY,
  media_type TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size       INTEGER NOT NULL,
  body       BLOB NOT NULL
) STRICT;

CREATE TABLE adoptions(
  no               INTEGER PRIMARY KEY,
  year             INTEGER NOT NULL,
  rulebook_id      TEXT NOT NULL,
  rulebook_version TEXT NOT NULL,
  rulebook_sha256  TEXT NOT NULL,
  adopted_by       TEXT NOT NULL,
  adopted_at       TEXT NOT NULL
) STRICT;
CREATE INDEX adoptions_year ON adoptions(year, no);

CREATE TABLE adoption_files(
  adoption INTEGER NOT NULL REFERENCES adoptions(no),
  position INTEGER NOT NULL,
  path     TEXT NOT NULL,
  sha256   TEXT NOT NULL,
  text     TEXT NOT NULL,
  PRIMARY KEY (adoption, position)
) STRICT;

-- The server's sessions (docs/accounts.md): only hashes of the session id and of its CSRF token.
CREATE TABLE sessions(
  id_hash    TEXT PRIMARY KEY,
  login      TEXT NOT NULL REFERENCES accounts(login),
  csrf_hash  TEXT NOT NULL,
  address    TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen  TEXT NOT NULL,
  ended_at   TEXT
) STRICT;
CREATE INDEX sessions_login ON sessions(login);

-- Failed logins, counted per login and per client address over a sliding window.
CREATE TABLE login_failures(
  time    TEXT NOT NULL,
  login   TEXT NOT NULL,
  address TEXT NOT NULL
) STRICT;
CREATE INDEX login_failures_login ON login_failures(login, time);
CREATE INDEX login_failures_address ON login_failures(address, time);

-- A report sent with a client's own id (a device resending its outbox): the inspection it made
-- and the digest of what was sent, so a resend is recognised and a different one refused.
CREATE TABLE client_reports(
  client_id  TEXT PRIMARY KEY,
  inspection TEXT NOT NULL REFERENCES inspections(id),
  digest     TEXT NOT NULL
) STRICT;

-- The changes a merge brought in, numbered first_no..last_no here: their authors are the other
-- database's, so they have no audit rows of this one.
CREATE TABLE merges(
  id        INTEGER PRIMARY KEY,
  source    TEXT NOT NULL,
  first_no  INTEGER NOT NULL,
  last_no   INTEGER NOT NULL,
  merged_by TEXT NOT NULL,
  merged_at TEXT NOT NULL
) STRICT;

CREATE TABLE audit(
  no        INTEGER PRIMARY KEY AUTOINCREMENT,
  time      TEXT NOT NULL,
  account   TEXT NOT NULL,
  address   TEXT NOT NULL,
  action    TEXT NOT NULL,
  target    TEXT NOT NULL,
  revision  INTEGER,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
) STRICT;
CREATE INDEX audit_account ON audit(account, no);
CREATE INDEX audit_revision ON audit(revision) WHERE revision IS NOT NULL;
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql";

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> list = {
        {1,
         "units, inspections with revisions and events, findings, imports and publications",
         kVersion1,
         {"units", "schemas", "inspections", "revisions", "events", "findings", "imports", "publications",
          "publication_files"},
         {"revisions", "events"}},
        {2, "versioned unit attributes", kVersion2, {"unit_versions"}, {"unit_versions"}},
        {3, "publications take revision numbers", kVersion3, {}, {"publications"}},
        {4,
         "accounts, tokens and sessions, review and comments, attachments, adopted rulebooks, the audit log",
         kVersion4,
         {"accounts", "tokens", "attachments", "adoptions", "adoption_files", "sessions", "login_failures",
          "client_reports", "merges", "audit"},
         {"adoptions"}},
    };
    return list;
}

// Version 4 edits the stored definition of `events` by text replacement: should the definition
// not read as version 1 wrote it (an edit behind the tool's back), the replacement finds nothing,
// and the step must fail rather than leave a database whose events cannot take the new kinds.
static void require_loosened_events_check(sql::Database& db) {
    sql::Statement s = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'events'");
    if (!s.step() || s.text_view(0).find("'return'") == std::string_view::npos)
        throw StoreError(StoreError::Kind::Database,
                         core::T_("the database's table of events is not as parscore made it; it was not migrated"));
}

void migrate(sql::Database& db, std::int64_t from) {
    for (const Migration& step : migrations()) {
        if (step.version <= from) continue;
        db.exec(step.sql);
        if (step.version == 4) require_loosened_events_check(db);
        db.exec("PRAGMA user_version=" + std::to_string(step.version));
    }
}

std::vector<std::string> tables_of(std::int64_t version) {
    std::vector<std::string> out;
    for (const Migration& step : migrations()) {
        if (step.version <= version) out.insert(out.end(), step.tables.begin(), step.tables.end());
    }
    return out;
}

std::vector<std::string> numbered_tables(std::int64_t version) {
    std::vector<std::string> out;
    for (const Migration& step : migrations()) {
        if (step.version <= version) out.insert(out.end(), step.numbered.begin(), step.numbered.end());
    }
    return out;
}

std::string last_revision_sql(std::int64_t version) {
    // `no > 0` lets each max be read from an index's end: unit_versions numbers its rows in a
    // partial index (the versions that predate the counter have no number), which a bare max()
    // would scan.
    // The aggregate over a union, not SQLite's scalar max(a, b, …): PostgreSQL spells that one
    // greatest(), and this reads the same on both.
    std::string sql = "SELECT max(n) FROM (SELECT 0 AS n";
    for (const std::string& table : numbered_tables(version))
        sql += " UNION ALL SELECT max(no) FROM " + table + " WHERE no > 0";
    return sql + ") AS numbers";
}

}  // namespace parscore::inspections
