import io.perfgate.core.load.HttpStep;
import io.perfgate.core.load.LoadGenerator;
import io.perfgate.core.load.LoadRun;
import io.perfgate.core.load.LoadScenario;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * perfgate's maximum-throughput mode against a URL: N users back to back (closed model, one connection
 * each), after a warmup run that is not counted. Prints one line: "perfgate <successful requests per second>
 * <errors> <CPU microseconds per request>", the last being the whole JVM's CPU time (every thread: I/O, JIT, GC)
 * over the measured run divided by its requests, a figure a machine busy with other work disturbs far less
 * than the throughput.
 * Usage: java -cp <perfgate-core classpath> bench/LoadBench.java URL CONNECTIONS SECONDS WARMUP_SECONDS
 */
public class LoadBench {
    public static void main(String[] args) {
        String url = args[0];
        int connections = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        java.net.URI uri = java.net.URI.create(url);
        String base = uri.getScheme() + "://" + uri.getAuthority();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        LoadScenario.Builder scenario = LoadScenario.builder(base)
                .name("max-throughput")
                .request(HttpStep.get(path))
                .warmup(Duration.ZERO)
                .progressInterval(Duration.ofHours(1));
        if (warmup > 0) {
            // the JVM compiles its hot code here
            LoadGenerator.run(scenario.users(connections, Duration.ZERO, Duration.ofSeconds(warmup)).build());
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        LoadRun run = LoadGenerator.run(scenario.users(connections, Duration.ZERO, Duration.ofSeconds(seconds)).build());
        long cpu = os.getProcessCpuTime() - cpuBefore;
        if (run.overall().errors() > 0) {
            System.err.println(run.summary());
        }
        System.out.println(String.format(Locale.ROOT, "perfgate %.0f %d %.1f", run.throughput(), run.overall().errors(),
                cpu / 1e3 / Math.max(1, run.overall().requests())));
    }
}
