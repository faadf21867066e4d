#!/usr/bin/env bash
# Kills a run at each of its file system calls in turn (strace fault injection: SIGKILL at the N-th unlink,
# rmdir, rename, fsync, fdatasync), runs the same command again, and compares the outputs with an uninterrupted
# run's, byte for byte (summary.json without its `run` object, audit.jsonl and report.csv without the run's id and times).
# Usage: tools/crash-points.sh JAR INPUT_DIR [run options...]; prints one line a crash point, exits 1 on a difference.
set -uo pipefail
jar=$1; input=$2; shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
normalise() { # the outputs of a run, less what differs between runs by design
  for f in $(cd "$1" && ls); do
    case $f in
      summary.json) jq -S 'del(.run)' "$1/$f" ;;
      audit.jsonl) jq -c 'del(.at, .execution_id)' "$1/$f" ;;
      report.csv) sed -E 's/^"[0-9]+",//; s/"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z",/"",/' "$1/$f" ;;
      report.html) sed -E 's/(run|Run) [0-9]+//g; s/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z?//g' "$1/$f" ;;
      *) cat "$1/$f" ;;
    esac | sha256sum | sed "s|-|$f|"
  done
}
java -jar "$jar" run --input "$input" --output "$work/reference" "$@" >/dev/null 2>&1
reference_status=$?
normalise "$work/reference" > "$work/reference.sums"
failed=0
for call in rename unlink rmdir fsync fdatasync; do
  for ((n = 1; ; n++)); do
    out="$work/$call-$n"
    strace -f -qq -o /dev/null -e trace="$call" -e inject="$call":signal=SIGKILL:when="$n" \
      java -jar "$jar" run --input "$input" --output "$out" "$@" >/dev/null 2>&1
    killed=$?
    if [ "$killed" -ne 137 ]; then
      break # the run made fewer such calls than n: all of them were tried
    fi
    java -jar "$jar" run --input "$input" --output "$out" "$@" >"$out.log" 2>&1
    status=$?
    normalise "$out" > "$out.sums"
    if [ "$status" -eq "$reference_status" ] && diff -q "$work/reference.sums" "$out.sums" >/dev/null; then
      echo "$call #$n: killed, rerun exit $status, outputs identical"
    else
      echo "$call #$n: killed, rerun exit $status (uninterrupted: $reference_status), outputs DIFFER:"
      diff "$work/reference.sums" "$out.sums" | sed 's/^/    /'; sed 's/^/    | /' "$out.log" | head -5
      failed=1
    fi
    rm -rf "$out"
  done
done
exit $failed
