#!/usr/bin/env bash
# The performance benchmark: a synthetic archive of WIRES wires (default 200,000; about 1.2 KB each, from the
# real AIID texts), the opencsv parse-and-write floor, and the full pass (rules, audit, restart state, report),
# run as `java -jar` and as deployed with class data sharing (README, operator guide), each with -Xmx512m.
# Prints wires/s, MB/s, the pass/floor ratios, peak RSS and GC pause time.
# Needs a JDK 17+ and /usr/bin/time (Debian's `time` package). Usage: bench/run.sh [WIRES]
source "$(dirname "$0")/lib.sh"
WIRES=${1:-200000}
build
ARCHIVE=$(archive "$WIRES")
BYTES=$(stat -c %s "$ARCHIVE")

# the floor compiled beforehand, so that its time is not the source launcher's compiling
mkdir -p "$WORK/floor-classes"
javac -d "$WORK/floor-classes" -cp "$CP" bench/Floor.java
read -r FLOOR_S FLOOR_RSS < <(measure floor java -Xmx512m -cp "$WORK/floor-classes:$CP" Floor "$ARCHIVE" "$WORK/floor.csv")
rm -rf "$WORK/out"
read -r PASS_S PASS_RSS < <(measure pass java -Xmx512m -Xlog:gc:file="$WORK/gc.log" -jar target/wire-reclassifier.jar \
  run --input "$ARCHIVE" --output "$WORK/out")
GC_MS=$(grep -o '[0-9.]*ms$' "$WORK/gc.log" | awk '{s+=$1} END {printf "%.0f", s}')
cds
rm -rf "$WORK/out"
read -r CDS_S CDS_RSS < <(measure pass-cds java -Xmx512m "${CDS[@]}" run --input "$ARCHIVE" --output "$WORK/out")

awk -v wires="$WIRES" -v bytes="$BYTES" -v fs="$FLOOR_S" -v frss="$FLOOR_RSS" -v ps="$PASS_S" -v prss="$PASS_RSS" \
    -v cs="$CDS_S" -v crss="$CDS_RSS" -v gc="$GC_MS" -v cores="$(nproc)" -v java="$(java -version 2>&1 | head -1)" 'BEGIN {
  mb = bytes / 1048576
  printf "archive: %d wires, %.0f MB; machine: %d cores, %s\n", wires, mb, cores, java
  printf "%-36s %9s %11s %8s %9s\n", "", "seconds", "wires/s", "MB/s", "peak RSS"
  printf "%-36s %9.1f %11.0f %8.1f %7d MB\n", "floor (opencsv in and out)", fs, wires / fs, mb / fs, frss
  printf "%-36s %9.1f %11.0f %8.1f %7d MB\n", "pass (java -jar)", ps, wires / ps, mb / ps, prss
  printf "%-36s %9.1f %11.0f %8.1f %7d MB\n", "pass (extracted, class data sharing)", cs, wires / cs, mb / cs, crss
  printf "pass / floor: %.2fx (java -jar), %.2fx (class data sharing); GC pauses during the pass: %d ms\n", ps / fs, cs / fs, gc
}'
