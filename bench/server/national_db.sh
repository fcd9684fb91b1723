# Sourced by the server benchmarks (load.sh, pages.sh): makes $work/national.db from
# `parscore-gen national --units $units`, adopts its rulebook for $year, and gives an office
# account's API token in $token. Expects $bin, $gen, $work and $units; exports PARSCORE_DB.
"$gen" national --units "$units" "$work/data" >/dev/null
year=$(sed -n 's/^year: *//p' "$work/data/rulebook.yaml" | head -1)
year=${year:-2025}
export PARSCORE_DB=$work/national.db
(cd "$work/data" && PARSCORE_BIN=$bin PARSCORE_DB=$PARSCORE_DB ./load.sh >/dev/null)
"$bin" adopt --rules "$work/data/rulebook.yaml" --year "$year" >/dev/null
echo "a-long-enough-benchmark-password" | "$bin" users add office --role office --password-stdin >/dev/null
token=$("$bin" tokens add --user office --name bench 2>/dev/null)
