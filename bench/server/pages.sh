#!/usr/bin/env bash
# Usage: bench/server/pages.sh [UNITS] — each page of the web application against the JSON route
# it renders (docs/PERFORMANCE.md, "Pages against their JSON"), on a national data set, warm, one
# connection at a time so that requests per second are 1 / the server's time per request.
# Needs a Release build with benchmarks (build/parscore, build/bench/parscore-gen) and Debian's wrk.
# Works in $WORK (default /tmp/parscore-pages-bench).
set -euo pipefail
cd "$(dirname "$0")/../.."
units=${1:-10000}
root=$PWD
bin=$root/build/parscore
gen=${GEN:-$root/build/bench/parscore-gen}
work=${WORK:-/tmp/parscore-pages-bench}
duration=${DURATION:-5s}
port=${PORT:-18090}
command -v wrk >/dev/null || { echo "pages.sh: needs wrk" >&2; exit 2; }

rm -rf "$work" && mkdir -p "$work"
source bench/server/national_db.sh
unit=$("$bin" units list --format csv | sed -n '2s/,.*//p')
inspection=$("$bin" inspections --unit "$unit" --format json | sed -n 's/.*"id": *"\([0-9a-f-]\{36\}\)".*/\1/p' | head -1)

"$bin" serve --listen 127.0.0.1:$port --threads "$(nproc)" --log-level warn 2>"$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
base=http://127.0.0.1:$port

rate() {  # requests per second of one connection asking for $1
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "$base$1" || { echo "pages.sh: $1 failed" >&2; exit 1; }
  wrk -t1 -c1 -d"$duration" -H "Authorization: Bearer $token" "$base$1" | sed -n 's/^Requests\/sec: *//p'
}
printf '%-34s %12s %12s %8s\n' page "page req/s" "JSON req/s" "ratio"
while read -r name page json; do
  p=$(rate "$page")
  j=$(rate "$json")
  printf '%-34s %12.1f %12.1f %7.2f×\n' "$name" "$p" "$j" "$(echo "$j / $p" | bc -l)"
done <<PAIRS
ranking /years/$year/ranking /api/v1/years/$year/ranking
unit /years/$year/units/$unit /api/v1/years/$year/units/$unit/explanation
inspections-of-a-unit /inspections?unit=$unit /api/v1/inspections?unit=$unit
inspection /inspections/$inspection /api/v1/inspections/$inspection
summary /years/$year/summary /api/v1/years/$year/summary
gap /years/$year/gap /api/v1/years/$year/gap
recording-form /record?year=$year /api/v1/years/$year/template?unit=$unit
PAIRS
