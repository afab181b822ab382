#!/usr/bin/env bash
# Issue 9's evaluation: ten gated CPU-bound tests (bench/busy-machine), a baseline, unchanged rebuilds and
# rebuilds with 30 % more work in one test (HashTest, -Dbench.slowdown=1.3), optionally with CPU hogs running.
# Prints one line per build: outcome, REGRESSED and INCONCLUSIVE comparisons, and for a slowed build whether
# HashTest was caught and any other test was flagged.
#
# Usage: bench/busy-machine.sh [hogs, default 0] [rebuilds, default 5]
#   rebuilds unchanged builds, then as many with the slowdown (SLOWED=n for another number, 0 for none: under
#   hogs that leave no clean round, a slowdown cannot be caught against a stored baseline).
#   FORKS=1 bench/busy-machine.sh ...   measures each test in one JVM (the default: the profile's, 3 for standard)
#   PROFILE=smoke|standard|comprehensive (default standard)
#   MVN_ARGS='-Dperfgate.profiling=false' bench/busy-machine.sh ...   more Maven arguments for every build
# The absolute gates are generous (p95 1 s): only the comparison with the baseline is evaluated here.
# Installs perfgate from this checkout into bench/target/m2 (never into ~/.m2; reads what it can from ~/.m2 through
# bench/settings.xml). Hogs are busy-looping shells, bounded by `timeout`, killed by PID at the end and on Ctrl-C.
set -euo pipefail

HOGS=${1:-0}
REBUILDS=${2:-5}
SLOWED=${SLOWED:-$REBUILDS}
FORKS=${FORKS:-}
PROFILE=${PROFILE:-standard}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
REPO=$ROOT/bench/target/m2
SETTINGS=$ROOT/bench/settings.xml
OUT=$ROOT/bench/target/busy-machine-${FORKS:-default}-forks-$HOGS-hogs
PROJECT=$OUT/project
HOG_SECONDS=${HOG_SECONDS:-7200}
MVN=(mvn -B -s "$SETTINGS" -Dmaven.repo.local="$REPO" -Dperfgate.profile="$PROFILE"
     -Dperfgate.regression.details=true ${FORKS:+-Dperfgate.forks=$FORKS} ${MVN_ARGS:-})

HOG_PIDS=()
stop_hogs() {
    for pid in "${HOG_PIDS[@]:-}"; do
        [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    done
    HOG_PIDS=()
}
trap stop_hogs EXIT
trap 'stop_hogs; exit 130' INT TERM

if [ -z "${SKIP_INSTALL:-}" ]; then # SKIP_INSTALL=1 when this checkout's perfgate is installed there already
    echo "== installing perfgate (core, junit, maven plugin) into $REPO"
    (cd "$ROOT" && mvn -B -q -s "$SETTINGS" -Dmaven.repo.local="$REPO" install -DskipTests -Djacoco.skip=true \
        -pl perfgate-core,perfgate-junit,perfgate-maven-plugin -am)
fi

rm -rf "$OUT"
mkdir -p "$OUT"
cp -r "$ROOT/bench/busy-machine" "$PROJECT"

for _ in $(seq 1 "$HOGS"); do
    timeout "$HOG_SECONDS" sh -c 'while :; do :; done' &
    HOG_PIDS+=($!)
done
echo "== $HOGS hog(s) running; $(nproc) CPUs; profile $PROFILE; forks ${FORKS:-profile default}; $(uptime)"

# one build: its log, then "outcome regressed inconclusive hash-regressed others-regressed seconds"
build() {
    local name=$1; shift
    local start=$SECONDS
    (cd "$PROJECT" && "${MVN[@]}" "$@") > "$OUT/$name.log" 2>&1 || true
    local seconds=$((SECONDS - start))
    local outcome=FAILURE
    grep -q 'BUILD SUCCESS' "$OUT/$name.log" && outcome=SUCCESS
    python3 - "$PROJECT/target/perfgate/summary.json" "$outcome" "$seconds" <<'PY'
import json, sys
path, outcome, seconds = sys.argv[1], sys.argv[2], sys.argv[3]
try:
    comparisons = json.load(open(path)).get("baseline", {}).get("comparisons", [])
except (OSError, ValueError):
    comparisons = []
regressed = [c for c in comparisons if c["outcome"] == "REGRESSED"]
inconclusive = [c for c in comparisons if c["outcome"] == "INCONCLUSIVE"]
hash_hit = any(c["test"].startswith("HashTest") for c in regressed)
others = sorted({c["test"] + ":" + c["metric"] for c in regressed if not c["test"].startswith("HashTest")})
print(outcome, len(regressed), len(inconclusive), "yes" if hash_hit else "no", ",".join(others) or "-", seconds)
PY
}

TABLE=$OUT/table.txt
printf '%-12s %-8s %9s %12s %14s %-30s %5s\n' build outcome regressed inconclusive HashTest-caught \
    other-regressed secs | tee "$TABLE"
row() {
    local name=$1; shift
    read -r outcome regressed inconclusive hash others seconds <<< "$(build "$name" "$@")"
    printf '%-12s %-8s %9s %12s %14s %-30s %5s\n' "$name" "$outcome" "$regressed" "$inconclusive" "$hash" \
        "$others" "$seconds" | tee -a "$TABLE"
}

row baseline verify perfgate:baseline
for i in $(seq 1 "$REBUILDS"); do
    row "unchanged-$i" verify
done
for i in $(seq 1 "$SLOWED"); do
    row "slowed-$i" verify -Dbench.slowdown=1.3
done
stop_hogs
echo "== done; $(uptime); logs in $OUT"
