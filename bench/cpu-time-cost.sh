#!/usr/bin/env bash
# What CPU-time accounting costs (docs/contention.md): a ThreadMXBean.getCurrentThreadCpuTime() read, a
# /proc/thread-self/schedstat read and System.nanoTime(), each in a tight loop; then perfgate's loop on an empty body
# for 3 s, with and without per-invocation CPU timing (ns per invocation = the loop's own cost).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
CP=$(perfgate_classpath)
echo "machine: $(nproc) cores; $(uptime)"
java -cp "$CP" bench/ContentionBench.java cost
