#!/usr/bin/env bash
# scripts/check-references on a small repository of its own: it passes on clean files and fails,
# naming each one, on a citation of an outside contract, a path out of the repository, a build
# machine's absolute path and a docs page or Markdown link that does not exist. The shared
# benchmark path stays allowed in docs/PERFORMANCE.md.
set -euo pipefail
source_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# The bad references are assembled from pieces, so that this file itself passes the check.
up=..
spec=SPEC
machine=/work
d=docs
git init -q .
mkdir -p scripts docs/reference src
cp "$source_dir/scripts/check-references" scripts/
echo "# Scoring" >docs/reference/scoring.md
echo "See [scoring](reference/scoring.md) and $up/shared/bench/compare.sh." >docs/PERFORMANCE.md
echo "// Totals (docs/reference/scoring.md#totals)." >src/clean.cpp
git add -A
scripts/check-references >/dev/null || { echo "FAIL: clean files were refused"; exit 1; }

printf '%s\n' "// Totals ($spec §4.4)." >src/contract.cpp
printf '%s\n' "// see $up/shared/DOMAIN.md" >src/outside.cpp
printf '%s\n' "// built in $machine/main/build" >src/machine.cpp
printf '%s\n' "// see $d/scoring.md" >src/dangling.cpp
printf '%s\n' "[gone](reference/gone.md)" >"$d/links.md"
git add -A
if out=$(scripts/check-references 2>&1); then
  echo "FAIL: bad references were accepted"; exit 1
fi
for file in src/contract.cpp src/outside.cpp src/machine.cpp src/dangling.cpp "$d/links.md"; do
  grep -q "$file" <<<"$out" || { echo "FAIL: $file was not named:"; echo "$out"; exit 1; }
done
grep -q "docs/PERFORMANCE.md" <<<"$out" && { echo "FAIL: the benchmark path was refused:"; echo "$out"; exit 1; }
echo "check-references: every bad reference named, the clean ones passed"
