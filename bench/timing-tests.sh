#!/usr/bin/env bash
# Unit tests that assert wall-clock values (tagged "timing"). The build leaves them out, since a machine shared
# with other builds slows the generator or the server and fails them for no fault of the code; run them here, on
# a quiet machine:
#
#   bench/timing-tests.sh            # every module
#   bench/timing-tests.sh -pl perfgate-core
set -euo pipefail
cd "$(dirname "$0")/.."
# (the test phase ends before the invoker ITs, which bind to integration-test and later)
exec mvn -B test -Dperfgate.excludedTestGroups=none -Dgroups=timing -Dsurefire.failIfNoSpecifiedTests=false "$@"
