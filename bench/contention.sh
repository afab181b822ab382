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
  java -DbodyKb="$BODY_KB" -cp "$CP" bench/ContentionBench.java rounds "hogs=$hogs" | tee -a "$OUT/lines.txt" | grep '^RUN'
  java -DbodyKb="$BODY_KB" -cp "$CP" bench/ContentionBench.java rule "hogs=$hogs" | tee -a "$OUT/lines.txt" | grep '^RUN'
  stop_hogs
done

echo
echo "== rounds by CPU wait share: p50 and mean against the 0-hog run's median round (body ${BODY_KB} KB)"
awk '
function field(name,   i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] } return "" }
/^ROUND/ && field("label") == "hogs=0" { quiet[++q] = field("p50_ns"); quietMean[++qm] = field("mean_ns") }
/^ROUND/ { rounds[++r] = $0 }
END {
  n = asort(quiet); base = (n % 2) ? quiet[(n + 1) / 2] : (quiet[n / 2] + quiet[n / 2 + 1]) / 2
  n = asort(quietMean); baseMean = (n % 2) ? quietMean[(n + 1) / 2] : (quietMean[n / 2] + quietMean[n / 2 + 1]) / 2
  split("0 0.02 0.05 0.10 0.20 0.40 1.01", edge, " ")
  printf "%-14s %7s %15s %14s %16s\n", "wait share", "rounds", "mean p50 ratio", "max p50 ratio", "mean mean ratio"
  for (b = 1; b < 7; b++) {
    count = 0; sum = 0; max = 0; sumMean = 0
    for (i = 1; i <= r; i++) {
      $0 = rounds[i]; w = field("wait") + 0; ratio = field("p50_ns") / base
      if (w >= edge[b] && w < edge[b + 1]) {
        count++; sum += ratio; sumMean += field("mean_ns") / baseMean; if (ratio > max) max = ratio
      }
    }
    printf "[%4.0f%%, %3.0f%%) %7d %15s %14s %16s\n", edge[b] * 100, edge[b + 1] * 100, count,
      count ? sprintf("%.3f", sum / count) : "-", count ? sprintf("%.3f", max) : "-",
      count ? sprintf("%.3f", sumMean / count) : "-"
  }
}' "$OUT/lines.txt"
echo "(per-round lines: $OUT/lines.txt)"
