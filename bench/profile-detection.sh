#!/usr/bin/env sh
# What each profile can detect (docs/regression.md, "What each profile can detect"): the best p-value its
# replicates reach, the comparisons Holm allows, and the smallest regression flagged in 95 % of builds,
# through the detector `perfgate:check` uses. Argument (optional): trials per step (400).
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -o -pl perfgate-core test-compile \
  org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.classpathScope=test \
  -Dexec.mainClass=io.perfgate.core.regression.ProfileDetection \
  -Dexec.cleanupDaemonThreads=false \
  -Dexec.args="${1:-400}"
