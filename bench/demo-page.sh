#!/usr/bin/env bash
# A page served statically from loopback on $PORT while the sourcing script runs, and what the Lighthouse bench
# scripts measure it with: sets URL, CP (perfgate's classpath) and CHROME. PAGE=demo (default) is the demo shop's
# page (it/demo/.../web/index.html), whose script fetches /api/v1/health and then changes the page (a 404 here);
# PAGE=plain is bench/plain-page: text, a stylesheet and an image, no script.
# Sourced by those scripts after they set PORT; run from the repository root.
case "${PAGE:-demo}" in
  demo) WEB=it/demo/src/main/resources/io/perfgate/demo/web ;;
  plain) WEB=bench/plain-page ;;
  *) echo "PAGE must be demo or plain, not '$PAGE'" >&2; exit 2 ;;
esac
CHROME=${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$WEB" >/dev/null 2>&1 &
demo_server=$!
trap 'kill $demo_server' EXIT
sleep 1
source bench/classpath.sh
CP="$(perfgate_classpath)"
URL="http://127.0.0.1:$PORT/index.html"
