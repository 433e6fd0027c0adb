#!/usr/bin/env bash
# The store's benchmark: import throughput against the sqlite3 shell, and board --json as a whole
# process. Usage: scripts/bench-store.sh [ACCOUNTS] [TOUCHES]   (defaults 50000 5000000)
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${1:-50000}
touches=${2:-5000000}
swift build -c release >/dev/null
bin=$PWD/.build/release/abmboard
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ABMBOARD_DB=$work/bench.sqlite
"$bin" sample --out "$work/csv" --accounts "$accounts" --touches "$touches" >/dev/null
for kind in accounts contacts; do "$bin" import "$kind" "$work/csv/$kind.csv"; done
start=$(date +%s.%N)
"$bin" import touches "$work/csv/touches.csv"
ours=$(echo "$(date +%s.%N) - $start" | bc)
sqlite3 "$work/base.db" "PRAGMA journal_mode=WAL; CREATE TABLE touch(touch_id TEXT PRIMARY KEY, account_id TEXT,
    channel TEXT, direction TEXT, occurred_at TEXT, contact_id TEXT, topic TEXT, by TEXT, note TEXT);" >/dev/null
start=$(date +%s.%N)
sqlite3 "$work/base.db" ".import --csv --skip 1 $work/csv/touches.csv touch"
theirs=$(echo "$(date +%s.%N) - $start" | bc)
echo "import touches: abmboard ${ours} s, sqlite3 .import ${theirs} s, throughput ratio $(echo "scale=2; $theirs / $ours" | bc)×"
for kind in intent opportunities marks; do "$bin" import "$kind" "$work/csv/$kind.csv"; done
for run in 1 2 3; do
    /usr/bin/time -f "board --json: %e s, peak %M KB" "$bin" board --json --as-of 2026-11-20T16:00:00Z >/dev/null
done
