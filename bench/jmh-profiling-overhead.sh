#!/usr/bin/env bash
# What does profiling cost a benchmark? Runs bench/jmh-warmup's benchmarks through perfgate's core as perfgate:jmh
# does, with JFR profiling off and on, alternating which goes first, and prints each score off and on, their ratio
# (1.00 = no cost) and the profile's top methods, then the median ratio per benchmark. Usage: bench/jmh-profiling-overhead.sh [rounds] (default 3), from the
# repository root, on a quiet machine. JMH_ARGS="forks wi w i r" (default "2 5 1s 5 1s", a properly warmed run).
# BENCHMARKS (a JMH regex) picks them: 'steady\..*' by default (a hash loop and a JDK checksum, steady to about 1 %
# from run to run); 'bench\..*' runs word counting and sorting, whose scores swing 20-30 % between runs.
set -euo pipefail
rounds=${1:-3}
read -r forks wi w i r <<< "${JMH_ARGS:-2 5 1s 5 1s}"
project=bench/jmh-warmup
out=$project/target/profiling-runs
mvn -B -q -o -f $project/pom.xml test-compile dependency:build-classpath \
    -Dmdep.outputFile="$(pwd)/$project/target/cp.txt" -Dmdep.includeScope=test >&2
echo "$(pwd)/$project/target/test-classes:$(cat $project/target/cp.txt)" > $project/target/bench-cp.txt
mvn -B -q -o -pl perfgate-core compile dependency:build-classpath \
    -Dmdep.outputFile="$(pwd)/perfgate-core/target/bench-classpath.txt" -Dmdep.includeScope=runtime >&2
core_cp="$(pwd)/perfgate-core/target/classes:$(cat perfgate-core/target/bench-classpath.txt)"
rm -rf "$out" && mkdir -p "$out"
java -cp "$core_cp" bench/JmhProfilingRuns.java $project/target/bench-cp.txt "$out" "$rounds" \
    "${BENCHMARKS:-steady\..*}" \
    "$forks" "$wi" "$w" "$i" "$r" | tee "$out/runs.txt"
echo
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for bench in $(awk '/on\/off/ {print $3}' "$out/runs.txt" | sort -u); do
  ratios=$(awk -v b="$bench" '$3 == b {for (f = 1; f <= NF; f++) if ($f == "on/off") print $(f + 1)}' "$out/runs.txt")
  echo "median on/off, $bench: $(echo "$ratios" | median) (rounds: $(echo $ratios))"
done
echo "JMH: -f $forks -wi $wi -w $w -i $i -r $r; load average at the end: $(cat /proc/loadavg)"
