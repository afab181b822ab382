import io.perfgate.core.jmh.JmhCommand;
import io.perfgate.core.jmh.JmhResults;
import io.perfgate.core.jmh.JmhRunner;
import io.perfgate.core.jmh.JmhSettings;
import io.perfgate.core.jmh.WarmupRetries;
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
 * bench/jmh-smoke-warmup.sh: the smoke profile as perfgate:jmh runs it, through the same core calls as JmhMojo#run
 * (JmhRunner, WarmupRetries, JmhResults), without Maven. Prints per benchmark the recorded score, its error, the
 * warmup iterations of the attempt recorded and whether it was still warming up, then the wall time.
 * Usage: java -cp perfgate-core's classpath bench/JmhSmokeRuns.java BENCH_CLASSPATH_FILE OUT_DIR RETRIES REGEX
 */
public class JmhSmokeRuns {
    public static void main(String[] args) throws Exception {
        List<String> classpath = Arrays.asList(Files.readString(Path.of(args[0])).strip().split(File.pathSeparator));
        Path out = Path.of(args[1]);
        int retries = Integer.parseInt(args[2]);
        JmhCommand command = new JmhCommand(List.of(args[3]), List.of());
        Duration timeout = Duration.ofHours(1);
        JmhRunner runner = new JmhRunner(Path.of(System.getProperty("java.home"), "bin", "java"), List.of(),
                classpath, out, Path.of("."), timeout);
        JmhSettings smoke = JmhSettings.forProfile("smoke");

        long start = System.nanoTime();
        Instant started = Instant.now();
        List<String> benchmarks = runner.list(command);
        WarmupRetries.Outcome outcome = WarmupRetries.run(runner, command, smoke, false, List.of(),
                (firstRun, left) -> WarmupRetries.Policy.of(retries, firstRun, left), System.err::println);
        List<TestResult> results = JmhResults.convert(outcome.runs(), outcome.failures(), benchmarks,
                (benchmark, params) -> List.of(), outcome.stillWarming(), "smoke", started);
        double wall = (System.nanoTime() - start) / 1e9;
        for (TestResult result : results) {
            System.out.printf(Locale.ROOT, "%s %s %s wi=%d%s%n", result.benchmark().benchmark(),
                    result.benchmark().score(), result.benchmark().scoreError(), result.benchmark().warmupIterations(),
                    result.benchmark().stillWarming() == null ? "" : ",still-warming");
        }
        System.out.printf(Locale.ROOT, "wall %.1f%n", wall);
    }
}
