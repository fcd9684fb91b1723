// The schema's history as numbered steps (docs/store.md, "Schema versions and migrations").
// A step is never edited once released: databases made with it exist. A change to the schema is
// a new step appended at the end, with the tables it adds and a test that migrates the committed
// database of the version before it.
#include "migrations.hpp"

#include <algorithm>

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
    };
    return list;
}

void migrate(sql::Database& db, std::int64_t from) {
    for (const Migration& step : migrations()) {
        if (step.version <= from) continue;
        db.exec(step.sql);
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
    std::string sql = "SELECT max(0";
    for (const std::string& table : numbered_tables(version))
        sql += ", coalesce((SELECT max(no) FROM " + table + "), 0)";
    return sql + ")";
}

}  // namespace parscore::inspections
