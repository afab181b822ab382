#!/usr/bin/env bash
# Installs what perfgate:lighthouse needs when it is missing, so its integration tests run in CI (never skipped):
# Chromium and Node.js/npm from Debian's packages. Lighthouse itself (npm lighthouse@12.2.3) is installed by
# perfgate on first use into ~/.cache/perfgate/lighthouse.
set -euo pipefail
missing=()
if [ -z "${CHROME_PATH:-}" ] && ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null \
    && ! command -v google-chrome >/dev/null; then
  missing+=(chromium)
fi
command -v node >/dev/null || missing+=(nodejs)
# NodeSource's nodejs bundles npm and conflicts with Debian's npm package: only add it when npm is absent
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${missing[*]} for perfgate:lighthouse" >&2
  $sudo apt-get update
  $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi
node --version >&2
