#!/usr/bin/env sh
# The honest evaluation of perfgate's regression detection: A/A comparisons and injected regressions on
# simulated lognormal, bimodal and heavy-tailed latency at 2/5/10 % run-to-run noise, 2,000 seeded trials
# per cell, through the same detector `perfgate:check` uses. Prints Markdown tables (about 1-3 minutes on
# 2 idle cores). Arguments (optional): trials per cell, seed, sections (1,2,3,3b,4,5).
#   bench/regression-eval.sh
#   bench/regression-eval.sh 2000 20240501 1,2
set -eu
cd "$(dirname "$0")/.."
ARGS="${1:-2000} ${2:-20240501} ${3:-1,2,3,3b,4,5}"
mvn -B -q -pl perfgate-core test-compile \
  org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.classpathScope=test \
  -Dexec.mainClass=io.perfgate.core.regression.RegressionEvaluation \
  -Dexec.cleanupDaemonThreads=false \
  -Dexec.args="$ARGS"
