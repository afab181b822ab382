#!/usr/bin/env bash
# Builds the JDBC wrapper benchmark (JMH, H2 in memory, wrapped vs unwrapped) and runs it. Extra arguments go to JMH, e.g.
#   bash bench/jdbc-wrapper.sh                        # the settings below
#   bash bench/jdbc-wrapper.sh executePrepared -f 1 -i 3
# Results are also written to bench/jdbc-wrapper/target/jmh-result.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl bench/jdbc-wrapper -am package -DskipTests
if [ "$#" -eq 0 ]; then
  set -- -f 2 -wi 5 -w 1s -i 5 -r 1s
fi
exec java -jar bench/jdbc-wrapper/target/benchmarks.jar -rf json -rff bench/jdbc-wrapper/target/jmh-result.json "$@"
