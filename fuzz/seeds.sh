#!/usr/bin/env bash
# Usage: fuzz/seeds.sh TARGET DIR — fills DIR with the starting corpus of a fuzz target: its
# committed corpus (fuzz/corpus/TARGET), the inputs of its fixed findings (fuzz/regressions/TARGET)
# and the project's own example and bad-input files of that format, gathered from the tree
# rather than copied into fuzz/. TARGET: expression | rulebook | report | csv | request.
set -euo pipefail
cd "$(dirname "$0")/.."
target=$1
out=$2
mkdir -p "$out"
n=0
add() {  # add FILE...: each file as one seed, named after its path
  for f in "$@"; do
    [ -f "$f" ] || continue
    cp "$f" "$out/$(echo "$f" | tr '/' '_')"
    n=$((n + 1))
  done
}
sep=$'\n#@file\n'  # fuzz_support.hpp: files of one rulebook input
join() {  # join NAME FILE...: one seed holding several files (the first is the rulebook)
  local name=$1; shift
  local first=1
  { for f in "$@"; do
      if [ $first = 0 ]; then printf '%s' "$sep"; fi
      cat "$f"; first=0
    done; } > "$out/$name"
  n=$((n + 1))
}
shopt -s nullglob
add fuzz/corpus/"$target"/* fuzz/regressions/"$target"/*
case "$target" in
  expression) ;;
  rulebook)
    add rules/*/rulebook.yaml tests/golden/rulebooks/*.yaml tests/scoring/*.yaml tests/inspections/data/rulebook.yaml \
        tests/bad_inputs/rulebooks/*.yaml
    join shipped-2026-extends-2013 rules/province-2026/rulebook.yaml rules/hoa-binh-2013/rulebook.yaml
    for d in tests/golden/rulebooks/extends-*/; do
      files=("$d"rulebook.yaml)
      for f in "$d"*.yaml "$d"*/*.yaml; do [ "$f" = "$d"rulebook.yaml ] || files+=("$f"); done
      join "golden-$(basename "$d")" "${files[@]}"
    done
    ;;
  report)
    add tests/inspections/data/report.yaml tests/inspections/bad/*.yaml tests/bad_inputs/reports/*.yaml
    ;;
  csv)
    add tests/inspections/data/units.csv tests/inspections/bad/*.csv tests/bad_inputs/csv/*.csv
    ;;
  request) ;;
  *) echo "unknown fuzz target: $target" >&2; exit 2 ;;
esac
echo "$n seeds for $target in $out"
