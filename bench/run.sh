#!/usr/bin/env bash
# Builds perfgate's benchmarks and runs them with JMH. Extra arguments go to JMH, e.g.
#   bash bench/run.sh                       # every benchmark, the settings below
#   bash bench/run.sh JdbcWrapperBenchmark -f 1 -i 3
# Results are also written to bench/target/jmh-result.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl bench -am package -DskipTests
if [ "$#" -eq 0 ]; then
  set -- -f 2 -wi 5 -w 1s -i 5 -r 1s
fi
exec java -jar bench/target/benchmarks.jar -rf json -rff bench/target/jmh-result.json "$@"
