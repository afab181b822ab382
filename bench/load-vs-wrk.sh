#!/usr/bin/env bash
# perfgate's maximum throughput beside wrk's, against the same server: nginx from Debian with one worker and
# keep-alive, on loopback, serving a small static page (NGINX_CONTENT=file, the default: what nginx does out of
# the box) or answering from its configuration (NGINX_CONTENT=return: no file access, nginx's fastest path, where
# the clients' own CPU cost per request decides). wrk -t1 -c50 -d10s and perfgate's closed model with 50 users back to back for 10 s
# (after its own 2 s warmup, which is not counted: the JVM compiles its hot code first), five runs each,
# alternating. Prints every figure, both medians and their ratio (perfgate / wrk), and each client's CPU time per
# request (wrk's process; perfgate's whole JVM over its measured run), which a machine busy with other work
# disturbs far less than the throughput.
#
#   bench/load-vs-wrk.sh            # ROUNDS=5 DURATION=10 CONNECTIONS=50 PORT=18089 to change them
#
# The generator's JVM runs with PERFGATE_JAVA_OPTS (default -XX:+UseParallelGC: a throughput collector without
# concurrent GC threads, which on two cores would compete with the I/O thread; PERFGATE_JAVA_OPTS= runs the
# JVM's default G1). The options are printed with the figures.
#
# Needs root (or nginx and wrk already installed) to apt-get install nginx-light and wrk when missing.
# Not part of the test suite: it takes about two minutes and its figures depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-50}
PORT=${PORT:-18089}
NGINX_CONTENT=${NGINX_CONTENT:-file}
PERFGATE_JAVA_OPTS=${PERFGATE_JAVA_OPTS--XX:+UseParallelGC}

if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  echo "installing nginx and wrk from Debian..." >&2
  apt-get update -qq >&2
  apt-get install -y -qq nginx-light wrk >&2 || apt-get install -y -qq nginx wrk >&2
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d)
nginx_pid=""
cleanup() {
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/logs" "$work/html"
chmod 755 "$work" "$work/html"
# about the size of Debian's default welcome page
{ echo '<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body>'
  for _ in $(seq 1 10); do echo '<p>If you see this page, the nginx web server is successfully installed and working.</p>'; done
  echo '</body></html>'; } > "$work/html/index.html"
chmod 644 "$work/html/index.html"
if [ "$NGINX_CONTENT" = return ]; then
  location='location / { default_type text/plain; return 200 "hello from nginx\n"; }'
else
  location="location / { root $work/html; index index.html; }"
fi
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
master_process off;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_timeout 65s;
  keepalive_requests 10000000;
  server {
    listen 127.0.0.1:$PORT;
    $location
  }
}
CONF
"$NGINX" -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
for _ in $(seq 1 50); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
  sleep 0.1
done

source bench/classpath.sh
CP=$(perfgate_classpath)
URL="http://127.0.0.1:$PORT/"
echo "server: $("$NGINX" -v 2>&1), one worker, keep-alive, $URL, content: $NGINX_CONTENT"
echo "clients: wrk -t1 -c$CONNECTIONS -d${DURATION}s; perfgate closed model, $CONNECTIONS users back to back, ${DURATION}s after a 2 s warmup"
echo "perfgate JVM: $(java -version 2>&1 | head -1), options: ${PERFGATE_JAVA_OPTS:-(none)}"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

wrk_figures=()
perfgate_figures=()
wrk_cpu=()
perfgate_cpu=()
for round in $(seq 1 "$ROUNDS"); do
  # wrk's own CPU time (user + system) over its run, per request it completed
  out=$( { TIMEFORMAT='cpu %U %S'; time wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" "$URL"; } 2>&1 )
  w=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  wc=$(echo "$out" | awk '/requests in/ {n=$1} /^cpu / {c=$2+$3} END {printf "%.1f", c * 1e6 / n}')
  wrk_figures+=("$w")
  wrk_cpu+=("$wc")
  # shellcheck disable=SC2086
  out=$(java $PERFGATE_JAVA_OPTS -cp "$CP" bench/LoadBench.java "$URL" "$CONNECTIONS" "$DURATION" 2 2>/dev/null)
  p=$(echo "$out" | awk '/^perfgate/ {print $2}')
  errors=$(echo "$out" | awk '/^perfgate/ {print $3}')
  pc=$(echo "$out" | awk '/^perfgate/ {print $4}')
  perfgate_figures+=("$p")
  perfgate_cpu+=("$pc")
  printf 'round %d: wrk %10.0f requests/s %6.1f us CPU/request   perfgate %10.0f requests/s %6.1f us CPU/request (%s errors)\n' \
      "$round" "$w" "$wc" "$p" "$pc" "$errors"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
wm=$(median "${wrk_figures[@]}")
pm=$(median "${perfgate_figures[@]}")
echo "wrk      median: $(printf '%.0f' "$wm") requests/s   (all: ${wrk_figures[*]})"
echo "perfgate median: $(printf '%.0f' "$pm") requests/s   (all: ${perfgate_figures[*]})"
awk -v p="$pm" -v w="$wm" 'BEGIN { printf "ratio perfgate/wrk: %.2f (bar: 0.80)\n", p / w }'
# each round's two runs are minutes apart at most: on a shared machine their ratio is the steadier figure
ratios=()
for i in "${!wrk_figures[@]}"; do
  ratios+=("$(awk -v p="${perfgate_figures[$i]}" -v w="${wrk_figures[$i]}" 'BEGIN { printf "%.2f", p / w }')")
done
echo "per-round ratios: ${ratios[*]} (median $(median "${ratios[@]}"))"
# CPU per request is what each client costs, whatever else the machine is doing; throughput is not
wcm=$(median "${wrk_cpu[@]}")
pcm=$(median "${perfgate_cpu[@]}")
echo "CPU per request, median: wrk ${wcm} us, perfgate ${pcm} us (perfgate's JVM, every thread; all: ${perfgate_cpu[*]})"
echo "machine after: load average $(cut -d' ' -f1-3 /proc/loadavg)"
