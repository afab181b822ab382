#!/usr/bin/env bash
# Does the smoke profile's warmup reach steady state? Runs two benchmarks of realistic shape (bench/jmh-warmup:
# word counting with a HashMap, sorting records with a composed Comparator) with plain JMH, alternating:
#   - a properly warmed reference run:  -f 2 -wi 5 -w 1s -i 5 -r 1s
#   - the smoke profile's options, as perfgate:jmh passes them (JmhSettings.forProfile("smoke"))
#   - the smoke options before issue 16 (-f 2 -wi 1 -w 200ms -i 2 -r 300ms), for comparison
# and prints each score and its ratio to the reference of the same round (1.00 = steady state; the bar is 1.20).
# Usage: bench/jmh-smoke-warmup.sh [rounds]   (default 3). Run from the repository root, on a quiet machine.
set -euo pipefail
rounds=${1:-3}
reference=${REFERENCE_ARGS:-"-f 2 -wi 5 -w 1s -i 5 -r 1s"}
smoke=${SMOKE_ARGS:-"-f 2 -wi 2 -w 1s -i 3 -r 500ms"}  # JmhSettings.forProfile("smoke")
old_smoke=${OLD_SMOKE_ARGS:-"-f 2 -wi 1 -w 200ms -i 2 -r 300ms"}
project=bench/jmh-warmup
out=$project/target/runs
mvn -B -q -o -f $project/pom.xml test-compile dependency:build-classpath \
    -Dmdep.outputFile="$(pwd)/$project/target/cp.txt" -Dmdep.includeScope=test >&2
cp="$(pwd)/$project/target/test-classes:$(cat $project/target/cp.txt)"
mkdir -p $out

run() { # name args -> prints "benchmark score error" lines, and the wall time
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  java -cp "$cp" org.openjdk.jmh.Main "$@" -rf json -rff "$out/$name.json" 'bench\..*' > "$out/$name.txt" 2>&1
  end=$(date +%s.%N)
  jq -r '.[] | "\(.benchmark) \(.primaryMetric.score) \(.primaryMetric.scoreError)"' "$out/$name.json"
  echo "wall $(echo "$end - $start" | bc)"
}

printf '%-6s %-10s %-24s %12s %10s %7s\n' round settings benchmark 'us/op' '± (99.9%)' ratio
declare -A ratios
for round in $(seq 1 "$rounds"); do
  declare -A ref=()
  for kind in reference smoke old-smoke; do
    case $kind in
      reference) args=$reference ;; smoke) args=$smoke ;; old-smoke) args=$old_smoke ;;
    esac
    # shellcheck disable=SC2086
    while read -r bench score error; do
      if [[ $bench == wall ]]; then
        printf '%-6s %-10s %-24s %12s\n' "$round" "$kind" "(wall time, s)" "$(printf '%.1f' "$score")"
        continue
      fi
      short=${bench#bench.}
      [[ $kind == reference ]] && ref[$short]=$score
      ratio=$(echo "scale=3; $score / ${ref[$short]}" | bc)
      [[ $kind != reference ]] && ratios[$kind.$short]="${ratios[$kind.$short]:-} $ratio"
      printf '%-6s %-10s %-24s %12.3f %10.3f %7s\n' "$round" "$kind" "$short" "$score" "$error" "$ratio"
    done < <(run "$kind-$round" $args)
  done
done
echo
echo "reference: $reference"
echo "smoke:     $smoke"
echo "old smoke: $old_smoke"
for key in $(echo "${!ratios[@]}" | tr ' ' '\n' | sort); do
  median=$(echo "${ratios[$key]}" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
  echo "median ratio to reference, $key: $median (rounds:${ratios[$key]})"
done
