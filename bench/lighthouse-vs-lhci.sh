#!/usr/bin/env bash
# Lighthouse CI side by side: perfgate's Lighthouse runner and `lhci collect` (@lhci/cli 0.14.0) on the same
# page (the demo shop, served statically from loopback), the same number of runs and the same settings
# (desktop preset, simulated throttling, performance only, the same Chromium and flags). Prints each side's
# runs and median of FCP, LCP (ms), CLS and TBT (ms). Usage: bench/lighthouse-vs-lhci.sh [runs=3] [rounds=1]
# (rounds > 1 alternates the two sides, so a change in machine load hits both).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
ROUNDS=${2:-1}
PORT=${PORT:-39201}
WORK=target/bench-lighthouse
FLAGS="--headless=new --disable-gpu --disable-dev-shm-usage"
[ "$(id -u)" -eq 0 ] && FLAGS="$FLAGS --no-sandbox"
mkdir -p "$WORK"
source bench/demo-page.sh
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round: $RUNS runs each, $URL"
  CHROME_PATH="$CHROME" java -cp "$CP" bench/LighthouseRuns.java "$URL" "$RUNS" "$WORK/perfgate-$round" 2>/dev/null
  rm -rf "$WORK/lhci-$round" && mkdir -p "$WORK/lhci-$round"
  (cd "$WORK/lhci-$round" && CHROME_PATH="$CHROME" npx -y @lhci/cli@0.14.0 collect --url="$URL" \
      --numberOfRuns="$RUNS" --settings.preset=desktop --settings.onlyCategories=performance \
      --settings.throttlingMethod=simulate --settings.chromeFlags="$FLAGS" >/dev/null 2>&1)
  python3 - "$WORK/lhci-$round/.lighthouseci" <<'PY'
import glob, json, statistics, sys
lhrs = [json.load(open(f)) for f in sorted(glob.glob(sys.argv[1] + '/lhr-*.json'))]
for label, audit, scale in [('FCP', 'first-contentful-paint', 1), ('LCP', 'largest-contentful-paint', 1),
                            ('CLS', 'cumulative-layout-shift', 1), ('TBT', 'total-blocking-time', 1)]:
    values = [lhr['audits'][audit]['numericValue'] * scale for lhr in lhrs]
    print('lhci     %-4s median %9.3f runs %s' % (label, statistics.median(values),
                                                  ' '.join('%.3f' % v for v in values)))
PY
done
