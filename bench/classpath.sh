#!/usr/bin/env bash
# Classpaths for the bench programs: perfgate_classpath compiles perfgate-core and prints its runtime classpath
# (classes + dependencies); junitperf_bench_classpath builds the junitperf-overhead bench.
# Sourced by the bench scripts; perfgate_classpath runs from the repository root.
set -euo pipefail
perfgate_classpath() {
  local out=perfgate-core/target/bench-classpath.txt
  mvn -B -q -pl perfgate-core compile dependency:build-classpath \
      -Dmdep.outputFile="$(pwd)/$out" -Dmdep.includeScope=runtime >&2
  echo "$(pwd)/perfgate-core/target/classes:$(cat "$out")"
}

# Installs perfgate-core and perfgate-junit into bench/target/m2 (never into ~/.m2; what it can, it reads from ~/.m2
# through bench/settings.xml), builds the junitperf-overhead bench against them and prints its classpath.
# Progress goes to stderr; a failed build returns 1 (set -e does not reach into $(...)). Callable from any directory.
junitperf_bench_classpath() {
  local root repo settings bench dependencies
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  repo=$root/bench/target/m2
  settings=$root/bench/settings.xml
  bench=$root/bench/junitperf-overhead
  echo "== installing perfgate (core, junit) into $repo" >&2
  (cd "$root" && mvn -B -q -s "$settings" -Dmaven.repo.local="$repo" install -DskipTests \
      -pl perfgate-core,perfgate-junit -am) >&2 || return 1
  echo "== building the bench" >&2
  (cd "$bench" && mvn -B -q -s "$settings" -Dmaven.repo.local="$repo" compile dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt) >&2 || return 1
  dependencies=$(cat "$bench/target/classpath.txt") || return 1
  echo "$bench/target/classes:$dependencies"
}
