package io.perfgate.core.jmh;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhSettingsTest {

    @Test
    void eachProfileHasItsOwnSettings() {
        assertEquals(List.of("-f", "2", "-wi", "2", "-w", "1s", "-i", "3", "-r", "500ms"),
                JmhSettings.forProfile("smoke").arguments());
        assertEquals(new JmhSettings(5, 3, "1s", 5, "1s", null), JmhSettings.forProfile("standard"));
        assertEquals(new JmhSettings(5, 3, "1s", 5, "1s", null), JmhSettings.forProfile(null));
        assertEquals(10, JmhSettings.forProfile(" Comprehensive ").forks());
        assertEquals("unknown profile 'nightly'; expected one of [smoke, standard, comprehensive]",
                assertThrows(IllegalArgumentException.class, () -> JmhSettings.forProfile("nightly")).getMessage());
    }

    @Test
    void thePomOverridesWhatItSets() {
        JmhSettings settings = JmhSettings.forProfile("smoke").withOverrides(3, null, " ", 4, "2 s", 2);

        assertEquals(new JmhSettings(3, 2, "1s", 4, "2s", 2), settings);
        assertEquals(List.of("-f", "3", "-wi", "2", "-w", "1s", "-i", "4", "-r", "2s", "-t", "2"), settings.arguments());
    }

    @Test
    void badSettingsAreRejectedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new JmhSettings(0, 1, "1s", 1, "1s", null))
                .getMessage().startsWith("forks = 0: JMH must run each benchmark in at least one forked JVM"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new JmhSettings(1, 1, "1s", 0, "1s", null))
                .getMessage().startsWith("measurementIterations = 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new JmhSettings(1, -1, "1s", 1, "1s", null))
                .getMessage().startsWith("warmupIterations = -1"));
        assertEquals("warmupTime = '1.5s': expected a positive whole number and a unit as JMH reads it, such as 500ms,"
                        + " 1s or 2min (units: ns, us, ms, s, min)",
                assertThrows(IllegalArgumentException.class, () -> new JmhSettings(1, 1, "1.5s", 1, "1s", null))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new JmhSettings(1, 1, "1s", 1, "0ms", null))
                .getMessage().startsWith("measurementTime = '0ms'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new JmhSettings(1, 1, "1s", 1, "1s", 0))
                .getMessage().startsWith("threads = 0"));
    }

    @Test
    void readsJmhsTimeValues() {
        assertEquals(300_000_000L, JmhSettings.nanos("300 ms"));
        assertEquals(2_000_000_000L, JmhSettings.nanos("2s"));
        assertEquals(120_000_000_000L, JmhSettings.nanos("2 min"));
        assertEquals(0, JmhSettings.nanos("single-shot"));
        assertEquals(0, JmhSettings.nanos(null));
    }

    @Test
    void theCommandSelectsBenchmarksAsJmhDoes() {
        JmhCommand command = new JmhCommand(List.of("Parse", " "), List.of("Slow"));

        assertEquals(List.of("Parse", "-e", "Slow", "-l"), command.listArguments());
        List<String> run = command.runArguments(JmhSettings.forProfile("smoke"), true, Path.of("/tmp/r.json"),
                List.of("-Xmx256m", "-Dx=1"));
        assertEquals(List.of("Parse", "-e", "Slow", "-rf", "json", "-rff", "/tmp/r.json", "-f", "2", "-wi", "2", "-w",
                "1s", "-i", "3", "-r", "500ms", "-prof", "gc", "-jvmArgsAppend", "-Xmx256m -Dx=1"), run);
        assertTrue(command.selects("com.acme.ParseBench.run"));
        assertTrue(!command.selects("com.acme.SlowParseBench.run"));
        assertTrue(!command.selects("com.acme.WriteBench.run"));
        assertTrue(new JmhCommand(null, null).selects("anything"));
    }

    @Test
    void oneBenchmarkRunsAloneInItsModeWithItsParametersPinned() {
        JmhCommand only = JmhCommand.only("bench.WordCountBench.count", BenchmarkMode.THROUGHPUT,
                Map.of("words", "2000"));

        assertEquals(List.of("^\\Qbench.WordCountBench.count\\E$", "-p", "words=2000", "-bm", "thrpt", "-l"),
                only.listArguments());
        assertTrue(only.selects("bench.WordCountBench.count"));
        assertTrue(!only.selects("bench.WordCountBench.countAll"), "the whole name, not a prefix");
        assertTrue(!only.selects("benchXWordCountBench.count"), "dots are dots");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JmhCommand.only("a.B.c", null,
                Map.of("codec", "json,xml"))).getMessage().contains("which JMH's -p reads as a separator"));
    }

    @Test
    void doublingTheWarmupKeepsTheRestAndItsEstimateCountsEveryFork() {
        JmhSettings smoke = JmhSettings.forProfile("smoke");

        assertEquals(new JmhSettings(2, 4, "1s", 3, "500ms", null), smoke.withWarmupIterations(4));
        assertEquals("2 x 1s", smoke.warmupText());
        // 2 forks x (2 x 1 s + 3 x 0.5 s + 1 s to start each JVM)
        assertEquals(9_000_000_000L, smoke.estimatedNanos());
    }

    @Test
    void badPatternsAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new JmhCommand(List.of("a("), List.of()))
                .getMessage().startsWith("include 'a(' is not a regular expression"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new JmhCommand(List.of("-f"), List.of()))
                .getMessage().contains("which JMH would read as an option"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new JmhCommand(List.of(), List.of("a{1,2}")))
                .getMessage().contains("give each pattern its own <exclude>"));
    }

    @Test
    void readsJmhsListing() {
        List<String> output = List.of("WARNING: something", "Benchmarks: ", "a.B.sum", "a.B.Nested.x", "a.B.sum", "");

        assertEquals(List.of("a.B.sum", "a.B.Nested.x"), JmhCommand.parseList(output));
    }
}
