#!/bin/sh
# Builds schema-1.db, a database of schema version 1 (the last before unit attributes were
# versioned), with the parscore of that version given as $1. Kept for the record: the committed
# file is what the migration tests read, and a later parscore cannot make a schema-1 database.
set -eu
P=$1
here=$(cd "$(dirname "$0")" && pwd)
data=$here/..
db=$here/schema-1.db
rm -f "$db"
"$P" --db "$db" units import "$data/units.csv"
"$P" --db "$db" record --rules "$data/rulebook.yaml" "$data/report.yaml" "$here/noi-vu.yaml" "$here/self.yaml"
draft=$("$P" --db "$db" record --rules "$data/rulebook.yaml" "$here/lac-son-draft.yaml")
"$P" --db "$db" submit "$draft"
"$P" --db "$db" lock "$draft"
"$P" --db "$db" publish --rules "$data/rulebook.yaml" --year 2013
"$P" --db "$db" units import "$here/renamed.csv"
