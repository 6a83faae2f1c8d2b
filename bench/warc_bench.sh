#!/usr/bin/env bash
# WARC input against files: speed and memory of the command (issue 15).
#
#   bench/warc_bench.sh [DATASETS] [WORK_DIR]
#
# Builds, outside the repository (WORK_DIR, default /tmp/extractor-warc-bench),
# a WARC.gz of every page of DATASETS (default ../shared/datasets; a gzip
# member per record, request + response + metadata records, as crawls write
# them) and the list of the same page files, then:
#
#   speed   the command on the files (-i list) and on the WARC.gz, in
#           alternating rounds, with one worker thread and with one per core;
#           pages/s from the fastest of ROUNDS rounds (wall clock) and the
#           ratio WARC/files; also the CPU seconds (user+sys) of each. With
#           ONE_CORE=1 the "one thread" runs are pinned to one core (taskset),
#           so that the read-ahead thread cannot use a second one.
#   memory  peak RSS of the command on WARC.gz files of 1x, 4x and the
#           repeat count that makes about GIGS GB (default 1) of gzip,
#           all cores: memory must stay flat as the file grows.
#
# Environment: EXTRACTOR (default build/extractor), ROUNDS (default 3),
# GIGS (default 1; 0 skips the big file), ONE_CORE.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
datasets=${1:-$here/../shared/datasets}
work=${2:-/tmp/extractor-warc-bench}
x=${EXTRACTOR:-$here/build/extractor}
rounds=${ROUNDS:-3}
gigs=${GIGS:-1}
cores=$(nproc)
mkdir -p "$work"

[ -f "$work/all.warc.gz" ] ||
  python3 "$here/bench/make_warc.py" "$work/all.warc.gz" "$datasets" --list "$work/all.list"
pages=$(wc -l < "$work/all.list")
echo "pages: $pages; WARC.gz $(du -h "$work/all.warc.gz" | cut -f1); cores: $cores"

# seconds (wall) and CPU seconds of one run: "WALL CPU"
timed() {
  /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$@" > "$work/out.jsonl" 2> /dev/null || true
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$work/time.txt"
}

for threads in 1 "$cores"; do
  pin=()
  [ "$threads" = 1 ] && [ "${ONE_CORE:-0}" = 1 ] && pin=(taskset -c 0)
  best_f=999999 best_w=999999 cpu_f=0 cpu_w=0
  for ((r = 0; r < rounds; r++)); do
    read -r wf cf < <(timed "${pin[@]}" "$x" -j "$threads" -i "$work/all.list")
    read -r ww cw < <(timed "${pin[@]}" "$x" -j "$threads" "$work/all.warc.gz")
    best_f=$(echo "if ($wf < $best_f) $wf else $best_f" | bc)
    best_w=$(echo "if ($ww < $best_w) $ww else $best_w" | bc)
    cpu_f=$(echo "$cpu_f + $cf" | bc)
    cpu_w=$(echo "$cpu_w + $cw" | bc)
  done
  printf "speed -j %s%s: files %.1f pages/s, WARC.gz %.1f pages/s: %.3f (CPU s per round: files %.2f, WARC.gz %.2f: %.3f)\n" \
    "$threads" "${pin:+ (taskset -c 0)}" \
    "$(echo "$pages / $best_f" | bc -l)" "$(echo "$pages / $best_w" | bc -l)" \
    "$(echo "$best_f / $best_w" | bc -l)" \
    "$(echo "$cpu_f / $rounds" | bc -l)" "$(echo "$cpu_w / $rounds" | bc -l)" \
    "$(echo "$cpu_f / $cpu_w" | bc -l)"
done

# Memory as the WARC grows.
big=0
if [ "$gigs" != 0 ]; then
  size=$(stat -c %s "$work/all.warc.gz")
  big=$(( (gigs * 1000000000 + size - 1) / size ))
fi
for n in 1 4 "$big"; do
  [ "$n" = 0 ] && continue
  f=$work/x$n.warc.gz
  if [ "$n" = 1 ]; then f=$work/all.warc.gz; fi
  [ -f "$f" ] || python3 "$here/bench/make_warc.py" "$f" "$datasets" --repeat "$n" 2> /dev/null
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$x" -j "$cores" "$f" > /dev/null 2> /dev/null || true
  read -r wall kb < "$work/time.txt"
  printf "memory: %s (%s pages, %s): peak RSS %.1f MB, %.1f s\n" "$(basename "$f")" \
    "$((pages * n))" "$(du -h "$f" | cut -f1)" "$(echo "$kb / 1024" | bc -l)" "$wall"
done
