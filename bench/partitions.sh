#!/usr/bin/env bash
# The pass over an archive of FILES files (default 4) of WIRES wires in all (default 200,000), as one step
# classifying on every core, and partitioned by file (run --partitioned); checks that both give the same files.
# Usage: bench/partitions.sh [WIRES] [FILES]
source "$(dirname "$0")/lib.sh"
WIRES=${1:-200000}
FILES=${2:-4}
build
ARCHIVE="$WORK/wires-$WIRES-in-$FILES"
[ -d "$ARCHIVE" ] || java bench/GenerateArchive.java "$ARCHIVE" "$WIRES" "$FILES"

rm -rf "$WORK/out-single" "$WORK/out-partitioned"
read -r SINGLE_S SINGLE_RSS < <(measure single java -Xmx512m -jar target/wire-reclassifier.jar \
  run --input "$ARCHIVE" --output "$WORK/out-single")
read -r PART_S PART_RSS < <(measure partitioned java -Xmx512m -jar target/wire-reclassifier.jar \
  run --partitioned --input "$ARCHIVE" --output "$WORK/out-partitioned")
for f in "$ARCHIVE"/*.csv; do cmp "$WORK/out-single/$(basename "$f")" "$WORK/out-partitioned/$(basename "$f")"; done
cmp "$WORK/out-single/summary.json" "$WORK/out-partitioned/summary.json"
awk -v w="$WIRES" -v n="$FILES" -v s="$SINGLE_S" -v srss="$SINGLE_RSS" -v p="$PART_S" -v prss="$PART_RSS" 'BEGIN {
  printf "%d wires in %d files\n", w, n
  printf "one step, classifying on every core: %6.1f s (%d wires/s), peak RSS %d MB\n", s, w / s, srss
  printf "partitioned, a partition a file:     %6.1f s (%d wires/s), peak RSS %d MB\n", p, w / p, prss
  printf "amended files and summary.json identical\n" }'
