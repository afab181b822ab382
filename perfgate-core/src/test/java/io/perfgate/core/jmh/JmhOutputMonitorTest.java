package io.perfgate.core.jmh;

import io.perfgate.core.jmh.JmhOutputMonitor.BenchmarkFailure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JmhOutputMonitorTest {

    @Test
    void findsTheBenchmarkThatThrewWithItsParametersAndCause() {
        List<BenchmarkFailure> failures = JmhFixtures.monitoredOutput().failures();

        assertEquals(1, failures.size(), "both forks failed, one failure is reported: " + failures);
        BenchmarkFailure failure = failures.get(0);
        assertEquals("fixture.FixtureBench.boom", failure.benchmark());
        assertEquals(BenchmarkMode.AVERAGE_TIME, failure.mode());
        assertEquals(Map.of("size", "100"), failure.params());
        assertEquals("java.lang.IllegalStateException: boom at size 100"
                + " (at fixture.FixtureBench.boom(FixtureBench.java:24))", failure.cause());
    }

    @Test
    void reportsAForkedJvmThatDied() {
        JmhOutputMonitor monitor = new JmhOutputMonitor();
        List.of("# Benchmark mode: Throughput, ops/time", "# Benchmark: a.B.exit", "", "# Fork: 1 of 2",
                "<forked VM failed with exit code 3>", "<stdout last='20 lines'>", "</stdout>").forEach(monitor);

        BenchmarkFailure failure = monitor.failures().get(0);

        assertEquals("a.B.exit", failure.benchmark());
        assertEquals(Map.of(), failure.params());
        assertEquals("its forked JVM exited with code 3 (System.exit, a crash or an OutOfMemoryError)",
                failure.cause());
    }

    @Test
    void keepsReadingHeadersThatFollowAFailureWithoutStackTrace() {
        JmhOutputMonitor monitor = new JmhOutputMonitor();
        List.of("# Benchmark mode: Average time, time/op", "# Benchmark: a.B.first", "# Parameters: (n = 1, s = x, y)",
                "Iteration   1: <failure>", "",
                "# Benchmark mode: Sampling time", "# Benchmark: a.B.second", "Iteration   1: <failure>", "",
                "java.lang.OutOfMemoryError: Java heap space", "").forEach(monitor);

        List<BenchmarkFailure> failures = monitor.failures();

        assertEquals(2, failures.size());
        assertEquals(Map.of("n", "1", "s", "x, y"), failures.get(0).params());
        assertEquals("it threw (see JMH's output for the stack trace)", failures.get(0).cause());
        assertEquals("a.B.second", failures.get(1).benchmark());
        assertEquals(BenchmarkMode.SAMPLE_TIME, failures.get(1).mode());
        assertEquals("java.lang.OutOfMemoryError: Java heap space", failures.get(1).cause());
    }
}
