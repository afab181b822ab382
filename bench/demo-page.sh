#!/usr/bin/env bash
# The demo shop's page (it/demo/.../web/index.html) served statically from loopback on $PORT while the sourcing
# script runs, and what the Lighthouse bench scripts measure it with: sets URL, CP (perfgate's classpath) and CHROME.
# Sourced by those scripts after they set PORT; run from the repository root.
WEB=it/demo/src/main/resources/io/perfgate/demo/web
CHROME=${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$WEB" >/dev/null 2>&1 &
demo_server=$!
trap 'kill $demo_server' EXIT
sleep 1
source bench/classpath.sh
CP="$(perfgate_classpath)"
URL="http://127.0.0.1:$PORT/index.html"
