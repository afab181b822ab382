#!/usr/bin/env bash
# What deciding keep-alive costs per answer: HttpCore's rules against perfgate's KeepAlive (bench/ReuseCost.java),
# compiled into perfgate-core's package so it can reach the package-private class. About a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
CP=$(perfgate_classpath)
out=bench/target/reuse-cost
mkdir -p "$out"
javac -d "$out" -cp "$CP" bench/ReuseCost.java
java -XX:+UseParallelGC -cp "$out:$CP" io.perfgate.core.load.ReuseCost
