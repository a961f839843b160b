#!/bin/sh
# Writes the benchmark capture (default: 1,000,000 frames to bench-1m.pcap) with the CLI's generate-bench command,
# building the jar first when it is missing. Usage: tools/gen-bench-capture.sh [FRAMES] [OUTPUT] [SEED]
set -eu
cd "$(dirname "$0")/.."
frames=${1:-1000000}
out=${2:-bench-1m.pcap}
seed=${3:-1006}
[ -f target/frame-inspector.jar ] || mvn -B -q package -DskipTests
exec java -jar target/frame-inspector.jar generate-bench --frames "$frames" -o "$out" --seed "$seed"
