#!/usr/bin/env bash
# Run-to-run stability of the front-end gates: the demo's plain page (served statically from loopback) measured
# by perfgate's Lighthouse runner in BUILDS separate runs (each a fresh JVM and Chromium, RUNS Lighthouse runs,
# the median decides, as in a build), then each metric's per-build medians and their spread: (max - min) / median
# of medians. Usage: bench/lighthouse-stability.sh [builds=5] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILDS=${1:-5}
RUNS=${2:-3}
PORT=${PORT:-39202}
WORK=target/bench-lighthouse-stability
rm -rf "$WORK" && mkdir -p "$WORK"
source bench/demo-page.sh
echo "$(uptime)"
for build in $(seq 1 "$BUILDS"); do
  CHROME_PATH="$CHROME" java -cp "$CP" bench/LighthouseRuns.java "$URL" "$RUNS" "$WORK/build-$build" 2>/dev/null \
      | sed "s/^/build $build /" | tee -a "$WORK/medians.txt"
done
python3 - "$WORK/medians.txt" <<'PY'
import re, statistics, sys
medians = {}
for line in open(sys.argv[1]):
    m = re.match(r'build (\d+) perfgate\s+(\S+)\s+median\s+(\S+)', line)
    if m:
        medians.setdefault(m.group(2), []).append(float(m.group(3)))
print('metric  per-build medians                      spread (max-min)/median')
for metric, values in medians.items():
    mid = statistics.median(values)
    spread = (max(values) - min(values)) / mid if mid else float('nan')
    print('%-6s  %-38s %s' % (metric, ' '.join('%.1f' % v for v in values),
                              'n/a (median 0)' if not mid else '%.1f %%' % (100 * spread)))
PY
