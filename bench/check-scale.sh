#!/usr/bin/env bash
# How perfgate scales with the number of gated tests. Generates a project whose only test is a
# @ParameterizedTest of trivial bodies with @PerfTest(warmupInvocations = 0, invocations = 20) and a latency
# gate, standard profile, then prints:
#   - the test class's time (surefire's report) gated and with -Dperfgate.skip, for TEST_CASES cases,
#     and the fixed cost per gated case;
#   - `mvn perfgate:check` against `mvn validate` on CHECK_CASES results (median of RUNS runs each, wall clock,
#     and the check's peak RSS from /usr/bin/time when present), and check on one result and on none, which
#     split check's time into what it costs at all (Maven loading the plugin, Jackson, the report writers) and
#     what the results add;
#   - the size of index.html and of the other reports.
#
# Usage: bench/check-scale.sh [TEST_CASES, default 200] [CHECK_CASES, default 1000] [RUNS, default 3]
# Environment: REPO (local repository, default bench/target/m2), OUT (work folder, default
# bench/target/check-scale), SKIP_INSTALL=1 to reuse what REPO holds, FORKS (JVMs per gated case, default 1: the
# figures are of the test JVM's own cost; the standard profile's 3 JVMs add a JVM start per fork and case).
# Installs perfgate into REPO (never into ~/.m2); reads what it can from ~/.m2 (bench/settings.xml).
# Every figure is wall-clock time on a shared machine: quote medians, run it more than once.
set -euo pipefail

TEST_CASES=${1:-200}
CHECK_CASES=${2:-1000}
RUNS=${3:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
REPO=${REPO:-$ROOT/bench/target/m2}
OUT=${OUT:-$ROOT/bench/target/check-scale}
SETTINGS=$ROOT/bench/settings.xml
VERSION=$(cd "$ROOT" && sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
JUNIT=$(cd "$ROOT" && sed -n 's:.*<junit.test.version>\(.*\)</junit.test.version>.*:\1:p' pom.xml)
SUREFIRE=$(cd "$ROOT" && sed -n 's:.*<surefire.version>\(.*\)</surefire.version>.*:\1:p' pom.xml)
MVN=(mvn -B -q -s "$SETTINGS" -Dmaven.repo.local="$REPO")
FORKS=${FORKS:-1}

if [ "${SKIP_INSTALL:-0}" != 1 ]; then
    echo "== installing perfgate $VERSION into $REPO"
    (cd "$ROOT" && "${MVN[@]}" install -DskipTests -Dinvoker.skip=true \
        -pl perfgate-core,perfgate-junit,perfgate-maven-plugin -am)
fi

# project DIR CASES: a project with CASES gated cases
project() {
    local dir=$1 cases=$2
    mkdir -p "$dir/src/test/java/bench"
    cat > "$dir/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.perfgate.bench</groupId>
  <artifactId>check-scale-$cases</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <perfgate.profile>standard</perfgate.profile>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.junit</groupId><artifactId>junit-bom</artifactId><version>$JUNIT</version>
        <type>pom</type><scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter-params</artifactId><scope>test</scope></dependency>
    <dependency>
      <groupId>io.perfgate</groupId><artifactId>perfgate-junit</artifactId><version>$VERSION</version><scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <pluginManagement>
      <plugins>
        <plugin><artifactId>maven-surefire-plugin</artifactId><version>$SUREFIRE</version></plugin>
        <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
        <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      </plugins>
    </pluginManagement>
    <plugins>
      <plugin>
        <groupId>io.perfgate</groupId><artifactId>perfgate-maven-plugin</artifactId><version>$VERSION</version>
        <executions><execution><goals><goal>prepare</goal><goal>check</goal></goals></execution></executions>
      </plugin>
    </plugins>
  </build>
</project>
EOF
    cat > "$dir/src/test/java/bench/ScaleTest.java" <<EOF
package bench;

import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.PerfTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.IntStream;

class ScaleTest {
    static IntStream cases() {
        return IntStream.range(0, $cases);
    }

    static volatile int sink;

    @ParameterizedTest
    @MethodSource("cases")
    @PerfTest(warmupInvocations = 0, invocations = 20)
    @LatencyGate(p50 = "100ms")
    void trivial(int value) {
        sink = value;
    }
}
EOF
}

# suite_seconds DIR: the test class's time from surefire's XML report
suite_seconds() {
    sed -n 's:.*<testsuite[^>]* time="\([0-9.]*\)".*:\1:p' "$1/target/surefire-reports/TEST-bench.ScaleTest.xml" | head -1
}

# median_wall RUNS CMD...: median wall seconds of RUNS runs
median_wall() {
    local runs=$1; shift
    local times=()
    for _ in $(seq 1 "$runs"); do
        local start end
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc)")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }'
}

echo "== $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg); perfgate $VERSION, JUnit $JUNIT"
TESTS=$OUT/tests-$TEST_CASES
rm -rf "$TESTS"; project "$TESTS" "$TEST_CASES"
echo "== $TEST_CASES cases, skipped"
(cd "$TESTS" && "${MVN[@]}" test -Dperfgate.skip=true)
skipped=$(suite_seconds "$TESTS")
echo "== $TEST_CASES cases, gated"
(cd "$TESTS" && "${MVN[@]}" test -Dperfgate.forks="$FORKS")
gated=$(suite_seconds "$TESTS")

CHECK=$OUT/check-$CHECK_CASES
rm -rf "$CHECK"; project "$CHECK" "$CHECK_CASES"
echo "== $CHECK_CASES cases, gated (the results perfgate:check reads)"
(cd "$CHECK" && "${MVN[@]}" test -Dperfgate.forks="$FORKS")
results=$(find "$CHECK/target/perfgate/results" -name '*.json' | wc -l)
ONE=$OUT/check-1
rm -rf "$ONE"; project "$ONE" 1
echo "== 1 case, gated"
(cd "$ONE" && "${MVN[@]}" test -Dperfgate.forks="$FORKS")
NONE=$OUT/check-0
rm -rf "$NONE"; cp -r "$ONE" "$NONE"; rm -rf "$NONE/target/perfgate"
echo "== perfgate:check and validate, $RUNS runs each, offline"
check=$(cd "$CHECK" && median_wall "$RUNS" "${MVN[@]}" -o perfgate:check)
validate=$(cd "$CHECK" && median_wall "$RUNS" "${MVN[@]}" -o validate)
check_one=$(cd "$ONE" && median_wall "$RUNS" "${MVN[@]}" -o perfgate:check)
check_none=$(cd "$NONE" && median_wall "$RUNS" "${MVN[@]}" -o perfgate:check)
peak="n/a"
if [ -x /usr/bin/time ]; then
    # time writes to its own file (-o): on stderr its figure followed Maven's colour reset (ESC[0m) on the same
    # line, which awk read as 0
    peak=$(cd "$CHECK" && { /usr/bin/time -f '%M' -o "$OUT/time.txt" "${MVN[@]}" -o perfgate:check >/dev/null 2>&1 || true; } \
        && awk '{ printf "%.0f MiB", $1 / 1024 }' < <(tail -1 "$OUT/time.txt"))
fi
(cd "$CHECK" && "${MVN[@]}" -o perfgate:check >/dev/null 2>&1 || true)
size() { if [ -f "$1" ]; then stat -c %s "$1"; else echo 0; fi; }
html=$(size "$CHECK/target/perfgate/index.html")

echo
printf '%-44s %12s\n' "figure" "value"
printf '%-44s %10.2f s\n' "$TEST_CASES cases, -Dperfgate.skip (surefire)" "$skipped"
printf '%-44s %10.2f s\n' "$TEST_CASES cases, gated (surefire)" "$gated"
printf '%-44s %9.1f ms\n' "fixed cost per gated case" "$(echo "($gated - $skipped) * 1000 / $TEST_CASES" | bc -l)"
printf '%-44s %12s\n' "result files read by check" "$results"
printf '%-44s %10.2f s\n' "mvn perfgate:check (median of $RUNS)" "$check"
printf '%-44s %10.2f s\n' "mvn validate (median of $RUNS)" "$validate"
printf '%-44s %10.2f s\n' "check - validate" "$(echo "$check - $validate" | bc -l)"
printf '%-44s %10.2f s\n' "mvn perfgate:check, 1 result (median)" "$check_one"
printf '%-44s %10.2f s\n' "mvn perfgate:check, no result (median)" "$check_none"
printf '%-44s %12s\n' "check peak RSS" "$peak"
printf '%-44s %9.1f KB\n' "index.html" "$(echo "$html / 1024" | bc -l)"
for f in summary.json summary.md TEST-perfgate.xml; do
    printf '%-44s %9.1f KB\n' "$f" "$(echo "$(size "$CHECK/target/perfgate/$f") / 1024" | bc -l)"
done
