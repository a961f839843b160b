#!/bin/sh
# The streams benchmark of issue 4, in one run: on the generated capture (1M frames of Ethernet/IPv4/TCP/TPKT/COTP,
# made with generate-bench when missing) it times, ROUNDS times each and interleaved,
#   java -jar target/frame-inspector.jar check -q FILE          (full findings with TCP/TPKT/COTP reassembly)
#   tshark -r FILE -T fields -e frame.number -e cotp.type       (tshark's cheapest pass that still decodes COTP)
# with /usr/bin/time (wall seconds, peak RSS), then prints the medians, the speed-up and the RSS ratio, and the
# indexing rate from `bench --only index`. Run it on an idle machine: both programs are timed by the wall clock.
# Usage: tools/bench-vs-tshark.sh [FILE] [ROUNDS]
set -eu
cd "$(dirname "$0")/.."
file=${1:-bench-1m.pcap}
rounds=${2:-3}
jar=target/frame-inspector.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
[ -f "$file" ] || java -jar "$jar" generate-bench --frames 1000000 -o "$file"
command -v tshark >/dev/null || { echo "tshark is not installed (apt-get install -y tshark)"; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is not installed (apt-get install -y time)"; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "file: $file ($(du -m "$file" | cut -f1) MB), $(nproc) cores, $(java -version 2>&1 | head -1), $(tshark --version | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
i=1
while [ "$i" -le "$rounds" ]; do
    /usr/bin/time -f "%e %M" -o "$tmp/t" tshark -r "$file" -T fields -e frame.number -e cotp.type >/dev/null
    cat "$tmp/t" >>"$tmp/tshark"
    /usr/bin/time -f "%e %M" -o "$tmp/c" java -jar "$jar" check -q "$file" >"$tmp/out" || true
    cat "$tmp/c" >>"$tmp/check"
    echo "round $i: tshark $(cat "$tmp/t" | awk '{printf "%.2f s, %.0f MB", $1, $2/1024}');" \
        "check $(cat "$tmp/c" | awk '{printf "%.2f s, %.0f MB", $1, $2/1024}'); $(cat "$tmp/out")"
    i=$((i + 1))
done
java -jar "$jar" bench --only index --repeat 3 "$file" | grep '^index' | tail -1 | sed 's/^/indexing (third run): /'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ts=$(cut -d' ' -f1 "$tmp/tshark" | median); tr=$(cut -d' ' -f2 "$tmp/tshark" | median)
cs=$(cut -d' ' -f1 "$tmp/check" | median); cr=$(cut -d' ' -f2 "$tmp/check" | median)
awk -v ts="$ts" -v tr="$tr" -v cs="$cs" -v cr="$cr" 'BEGIN {
    printf "median: tshark %.2f s, %.0f MB; check %.2f s, %.0f MB\n", ts, tr / 1024, cs, cr / 1024
    printf "check is %.1fx faster (target >= 20x) and uses %.2f of tshark'"'"'s peak RSS (target <= 0.25)\n", ts / cs, cr / tr
}'
