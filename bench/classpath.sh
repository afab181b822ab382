#!/usr/bin/env bash
# Compiles perfgate-core and prints its runtime classpath (classes + dependencies), for the bench programs.
# Sourced by the bench scripts; run from the repository root.
set -euo pipefail
perfgate_classpath() {
  local out=perfgate-core/target/bench-classpath.txt
  mvn -B -q -pl perfgate-core compile dependency:build-classpath \
      -Dmdep.outputFile="$(pwd)/$out" -Dmdep.includeScope=runtime >&2
  echo "$(pwd)/perfgate-core/target/classes:$(cat "$out")"
}
