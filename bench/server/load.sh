#!/usr/bin/env bash
# Usage: bench/server/load.sh [UNITS] — measures `parscore serve` on a national data set
# (docs/PERFORMANCE.md, "The server"), in one run on one machine:
#   1. the warm ranking (GET /api/v1/years/Y/ranking), 32 connections, against nginx serving
#      the same bytes from a file — the ceiling for answering those bytes over HTTP;
#   2. report uploads (POST /api/v1/inspections), 8 connections, against `parscore record` of
#      the same reports in one process, one transaction each — the store's own ceiling;
#   3. the first ranking read after a one-inspection write, against a warm read;
#   4. a 90/10 read/write mix: throughput, p99 latency and the server's peak memory.
# Needs a Release build with benchmarks (build/parscore, build/bench/parscore-gen) and Debian's
# wrk and nginx-light. Works in $WORK (default /tmp/parscore-server-bench).
set -euo pipefail
cd "$(dirname "$0")/../.."
units=${1:-10000}
root=$PWD
bin=$root/build/parscore
gen=${GEN:-$root/build/bench/parscore-gen}
work=${WORK:-/tmp/parscore-server-bench}
duration=${DURATION:-10s}
port=${PORT:-18080}
static_port=$((port + 1))
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || [ -x /usr/sbin/"$tool" ] || { echo "load.sh: needs $tool" >&2; exit 2; }
done

rm -rf "$work" && mkdir -p "$work/static"
source bench/server/national_db.sh
auth="Authorization: Bearer $token"

"$bin" serve --listen 127.0.0.1:$port --threads "$(nproc)" --log-level warn 2>"$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
url=http://127.0.0.1:$port/api/v1/years/$year/ranking

time_get() {  # seconds for one GET of the ranking
  curl -s -o /dev/null -w '%{time_total}' -H "$auth" "$url"
}
echo "== cold ranking: $(time_get) s"
curl -s -H "$auth" "$url" >"$work/static/ranking.json"
echo "   bytes: $(stat -c %s "$work/static/ranking.json")"
echo "== warm ranking: $(time_get) s"

cat >"$work/nginx.conf" <<CONF
worker_processes $(nproc);
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  default_type application/json;
  client_body_temp_path $work/nginx-tmp;
  proxy_temp_path $work/nginx-tmp;
  fastcgi_temp_path $work/nginx-tmp;
  uwsgi_temp_path $work/nginx-tmp;
  scgi_temp_path $work/nginx-tmp;
  server { listen 127.0.0.1:$static_port; root $work/static; }
}
CONF
mkdir -p "$work/nginx-tmp"
/usr/sbin/nginx -c "$work/nginx.conf"
sleep 0.3

echo "== 1. warm ranking, 32 connections, $duration"
echo "-- nginx, the same bytes from a file"
wrk -t2 -c32 -d"$duration" --latency "http://127.0.0.1:$static_port/ranking.json" | grep -E "Requests/sec|Transfer/sec|99%"
echo "-- parscore serve"
wrk -t2 -c32 -d"$duration" --latency -H "$auth" "$url" | grep -E "Requests/sec|Transfer/sec|99%"

reports=("$work"/data/reports/*.yaml)  # a glob, not ls | head: pipefail would see ls's SIGPIPE
report=${reports[0]}
# Every upload must be a new inspection (an equal one answers 409): the generated reports, each
# moved through the days of the year. One wrk thread, so one counter numbers them all.
cat >"$work/reports.lua" <<LUA
local reports = {}
for path in io.popen("ls $work/data/reports/*.yaml"):lines() do
  local f = io.open(path, "rb")
  reports[#reports + 1] = f:read("*a")
  f:close()
end
local n = tonumber(os.getenv("FIRST_REPORT") or "0")
function next_report()
  local text = reports[n % #reports + 1]
  local day = math.floor(n / #reports) % 365
  n = n + 1
  return (text:gsub("date: %d%d%d%d%-%d%d%-%d%d", os.date("!date: $year-%m-%d", 1735689600 + day * 86400), 1))
end
post_headers = { ["Content-Type"] = "application/yaml", ["Authorization"] = "Bearer $token" }
LUA
cat "$work/reports.lua" - >"$work/post.lua" <<LUA
request = function() return wrk.format("POST", "/api/v1/inspections", post_headers, next_report()) end
LUA
echo "== 2. report uploads, 8 connections, $duration"
echo "-- parscore serve"
wrk -t1 -c8 -d"$duration" --latency -s "$work/post.lua" "http://127.0.0.1:$port/api/v1/inspections" |
  grep -E "Requests/sec|99%|Non-2xx"
echo "-- parscore record, one process, one transaction per report (the 200 reports)"
t0=$(date +%s%N)
"$bin" record --again --rules "$work/data/rulebook.yaml" "$work"/data/reports/*.yaml >/dev/null
t1=$(date +%s%N)
echo "Requests/sec: $((200 * 1000000000 / (t1 - t0)))"

echo "== 3. the first ranking read after a one-inspection write (5 times)"
for i in 1 2 3 4 5; do
  sed "s/^  date: .*/  date: $year-12-2$i/" "$report" >"$work/one.yaml"
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" -H "Content-Type: application/yaml" \
    --data-binary @"$work/one.yaml" "http://127.0.0.1:$port/api/v1/inspections")
  [ "$status" = 201 ] || { echo "load.sh: the write answered $status" >&2; exit 1; }
  echo "after a write: $(time_get) s, warm: $(time_get) s"
done

units_list=$("$bin" units list --format csv | tail -n +2 | cut -d, -f1 | shuf -n 200 --random-source=<(yes))
{
  cat "$work/reports.lua"
  echo "local units = {"
  for u in $units_list; do echo "  \"$u\","; done
  echo "}"
  cat <<LUA
request = function()
  if math.random() < 0.1 then return wrk.format("POST", "/api/v1/inspections", post_headers, next_report()) end
  local u = units[math.random(#units)]
  return wrk.format("GET", "/api/v1/years/$year/scores?unit=" .. u, { ["Authorization"] = "Bearer $token" })
end
LUA
} >"$work/mix.lua"
echo "== 4. 90/10 mix (GET one unit's scores / POST a report), 16 connections, $duration"
FIRST_REPORT=100000 wrk -t1 -c16 -d"$duration" --latency -s "$work/mix.lua" "http://127.0.0.1:$port" | grep -E "Requests/sec|50%|99%|Non-2xx"
echo "peak memory of the server: $(grep VmHWM /proc/$server/status | awk '{print $2, $3}')"
