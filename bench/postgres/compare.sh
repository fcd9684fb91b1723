#!/usr/bin/env bash
# Usage: bench/postgres/compare.sh [UNITS] — PostgreSQL next to SQLite on a national data set
# (docs/PERFORMANCE.md, "PostgreSQL next to SQLite"), in one run on one machine:
#   1. the import of `parscore-gen national --units UNITS` (its load.sh: units, CSV imports and
#      reports), whole, into an empty database of each;
#   2. `parscore score --format json`, whole process, paired runs (farm-bench when present);
#   3. the server's warm ranking, 32 connections;
#   4. report uploads: one `parscore serve` on SQLite against four on PostgreSQL, 8 connections each.
# PostgreSQL is the throwaway cluster of scripts/pg-test-cluster (unix socket, fsync off, commits
# still synchronous); SQLite is a file in WAL mode (synchronous=NORMAL) — neither waits for the disk.
# Needs a Release build with benchmarks (build/parscore, build/bench/parscore-gen), wrk and curl.
# Works in $WORK (default /tmp/parscore-pg-bench).
set -euo pipefail
cd "$(dirname "$0")/../.."
units=${1:-10000}
root=$PWD
bin=$root/build/parscore
gen=${GEN:-$root/build/bench/parscore-gen}
work=${WORK:-/tmp/parscore-pg-bench}
duration=${DURATION:-10s}
port=${PORT:-18180}
for tool in wrk curl; do command -v "$tool" >/dev/null || { echo "compare.sh: needs $tool" >&2; exit 2; }; done

rm -rf "$work" && mkdir -p "$work"
cluster=/tmp/parscore-pgb-$$
servers=()
cleanup() {
  for s in "${servers[@]}"; do kill "$s" 2>/dev/null || true; done
  scripts/pg-test-cluster stop "$cluster" >/dev/null 2>&1 || true
}
trap cleanup EXIT
pg=$(scripts/pg-test-cluster start "$cluster")
sqlite=$work/national.db

"$gen" national --units "$units" "$work/data" >/dev/null
year=$(sed -n 's/^year: *//p' "$work/data/rulebook.yaml" | head -1)
year=${year:-2025}

seconds() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N); echo "scale=2; ($t1 - $t0) / 1000000000" | bc; }
import() { (cd "$work/data" && PARSCORE_BIN=$bin PARSCORE_DB=$1 ./load.sh); }
echo "== 1. import of $units units (load.sh), seconds"
echo "SQLite:     $(seconds import "$sqlite")"
echo "PostgreSQL: $(seconds import "$pg")"
for db in "$sqlite" "$pg"; do
  PARSCORE_DB=$db "$bin" adopt --rules "$work/data/rulebook.yaml" --year "$year" >/dev/null
  echo "a-long-enough-benchmark-password" | PARSCORE_DB=$db "$bin" users add office --role office --password-stdin >/dev/null
done
token_sqlite=$(PARSCORE_DB=$sqlite "$bin" tokens add --user office --name bench 2>/dev/null)
token_pg=$(PARSCORE_DB=$pg "$bin" tokens add --user office --name bench 2>/dev/null)

echo "== 2. score --format json, whole process (A: PostgreSQL, B: SQLite)"
if command -v farm-bench >/dev/null; then
  farm-bench -n 5 --timeout 600 --vs "$bin score --year $year --format json --db $sqlite --out $work/s.json" \
    -- "$bin" score --year "$year" --format json --db "$pg" --out "$work/p.json"
else
  echo "SQLite:     $(seconds "$bin" score --year "$year" --format json --db "$sqlite")"
  echo "PostgreSQL: $(seconds "$bin" score --year "$year" --format json --db "$pg")"
fi

serve() {  # serve DB PORT: starts a server and waits until it answers
  "$bin" serve --db "$1" --listen "127.0.0.1:$2" --threads 2 --log-level warn 2>>"$work/serve.log" &
  servers+=($!)
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$2/healthz" >/dev/null && return; sleep 0.1; done
  echo "compare.sh: the server on port $2 did not start" >&2; exit 1
}
serve "$sqlite" "$port"
for i in 1 2 3 4; do serve "$pg" $((port + i)); done

echo "== 3. warm ranking, 32 connections, $duration"
for target in "SQLite $port $token_sqlite" "PostgreSQL $((port + 1)) $token_pg"; do
  set -- $target
  url=http://127.0.0.1:$2/api/v1/years/$year/ranking
  curl -s -o /dev/null -H "Authorization: Bearer $3" "$url"  # warm the results
  echo "-- $1: $(wrk -t2 -c32 -d"$duration" -H "Authorization: Bearer $3" "$url" | grep Requests/sec)"
done

# Every upload a new inspection: the generated reports moved through the days of the year, each
# wrk run from its own day.
post_lua() {  # post_lua TOKEN FIRST
  cat <<LUA
local reports = {}
for path in io.popen("ls $work/data/reports/*.yaml"):lines() do
  local f = io.open(path, "rb"); reports[#reports + 1] = f:read("*a"); f:close()
end
local n = $2
request = function()
  local text = reports[n % #reports + 1]
  local day = math.floor(n / #reports) % 365
  n = n + 1
  text = text:gsub("date: %d%d%d%d%-%d%d%-%d%d", os.date("!date: $year-%m-%d", 1735689600 + day * 86400), 1)
  text = text:gsub("fee: %d+ }", "fee: " .. n .. " }", 1)
  text = text:gsub("unit: u%d+", string.format("unit: u%06d", n % $units + 1), 1)
  return wrk.format("POST", "/api/v1/inspections",
                    { ["Content-Type"] = "application/yaml", ["Authorization"] = "Bearer $1" }, text)
end
LUA
}
echo "== 4. report uploads, $duration"
post_lua "$token_sqlite" 0 >"$work/post-sqlite.lua"
echo "-- SQLite, one server, 8 connections: $(wrk -t1 -c8 -d"$duration" -s "$work/post-sqlite.lua" \
  "http://127.0.0.1:$port/api/v1/inspections" | grep -E "Requests/sec")"
# Duplicates would answer 409 (the same unit, date, kind and findings): each upload's first fee
# is its own number, and each wrk run numbers from its own million. The uploads go to every unit
# in turn, as a province's do, not to the few units the generated reports name.
post_lua "$token_pg" 5000000 >"$work/post-pg-0.lua"
echo "-- PostgreSQL, one server, 8 connections: $(wrk -t1 -c8 -d"$duration" -s "$work/post-pg-0.lua" \
  "http://127.0.0.1:$((port + 1))/api/v1/inspections" | grep -E "Requests/sec|Non-2xx")"
for i in 1 2 3 4; do post_lua "$token_pg" $((i * 1000000)) >"$work/post-pg-$i.lua"; done
loads=()
for i in 1 2 3 4; do
  wrk -t1 -c8 -d"$duration" -s "$work/post-pg-$i.lua" "http://127.0.0.1:$((port + i))/api/v1/inspections" \
    >"$work/wrk-pg-$i.txt" &
  loads+=($!)
done
wait "${loads[@]}"
total=0
for i in 1 2 3 4; do
  rate=$(awk '/Requests\/sec/ { print $2 }' "$work/wrk-pg-$i.txt")
  total=$(echo "$total + $rate" | bc)
  grep -q "Non-2xx" "$work/wrk-pg-$i.txt" && grep "Non-2xx" "$work/wrk-pg-$i.txt"
done
echo "-- PostgreSQL, four servers, 8 connections each: Requests/sec: $total"
echo "== verify after the uploads"
echo "SQLite:     $("$bin" verify --db "$sqlite" | tail -1)"
echo "PostgreSQL: $("$bin" verify --db "$pg" | tail -1)"
