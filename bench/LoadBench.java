import io.perfgate.core.load.HttpStep;
import io.perfgate.core.load.LoadGenerator;
import io.perfgate.core.load.LoadRun;
import io.perfgate.core.load.LoadScenario;

import java.time.Duration;
import java.util.Locale;

/**
 * perfgate's maximum-throughput mode against a URL: N users back to back (closed model, one connection
 * each), after a warmup that is not counted. Prints one line: "perfgate <successful requests per second> <errors>".
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
        LoadScenario scenario = LoadScenario.builder(base)
                .name("max-throughput")
                .request(HttpStep.get(path))
                .users(connections, Duration.ZERO, Duration.ofSeconds(seconds))
                .warmup(Duration.ofSeconds(warmup))
                .progressInterval(Duration.ofHours(1))
                .build();
        LoadRun run = LoadGenerator.run(scenario);
        if (run.overall().errors() > 0) {
            System.err.println(run.summary());
        }
        System.out.println(String.format(Locale.ROOT, "perfgate %.0f %d", run.throughput(), run.overall().errors()));
    }
}
