#!/usr/bin/env bash
# Fuzzes one parser with libFuzzer (coverage-guided, under AddressSanitizer and LeakSanitizer):
#   bash scripts/fuzz.sh TARGET [SECONDS]     one target (default 60 s)
#   bash scripts/fuzz.sh all [SECONDS]        every target in turn
#   bash scripts/fuzz.sh list                 the targets
# Seeds are Fuzz/corpus/TARGET (committed); what the fuzzer learns goes to
# .build-fuzz/corpus/TARGET. A crash, a leak or an input taking over 1 s stops it: the input is
# saved under .build-fuzz/crashes/ and printed (base64) so a CI log carries it; replay it with
# `swift run abmboard-fuzz TARGET FILE`, and pin it in a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(accounts contacts touches intent opportunities marks playbook theme config time as-of week columns filter keys)
target="${1:-}"
seconds="${2:-60}"
if [[ "$target" == "list" ]]; then printf '%s\n' "${targets[@]}"; exit 0; fi
if [[ -z "$target" ]]; then echo "usage: scripts/fuzz.sh TARGET|all|list [SECONDS]" >&2; exit 64; fi

swift build --scratch-path .build-fuzz --product abmboard-fuzz \
    --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING 2>&1 \
    | grep -v "Cannot export local symbol" >&2
binary=.build-fuzz/debug/abmboard-fuzz

fuzz_one() {
    local name="$1"
    if [[ ! -d "Fuzz/corpus/$name" ]]; then echo "scripts/fuzz.sh: no target $name (scripts/fuzz.sh list)" >&2; return 64; fi
    mkdir -p ".build-fuzz/corpus/$name" .build-fuzz/crashes
    rm -f .build-fuzz/crashes/"$name"-*
    local log=".build-fuzz/fuzz-$name.log"
    echo "== fuzzing $name for ${seconds} s" >&2
    local status=0
    # TOMLKit leaks every document it parses (Fuzz/lsan.supp says what), so libFuzzer's
    # per-input leak check would scan the heap after every TOML input: those targets leave
    # leaks to the suppressed final check only.
    local leaks=1
    case "$name" in playbook | theme | config) leaks=0 ;; esac
    # Swift's own crash backtracer would fight AddressSanitizer's: libFuzzer reports crashes.
    ABMBOARD_FUZZ_TARGET="$name" SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=1" \
        LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0" "$binary" \
        -detect_leaks="$leaks" -max_total_time="$seconds" -timeout=1 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix=".build-fuzz/crashes/$name-" \
        ".build-fuzz/corpus/$name" "Fuzz/corpus/$name" >"$log" 2>&1 || status=$?
    grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|cov: " "$log" | tail -4 >&2 || true
    if [[ $status -ne 0 ]]; then
        echo "scripts/fuzz.sh: $name failed (status $status); the end of its log:" >&2
        tail -40 "$log" >&2
        for artifact in .build-fuzz/crashes/"$name"-*; do
            [[ -f "$artifact" ]] || continue
            echo "saved input $artifact (base64):" >&2
            base64 "$artifact" >&2
        done
        return 1
    fi
}

if [[ "$target" == "all" ]]; then
    failed=0
    for name in "${targets[@]}"; do fuzz_one "$name" || failed=1; done
    exit $failed
fi
fuzz_one "$target"
