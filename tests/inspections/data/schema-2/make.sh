#!/bin/sh
# Builds schema-2.db, a database of schema version 2 (the last before publications took revision
# numbers), with the parscore of that version given as $1. Kept for the record: the committed
# file is what the migration tests read, and a later parscore cannot make a schema-2 database.
# It reuses the reports of schema-1/ and adds a change after the publication.
set -eu
P=$1
here=$(cd "$(dirname "$0")" && pwd)
data=$here/..
old=$data/schema-1
db=$here/schema-2.db
rm -f "$db"
"$P" --db "$db" units import "$data/units.csv"
"$P" --db "$db" record --rules "$data/rulebook.yaml" "$data/report.yaml" "$old/noi-vu.yaml" "$old/self.yaml"
draft=$("$P" --db "$db" record --rules "$data/rulebook.yaml" "$old/lac-son-draft.yaml")
"$P" --db "$db" submit "$draft"
"$P" --db "$db" lock "$draft"
"$P" --db "$db" publish --rules "$data/rulebook.yaml" --year 2013
"$P" --db "$db" units import "$old/renamed.csv"
