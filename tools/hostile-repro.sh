#!/usr/bin/env bash
# Runs the reproducers of issue 18 with the built jar at -Xmx256m and prints what each does (docs/HOSTILE-INPUTS.md).
# Usage: bash tools/hostile-repro.sh [DIR]   (build first: mvn -B -ntp -o -q package -DskipTests)
set -uo pipefail
cd "$(dirname "$0")/.."
JAR=$(pwd)/target/frame-inspector.jar
D=${1:-$(mktemp -d)}
python3 tools/hostile-repro.py "$D"
cd "$D"
FI() { java -Xmx256m -jar "$JAR" "$@"; }
run() { # run ITEM ARGS...: exit code, wall time, peak RSS, first lines of stdout and stderr
  local item=$1; shift
  local t0=$(date +%s.%N)
  /usr/bin/time -o time.txt -f "%M" java -Xmx256m -jar "$JAR" "$@" >out.txt 2>err.txt
  local rc=$? t1=$(date +%s.%N)
  printf '%s | %s | exit %s | %.1f s | %s MB RSS\n' "$item" "$*" "$rc" "$(echo "$t1 - $t0" | bc)" "$(( $(tail -1 time.txt) / 1024 ))"
  head -c 300 out.txt | head -3 | sed 's/^/    out: /'
  head -c 400 err.txt | head -3 | sed 's/^/    err: /'
}
sum() { sha256sum "$1" | cut -c1-16; }

echo "== item 1/2: -o naming the input; atomic writes"
before=$(sum v.pcap)
run 1 export --format html -o v.pcap v.pcap; echo "    v.pcap unchanged: $([ "$(sum v.pcap)" = "$before" ] && echo yes || echo NO)"
run 1 fix -o v.pcap --format pcap v.pcap; echo "    v.pcap unchanged: $([ "$(sum v.pcap)" = "$before" ] && echo yes || echo NO)"
ln -sf v.pcap link.pcap
run 1 export --format json -o link.pcap v.pcap; echo "    v.pcap unchanged: $([ "$(sum v.pcap)" = "$before" ] && echo yes || echo NO)"
run 1 export --format json -o ./x/../v.pcap v.pcap 2>/dev/null; echo "    v.pcap unchanged: $([ "$(sum v.pcap)" = "$before" ] && echo yes || echo NO)"
FI generate-bench --frames 5000 -o big5000.pcap >/dev/null 2>&1
echo '{"previous":"good"}' > prev.json; p=$(sum prev.json)
( java -Xmx256m -jar "$JAR" export --format json -o prev.json big5000.pcap >/dev/null 2>&1 & echo $! > pid; wait ) &
sleep 2.5; kill -9 "$(cat pid)" 2>/dev/null && k=killed || k="finished before the kill"; sleep 0.5
echo "2 | ($k) during export --format json -o prev.json big5000.pcap | prev.json unchanged: $([ "$(sum prev.json)" = "$p" ] && echo yes || echo NO) | left over: $(ls -a | grep -v -E '^(\.|\.\.)$' | grep -i -E 'tmp|part|~' | tr '\n' ' ')"

echo "== item 3: notes sidecar with a damaged line (CLI side; the GUI side is CompareFixNotesGuiTest)"
n=$(sum notes.pcap.fi-notes.json)
run 3 check notes.pcap; run 3 export --format pcapng -o notes-out.pcapng notes.pcap
echo "    sidecar unchanged: $([ "$(sum notes.pcap.fi-notes.json)" = "$n" ] && echo yes || echo NO)"

echo "== item 4: deep nesting"
run 4 dissect --json deep.pcapng
for f in text html md json pcap pcapng; do run 4 export --format $f -o deep-out.$f deep.pcapng; done
run 4 dissect --json plain.pcap
run 4 check -Y "$(printf '[%.0s' $(seq 4000))" plain.pcap
run 4 check -Y "$(printf '(%.0s' $(seq 4000))tcp" plain.pcap

echo "== item 5: quadratic work"
run 5 check --starts-at tpkt dts150000.txt
run 5 check --starts-at tpkt dts300000.txt
run 5 check fifty64k.pcap

echo "== item 6: 20,000 connections"
run 6 check conns20000.pcap
run 6 conversations conns20000.pcap

echo "== item 7: documents of a 5,000-frame capture"
ls -la big5000.pcap | awk '{print "    big5000.pcap " $5 " bytes"}'
for f in text html md json pcap pcapng; do run 7 export --format $f -o big.$f big5000.pcap; done
run 7 fix -o big-fixed.pcap big5000.pcap
run 7 dissect --json big5000.pcap

echo "== item 8: invisible characters in dumps"
for f in clean ansi rlo nbsp lrm emoji typo byte17; do run 8 check $f.txt; done
run 8 bytes ansi.txt

echo "== item 9: short and lying TPKT, COTP LI 0/255"
for L in 0 3 5 8 100; do run 9 check tpkt$L.pcap; run 9 check tpkt$L-stream.pcap; done
for li in 0 255; do run 9 check li$li.pcap; done
run 9 check dt-more.pcap
run 9 dissect --json tpkt100.pcap; echo "    end_findings: $(grep -o '"end_findings":\[{"frame":[0-9]*,"id":"[A-Z-]*"' out.txt)"

echo "== one enormous frame in a document: 36,000 DTs in one line (252,000 bytes, 65,536 findings)"
for f in text html md json; do run 18 export --format $f --starts-at tpkt -o dts36000.$f dts36000.txt; done
run 18 dissect --starts-at tpkt dts36000.txt

echo "== item 10: terminal injection"
run 10 dissect evil.pcapng; echo "    raw ESC/BEL/NUL/CSI on stdout: $(grep -c -P '[\x00\x07\x1b]|\xc2\x9b' out.txt)"
run 10 diff evil.pcapng evil.pcapng#1; echo "    raw ESC/BEL/NUL/CSI on stdout: $(grep -c -P '[\x00\x07\x1b]|\xc2\x9b' out.txt)"
for f in text md; do run 10 export --format $f -o evil.$f evil.pcapng; echo "    raw in evil.$f: $(grep -c -P '[\x00\x07\x1b]|\xc2\x9b' evil.$f)"; done
run 10 check evil-dump.txt; echo "    raw ESC/BEL in stderr: $(grep -c -P '[\x07\x1b]' err.txt)"

echo "== item 11: one bad pcapng block"
run 11 check len99.pcapng; run 11 check iface7.pcapng
echo "    tshark: len99 $(tshark -r len99.pcapng 2>/dev/null | wc -l) frames, iface7 $(tshark -r iface7.pcapng 2>/dev/null | wc -l) frames"

echo "== item 12: smaller ones"
t0=$(date +%s.%N); /usr/bin/time -o time.txt -f "%M" java -Xmx32m -jar "$JAR" check - < big5000.pcap >out.txt 2>err.txt; rc=$?
echo "12 | check - < big5000.pcap at -Xmx32m | exit $rc | $(( $(tail -1 time.txt) / 1024 )) MB RSS | $(tail -1 out.txt)"
rm -f fifo; mkfifo fifo; (cat clean.txt > fifo &) ; run 12 check fifo
run 12 check /dev/stdin < clean.txt
run 12 check utf16.txt; run 12 check cr-only.txt; run 12 check nbsp-only.txt
run 12 check mötör.txt
run 12 check unread.txt; run 12 check adir
run 12 diff v.pcap#1 v.pcap#99999999999999999999
run 12 export --format json --frames 2147483647 -o f.json v.pcap; echo "    f.json exists: $([ -e f.json ] && echo yes || echo no)"
run 12 dissect --json ts64.pcapng; grep -o '"time[^,]*' out.txt | head -2 | sed 's/^/    /'
echo "inputs kept in $D"
