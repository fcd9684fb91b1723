#!/bin/sh
# Builds schema-3.db, a database of schema version 3 (the last before accounts, review,
# attachments and adopted rulebooks), with the parscore of that version given as $1. Kept for the
# record: the committed file is what the migration tests read, and a later parscore cannot make a
# schema-3 database. It reuses the reports of schema-1/, amends one, and publishes twice, so that
# both publications carry revision numbers.
set -eu
P=$1
here=$(cd "$(dirname "$0")" && pwd)
data=$here/..
old=$data/schema-1
db=$here/schema-3.db
rm -f "$db"
"$P" --db "$db" units import "$data/units.csv"
"$P" --db "$db" record --rules "$data/rulebook.yaml" "$data/report.yaml" "$old/noi-vu.yaml" "$old/self.yaml"
draft=$("$P" --db "$db" record --rules "$data/rulebook.yaml" "$old/lac-son-draft.yaml")
"$P" --db "$db" submit "$draft"
"$P" --db "$db" publish --rules "$data/rulebook.yaml" --year 2013
"$P" --db "$db" lock "$draft"
"$P" --db "$db" units import "$old/renamed.csv"
"$P" --db "$db" publish --rules "$data/rulebook.yaml" --year 2013 --supersede "Sở Nội vụ renamed"
