#!/usr/bin/env bash
# Builds perfgate, then runs the demo project's gated tests and prints where the report is.
# Extra arguments go to both Maven runs (for example -o, or -Dmaven.repo.local=...).
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"

echo "==> Installing perfgate into the local Maven repository (tests skipped)"
(cd "$root" && mvn -B -q install -DskipTests "$@")

echo "==> Running the demo: mvn -B verify in it/demo"
(cd "$root/it/demo" && mvn -B verify "$@")

report="$root/it/demo/target/perfgate/index.html"
if [[ ! -f "$report" ]]; then
  echo "The demo ran but wrote no report at $report" >&2
  exit 1
fi
echo
echo "perfgate report: $report"
