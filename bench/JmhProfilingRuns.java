import io.perfgate.core.jmh.JmhCommand;
import io.perfgate.core.jmh.JmhProfiles;
import io.perfgate.core.jmh.JmhResultReader;
import io.perfgate.core.jmh.JmhResults;
import io.perfgate.core.jmh.JmhRunner;
import io.perfgate.core.jmh.JmhSettings;
import io.perfgate.core.profile.HotMethods;
import io.perfgate.core.result.TestResult;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * bench/jmh-profiling-overhead.sh: benchmarks run by perfgate's core as perfgate:jmh runs them, with JFR profiling
 * off and on (JmhProfiles: JMH's -prof jfr with perfgate's events, and an empty recording from each fork's start),
 * alternating which goes first each round. Prints per round and benchmark the score off and on, their ratio, and the
 * profile's top methods; then the wall time of each run.
 * Usage: java -cp perfgate-core's classpath bench/JmhProfilingRuns.java BENCH_CLASSPATH_FILE OUT_DIR ROUNDS REGEX
 *        FORKS WARMUP_ITERATIONS WARMUP_TIME ITERATIONS TIME
 */
public class JmhProfilingRuns {
    public static void main(String[] args) throws Exception {
        List<String> classpath = Arrays.asList(Files.readString(Path.of(args[0])).strip().split(File.pathSeparator));
        Path out = Path.of(args[1]).toAbsolutePath();
        int rounds = Integer.parseInt(args[2]);
        JmhCommand command = new JmhCommand(List.of(args[3]), List.of());
        JmhSettings settings = new JmhSettings(Integer.parseInt(args[4]), Integer.parseInt(args[5]), args[6],
                Integer.parseInt(args[7]), args[8], null);
        JmhRunner runner = new JmhRunner(Path.of(System.getProperty("java.home"), "bin", "java"), List.of(),
                classpath, out, Path.of("."), Duration.ofHours(1));
        List<String> benchmarks = runner.list(command);
        for (int round = 1; round <= rounds; round++) {
            boolean onFirst = round % 2 == 0;
            List<TestResult> off = null;
            List<TestResult> on = null;
            for (boolean profiled : onFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                JmhRunner run = runner.in(out.resolve((profiled ? "on-" : "off-") + round), runner.timeout());
                JmhProfiles profiles = profiled ? new JmhProfiles(out.resolve("jfr-" + round)).prepare() : null;
                if (profiled) {
                    run = run.withProfiles(profiles);
                }
                long start = System.nanoTime();
                JmhRunner.Finished finished = run.run(command, settings, false, List.of(), line -> { });
                System.out.printf(Locale.ROOT, "round %d profiling %-3s wall %.1f s%n", round, profiled ? "on" : "off",
                        (System.nanoTime() - start) / 1e9);
                if (finished.exitCode() != 0) {
                    throw new IllegalStateException("JMH failed: " + finished.tail());
                }
                List<TestResult> results = JmhResults.convert(JmhResultReader.read(run.resultFile()),
                        finished.failures(), benchmarks, name -> List.of(), "bench", Instant.now());
                if (profiled) {
                    on = profiles.attach(results, out.resolve("results-" + round), false, System.err::println);
                } else {
                    off = results;
                }
            }
            for (int i = 0; i < off.size(); i++) {
                TestResult plain = off.get(i);
                TestResult profiled = on.get(i);
                double ratio = profiled.benchmark().score() / plain.benchmark().score();
                System.out.printf(Locale.ROOT, "round %d %-28s off %12.4f on %12.4f %s  on/off %.3f  %s%n", round,
                        plain.benchmark().benchmark() + " " + plain.benchmark().paramsText(),
                        plain.benchmark().score(), profiled.benchmark().score(), plain.benchmark().scoreUnit(), ratio,
                        profiled.measurement().profile() == null ? "no profile"
                                : HotMethods.topLine(profiled.measurement().profile(), 3));
            }
        }
    }
}
