#!/usr/bin/env bash
# Does the smoke profile reach steady state? Runs two benchmarks of realistic shape (bench/jmh-warmup: word counting
# with a HashMap, sorting records with a composed Comparator), alternating, per round:
#   - reference: a properly warmed plain JMH run, -f 2 -wi 5 -w 1s -i 5 -r 1s
#   - smoke:     plain JMH with the smoke profile's options as perfgate:jmh passes them (JmhSettings.forProfile),
#                that is perfgate:jmh's smoke without adaptive warmup
#   - adaptive:  perfgate:jmh's smoke path with its warmup retries (bench/JmhSmokeRuns.java: JmhRunner,
#                WarmupRetries and JmhResults, the calls JmhMojo makes, on perfgate-core's classpath)
#   - old-smoke: the smoke options before issue 16 (-f 2 -wi 1 -w 200ms -i 2 -r 300ms); only when KINDS names it
# and prints each score, its ratio to the reference of the same round (1.00 = steady state; the aim is 1.20 or less),
# each setting's wall time, and the medians. A score recorded while still warming up is marked "warming" (perfgate
# gives its gates no verdict). Usage: bench/jmh-smoke-warmup.sh [rounds]   (default 3), from the repository root,
# on a quiet machine. KINDS="reference smoke adaptive" by default.
set -euo pipefail
rounds=${1:-3}
kinds=${KINDS:-"reference smoke adaptive"}
reference=${REFERENCE_ARGS:-"-f 2 -wi 5 -w 1s -i 5 -r 1s"}
smoke=${SMOKE_ARGS:-"-f 2 -wi 2 -w 1s -i 3 -r 500ms"}  # JmhSettings.forProfile("smoke")
old_smoke=${OLD_SMOKE_ARGS:-"-f 2 -wi 1 -w 200ms -i 2 -r 300ms"}
retries=${WARMUP_RETRIES:-2}
project=bench/jmh-warmup
out=$project/target/runs
mvn -B -q -o -f $project/pom.xml test-compile dependency:build-classpath \
    -Dmdep.outputFile="$(pwd)/$project/target/cp.txt" -Dmdep.includeScope=test >&2
cp="$(pwd)/$project/target/test-classes:$(cat $project/target/cp.txt)"
echo "$cp" > $project/target/bench-cp.txt
mvn -B -q -o -pl perfgate-core compile dependency:build-classpath \
    -Dmdep.outputFile="$(pwd)/perfgate-core/target/bench-classpath.txt" -Dmdep.includeScope=runtime >&2
core_cp="$(pwd)/perfgate-core/target/classes:$(cat perfgate-core/target/bench-classpath.txt)"
mkdir -p $out

run() { # name args -> prints "benchmark score error note" lines, and the wall time
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  java -cp "$cp" org.openjdk.jmh.Main "$@" -rf json -rff "$out/$name.json" 'bench\..*' > "$out/$name.txt" 2>&1
  end=$(date +%s.%N)
  jq -r '.[] | "\(.benchmark) \(.primaryMetric.score) \(.primaryMetric.scoreError) -"' "$out/$name.json"
  echo "wall $(echo "$end - $start" | bc)"
}

adaptive() { # name -> the same lines, from perfgate's core with warmup retries; its log in $out/$name.txt
  local name=$1
  rm -rf "${out:?}/$name"
  java -cp "$core_cp" bench/JmhSmokeRuns.java $project/target/bench-cp.txt "$out/$name" "$retries" 'bench\..*' \
      2> "$out/$name.txt"
}

printf '%-6s %-10s %-24s %12s %10s %7s  %s\n' round settings benchmark 'us/op' '± (99.9%)' ratio note
declare -A ratios walls
for round in $(seq 1 "$rounds"); do
  declare -A ref=()
  for kind in $kinds; do
    case $kind in
      reference) lines=$(run "$kind-$round" $reference) ;;
      smoke) lines=$(run "$kind-$round" $smoke) ;;
      old-smoke) lines=$(run "$kind-$round" $old_smoke) ;;
      adaptive) lines=$(adaptive "$kind-$round") ;;
      *) echo "unknown kind $kind" >&2; exit 2 ;;
    esac
    while read -r bench score error note; do
      if [[ $bench == wall ]]; then
        printf '%-6s %-10s %-24s %12s\n' "$round" "$kind" "(wall time, s)" "$(printf '%.1f' "$score")"
        walls[$kind]="${walls[$kind]:-} $(printf '%.1f' "$score")"
        continue
      fi
      short=${bench#bench.}
      [[ $kind == reference ]] && ref[$short]=$score
      ratio=$(echo "scale=3; $score / ${ref[$short]}" | bc)
      [[ $kind != reference ]] && ratios[$kind.$short]="${ratios[$kind.$short]:-} $ratio"
      printf '%-6s %-10s %-24s %12.3f %10.3f %7s  %s\n' "$round" "$kind" "$short" "$score" "$error" "$ratio" \
          "${note/#-/}"
    done <<< "$lines"
    if [[ $kind == adaptive ]]; then
      grep -E '^perfgate: ' "$out/$kind-$round.txt" | sed 's/^/       /' || true
    fi
  done
done
echo
echo "reference: $reference"
echo "smoke:     $smoke (adaptive: the same, then warmup retries: at most $retries per benchmark, warmup doubled)"
[[ $kinds == *old-smoke* ]] && echo "old smoke: $old_smoke"
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for key in $(echo "${!ratios[@]}" | tr ' ' '\n' | sort); do
  echo "median ratio to reference, $key: $(echo "${ratios[$key]}" | median) (rounds:${ratios[$key]})"
done
for kind in $(echo "${!walls[@]}" | tr ' ' '\n' | sort); do
  echo "median wall time, $kind: $(echo "${walls[$kind]}" | median) s (rounds:${walls[$kind]})"
done
echo "load average at the end: $(cat /proc/loadavg)"
