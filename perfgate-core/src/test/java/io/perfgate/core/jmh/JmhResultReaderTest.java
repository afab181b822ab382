package io.perfgate.core.jmh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhResultReaderTest {

    @Test
    void aRetrysEntriesReplaceThoseOfTheSameBenchmarkModeAndParameters(@TempDir Path directory) throws Exception {
        Path first = directory.resolve("first.json");
        Path retry = directory.resolve("retry.json");
        Files.writeString(first, "[" + entry("a.B.c", "avgt", "1", 1.0) + ", " + entry("a.B.c", "avgt", "2", 2.0)
                + ", " + entry("a.B.c", "thrpt", "1", 3.0) + "]");
        Files.writeString(retry, "[" + entry("a.B.c", "avgt", "1", 9.0) + "]");

        List<JmhRun> retried = JmhResultReader.replaceEntries(first, retry);

        assertEquals(List.of(9.0), retried.stream().map(run -> run.primaryMetric().score()).toList(),
                "the retry's runs");
        List<JmhRun> merged = JmhResultReader.read(first);
        assertEquals(List.of(9.0, 2.0, 3.0), merged.stream().map(run -> run.primaryMetric().score()).toList());
        assertEquals(Double.NaN, merged.get(0).primaryMetric().scoreError(), "JMH's \"NaN\" stays readable");
    }

    private static String entry(String benchmark, String mode, String size, double score) {
        return "{\"benchmark\" : \"" + benchmark + "\", \"mode\" : \"" + mode + "\", \"params\" : {\"size\" : \""
                + size + "\"}, \"primaryMetric\" : {\"score\" : " + score + ", \"scoreError\" : \"NaN\","
                + " \"scoreUnit\" : \"us/op\"}}";
    }

    @Test
    void readsEveryRunOfARealResultWithModesParamsAndProfilerMetrics() {
        List<JmhRun> runs = JmhFixtures.runs();

        assertEquals(7, runs.size());
        JmhRun sum = runs.get(0);
        assertEquals("fixture.FixtureBench.sum", sum.benchmark());
        assertEquals(BenchmarkMode.THROUGHPUT, sum.mode());
        assertEquals(Map.of("size", "10"), sum.params());
        assertEquals("ops/us", sum.primaryMetric().scoreUnit());
        assertEquals(2, sum.forks());
        assertEquals(2, sum.primaryMetric().rawData().size(), "one list per fork");
        assertEquals(2, sum.primaryMetric().rawData().get(0).size(), "one score per iteration");
        assertEquals("B/op", sum.secondaryMetrics().get("gc.alloc.rate.norm").scoreUnit());
        assertEquals("100 ms", sum.measurementTime());

        JmhRun copy = runs.get(6);
        assertEquals(BenchmarkMode.SAMPLE_TIME, copy.mode());
        assertEquals(Map.of(), copy.params());
        assertEquals(2, copy.primaryMetric().rawDataHistogram().size());
        assertTrue(copy.primaryMetric().rawDataHistogram().get(0).get(0).stream().allMatch(s -> s.count() > 0));
    }

    @Test
    void readsJmhsNanAndInfinityStrings() {
        List<JmhRun> runs = JmhResultReader.parse(json("\"NaN\"", "\"+INF\"", "[[1.5, \"-INF\"]]"), "r.json");

        JmhMetric primary = runs.get(0).primaryMetric();
        assertTrue(Double.isNaN(primary.score()));
        assertEquals(Double.POSITIVE_INFINITY, primary.scoreError());
        assertEquals(List.of(1.5, Double.NEGATIVE_INFINITY), primary.rawData().get(0));
    }

    @Test
    void dropsTheMiddleDotOfOlderProfilerMetricNames() {
        String json = json("12.5", "0.5", "[[12.5]]").replace("\"secondaryMetrics\" : {}",
                "\"secondaryMetrics\" : {\"\u00b7gc.alloc.rate.norm\" : {\"score\" : 24.0, \"scoreError\" : \"NaN\","
                        + " \"scoreUnit\" : \"B/op\", \"rawData\" : [[24.0]]}}");

        JmhRun run = JmhResultReader.parse(json, "r.json").get(0);

        assertEquals(24.0, run.secondaryMetrics().get("gc.alloc.rate.norm").score());
    }

    @Test
    void rejectsATruncatedFileNamingIt(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("jmh-result.json");
        String whole = JmhFixtures.text("fixture-result.json");
        Files.writeString(file, whole.substring(0, whole.length() / 2));

        JmhResultException error = assertThrows(JmhResultException.class, () -> JmhResultReader.read(file));

        assertTrue(error.getMessage().startsWith(file + ": not a valid JMH JSON result"), error.getMessage());
    }

    @Test
    void rejectsAMissingOrEmptyFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("jmh-result.json");
        assertEquals(file + ": JMH wrote no result file",
                assertThrows(JmhResultException.class, () -> JmhResultReader.read(file)).getMessage());

        Files.writeString(file, "");
        assertTrue(assertThrows(JmhResultException.class, () -> JmhResultReader.read(file)).getMessage()
                .contains("the JMH result is empty"));
    }

    @Test
    void rejectsWhatIsNotAnArrayOfRuns() {
        JmhResultException error = assertThrows(JmhResultException.class,
                () -> JmhResultReader.parse("{\"benchmark\" : \"a.B.c\"}", "r.json"));

        assertEquals("r.json: not a JMH JSON result: expected an array of benchmark runs, found object",
                error.getMessage());
    }

    @Test
    void namesTheBenchmarkAndFieldThatIsWrong() {
        assertEquals("r.json: entry 1 (benchmark a.B.c) has primaryMetric.score = \"fast\", which is not a number",
                assertThrows(JmhResultException.class,
                        () -> JmhResultReader.parse(json("\"fast\"", "1", "[[1]]"), "r.json")).getMessage());
        assertEquals("r.json: entry 1 (benchmark a.B.c) has no primaryMetric",
                assertThrows(JmhResultException.class, () -> JmhResultReader.parse(
                        "[{\"benchmark\" : \"a.B.c\", \"mode\" : \"thrpt\"}]", "r.json")).getMessage());
        assertEquals("r.json: entry 1 (benchmark a.B.c) has mode 'fastest'; expected one of thrpt, avgt, sample, ss",
                assertThrows(JmhResultException.class, () -> JmhResultReader.parse(
                        json("1", "1", "[[1]]").replace("\"thrpt\"", "\"fastest\""), "r.json")).getMessage());
        assertEquals("r.json: entry 1 has no 'benchmark'",
                assertThrows(JmhResultException.class, () -> JmhResultReader.parse("[{}]", "r.json")).getMessage());
        assertTrue(assertThrows(JmhResultException.class, () -> JmhResultReader.parse(
                        json("1", "1", "[[1]]").replace("\"rawData\" : [[1]]", "\"rawData\" : 7"), "r.json"))
                .getMessage().contains("primaryMetric.rawData that is not an array"));
    }

    /** A minimal run in the shape JMH writes. */
    static String json(String score, String error, String rawData) {
        return "[{\"jmhVersion\" : \"1.37\", \"benchmark\" : \"a.B.c\", \"mode\" : \"thrpt\", \"threads\" : 1,"
                + " \"forks\" : 1, \"measurementIterations\" : 1, \"measurementTime\" : \"1 s\","
                + " \"primaryMetric\" : {\"score\" : " + score + ", \"scoreError\" : " + error
                + ", \"scoreUnit\" : \"ops/s\", \"rawData\" : " + rawData + "},"
                + " \"secondaryMetrics\" : {}}]";
    }
}
