#!/usr/bin/env bash
# Long fuzz run: bash tools/fuzz-long.sh N_FRAMES N_DUMPS N_CAPTURES [SEED] [THREADS]
# One input again, alone and timed: bash tools/fuzz-long.sh one TARGET INDEX SEED
# Compiles (offline if it can; SKIP_BUILD=1 reuses target/ as it is), then runs the seeded mutation campaigns with a 256 MiB heap
# (FUZZ_HEAP=512m to change it), the limit issue 18 tried hostile inputs at, so a header that claims gigabytes or a
# per-connection buffer without a bound shows up as an OutOfMemoryError failure. Failing inputs land in target/fuzz-failures/.
set -euo pipefail
cd "$(dirname "$0")/.."
FRAMES=${1:-1000000}; DUMPS=${2:-10000}; CAPS=${3:-1000}; SEED=${4:-0x5EED}; THREADS=${5:-2}
MVN="mvn -B -q"
if [ -z "${SKIP_BUILD:-}" ] || [ ! -s target/fuzz-classpath.txt ]; then
$MVN -o test-compile >/dev/null 2>&1 || $MVN test-compile
$MVN -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz-classpath.txt >/dev/null 2>&1 \
  || $MVN dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz-classpath.txt >/dev/null
fi
# run from a private copy so a build in this worktree during a long run cannot swap classes under it
RUN=target/fuzz-run-$$
mkdir -p "$RUN" && cp -r target/classes target/test-classes "$RUN"/
trap 'rm -rf "$RUN"' EXIT
SHARED=${FI_SHARED:-$(cd .. && pwd)/shared}
java -Xmx"${FUZZ_HEAP:-256m}" -Djava.awt.headless=true -Dfi.shared="$SHARED" \
  -cp "$RUN/test-classes:$RUN/classes:$(cat target/fuzz-classpath.txt)" \
  org.frameinspector.fuzz.FuzzLong "$FRAMES" "$DUMPS" "$CAPS" "$SEED" "$THREADS"
