#!/usr/bin/env bash
# The terminal board's benchmark on a store (issue 9): the in-process figures of
# `abmboard bench --board --db STORE`, then the real binary launched in tmux, timed from launch until its
# first full screen (the status bar's "decided") is on the terminal.
# Usage: scripts/bench-board.sh STORE [AS-OF]   (a store: see scripts/bench-store.sh, or
#        `abmboard sample --accounts 50000 --touches 5000000` and the imports)
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:?usage: scripts/bench-board.sh STORE [AS-OF]}
as_of=${2:-2026-11-20T16:00:00Z}
command -v tmux >/dev/null || { echo "tmux is needed: apt-get install tmux" >&2; exit 1; }
swift build -c release >/dev/null
bin=$PWD/.build/release/abmboard
"$bin" bench --board --db "$store" --as-of "$as_of"
socket=abm-bench-$$
trap 'tmux -L "$socket" kill-server 2>/dev/null || true' EXIT
for run in 1 2 3; do
    start=$(date +%s.%N)
    tmux -L "$socket" -f /dev/null new-session -d -x 200 -y 60 \
        "env LANG=C.UTF-8 TERM=tmux-256color $bin --db $store --as-of $as_of"
    until tmux -L "$socket" capture-pane -p | grep -q "decided"; do sleep 0.01; done
    end=$(date +%s.%N)
    echo "launch → first full screen in tmux (run $run): $(echo "($end - $start) * 1000 / 1" | bc) ms"
    tmux -L "$socket" send-keys q
    sleep 0.3
    tmux -L "$socket" kill-server 2>/dev/null || true
done
