package io.perfgate.core.importer;

import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImporterTest {
    static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
            + "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect";
    static final long T0 = 1_764_500_000_000L;

    @TempDir
    Path dir;

    /** 1,100 successes of "GET users" at 1..1,100 ms, and four failures of four kinds on "POST order". */
    static String jtl(long t0) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 1100; i++) {
            text.append(t0 + i * 10L).append(',').append(i).append(",GET users,200,OK,Users 1-1,text,true,,10,10,1,1,"
                    + "http://127.0.0.1/users,").append(i).append(",0,0\n");
        }
        // quoted fields holding the delimiter, a doubled quote and a line break, as JMeter writes them
        text.append(t0 + 5).append(",7,POST order,500,\"Server Error, \"\"db\"\"\nretry later\",Order 1-1,text,false,,1,1,1,1,u,7,0,0\n");
        text.append(t0 + 6).append(",3,POST order,Non HTTP response code: java.net.ConnectException,"
                + "Non HTTP response message: Connection refused,Order 1-1,text,false,,0,0,1,1,u,0,0,0\n");
        text.append(t0 + 7).append(",5000,POST order,Non HTTP response code: java.net.SocketTimeoutException,"
                + "Non HTTP response message: Read timed out,Order 1-1,text,false,,0,0,1,1,u,0,0,0\n");
        text.append(t0 + 8).append(",4,POST order,200,OK,Order 1-1,text,false,Test failed: text expected to contain /id/,"
                + "1,1,1,1,u,4,0,0\n");
        return text.toString();
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private ImportDefinition definition(String yamlEntry) throws IOException {
        Path file = write("import.yaml", "imports:\n" + yamlEntry);
        return ImportFile.read(file).get(0);
    }

    private static TestOutcome judge(TestResult result) {
        return new GateEvaluator("target/perfgate/index.html").evaluate(result);
    }

    private static String messages(TestOutcome outcome) {
        return outcome.gates().stream().flatMap(gate -> gate.violationMessages().stream()).collect(Collectors.joining("\n"));
    }

    @Test
    void jmeterCsvIsCountedPerLabelWithErrorsByKindAndOutOfLatency() throws IOException {
        write("results/run.csv", jtl(T0));
        Importer.Outcome outcome = Importer.run(definition("""
                  - name: shop
                    files: results/*.csv
                    gates:
                      latency: {p99: 2s}
                      errorRate: {max: 1%}
                    endpoints:
                      POST order: {errorRate: {max: 10%}}
                """), dir);
        assertNull(outcome.failure());
        TestResult result = outcome.result();
        assertEquals(io.perfgate.core.result.ResultKind.LOAD, result.kind());
        assertEquals("JMeter", result.imported().engine());
        assertEquals("import.yaml#shop", result.label());
        Measurement users = result.endpoints().get("GET users");
        Measurement order = result.endpoints().get("POST order");
        assertEquals(1100, users.invocations());
        assertEquals(0, users.errors());
        assertEquals(4, order.invocations());
        assertEquals(Map.of("status 500", 1L, "connection", 1L, "timeout", 1L, "assertion", 1L), order.errorsByKind());
        assertEquals("500 Server Error, \"db\"\nretry later", order.firstError());
        assertNull(order.latencyHistogram(), "failed samples are kept out of latency");
        LatencyHistogram latency = LatencyHistogram.decode(users.latencyHistogram());
        assertEquals(1089e6, latency.valueAtQuantile(0.99), 1e6); // rank ceil(0.99 * 1100) = 1089 ms, 3 digits
        assertEquals(550.5e6, latency.mean(), 1e6);
        assertEquals(1104, result.measurement().invocations());
        assertEquals(10, result.measurement().rounds().size());

        TestOutcome judged = judge(result);
        assertEquals(Verdict.FAIL, judged.verdict()); // 4 of 1,104 overall is 0.36%: the order endpoint's 100% fails
        GateOutcome orderGate = judged.gates().stream().filter(gate -> "POST order".equals(gate.declaration().scope()))
                .findFirst().orElseThrow();
        assertEquals(Verdict.FAIL, orderGate.verdict());
        assertTrue(messages(judged).contains("POST order"), messages(judged));
    }

    @Test
    void jmeterXmlCountsTopLevelSamplesOnly() throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testResults version=\"1.2\">\n");
        for (int i = 0; i < 20; i++) {
            xml.append("<httpSample t=\"").append(10 + i).append("\" ts=\"").append(T0 + i).append("\" s=\"true\" lb=\"home\" rc=\"200\" rm=\"OK\" tn=\"g 1-1\">\n")
                    .append("  <httpSample t=\"3\" ts=\"").append(T0 + i).append("\" s=\"true\" lb=\"home-0\" rc=\"200\" rm=\"OK\" tn=\"g 1-1\"/>\n")
                    .append("</httpSample>\n");
        }
        xml.append("<sample t=\"9\" ts=\"").append(T0 + 30).append("\" s=\"false\" lb=\"tx\" rc=\"503\" rm=\"Busy\" tn=\"g 1-1\"/>\n");
        write("run.jtl", xml + "</testResults>\n");
        Importer.Outcome outcome = Importer.run(definition("  - {name: xml, files: run.jtl}\n"), dir);
        assertNull(outcome.failure());
        assertEquals(Map.of("home", 20L, "tx", 1L), outcome.result().endpoints().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().invocations())));
        assertEquals(Map.of("status 503", 1L), outcome.result().endpoints().get("tx").errorsByKind());

        // the engine's run was timed, not this JVM: its options and version do not belong to the result
        assertNull(outcome.result().environment().javaVersion());
        assertEquals(List.of(), outcome.result().environment().timingDistortions());
        assertEquals(Runtime.getRuntime().availableProcessors(), outcome.result().environment().availableProcessors());

        write("cut.jtl", xml.substring(0, xml.length() - 40));
        Importer.Outcome cut = Importer.run(definition("  - {name: cut, files: cut.jtl}\n"), dir);
        assertTrue(cut.failure().matches("(?s).*cut\\.jtl:\\d+: not well-formed JTL XML.*"), cut.failure());
    }

    @Test
    void badFilesNeverPassAndNameTheFileAndLine() throws IOException {
        String good = jtl(T0);
        // the last line cut off mid-way; line 1106, as a quoted field of an earlier record spans two lines
        write("truncated.csv", good.substring(0, good.length() - 12));
        write("empty.csv", "");
        write("header-only.csv", HEADER + "\n");
        write("unknown.txt", "hello world\n");
        write("bad-number.csv", HEADER + "\n" + T0 + ",12x,a,200,OK,t,text,true,,1,1,1,1,u,1,0,0\n");
        Map<String, String> expected = Map.of(
                "truncated.csv", "truncated.csv:1106: has 12 fields where the header has 17",
                "empty.csv", "empty.csv: the file is empty (zero samples",
                "header-only.csv", "header-only.csv: has a header but no samples (zero samples",
                "unknown.txt", "unknown.txt: not a format perfgate imports (its first line: 'hello world')",
                "bad-number.csv", "bad-number.csv:2: elapsed is '12x', not a whole number",
                "missing.csv", "missing.csv: no such file",
                "nothing/*.csv", "no file matches 'nothing/*.csv'");
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            Importer.Outcome outcome = Importer.run(definition("  - name: bad\n    files: " + entry.getKey()
                    + "\n    gates: {latency: {p50: 10s}}\n"), dir);
            assertNotNull(outcome.failure(), entry.getKey());
            assertTrue(outcome.failure().contains(entry.getValue()), entry.getKey() + ": " + outcome.failure());
            assertEquals(ResultStatus.DECLARED, outcome.result().status());
            TestOutcome judged = judge(outcome.result());
            assertEquals(Verdict.FAIL, judged.verdict(), entry.getKey());
            assertTrue(messages(judged).contains(entry.getValue()), messages(judged));
        }
    }

    /** k6 cannot be installed here: the lines follow k6's documented --out json format (Metric and Point lines). */
    @Test
    void k6JsonStreamPointsAreRequestsAndZeroPointsNeverPass() throws IOException {
        StringBuilder stream = new StringBuilder(
                "{\"type\":\"Metric\",\"data\":{\"type\":\"trend\",\"contains\":\"time\",\"thresholds\":[],\"submetrics\":null},\"metric\":\"http_req_duration\"}\n");
        for (int i = 0; i < 50; i++) {
            stream.append("{\"type\":\"Point\",\"data\":{\"time\":\"2026-11-30T14:00:0").append(i / 10).append(".").append(100 + i)
                    .append("000000+01:00\",\"value\":").append(2.5 + i).append(",\"tags\":{\"expected_response\":\"true\","
                            + "\"method\":\"GET\",\"name\":\"users\",\"status\":\"200\",\"url\":\"http://127.0.0.1/u\"}},\"metric\":\"http_req_duration\"}\n");
            stream.append("{\"type\":\"Point\",\"data\":{\"time\":\"2026-11-30T14:00:00.1+01:00\",\"value\":1,\"tags\":null},\"metric\":\"vus\"}\n");
        }
        stream.append("{\"type\":\"Point\",\"data\":{\"time\":\"2026-11-30T14:00:05.000+01:00\",\"value\":60000.1,\"tags\":{\"expected_response\":\"false\","
                + "\"error\":\"request timeout\",\"error_code\":\"1050\",\"method\":\"GET\",\"name\":\"users\",\"status\":\"0\",\"url\":\"http://127.0.0.1/u\"}},\"metric\":\"http_req_duration\"}\n");
        write("k6.json", stream.toString());
        Importer.Outcome outcome = Importer.run(definition("  - {name: k6, files: k6.json}\n"), dir);
        assertNull(outcome.failure());
        Measurement users = outcome.result().endpoints().get("users");
        assertEquals(51, users.invocations());
        assertEquals(Map.of("timeout", 1L), users.errorsByKind());
        assertEquals(51.5e6, LatencyHistogram.decode(users.latencyHistogram()).max(), 0.1e6);
        assertEquals("k6", outcome.result().imported().engine());

        write("k6-empty.json", stream.toString().lines().filter(line -> !line.contains("http_req_duration\"}") || line.contains("Metric"))
                .collect(Collectors.joining("\n")));
        Importer.Outcome empty = Importer.run(definition("  - {name: k6, files: k6-empty.json, gates: {latency: {p95: 1s}}}\n"), dir);
        assertTrue(empty.failure().contains("has no http_req_duration points (zero samples"), empty.failure());
        assertEquals(Verdict.FAIL, judge(empty.result()).verdict());
    }

    /** The summary follows k6's documented --summary-export format; k6 itself cannot run here. */
    @Test
    void k6SummaryGatesOnlyThePercentilesK6Reports() throws IOException {
        write("summary.json", """
                {"metrics": {
                  "http_req_duration": {"avg": 12.1, "min": 1.5, "med": 10.25, "max": 250.0, "p(90)": 20.5, "p(95)": 30.75},
                  "http_reqs": {"count": 2000, "rate": 200.0},
                  "http_req_failed": {"passes": 10, "fails": 1990, "value": 0.005}
                }, "root_group": {"name": "", "path": "", "id": "d41d8cd98f00b204e9800998ecf8427e", "groups": {}, "checks": {}}}
                """);
        Importer.Outcome outcome = Importer.run(definition("  - {name: s, files: summary.json, gates: {latency: {p95: 31ms}, errorRate: {max: 1%}}}\n"), dir);
        assertNull(outcome.failure());
        LatencyHistogram latency = LatencyHistogram.decode(outcome.result().measurement().latencyHistogram());
        assertEquals(30.75e6, latency.valueAtQuantile(0.95), 0.05e6);
        assertEquals(20.5e6, latency.valueAtQuantile(0.90), 0.05e6);
        assertEquals(10, outcome.result().measurement().errors());
        assertEquals(Verdict.PASS, judge(outcome.result()).verdict());
        assertTrue(outcome.result().imported().note().contains("k6's own summary figures"));

        Importer.Outcome p99 = Importer.run(definition("  - {name: s, files: summary.json, gates: {latency: {p99: 1s}}}\n"), dir);
        assertTrue(p99.failure().contains("report [max, p50, p90, p95] but not p99"), p99.failure());
    }

    @Test
    void gatlingStatisticsAreGatlingsOwnFigures() throws IOException {
        write("stats.json", """
                {"type": "GROUP", "name": "All Requests", "path": "", "pathFormatted": "group_missing-name",
                 "stats": {"name": "All Requests", "numberOfRequests": {"total": "1200", "ok": "1190", "ko": "10"},
                   "minResponseTime": {"total": "2", "ok": "2", "ko": "5"}, "maxResponseTime": {"total": "900", "ok": "900", "ko": "60"},
                   "meanResponseTime": {"total": "20", "ok": "20", "ko": "30"},
                   "percentiles1": {"total": "15", "ok": "15", "ko": "30"}, "percentiles2": {"total": "22", "ok": "22", "ko": "40"},
                   "percentiles3": {"total": "80", "ok": "80", "ko": "55"}, "percentiles4": {"total": "300", "ok": "310", "ko": "60"},
                   "meanNumberOfRequestsPerSecond": {"total": "60.0", "ok": "59.5", "ko": "0.5"}},
                 "contents": {"req_home": {"type": "REQUEST", "name": "home", "path": "home", "pathFormatted": "req_home",
                   "stats": {"name": "home", "numberOfRequests": {"total": "1200", "ok": "1190", "ko": "10"},
                   "minResponseTime": {"total": "2", "ok": "2", "ko": "5"}, "maxResponseTime": {"total": "900", "ok": "900", "ko": "60"},
                   "percentiles1": {"total": "15", "ok": "15", "ko": "30"}, "percentiles2": {"total": "22", "ok": "22", "ko": "40"},
                   "percentiles3": {"total": "80", "ok": "80", "ko": "55"}, "percentiles4": {"total": "300", "ok": "310", "ko": "60"}}}}}
                """);
        Importer.Outcome outcome = Importer.run(definition("  - {name: g, files: stats.json}\n"), dir);
        assertNull(outcome.failure());
        LatencyHistogram home = LatencyHistogram.decode(outcome.result().endpoints().get("home").latencyHistogram());
        assertEquals(80e6, home.valueAtQuantile(0.95), 0.1e6);
        assertEquals(310e6, home.valueAtQuantile(0.99), 0.3e6);
        assertEquals(1190, home.count());
        assertEquals("Gatling", outcome.result().imported().engine());
        assertEquals(20.0, outcome.result().measurement().durationNanos() / 1e9, 0.01); // 1,200 requests at 60/s
    }

    /** Gatling 3.12+ (here 3.13.5) writes no stats.json: js/stats.js assigns the same object, some names unquoted. */
    static String gatlingStatsJs(String request, int total, int ko, int p50, int p75, int p95, int p99) {
        String stats = """
                stats: {
                    "name": "%s",
                    "numberOfRequests": {
                        "total": "%d",
                        "ok": "%d",
                        "ko": "%d"
                    },
                    "minResponseTime": {
                        "total": "0",
                        "ok": "0",
                        "ko": "1"
                    },
                    "maxResponseTime": {
                        "total": "486",
                        "ok": "486",
                        "ko": "12"
                    },
                    "percentiles1": {
                        "total": "%d",
                        "ok": "%d",
                        "ko": "-"
                    },
                    "percentiles2": {
                        "total": "%d",
                        "ok": "%d",
                        "ko": "-"
                    },
                    "percentiles3": {
                        "total": "%d",
                        "ok": "%d",
                        "ko": "-"
                    },
                    "percentiles4": {
                        "total": "%d",
                        "ok": "%d",
                        "ko": "-"
                    },
                    "group1": {
                    "name": "t < 800 ms",
                    "htmlName": "t < 800 ms",
                    "count": 0,
                    "percentage": 0.0
                },
                    "meanNumberOfRequestsPerSecond": {
                        "total": "150",
                        "ok": "100",
                        "ko": "50"
                    }
                }""";
        return "var stats = {\n    type: \"GROUP\",\nname: \"All Requests\",\npath: \"\",\n"
                + "pathFormatted: \"group_missing-name--1146707516\",\n"
                + stats.formatted("All Requests", total, total - ko, ko, p50, p50, p75, p75, p95, p95, p99, p99)
                + ",\ncontents: {\n\"req_get-health-548368006\": {\n        type: \"REQUEST\",\n        name: \"" + request
                + "\",\npath: \"" + request + "\",\npathFormatted: \"req_get-health-548368006\",\n"
                + stats.formatted(request, total, total - ko, ko, p50, p50, p75, p75, p95, p95, p99, p99)
                + "\n    }\n}\n\n}\n\nfunction fillStats(stat){\n    $(\"#numberOfRequests\").append(stat.numberOfRequests.total);\n}\n";
    }

    @Test
    void gatlingStatsJsOfGatling3_12AndLaterIsRead() throws IOException {
        write("gatling/usersapisimulation-20261130172923631/js/stats.js",
                gatlingStatsJs("GET health", 600, 200, 1, 2, 33, 94));
        Importer.Outcome outcome = Importer.run(definition(
                "  - {name: g, files: 'gatling/*/js/stats.js', gates: {latency: {p95: 40ms}, errorRate: {max: 40%}}}\n"), dir);
        assertNull(outcome.failure());
        assertEquals("Gatling", outcome.result().imported().engine());
        Measurement overall = outcome.result().measurement();
        assertEquals(600, overall.invocations());
        assertEquals(200, overall.errors());
        LatencyHistogram health = LatencyHistogram.decode(outcome.result().endpoints().get("GET health").latencyHistogram());
        assertEquals(400, health.count());
        assertEquals(33e6, health.valueAtQuantile(0.95), 0.05e6);
        assertEquals(94e6, health.valueAtQuantile(0.99), 0.1e6);
        assertEquals(1e6, health.valueAtQuantile(0.50), 0.01e6);
        assertEquals(Verdict.PASS, judge(outcome.result()).verdict());
        assertTrue(outcome.result().imported().note().contains("Gatling's own report statistics"));
        // the log shows Gatling's figures only: no mean or p90, which Gatling's statistics do not give
        String line = outcome.summary().lines().filter(text -> text.contains("GET health:")).findFirst().orElseThrow();
        assertTrue(line.matches(" *GET health: 600 samples, 200 errors \\{KO=200}; p50 1\\.\\d+ ms, p95 33\\.\\d+ ms,"
                + " p99 9[34]\\.\\d+ ms, max 48[67]\\.\\d+ ms \\(Gatling's own figures\\)"), line);
    }

    @Test
    void aRequestNamesGateOnAFigureGatlingDoesNotReportFails() throws IOException {
        write("stats.js", gatlingStatsJs("GET health", 600, 0, 1, 2, 33, 94));
        Importer.Outcome outcome = Importer.run(definition(
                "  - {name: g, files: stats.js, endpoints: {GET health: {latency: {p90: 1s}}}}\n"), dir);
        assertNotNull(outcome.failure());
        assertTrue(outcome.failure().contains("report [max, p50, p95, p99] but not p90"), outcome.failure());
    }

    /** The column heads of Gatling's index.html, the only place its report names the percentiles it computed. */
    static String gatlingIndex(String... ranks) {
        StringBuilder html = new StringBuilder("<html><table><tr><th id=\"col-1\" class=\"header sortable\"><span>Total</span></th>\n");
        for (int i = 0; i < ranks.length; i++) {
            html.append("<th id=\"col-").append(8 + i).append("\" class=\"header sortable\"><span>").append(ranks[i])
                    .append("th pct</span></th>\n");
        }
        return html.append("</tr></table></html>\n").toString();
    }

    @Test
    void gatlingsPercentilesAreTheOnesItsReportNames() throws IOException {
        // gatling.charting.indicators set to 50, 90, 95, 99.9: percentiles2 is p90 and percentiles4 no perfgate metric
        write("run/js/stats.js", gatlingStatsJs("GET health", 600, 0, 1, 20, 33, 94));
        write("run/index.html", gatlingIndex("50", "90", "95", "99.9"));
        Importer.Outcome outcome = Importer.run(definition(
                "  - {name: g, files: run/js/stats.js, gates: {latency: {p90: 21ms}}}\n"), dir);
        assertNull(outcome.failure());
        LatencyHistogram latency = LatencyHistogram.decode(outcome.result().measurement().latencyHistogram());
        assertEquals(20e6, latency.valueAtQuantile(0.90), 0.05e6);
        assertEquals(94e6, latency.valueAtQuantile(0.999), 0.1e6);
        assertEquals(Verdict.PASS, judge(outcome.result()).verdict());
        assertTrue(outcome.result().imported().note().contains("percentiles 50, 90, 95, 99.9"), outcome.result().imported().note());
        Importer.Outcome p99 = Importer.run(definition("  - {name: g, files: run/js/stats.js, gates: {latency: {p99: 1s}}}\n"), dir);
        assertTrue(p99.failure().contains("report [max, p50, p90, p95] but not p99"), p99.failure());

        // without the page: Gatling's defaults, and the note says they could not be confirmed
        write("bare/stats.js", gatlingStatsJs("GET health", 600, 0, 1, 20, 33, 94));
        Importer.Outcome bare = Importer.run(definition("  - {name: g, files: bare/stats.js, gates: {latency: {p95: 1s}}}\n"), dir);
        assertNull(bare.failure());
        assertTrue(bare.result().imported().note().contains("percentiles 50, 75, 95, 99 of successful requests"));
        assertTrue(bare.result().imported().note().contains("no index.html beside js/ to confirm them"));
    }

    @Test
    void aTruncatedGatlingStatsJsNamesTheFileAndLine() throws IOException {
        String whole = gatlingStatsJs("GET health", 600, 0, 1, 2, 33, 94);
        Path file = write("stats.js", whole.substring(0, whole.indexOf("\"percentiles3\"")));
        Importer.Outcome outcome = Importer.run(definition("  - {name: g, files: stats.js, gates: {latency: {p95: 1s}}}\n"), dir);
        assertNotNull(outcome.failure());
        assertTrue(outcome.failure().matches("(?s).*" + java.util.regex.Pattern.quote(file.toString()) + ":\\d+: not valid statistics.*"),
                outcome.failure());
    }

    @Test
    void throughputIsTheSumOverTheWindowTheFilesShare() throws IOException {
        // two generators, each 100 requests/s for 11 s; the second starts 5 s later: 6 s shared
        StringBuilder a = new StringBuilder(HEADER).append('\n');
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 1100; i++) {
            a.append(T0 + i * 10L).append(",1,x,200,OK,t,text,true,,1,1,1,1,u,1,0,0\n");
            b.append(T0 + 5000 + i * 10L).append(",1,x,200,OK,t,text,true,,1,1,1,1,u,1,0,0\n");
        }
        write("gen/a.csv", a.toString());
        write("gen/b.csv", b.toString());
        Importer.Outcome outcome = Importer.run(definition("  - {name: two, files: 'gen/*.csv', gates: {throughput: {min: 190/s}}}\n"), dir);
        assertNull(outcome.failure());
        Measurement overall = outcome.result().measurement();
        assertEquals(2200, overall.invocations());
        assertEquals(200, overall.successes() * 1e9 / overall.durationNanos(), 2);
        assertEquals(Verdict.PASS, judge(outcome.result()).verdict());
        assertTrue(outcome.result().imported().note().contains("throughput:"), outcome.result().imported().note());
        assertEquals(List.of(dir.resolve("gen/a.csv"), dir.resolve("gen/b.csv")), outcome.files());
    }
}
