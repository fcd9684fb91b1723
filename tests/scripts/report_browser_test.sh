#!/usr/bin/env bash
# The Vietnamese HTML report opened in a real browser: headless Chromium parses the demo's
# ranking page and the rendered DOM says lang="vi" and has the Vietnamese column heads and
# headings. scripts/bootstrap installs Debian's chromium; without it the test fails.
# usage: report_browser_test.sh PARSCORE SOURCE_DIR
set -euo pipefail
parscore=$1
source_dir=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "FAIL: chromium is not installed (scripts/bootstrap installs it)"
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$parscore" demo --db demo.db >/dev/null
"$parscore" rank --rules "$source_dir/rules/hoa-binh-2013/rulebook.yaml" --year 2013 --db demo.db \
  --format html --lang vi --out report.html
# --no-sandbox: containers and CI runners as root have no user namespaces for the sandbox; the
# page is our own file and runs no script.
"$browser" --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" \
  --dump-dom "file://$work/report.html" >dom.html 2>browser.log || {
  echo "FAIL: chromium could not render the report"; cat browser.log; exit 1; }
fail=0
expect() {
  grep -qF -- "$1" dom.html || { echo "FAIL: the rendered page lacks: $1"; fail=1; }
}
expect '<html lang="vi">'
expect '<th scope="col">Tên đơn vị</th>'
expect '<th scope="col" class="num">Tổng điểm</th>'
expect 'Xếp hạng năm 2013'
expect '<h2>Chỉ tiêu tổng hợp</h2>'
expect 'Sở Tài chính'
expect '88,42'
grep -qF '>rank</th>' dom.html && { echo "FAIL: an English column head is left"; fail=1; }
[ "$fail" -eq 0 ] && echo "ok: the Vietnamese report renders in $("$browser" --version 2>/dev/null | head -n1)"
exit "$fail"
