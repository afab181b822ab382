#!/usr/bin/env bash
# perfgate vs JUnitPerf 1.37.0 on an empty test body driven for 10 s, alternating runs in fresh JVMs.
# Prints, per run and on average: invocations/s, ns per invocation (= the tool's overhead, the body being
# empty), heap in use after a full GC when the test ends, and post-processing time (end of measuring to end of
# the test: statistics computed, report or result file written); then perfgate's figures relative to JUnitPerf's.
#
# Usage: bench/junitperf-overhead.sh [runs per tool, default 3]
# Installs perfgate into bench/target/m2 (never into ~/.m2); reads what it can from ~/.m2 (bench/settings.xml).
# Run it on a quiet machine: every figure is wall-clock time on one core.
set -euo pipefail

RUNS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bench/classpath.sh"
OUT=$ROOT/bench/target/junitperf-overhead
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
mkdir -p "$OUT"

CLASSPATH_BENCH=$(junitperf_bench_classpath)

# Same JVM settings for both: a fixed heap large enough for JUnitPerf's sample list, the default collector.
JVM_OPTS=(-Xms4g -Xmx4g -XX:+UseG1GC)
PERFGATE_OPTS=(-Dperfgate.mode=record -Dperfgate.resultsDirectory="$OUT/results" -Dperfgate.profile=standard)

RESULTS=$OUT/results.txt
: > "$RESULTS"
"$JAVA" -version 2>&1 | head -1
echo "== $RUNS runs per tool, alternating; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$RUNS"); do
    for tool in junitperf perfgate; do
        extra=()
        if [ "$tool" = perfgate ]; then extra=("${PERFGATE_OPTS[@]}"); fi
        "$JAVA" "${JVM_OPTS[@]}" "${extra[@]}" -cp "$CLASSPATH_BENCH" bench.BenchMain "$tool" \
            >"$OUT/$tool-$run.log" 2>&1 || true
        line=$(grep '^RESULT' "$OUT/$tool-$run.log" || true)
        if [ -z "$line" ]; then
            echo "run $run $tool: no result; see $OUT/$tool-$run.log" >&2
            exit 1
        fi
        echo "run $run $line"
        echo "$line" >> "$RESULTS"
    done
done

awk '
function field(name,   i, kv) {
    for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] }
    return ""
}
{
    tool = field("tool"); n[tool]++
    rate[tool] += field("per_second"); ns[tool] += field("ns_per_invocation")
    heap[tool] += field("heap_after_gc_mb"); base[tool] += field("heap_before_mb")
    post[tool] += field("post_processing_ms"); inv[tool] += field("invocations")
    if (field("status") != "SUCCESSFUL") bad[tool]++
}
END {
    print ""
    printf "%-10s %14s %12s %16s %16s %18s %12s\n", "tool", "invocations/s", "ns/invoc.", "invocations", "heap after GC", "post-processing", "(mean of " n["perfgate"] ")"
    for (t in n) {
        printf "%-10s %14.0f %12.1f %16.0f %13.1f MB %15.1f ms\n", t, rate[t]/n[t], ns[t]/n[t], inv[t]/n[t], heap[t]/n[t], post[t]/n[t]
    }
    if (n["perfgate"] && n["junitperf"]) {
        r = (ns["perfgate"]/n["perfgate"]) / (ns["junitperf"]/n["junitperf"])
        printf "\nperfgate/JUnitPerf: per-invocation overhead %.3f (target <= 0.333, aim 0.2); throughput x%.1f;\n", r, 1/r
        printf "heap after GC %.1f MB vs %.1f MB (heap before the test: %.1f MB vs %.1f MB); post-processing %.1f ms vs %.1f ms (x%.0f)\n",
            heap["perfgate"]/n["perfgate"], heap["junitperf"]/n["junitperf"], base["perfgate"]/n["perfgate"], base["junitperf"]/n["junitperf"],
            post["perfgate"]/n["perfgate"], post["junitperf"]/n["junitperf"],
            (post["junitperf"]/n["junitperf"]) / (post["perfgate"]/n["perfgate"] > 0 ? post["perfgate"]/n["perfgate"] : 1)
        verdict = (r <= 1/3.0 && post["perfgate"]/n["perfgate"] < 1000) ? "MET" : "NOT MET"
        printf "targets (overhead <= 1/3 of JUnitPerf, post-processing < 1 s): %s\n", verdict
    }
    for (t in bad) printf "WARNING: %d %s run(s) did not succeed; see the logs\n", bad[t], t
}' "$RESULTS"
echo "(raw results: $RESULTS; logs: $OUT)"
