#!/usr/bin/env bash
# Justifies the contention rule's thresholds (docs/contention.md): a CPU-bound body (SHA-256 of 16 KB) measured by
# perfgate's loop in 10 rounds of 1 s, with 0, 2 and 4 busy-loop hog processes on the machine. For each level it
# prints the rounds' CPU wait share and p50 against the quiet run's p50 (every round kept), then what the default
# rule (10 %) keeps and discards. Hogs are bounded in time (timeout), killed by PID at the end and on exit.
#
#   bench/contention.sh               # HOGS="0 2 4" HOG_SECONDS=120 BODY_KB=16 (16 KB: ~10 us; 512 KB: ~1 ms)
set -euo pipefail
cd "$(dirname "$0")/.."
HOGS=${HOGS:-"0 2 4"}
HOG_SECONDS=${HOG_SECONDS:-120}
BODY_KB=${BODY_KB:-16}

source bench/classpath.sh
CP=$(perfgate_classpath)
OUT=perfgate-core/target/contention-bench
mkdir -p "$OUT"
: > "$OUT/lines.txt"

hog_pids=()
stop_hogs() {
  for pid in "${hog_pids[@]+"${hog_pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${hog_pids[@]+"${hog_pids[@]}"}"; do wait "$pid" 2>/dev/null || true; done
  hog_pids=()
}
trap stop_hogs EXIT

echo "machine: $(nproc) cores; $(uptime)"
for hogs in $HOGS; do
  for _ in $(seq 1 "$hogs"); do
    timeout "$HOG_SECONDS" sh -c 'while :; do :; done' &
    hog_pids+=("$!")
  done
  sleep 1
  echo "== $hogs hogs (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  java -DbodyKb="$BODY_KB" -cp "$CP" bench/ContentionBench.java rounds "hogs$hogs" | tee -a "$OUT/lines.txt" | grep '^RUN'
  java -DbodyKb="$BODY_KB" -cp "$CP" bench/ContentionBench.java rule "hogs$hogs" | tee -a "$OUT/lines.txt" | grep '^RUN'
  stop_hogs
done

echo
echo "== rounds by CPU wait share (body ${BODY_KB} KB): p50 and mean against the 0-hog run's median round; the mean"
echo "   wall time over the mean CPU time, against 1 / (1 - wait), the inflation waiting alone explains"
awk '
function field(name,   i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] } return "" }
function median(values, n,   i, j, t) {
  for (i = 2; i <= n; i++) { t = values[i]; for (j = i - 1; j >= 1 && values[j] > t; j--) values[j + 1] = values[j]; values[j + 1] = t }
  return (n % 2) ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
}
/^ROUND/ && field("label") == "hogs0" { quiet[++q] = field("p50_ns") + 0; quietMean[q] = field("mean_ns") + 0 }
/^ROUND/ { rounds[++r] = $0 }
END {
  base = median(quiet, q); baseMean = median(quietMean, q)
  split("0 0.02 0.05 0.10 0.20 0.40 0.70 1.01", edge, " ")
  printf "%-12s %6s %10s %10s %11s %12s %10s\n", "wait share", "rounds", "p50 ratio", "max p50", "mean ratio", "wall/CPU", "1/(1-w)"
  for (b = 1; b < 8; b++) {
    count = 0; sum = 0; max = 0; sumMean = 0; sumWallCpu = 0; sumModel = 0
    for (i = 1; i <= r; i++) {
      $0 = rounds[i]; w = field("wait") + 0; ratio = field("p50_ns") / base
      if (w >= edge[b] && w < edge[b + 1]) {
        count++; sum += ratio; if (ratio > max) max = ratio
        sumMean += field("mean_ns") / baseMean; sumWallCpu += field("mean_ns") / field("cpu_ns")
        sumModel += (w < 0.999) ? 1 / (1 - w) : 1000
      }
    }
    if (count == 0) { printf "[%3.0f%%,%4.0f%%) %6d\n", edge[b] * 100, edge[b + 1] * 100, 0; continue }
    printf "[%3.0f%%,%4.0f%%) %6d %10.3f %10.3f %11.3f %12.3f %10.3f\n", edge[b] * 100, edge[b + 1] * 100, count,
      sum / count, max, sumMean / count, sumWallCpu / count, sumModel / count
  }
}' "$OUT/lines.txt"
echo "(per-round lines: $OUT/lines.txt)"
