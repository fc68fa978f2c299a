#!/usr/bin/env bash
# Start-up of kansrijk against the floor (a bare ratatui program that draws one Braille
# canvas frame), both in release, in a pseudo-terminal, with a folder of 1,000 sessions;
# and kansrijk's peak memory with that folder. See docs/PERFORMANCE.md.
#
#   scripts/bench-startup.sh            # 30 alternating runs each
#   RUNS=60 COUNT=1000 scripts/bench-startup.sh
#   SESSIONS_DIR=/tmp/kb-sessions scripts/bench-startup.sh   # reuse a generated folder
#
# Both programs exit right after their first frame, so start-to-exit is start-to-first-
# frame plus tear-down (leaving the alternate screen), which is alike for both.
# Nothing fails for being slow: the script only reports.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-30}"
WARMUP="${WARMUP:-3}"
COUNT="${COUNT:-1000}"
COLS="${COLS:-120}"
ROWS="${ROWS:-40}"

echo "== building (release)"
cargo build --release --locked --quiet --features test-hooks --bin kansrijk \
    --example floor --example gen_sessions --example pty_startup
target_dir="$(cargo metadata --format-version 1 --no-deps 2>/dev/null |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
target_dir="${target_dir:-target}"
bin="$target_dir/release/kansrijk"
floor="$target_dir/release/examples/floor"
gen="$target_dir/release/examples/gen_sessions"
pty="$target_dir/release/examples/pty_startup"

work="$(mktemp -d "${TMPDIR:-/tmp}/kansrijk-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
sessions="${SESSIONS_DIR:-$work/sessions}"
empty="$work/empty"
mkdir -p "$empty"
have=$({ find "$sessions" -maxdepth 1 -name '*.ron' 2>/dev/null || true; } | wc -l)
if [ "$have" -eq "$COUNT" ]; then
    echo "== reusing $COUNT sessions in $sessions"
elif [ -n "$(ls -A "$sessions" 2>/dev/null)" ]; then
    # Never delete or add to a folder we did not make: it may hold real sessions.
    echo "$sessions holds $have sessions, not $COUNT: give an empty or new SESSIONS_DIR" >&2
    exit 2
else
    echo "== generating $COUNT sessions in $sessions"
    "$gen" "$sessions" "$COUNT"
fi
# Warm cache, as on a machine where the folder was used recently.
cat "$sessions"/*.ron >/dev/null

echo
echo "== machine"
echo "cores: $(nproc)"
lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core)' || true
free -m | sed -n 2p | awk '{print "memory: " $2 " MiB"}'
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== start-up: spawn to exit in a ${COLS}x${ROWS} pty (examples/pty_startup.rs)"
"$pty" --runs "$RUNS" --warmup "$WARMUP" --cols "$COLS" --rows "$ROWS" \
    "kansrijk=$bin --dir $sessions" \
    "kansrijk-0=$bin --dir $empty" \
    "floor=$floor"
echo "(kansrijk: $COUNT sessions; kansrijk-0: an empty folder; target: kansrijk <= 1.5x floor)"

# A second opinion with hyperfine and util-linux `script` as the pty (not alternating;
# includes the cost of `script` and a shell, so its ratio is diluted).
if ! command -v hyperfine >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq hyperfine >/dev/null 2>&1 ||
        { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq hyperfine >/dev/null 2>&1; } || true
fi
if command -v hyperfine >/dev/null && command -v script >/dev/null; then
    echo
    echo "== start-up with hyperfine + script (second opinion)"
    in_pty() {
        printf 'script -qec "stty cols %s rows %s; KANSRIJK_EXIT_AFTER_FIRST_FRAME=1 exec %s" /dev/null' \
            "$COLS" "$ROWS" "$*"
    }
    hyperfine -N --warmup "$WARMUP" --runs "$RUNS" --style basic \
        -n kansrijk "$(in_pty "$bin" --dir "$sessions")" \
        -n floor "$(in_pty "$floor")" </dev/null
else
    echo "(hyperfine or script not available: second opinion skipped)"
fi

echo
echo "== peak memory (maximum resident set size), 5 runs in a pty"
if [ ! -x /usr/bin/time ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq time >/dev/null 2>&1 ||
        { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq time >/dev/null 2>&1; } || true
fi
if [ -x /usr/bin/time ]; then
    peak() {
        local name="$1"
        shift
        local values=()
        for i in 1 2 3 4 5; do
            "$pty" --runs 1 --warmup 0 --cols "$COLS" --rows "$ROWS" \
                "$name=/usr/bin/time -f %M -o $work/rss.$i $*" >/dev/null
            values+=("$(tail -n1 "$work/rss.$i")")
        done
        printf '%s\n' "${values[@]}" | sort -n | awk -v name="$name" '
            { v[NR] = $1 }
            END { printf "%-12s median %.1f MB  (min %.1f, max %.1f; KiB/1024)\n",
                  name, v[3] / 1024, v[1] / 1024, v[5] / 1024 }'
    }
    peak kansrijk "$bin" --dir "$sessions"
    peak kansrijk-0 "$bin" --dir "$empty"
    peak floor "$floor"
    echo "(target: kansrijk with $COUNT sessions <= 30 MB)"
else
    echo "(/usr/bin/time not available: peak memory skipped)"
fi
