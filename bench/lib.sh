# Shared by the benchmark scripts: the jar, the synthetic archive, and timing a command.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${BENCH_DIR:-target/bench}
mkdir -p "$WORK"

build() { # the application jar and the runtime class path (CP)
  ./mvnw -q -B package -DskipTests
  CP=$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)
}

cds() { # the jar extracted, with a class data sharing archive from a training run over the sample archive
  rm -rf "$WORK/app" "$WORK/app.jsa" "$WORK/training"
  java -Djarmode=tools -jar target/wire-reclassifier.jar extract --destination "$WORK/app" > /dev/null
  java -XX:ArchiveClassesAtExit="$WORK/app.jsa" -jar "$WORK/app/wire-reclassifier.jar" \
    run --input input/ --output "$WORK/training" > /dev/null 2>&1
  CDS=(-XX:SharedArchiveFile="$WORK/app.jsa" -jar "$WORK/app/wire-reclassifier.jar")
}

archive() { # wires: the path of a synthetic archive of that many wires, generated once
  local archive="$WORK/wires-$1.csv"
  [ -f "$archive" ] || java bench/GenerateArchive.java "$archive" "$1" >&2
  echo "$archive"
}

measure() { # name, command...: wall seconds and peak RSS (MB) of a command
  local name=$1; shift
  if ! /usr/bin/time -v "$@" > "$WORK/$name.out" 2> "$WORK/$name.time"; then
    echo "$name failed:" >&2; head -5 "$WORK/$name.time" >&2; kill -TERM $$; exit 1
  fi
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$WORK/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$WORK/$name.time")
  echo "$wall $rss"
}
