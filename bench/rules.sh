#!/usr/bin/env bash
# Does the cost of a pass grow with its rules? Runs the pass over the synthetic archive (default 200,000 wires)
# with 10 and with 200 keyword rules (five keywords each, words of the archive itself), and prints the ratio.
# Usage: bench/rules.sh [WIRES]
source "$(dirname "$0")/lib.sh"
WIRES=${1:-200000}
build
ARCHIVE=$(archive "$WIRES")
mkdir -p "$WORK/jobs"

# distinct words of six letters or more from the archive's first records, in a fixed order
WORDS="$WORK/jobs/words.txt"
head -c 4000000 "$ARCHIVE" | tr -cs 'A-Za-z' '\n' | tr 'A-Z' 'a-z' | awk 'length($0) >= 6' | sort -u > "$WORDS"

job() { # rules: a job file with that many keyword rules
  local rules=$1 file="$WORK/jobs/rules-$1.yaml"
  {
    printf 'pass:\n  name: rules-%s\n  date: 2026-05-10\ntaxonomy: %s\n' "$rules" "$PWD/jobs/taxonomy/2026.05.yaml"
    printf 'rationale:\n  text: Benchmark pass with %s rules.\n  counterfactual: None.\nrules:\n' "$rules"
    awk -v rules="$rules" 'BEGIN { srand(7) } { words[NR] = $0 } END {
      codes = "M1 M2 M3 M4 M5 M6 M7"; split(codes, code, " ")
      for (r = 1; r <= rules; r++) {
        printf "  - id: rule-%d\n    description: Benchmark rule %d.\n    when:\n      keywords: [", r, r
        for (k = 0; k < 5; k++) printf "%s%s", (k ? ", " : ""), words[1 + int(rand() * NR)]
        printf "]\n    then:\n      add_codes: [%s]\n", code[1 + (r - 1) % 7]
      }
    }' "$WORDS"
  } > "$file"
  echo "$file"
}

for rules in 10 200; do
  rm -rf "$WORK/out-rules"
  read -r SECONDS_TAKEN RSS < <(measure "rules-$rules" java -Xmx512m -jar target/wire-reclassifier.jar \
    run "$(job "$rules")" --input "$ARCHIVE" --output "$WORK/out-rules")
  eval "S$rules=$SECONDS_TAKEN"
  printf '%4d rules: %6.1f s (%d wires/s), peak RSS %d MB\n' "$rules" "$SECONDS_TAKEN" \
    "$(awk -v w="$WIRES" -v s="$SECONDS_TAKEN" 'BEGIN { printf "%d", w / s }')" "$RSS"
done
awk -v a="$S10" -v b="$S200" 'BEGIN { printf "200 rules / 10 rules: %.2fx\n", b / a }'
