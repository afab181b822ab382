#!/usr/bin/env bash
# What profiling every gated test with JFR costs: perfgate's empty-body bench (the junitperf-overhead bench's
# PerfgateEmptyBody, 10 s) and a realistic body (PerfgateCheckoutBody: BigDecimal pricing, sorting, formatting;
# 10 s), each run with -Dperfgate.profiling=false and =true in turn, in fresh JVMs.
# Prints per run the invocation rate of the measured rounds (invocations / duration from the result file: what
# the gates judge) and of the whole busy span as seen from outside (BenchMain: includes the warmup, the pauses
# between rounds and starting the recording); then, per body, the mean rates and on/off ratios.
#
# Then the CPU time per invocation with the recording off and on (bench.ProfilingCpu): CPU time, unlike wall
# time, is little moved by other processes on a shared machine.
#
# Usage: bench/profiling-overhead.sh [runs per setting, default 3]  (PAIRS=6: off/on pairs of the CPU-time part)
# Installs perfgate into bench/target/m2 (never into ~/.m2). Run it on a quiet machine.
set -euo pipefail

RUNS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bench/classpath.sh"
OUT=$ROOT/bench/target/profiling-overhead
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
rm -rf "$OUT" && mkdir -p "$OUT"

CLASSPATH_BENCH=$(junitperf_bench_classpath)
JVM_OPTS=(-Xms1g -Xmx1g -XX:+UseG1GC)

"$JAVA" -version 2>&1 | head -1
echo "== $RUNS runs per setting, alternating; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
LINES=$OUT/lines.txt
: > "$LINES"
for run in $(seq 1 "$RUNS"); do
    for tool in perfgate perfgate-checkout; do
        for profiling in false true; do
            results=$OUT/results-$tool-$profiling-$run
            "$JAVA" "${JVM_OPTS[@]}" -Dperfgate.mode=record -Dperfgate.resultsDirectory="$results" \
                -Dperfgate.profile=standard -Dperfgate.profiling=$profiling \
                -cp "$CLASSPATH_BENCH" bench.BenchMain "$tool" >"$OUT/$tool-$profiling-$run.log" 2>&1 || true
            span=$(grep '^RESULT' "$OUT/$tool-$profiling-$run.log" | sed 's/.*per_second=\([0-9]*\).*/\1/')
            file=$(ls "$results"/*.json 2>/dev/null | head -1)
            if [ -z "$span" ] || [ -z "$file" ]; then
                echo "run $run $tool profiling=$profiling: no result; see $OUT/$tool-$profiling-$run.log" >&2
                exit 1
            fi
            rounds=$(jq '.measurement.invocations * 1e9 / .measurement.durationNanos | floor' "$file")
            samples=$(jq '.measurement.profile.executionSamples // 0' "$file")
            echo "run $run $tool profiling=$profiling rounds_per_second=$rounds span_per_second=$span samples=$samples"
            echo "$tool $profiling $rounds $span" >> "$LINES"
        done
    done
done

echo
awk '
{ key = $1 " " $2; n[key]++; rounds[key] += $3; span[key] += $4; tools[$1] = 1 }
END {
    printf "%-18s %-10s %16s %16s\n", "body", "profiling", "rounds inv/s", "whole span inv/s"
    for (t in tools) for (p = 0; p < 2; p++) {
        s = p ? "true" : "false"; k = t " " s
        printf "%-18s %-10s %16.0f %16.0f\n", t, s, rounds[k]/n[k], span[k]/n[k]
    }
    print ""
    for (t in tools) {
        on = t " true"; off = t " false"
        printf "%s: profiling on/off, rounds rate %.4f (%+.2f %%), whole-span rate %.4f (%+.2f %%)\n", t,
            (rounds[on]/n[on]) / (rounds[off]/n[off]), 100 * ((rounds[on]/n[on]) / (rounds[off]/n[off]) - 1),
            (span[on]/n[on]) / (span[off]/n[off]), 100 * ((span[on]/n[on]) / (span[off]/n[off]) - 1)
    }
}' "$LINES"

echo
echo "== CPU time per invocation, recording off and on alternating in one warmed JVM (bench.ProfilingCpu)"
"$JAVA" "${JVM_OPTS[@]}" -cp "$CLASSPATH_BENCH" bench.ProfilingCpu "${PAIRS:-6}" | tee "$OUT/cpu.txt"
