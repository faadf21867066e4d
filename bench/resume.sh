#!/usr/bin/env bash
# What does a crash cost? Runs the pass over the synthetic archive (default 200,000 wires) once uninterrupted,
# then again killed with SIGKILL once half of the amended file is written, then resumes it, and prints the
# resume's time against the full run's. Usage: bench/resume.sh [WIRES]
source "$(dirname "$0")/lib.sh"
WIRES=${1:-200000}
build
ARCHIVE=$(archive "$WIRES")
RUN=(java -Xmx512m -jar target/wire-reclassifier.jar run --input "$ARCHIVE")

rm -rf "$WORK/out-full" "$WORK/out-killed"
read -r FULL_S _ < <(measure resume-full "${RUN[@]}" --output "$WORK/out-full")
AMENDED=$(stat -c %s "$WORK/out-full/$(basename "$ARCHIVE")")

"${RUN[@]}" --output "$WORK/out-killed" > "$WORK/resume-killed.out" 2>&1 &
PID=$!
while :; do # the working copy of the amended file, until it holds half of it
  PART=$(find "$WORK/out-killed/.state" -name "$(basename "$ARCHIVE").part" 2>/dev/null | head -1 || true)
  if [ -n "$PART" ] && [ "$(stat -c %s "$PART")" -ge $((AMENDED / 2)) ]; then break; fi
  kill -0 "$PID" 2>/dev/null || { echo "the run ended before half way" >&2; exit 1; }
  sleep 0.05
done
kill -9 "$PID"; wait "$PID" 2>/dev/null || true
read -r RESUME_S _ < <(measure resume-resumed "${RUN[@]}" --output "$WORK/out-killed")
cmp "$WORK/out-full/$(basename "$ARCHIVE")" "$WORK/out-killed/$(basename "$ARCHIVE")"
grep -h 'resum' "$WORK/resume-resumed.out" | head -2 || true
awk -v f="$FULL_S" -v r="$RESUME_S" 'BEGIN {
  printf "full run: %.1f s; killed at half way, resumed: %.1f s (%.2f of the full run); amended files identical\n", f, r, r / f }'
