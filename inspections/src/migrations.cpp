#include "store_impl.hpp"

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

const std::vector<const char*>& migrations() {
    static const std::vector<const char*> list = {kVersion1};
    return list;
}

}  // namespace parscore::inspections
