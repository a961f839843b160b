#!/usr/bin/env bash
# tshark agreement: how many of tshark's fields Frame Inspector reproduces (same abbreviation, offset, length and
# value) over every capture in the shared captures folder.
#
# Usage:   bash tools/tshark-agreement.sh [PROTOCOLS] [--top N] [--captures DIR] [--fail-below-99] [--per-frame] [--no-cache]
#   Default: dissect each capture in order with connection state (InOrder); --per-frame: each frame alone.
#   tshark PDML is cached in target/tshark-pdml/; --fail-below-99 fails when any capture is below 99 %.
#   PROTOCOLS  comma- or space-separated tshark protocol names; "core" (the default) means
#              eth,vlan,llc,sll,ip,ipv6,tcp,tpkt,cotp. Example: bash tools/tshark-agreement.sh core,s7comm,ses
#
# How it runs: compiles main and test classes offline (mvn -q -o test-compile; set MVN_OFFLINE= to allow network),
# asks Maven for the test class path once (cached in target/agreement.classpath), then runs the main class
# org.frameinspector.tshark.TsharkAgreement from the test class path. Needs tshark (4.0 tested) on PATH.
# tshark is called as: tshark -r F -n -2 -T pdml -o tcp.check_checksum:TRUE -o ip.check_checksum:TRUE
# The same comparison runs as the JUnit test TsharkAgreementTest (asserts >= 99 % for the core protocols).
# Known differences by design: docs/TSHARK-DIFFERENCES.md.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN_OFFLINE=${MVN_OFFLINE--o}
command -v tshark >/dev/null || { echo "tshark not found on PATH" >&2; exit 2; }
mvn -B -q $MVN_OFFLINE test-compile
CP_FILE=target/agreement.classpath
if [[ ! -s $CP_FILE || pom.xml -nt $CP_FILE ]]; then
  mvn -B -q $MVN_OFFLINE dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
fi
SHARED=${FI_SHARED:-$(cd .. && pwd)/shared}
exec java -Xmx2g -Dfi.shared="$SHARED" -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" \
  org.frameinspector.tshark.TsharkAgreement "$@"
