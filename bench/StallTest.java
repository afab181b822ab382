import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.load.HttpStep;
import io.perfgate.core.load.LoadGenerator;
import io.perfgate.core.load.LoadRun;
import io.perfgate.core.load.LoadScenario;

import java.time.Duration;
import java.util.Locale;

/**
 * The coordinated-omission test: drives bench/StallServer.java at RATE requests/s for SECONDS over CONNECTIONS
 * connections, then compares perfgate's p99 with the p99 computed from the schedule (each request scheduled
 * inside a freeze waits until the freeze ends), and prints the uncorrected service-time p99 beside them.
 * Usage: java -cp <perfgate-core classpath> bench/StallTest.java URL RATE SECONDS CONNECTIONS PERIOD_MS FREEZE_MS
 * Exit code 0 when p99 is within 15 % of the computed value and the service-time p99 under a tenth of it.
 */
public class StallTest {
    public static void main(String[] args) {
        String url = args[0];
        double rate = Double.parseDouble(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int connections = Integer.parseInt(args[3]);
        long period = Long.parseLong(args[4]) * 1_000_000L;
        long freeze = Long.parseLong(args[5]) * 1_000_000L;
        LoadScenario scenario = LoadScenario.builder(url)
                .name("stall")
                .request(HttpStep.get("/"))
                .rate(rate, Duration.ofSeconds(seconds))
                .connections(connections)
                .warmup(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5))
                .build();
        LoadRun run = LoadGenerator.run(scenario, System.out::println);

        LatencyHistogram expected = new LatencyHistogram();
        long arrivals = Math.round(rate * seconds);
        for (long n = 0; n < arrivals; n++) {
            long scheduled = run.scheduleStartNanos() + Math.round(n / rate * 1e9);
            long phase = Math.floorMod(scheduled, period);
            expected.record(phase < freeze ? freeze - phase : 0);
        }
        double computed = expected.valueAtQuantile(0.99) / 1e6;
        double measured = run.overall().latency().valueAtQuantile(0.99) / 1e6;
        double service = run.overall().serviceTime().valueAtQuantile(0.99) / 1e6;
        double error = (measured - computed) / computed;
        System.out.println(run.summary());
        System.out.printf(Locale.ROOT, "requests %d, errors %d%n", run.overall().requests(), run.overall().errors());
        System.out.printf(Locale.ROOT, "perfgate p99 (from the schedule, corrected): %.1f ms%n", measured);
        System.out.printf(Locale.ROOT, "p99 computed from the schedule:              %.1f ms%n", computed);
        System.out.printf(Locale.ROOT, "error:                                       %+.2f %%%n", error * 100);
        System.out.printf(Locale.ROOT, "uncorrected service-time p99:                %.1f ms (%.3f of the computed p99)%n",
                service, service / computed);
        boolean pass = Math.abs(error) <= 0.15 && service < computed / 10 && run.overall().errors() == 0;
        System.out.println(pass ? "PASS: within 15 % and service time under a tenth" : "FAIL");
        System.exit(pass ? 0 : 1);
    }
}
