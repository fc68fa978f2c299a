#!/usr/bin/env bash
# Start-up of kansrijk against the floor (a bare ratatui program that draws one Braille
# canvas frame), both in release, in a pseudo-terminal, with a folder of 1,000 sessions;
# and kansrijk's peak memory with that folder. See docs/PERFORMANCE.md.
#
#   scripts/bench-startup.sh            # 20 alternating runs each
#   RUNS=60 COUNT=1000 scripts/bench-startup.sh
#   SESSIONS_DIR=/tmp/kb-sessions scripts/bench-startup.sh   # reuse a generated folder
#   BASE_BIN=/path/to/older/kansrijk scripts/bench-startup.sh  # before and after in one run
#
# What is timed is what the user waits for, read off the screen as a terminal shows it
# (examples/pty_startup.rs feeds the program's output into a vt100 screen): from spawning
# until the first frame is on screen ("Sessies", the start screen's title), and until the
# list is on screen (LIST_MARKER, a bestuurder's name from the folder). The floor is timed
# until its frame is on screen. The folder's listing cache is warm, as on every start but
# the very first. Nothing fails for being slow: the script only reports.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-20}"
WARMUP="${WARMUP:-3}"
COUNT="${COUNT:-1000}"
COLS="${COLS:-120}"
ROWS="${ROWS:-40}"
# The first bestuurder on the start screen of the generated folder.
LIST_MARKER="${LIST_MARKER:-Anna de Vries}"
marker="${LIST_MARKER// /_}"

echo "== building (release)"
cargo build --release --locked --quiet --bin kansrijk \
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
# The listing cache as after any earlier start.
"$bin" --dir "$sessions" list >/dev/null
programs=(
    "first@Sessies=$bin --dir $sessions"
    "list@$marker=$bin --dir $sessions"
    "first-0@Sessies=$bin --dir $empty"
)
if [ -n "${BASE_BIN:-}" ]; then
    # The older build keeps its own cache format: give it its own copy of the folder.
    base_sessions="$work/sessions-base"
    cp -a "$sessions" "$base_sessions"
    "$BASE_BIN" --dir "$base_sessions" list >/dev/null
    programs+=("base-first@Sessies=$BASE_BIN --dir $base_sessions"
        "base-list@$marker=$BASE_BIN --dir $base_sessions")
fi
programs+=("floor@floor=$floor")
echo "== start-up: spawn until on screen, in a ${COLS}x${ROWS} pty (examples/pty_startup.rs)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$pty" --runs "$RUNS" --warmup "$WARMUP" --cols "$COLS" --rows "$ROWS" "${programs[@]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(first: the first frame; list: '$LIST_MARKER' from the folder of $COUNT sessions on"
echo " screen; first-0: an empty folder; base-*: BASE_BIN; targets: list <= 1.5x floor,"
echo " first <= 1.2x floor)"

echo
echo "== peak memory (maximum resident set size), 5 runs in a pty"
if [ ! -x /usr/bin/time ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq time >/dev/null 2>&1 ||
        { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq time >/dev/null 2>&1; } || true
fi
if [ -x /usr/bin/time ]; then
    peak() {
        local name="$1"
        local until="$2"
        shift 2
        local values=()
        for i in 1 2 3 4 5; do
            "$pty" --runs 1 --warmup 0 --cols "$COLS" --rows "$ROWS" --quit q \
                "$name@$until=/usr/bin/time -f %M -o $work/rss.$i $*" >/dev/null
            values+=("$(tail -n1 "$work/rss.$i")")
        done
        printf '%s\n' "${values[@]}" | sort -n | awk -v name="$name" '
            { v[NR] = $1 }
            END { printf "%-12s median %.1f MiB  (min %.1f, max %.1f)\n",
                  name, v[3] / 1024, v[1] / 1024, v[5] / 1024 }'
    }
    # kansrijk with the list on screen, then q; the floor exits by itself after its frame.
    peak kansrijk "$marker" "$bin" --dir "$sessions"
    peak kansrijk-0 Sessies "$bin" --dir "$empty"
    peak floor floor "$floor"
    echo "(target: kansrijk with $COUNT sessions <= 8 MiB; the floor exits by itself)"
else
    echo "(/usr/bin/time not available: peak memory skipped)"
fi
