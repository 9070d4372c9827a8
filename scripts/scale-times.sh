#!/bin/sh
# Cold-start scale measurements (issue 10): `plans index` and a cold `plans search 僵尸` at several corpus sizes,
# wall time, CPU time (user + sys: steadier than wall on a shared machine) and max RSS from /usr/bin/time -v. Corpora come from bench/generate.ts (built into dist/).
#   sh scripts/scale-times.sh [DIST_ROOT] [SIZES...]     e.g. sh scripts/scale-times.sh . 50 500 2000 5000
# Corpora go to /tmp/plans-scale-sN (made once), data dirs to /tmp/plans-scale-dN (wiped per run).
ROOT=${1:-.}
shift 2>/dev/null
SIZES=${*:-50 500 2000 5000}
# DATA=/tmp/other-d puts the data dirs elsewhere (e.g. to measure another build side by side).
# KEEP=1 keeps the data dirs (a fresh cache is reused: measures the cold searches only, no rebuild)
MAIN="$ROOT/dist/src/cli/main.js"
t() { # label, command...
  label=$1; shift
  /usr/bin/time -v "$@" > /dev/null 2> /tmp/plans-scale-time.txt
  wall=$(grep 'Elapsed (wall' /tmp/plans-scale-time.txt | sed 's/.*: //')
  rss=$(grep 'Maximum resident' /tmp/plans-scale-time.txt | sed 's/.*: //')
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' /tmp/plans-scale-time.txt)
  printf '%-28s wall %-10s cpu %7s s  maxRSS %6d MB\n' "$label" "$wall" "$cpu" $((rss / 1024))
}
for n in $SIZES; do
  c=/tmp/plans-scale-s$n; d=${DATA:-/tmp/plans-scale-d}$n
  [ -d "$c" ] || node "$ROOT/dist/bench/generate.js" "$c" --plans "$n" > /dev/null
  if [ -z "$KEEP" ]; then
    rm -rf "$d"
    t "index   $n plans" node "$MAIN" index --corpus "$c" --data-dir "$d"
  fi
  t "search1 $n plans (cold)" node "$MAIN" search 僵尸 --corpus "$c" --data-dir "$d" --json
  t "search2 $n plans (cold)" node "$MAIN" search 僵尸 --corpus "$c" --data-dir "$d" --json
  t "search  $n pinyin" node "$MAIN" search shenji --corpus "$c" --data-dir "$d" --json
  t "export  $n plans" node "$MAIN" export --corpus "$c" --data-dir "$d"
done
