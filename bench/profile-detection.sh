#!/usr/bin/env sh
# What each profile can detect (docs/regression.md, "What each profile can detect"): the best p-value its
# replicates reach, the comparisons Holm allows, and the smallest regression flagged in 95 % of builds,
# through the detector `perfgate:check` uses. Argument (optional): trials per step (400).
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -pl perfgate-core test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/profile-detection.classpath
java -cp "perfgate-core/target/test-classes:perfgate-core/target/classes:$(cat perfgate-core/target/profile-detection.classpath)" \
  io.perfgate.core.regression.ProfileDetection "${1:-400}"
