#include "postgres_schema.hpp"

#include "parscore/inspections/store.hpp"
#include "parscore/inspections/store_error.hpp"

namespace parscore::inspections::postgres {

namespace {

// Schema version 4 as PostgreSQL tables. Every column of SQLite's version 4 is here with the same
// name, order and constraint; TEXT is COLLATE "C" so that ORDER BY and comparisons agree with
// SQLite byte for byte; BLOB is BYTEA; the flags SQLite keeps as 0/1 integers stay integers.
const char* kVersion4 = R"sql(
CREATE TABLE parscore_meta(
  key   TEXT COLLATE "C" PRIMARY KEY,
  value BIGINT NOT NULL
);

-- Ids numbered one above the largest, as SQLite numbers an INTEGER PRIMARY KEY left out. The
-- number is kept for the session's last insert (Database::last_insert_id reads it).
CREATE FUNCTION parscore_next_id() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE next BIGINT;
BEGIN
  IF NEW.id IS NULL THEN
    EXECUTE format('SELECT coalesce(max(id), 0) + 1 FROM %I', TG_TABLE_NAME) INTO next;
    NEW.id := next;
  END IF;
  PERFORM set_config('parscore.last_id', NEW.id::text, true);
  RETURN NEW;
END $$;

CREATE TABLE units(
  id          TEXT COLLATE "C" PRIMARY KEY,
  name        TEXT COLLATE "C" NOT NULL,
  category    TEXT COLLATE "C" NOT NULL,
  parent      TEXT COLLATE "C" REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
  active_from BIGINT,
  active_to   BIGINT
);

CREATE TABLE schemas(
  id     BIGINT PRIMARY KEY,
  sha256 TEXT COLLATE "C" NOT NULL UNIQUE,
  body   TEXT COLLATE "C" NOT NULL
);
CREATE TRIGGER schemas_id BEFORE INSERT ON schemas FOR EACH ROW EXECUTE FUNCTION parscore_next_id();

CREATE TABLE inspections(
  id          TEXT COLLATE "C" PRIMARY KEY,
  unit        TEXT COLLATE "C" NOT NULL REFERENCES units(id),
  stamp       BIGINT NOT NULL,
  status      TEXT COLLATE "C" NOT NULL CHECK (status IN ('draft', 'submitted')),
  recorded_by TEXT COLLATE "C" NOT NULL,
  recorded_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX inspections_unit ON inspections(unit);
CREATE INDEX inspections_stamp ON inspections(stamp);

CREATE TABLE revisions(
  no          BIGINT PRIMARY KEY,
  inspection  TEXT COLLATE "C" NOT NULL REFERENCES inspections(id),
  seq         BIGINT NOT NULL,
  unit        TEXT COLLATE "C" NOT NULL,
  stamp       BIGINT NOT NULL,
  status      TEXT COLLATE "C" NOT NULL CHECK (status IN ('draft', 'submitted')),
  date        TEXT COLLATE "C" NOT NULL,
  year        BIGINT,
  eval_year   BIGINT NOT NULL,
  kind        TEXT COLLATE "C" NOT NULL CHECK (kind IN ('surprise', 'scheduled', 'thematic', 'other', 'self')),
  team        TEXT COLLATE "C" NOT NULL,
  schema      BIGINT NOT NULL REFERENCES schemas(id),
  digest      TEXT COLLATE "C" NOT NULL,
  reason      TEXT COLLATE "C",
  recorded_by TEXT COLLATE "C" NOT NULL,
  recorded_at TEXT COLLATE "C" NOT NULL,
  prev_hash   TEXT COLLATE "C" NOT NULL,
  hash        TEXT COLLATE "C" NOT NULL,
  UNIQUE (inspection, seq)
);
CREATE INDEX revisions_inspection_no ON revisions(inspection, no);
CREATE INDEX revisions_year ON revisions(eval_year, no);
CREATE INDEX revisions_amended ON revisions(inspection, no) WHERE seq > 1;

CREATE TABLE events(
  no          BIGINT PRIMARY KEY,
  inspection  TEXT COLLATE "C" NOT NULL REFERENCES inspections(id),
  seq         BIGINT NOT NULL,
  event       TEXT COLLATE "C" NOT NULL CHECK (event IN ('submit', 'lock', 'return', 'comment', 'attach')),
  recorded_by TEXT COLLATE "C" NOT NULL,
  recorded_at TEXT COLLATE "C" NOT NULL,
  prev_hash   TEXT COLLATE "C" NOT NULL,
  hash        TEXT COLLATE "C" NOT NULL,
  note        TEXT COLLATE "C",
  attachment  TEXT COLLATE "C",
  file_name   TEXT COLLATE "C",
  UNIQUE (inspection, seq)
);
CREATE INDEX events_inspection_no ON events(inspection, no);
CREATE INDEX events_attachment ON events(attachment) WHERE attachment IS NOT NULL;

CREATE TABLE findings(
  revision BIGINT NOT NULL REFERENCES revisions(no),
  kind     TEXT COLLATE "C" NOT NULL,
  fact     BIGINT NOT NULL CHECK (fact IN (0, 1)),
  records  BIGINT NOT NULL,
  data     BYTEA NOT NULL,
  UNIQUE (revision, kind)
);

CREATE TABLE imports(
  id          BIGINT PRIMARY KEY,
  sha256      TEXT COLLATE "C" NOT NULL,
  path        TEXT COLLATE "C" NOT NULL,
  kind        TEXT COLLATE "C" NOT NULL,
  rows        BIGINT NOT NULL,
  inspections BIGINT NOT NULL,
  first_no    BIGINT,
  last_no     BIGINT,
  imported_by TEXT COLLATE "C" NOT NULL,
  imported_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX imports_sha256 ON imports(sha256);
CREATE TRIGGER imports_id BEFORE INSERT ON imports FOR EACH ROW EXECUTE FUNCTION parscore_next_id();

CREATE TABLE publications(
  id               BIGINT PRIMARY KEY,
  year             BIGINT NOT NULL,
  basis            TEXT COLLATE "C" NOT NULL CHECK (basis IN ('all', 'self', 'inspected')),
  rulebook_id      TEXT COLLATE "C" NOT NULL,
  rulebook_version TEXT COLLATE "C" NOT NULL,
  rulebook_sha256  TEXT COLLATE "C" NOT NULL,
  evidence_sha256  TEXT COLLATE "C" NOT NULL,
  results          TEXT COLLATE "C" NOT NULL,
  last_revision    BIGINT NOT NULL,
  supersede_reason TEXT COLLATE "C",
  published_by     TEXT COLLATE "C" NOT NULL,
  published_at     TEXT COLLATE "C" NOT NULL,
  no               BIGINT UNIQUE
);
CREATE INDEX publications_lookup ON publications(rulebook_id, year, basis);
CREATE TRIGGER publications_id BEFORE INSERT ON publications FOR EACH ROW EXECUTE FUNCTION parscore_next_id();

CREATE TABLE publication_files(
  publication BIGINT NOT NULL REFERENCES publications(id),
  position    BIGINT NOT NULL,
  path        TEXT COLLATE "C" NOT NULL,
  sha256      TEXT COLLATE "C" NOT NULL,
  text        TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (publication, position)
);

CREATE TABLE unit_versions(
  no          BIGINT NOT NULL,
  unit        TEXT COLLATE "C" NOT NULL REFERENCES units(id),
  name        TEXT COLLATE "C" NOT NULL,
  category    TEXT COLLATE "C" NOT NULL,
  parent      TEXT COLLATE "C",
  active_from BIGINT,
  active_to   BIGINT,
  recorded_by TEXT COLLATE "C",
  recorded_at TEXT COLLATE "C",
  PRIMARY KEY (unit, no)
);
CREATE UNIQUE INDEX unit_versions_no ON unit_versions(no) WHERE no > 0;

CREATE TABLE accounts(
  login         TEXT COLLATE "C" PRIMARY KEY,
  name          TEXT COLLATE "C" NOT NULL,
  role          TEXT COLLATE "C" NOT NULL CHECK (role IN ('admin', 'office', 'author', 'inspector', 'agency')),
  scope         TEXT COLLATE "C" REFERENCES units(id),
  lang          TEXT COLLATE "C" NOT NULL CHECK (lang IN ('vi', 'en')),
  password_hash TEXT COLLATE "C" NOT NULL,
  must_change   BIGINT NOT NULL CHECK (must_change IN (0, 1)),
  disabled      BIGINT NOT NULL CHECK (disabled IN (0, 1)),
  created_at    TEXT COLLATE "C" NOT NULL,
  changed_at    TEXT COLLATE "C" NOT NULL,
  last_login    TEXT COLLATE "C"
);

CREATE TABLE tokens(
  id         BIGINT PRIMARY KEY,
  login      TEXT COLLATE "C" NOT NULL REFERENCES accounts(login),
  name       TEXT COLLATE "C" NOT NULL,
  hash       TEXT COLLATE "C" NOT NULL UNIQUE,
  created_at TEXT COLLATE "C" NOT NULL,
  expires_at TEXT COLLATE "C",
  revoked_at TEXT COLLATE "C",
  last_used  TEXT COLLATE "C"
);
CREATE INDEX tokens_login ON tokens(login);
CREATE TRIGGER tokens_id BEFORE INSERT ON tokens FOR EACH ROW EXECUTE FUNCTION parscore_next_id();

CREATE TABLE attachments(
  sha256     TEXT COLLATE "C" PRIMARY KEY,
  media_type TEXT COLLATE "C" NOT NULL
             CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size       BIGINT NOT NULL,
  body       BYTEA NOT NULL
);

CREATE TABLE adoptions(
  no               BIGINT PRIMARY KEY,
  year             BIGINT NOT NULL,
  rulebook_id      TEXT COLLATE "C" NOT NULL,
  rulebook_version TEXT COLLATE "C" NOT NULL,
  rulebook_sha256  TEXT COLLATE "C" NOT NULL,
  adopted_by       TEXT COLLATE "C" NOT NULL,
  adopted_at       TEXT COLLATE "C" NOT NULL
);
CREATE INDEX adoptions_year ON adoptions(year, no);

CREATE TABLE adoption_files(
  adoption BIGINT NOT NULL REFERENCES adoptions(no),
  position BIGINT NOT NULL,
  path     TEXT COLLATE "C" NOT NULL,
  sha256   TEXT COLLATE "C" NOT NULL,
  text     TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (adoption, position)
);

CREATE TABLE sessions(
  id_hash    TEXT COLLATE "C" PRIMARY KEY,
  login      TEXT COLLATE "C" NOT NULL REFERENCES accounts(login),
  csrf_hash  TEXT COLLATE "C" NOT NULL,
  address    TEXT COLLATE "C" NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  last_seen  TEXT COLLATE "C" NOT NULL,
  ended_at   TEXT COLLATE "C"
);
CREATE INDEX sessions_login ON sessions(login);

CREATE TABLE login_failures(
  time    TEXT COLLATE "C" NOT NULL,
  login   TEXT COLLATE "C" NOT NULL,
  address TEXT COLLATE "C" NOT NULL
);
CREATE INDEX login_failures_login ON login_failures(login, time);
CREATE INDEX login_failures_address ON login_failures(address, time);

CREATE TABLE client_reports(
  client_id  TEXT COLLATE "C" PRIMARY KEY,
  inspection TEXT COLLATE "C" NOT NULL REFERENCES inspections(id),
  digest     TEXT COLLATE "C" NOT NULL
);

CREATE TABLE merges(
  id        BIGINT PRIMARY KEY,
  source    TEXT COLLATE "C" NOT NULL,
  first_no  BIGINT NOT NULL,
  last_no   BIGINT NOT NULL,
  merged_by TEXT COLLATE "C" NOT NULL,
  merged_at TEXT COLLATE "C" NOT NULL
);
CREATE TRIGGER merges_id BEFORE INSERT ON merges FOR EACH ROW EXECUTE FUNCTION parscore_next_id();

CREATE TABLE audit(
  no        BIGINT PRIMARY KEY,
  time      TEXT COLLATE "C" NOT NULL,
  account   TEXT COLLATE "C" NOT NULL,
  address   TEXT COLLATE "C" NOT NULL,
  action    TEXT COLLATE "C" NOT NULL,
  target    TEXT COLLATE "C" NOT NULL,
  revision  BIGINT,
  prev_hash TEXT COLLATE "C" NOT NULL,
  hash      TEXT COLLATE "C" NOT NULL
);
CREATE INDEX audit_account ON audit(account, no);
CREATE INDEX audit_revision ON audit(revision) WHERE revision IS NOT NULL;
-- Append-only, and its highest number kept, as SQLite's AUTOINCREMENT keeps it: a deleted last
-- row is noticed by verify.
CREATE FUNCTION parscore_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
  FOR EACH ROW EXECUTE FUNCTION parscore_audit_append_only();
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION parscore_audit_append_only();
CREATE FUNCTION parscore_audit_last() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE parscore_meta SET value = greatest(value, NEW.no) WHERE key = 'audit_last';
  RETURN NEW;
END $$;
CREATE TRIGGER audit_last AFTER INSERT ON audit FOR EACH ROW EXECUTE FUNCTION parscore_audit_last();
)sql";

}  // namespace

std::string create_sql(std::int64_t version) {
    if (version != 4) {
        throw StoreError(StoreError::Kind::Database,
                         core::T_("a PostgreSQL database is created at schema version 4 only"));
    }
    return std::string(kVersion4) + "INSERT INTO parscore_meta(key, value) VALUES ('application_id', " +
           std::to_string(kApplicationId) + "), ('schema_version', " + std::to_string(version) +
           "), ('audit_last', 0), ('lock', 0);\n";
}

}  // namespace parscore::inspections::postgres
