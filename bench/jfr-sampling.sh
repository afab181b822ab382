#!/usr/bin/env bash
# What JFR's execution sampling keeps (plain arithmetic against JIT intrinsics) and what each sampling period
# costs the measured thread in CPU time; see bench/JfrSampling.java. Run on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "$(java -version 2>&1 | head -1); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/JfrSampling.java
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
