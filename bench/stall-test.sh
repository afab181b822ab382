#!/usr/bin/env bash
# The coordinated-omission test: a server that freezes for 1 s out of every 5 s (bench/StallServer.java, its own
# JVM), driven by perfgate at 200 requests/s for 30 s over 4 connections. Prints perfgate's p99 (timed from each
# request's scheduled start), the p99 computed from the schedule (about 950 ms), their difference, and the
# uncorrected service-time p99 (timed from the actual send), which hides the stall.
#
#   bench/stall-test.sh        # RATE=200 DURATION=30 CONNECTIONS=4 PERIOD_MS=5000 FREEZE_MS=1000 PORT=18090
#
# Exit code 0 when perfgate's p99 is within 15 % of the computed value and the service-time p99 under a tenth.
# Not part of the test suite (it takes about 40 s); StallCorrectnessTest is its scaled-down unit test.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-200}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-4}
PERIOD_MS=${PERIOD_MS:-5000}
FREEZE_MS=${FREEZE_MS:-1000}
PORT=${PORT:-18090}

source bench/classpath.sh
CP=$(perfgate_classpath)

log=$(mktemp)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -f "$log"
}
trap cleanup EXIT
java bench/StallServer.java "$PORT" "$PERIOD_MS" "$FREEZE_MS" > "$log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  if grep -q listening "$log"; then break; fi
  sleep 0.1
done
grep -q listening "$log" || { cat "$log"; echo "the stall server did not start" >&2; exit 1; }

echo "server: freezes ${FREEZE_MS} ms every ${PERIOD_MS} ms on http://127.0.0.1:$PORT/"
echo "load: ${RATE}/s for ${DURATION} s over ${CONNECTIONS} connections (after a 2 s warmup)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$CP" bench/StallTest.java "http://127.0.0.1:$PORT" "$RATE" "$DURATION" "$CONNECTIONS" "$PERIOD_MS" "$FREEZE_MS" 2>/dev/null
