#!/bin/sh
# check against tshark on the same file, in one run (issue 14). With no FILE it measures both mixes:
#   real-1m.pcap   1M frames of real traffic: the captures of ../shared/captures replayed with shifted addresses
#                  (made with ../shared/tools/gen_real_mix.py when missing) - the figure that counts;
#   bench-1m.pcap  1M generated frames of Ethernet/IPv4/TCP/TPKT/COTP (made with generate-bench) - a second figure.
# For each file it times, ROUNDS times each and interleaved,
#   java -jar target/frame-inspector.jar check -q FILE          (every finding, with TCP/TPKT/COTP reassembly)
#   tshark -r FILE -T fields -e frame.number -e cotp.type       (tshark's cheapest pass that still decodes COTP)
# with /usr/bin/time (wall seconds, peak RSS), and prints the medians, the speed-up and the RSS ratio. JAVA_OPTS
# (for example -Xmx256m) is passed to java. Run it on an idle machine: both programs are timed by the wall clock.
# Usage: tools/bench-vs-tshark.sh [FILE ...] [-r ROUNDS]
set -eu
cd "$(dirname "$0")/.."
rounds=3
files=""
while [ $# -gt 0 ]; do
    case "$1" in
        -r) rounds=$2; shift 2 ;;
        *) files="$files $1"; shift ;;
    esac
done
jar=target/frame-inspector.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
command -v tshark >/dev/null || { echo "tshark is not installed (apt-get install -y tshark)"; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is not installed (apt-get install -y time)"; exit 2; }
if [ -z "$files" ]; then
    if [ -f real-1m.pcap ] || [ -f ../shared/tools/gen_real_mix.py ]; then files="real-1m.pcap"; fi
    files="$files bench-1m.pcap"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "$(nproc) cores, $(java -version 2>&1 | head -1), $(tshark --version | head -1), JAVA_OPTS='${JAVA_OPTS:-}'"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for file in $files; do
    if [ ! -f "$file" ]; then
        case "$(basename "$file")" in
            real-*) python3 ../shared/tools/gen_real_mix.py "$file" 1000000 ;;
            *) java -jar "$jar" generate-bench --frames 1000000 -o "$file" ;;
        esac
    fi
    : >"$tmp/tshark"; : >"$tmp/check"
    echo
    echo "file: $file ($(du -m "$file" | cut -f1) MB); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    i=1
    while [ "$i" -le "$rounds" ]; do
        /usr/bin/time -f "%e %M" -o "$tmp/t" tshark -r "$file" -T fields -e frame.number -e cotp.type >/dev/null
        cat "$tmp/t" >>"$tmp/tshark"
        # shellcheck disable=SC2086
        /usr/bin/time -f "%e %M" -o "$tmp/c" java ${JAVA_OPTS:-} -jar "$jar" check -q "$file" >"$tmp/out" 2>&1 || true
        tail -1 "$tmp/c" >>"$tmp/check"
        echo "round $i: tshark $(awk '{printf "%.2f s, %.0f MB", $1, $2/1024}' "$tmp/t");" \
            "check $(tail -1 "$tmp/c" | awk '{printf "%.2f s, %.0f MB", $1, $2/1024}'); $(head -1 "$tmp/out")"
        i=$((i + 1))
    done
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    ts=$(cut -d' ' -f1 "$tmp/tshark" | median); tr=$(cut -d' ' -f2 "$tmp/tshark" | median)
    cs=$(cut -d' ' -f1 "$tmp/check" | median); cr=$(cut -d' ' -f2 "$tmp/check" | median)
    awk -v f="$file" -v ts="$ts" -v tr="$tr" -v cs="$cs" -v cr="$cr" 'BEGIN {
        printf "%s median: tshark %.2f s, %.0f MB; check %.2f s, %.0f MB\n", f, ts, tr / 1024, cs, cr / 1024
        printf "%s: check is %.1fx faster than tshark (floor 10x) and uses %.2f of its peak RSS (target <= 0.25)\n",
            f, ts / cs, cr / tr
    }'
done
