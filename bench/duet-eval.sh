#!/usr/bin/env bash
# perfgate:compare (base and head interleaved in one build) against today's stored-baseline path, on a sample
# project whose one test does CPU-bound work (p50 gated): A/A false alarms and detection of injected slowdowns.
# Every run is one `mvn verify perfgate:compare` build, which also runs `check` against a baseline stored once
# from the base commit (history off, so each run meets that one baseline). Prints a Markdown table.
#
#   bench/duet-eval.sh [runs per cell, 10] [CPU hogs, 0] [allowed p50 change, +2%]
#   SLOWDOWNS="0 10" PAIRS=6 bench/duet-eval.sh 20 4 +5%
#
# Needs perfgate in it/target/local-repo (once): mvn -pl it -am verify -Dinvoker.test=compare-regressed
# REPO=dir uses another local repository holding it: a copy keeps a long run safe from IT runs reinstalling
# perfgate into it/target/local-repo meanwhile (cp -r it/target/local-repo bench/target/duet-repo).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-10}
HOGS=${2:-0}
ALLOWED=${3:-+2%}
SLOWDOWNS=${SLOWDOWNS:-0 5 10 20}
PAIRS=${PAIRS:-10}
VERSION=$(sed -n '9s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml")
REPO=${REPO:-$ROOT/it/target/local-repo}
[ -d "$REPO/io/perfgate/perfgate-maven-plugin/$VERSION" ] || {
  echo "perfgate $VERSION is not in $REPO: run mvn -pl it -am verify -Dinvoker.test=compare-regressed first" >&2; exit 2; }
REPO=$(cd "$REPO" && pwd) # the builds run in their own directories
WORK=$(mktemp -d /tmp/duet-eval.XXXXXX)
sed "s|@localRepositoryUrl@|file://$HOME/.m2/repository|" "$ROOT/it/settings.xml" > "$WORK/settings.xml"
MVN=(mvn -o -B -q -s "$WORK/settings.xml" -Dmaven.repo.local="$REPO")

HOG_PIDS=()
stop_hogs() { for pid in "${HOG_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_hogs EXIT
for _ in $(seq 1 "$HOGS"); do (while :; do :; done) & HOG_PIDS+=($!); done

# $1 directory, $2 work units per invocation
write_pricing() {
  mkdir -p "$1/src/main/java/shop"
  cat > "$1/src/main/java/shop/Pricing.java" <<JAVA
package shop;

public final class Pricing {
    public static volatile long sink;

    private Pricing() {
    }

    public static void quote() {
        long h = 17;
        for (int i = 0; i < $2; i++) {
            h = (h * 31 + i) ^ (h >>> 7);
        }
        sink = h;
    }
}
JAVA
}

make_project() { # $1 directory, $2 slowdown in percent
  mkdir -p "$1/src/test/java/shop"
  sed -e "s/@junit.test.version@/5.14.1/; s/@project.version@/$VERSION/g; s/@surefire.version@/3.5.4/" \
      -e 's/compare-regressed/duet-eval/g' "$ROOT/it/src/it/compare-regressed/pom.xml" > "$1/pom.xml"
  cat > "$1/src/test/java/shop/PricingPerfTest.java" <<'JAVA'
package shop;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.api.Test;

class PricingPerfTest {
    @Test
    @PerfTest(warmupInvocations = 500, invocations = 2000)
    @LatencyGate(p50 = "1s")
    void quote() {
        Pricing.quote();
    }
}
JAVA
  printf 'target/\n' > "$1/.gitignore"
  local units=200000
  write_pricing "$1" "$units"
  (cd "$1" && git init -q && git checkout -q -b main && git add -A \
    && git -c user.name=eval -c user.email=eval@perfgate.invalid commit -q -m base)
  write_pricing "$1" $(( units + units * $2 / 100 ))
  (cd "$1" && git checkout -q -b feature && git add -A \
    && git -c user.name=eval -c user.email=eval@perfgate.invalid commit -q --allow-empty -m "head +$2%")
}

outcome() { # $1 file, $2 python expression over the parsed JSON giving the p50 outcome
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1" 2>/dev/null || echo MISSING
}

echo "duet-eval: $RUNS runs per cell, $HOGS CPU hogs, allowed p50 $ALLOWED, $PAIRS pairs; $(uptime)" >&2
printf '| injected slowdown | compare: REGRESSED | compare: INCONCLUSIVE | stored baseline: REGRESSED | stored baseline: INCONCLUSIVE |\n'
printf '|---|---|---|---|---|\n'
for slowdown in $SLOWDOWNS; do
  project="$WORK/slowdown-$slowdown"
  make_project "$project" "$slowdown"
  (cd "$project" && git checkout -q main && "${MVN[@]}" verify perfgate:baseline -Dperfgate.history=false > baseline.log 2>&1 \
    && git checkout -q feature) || { echo "baseline build failed: $project/baseline.log" >&2; exit 1; }
  c_reg=0; c_inc=0; b_reg=0; b_inc=0
  for run in $(seq 1 "$RUNS"); do
    (cd "$project" && "${MVN[@]}" verify perfgate:compare -Dperfgate.against=main -Dperfgate.compare.pairs="$PAIRS" \
        -Dperfgate.failOnViolation=false -Dperfgate.history=false -Dperfgate.regression.allowed="p50=$ALLOWED" \
        > "run-$run.log" 2>&1) || echo "run $run of +$slowdown% failed: $project/run-$run.log" >&2
    c=$(outcome "$project/target/perfgate/compare.json" "d['tests'][0]['metrics'][0]['outcome']")
    b=$(outcome "$project/target/perfgate/summary.json" \
        "[c['outcome'] for c in d['baseline']['comparisons'] if c['metric']=='p50'][0]")
    echo "  +$slowdown% run $run: compare $c, stored baseline $b" >&2
    [ "$c" = REGRESSED ] && c_reg=$((c_reg + 1)); [ "$c" = INCONCLUSIVE ] && c_inc=$((c_inc + 1))
    [ "$b" = REGRESSED ] && b_reg=$((b_reg + 1)); [ "$b" = INCONCLUSIVE ] && b_inc=$((b_inc + 1))
  done
  printf '| +%s%% | %d/%d | %d/%d | %d/%d | %d/%d |\n' "$slowdown" "$c_reg" "$RUNS" "$c_inc" "$RUNS" "$b_reg" "$RUNS" "$b_inc" "$RUNS"
done
echo "duet-eval: done; projects and logs in $WORK; $(uptime)" >&2
