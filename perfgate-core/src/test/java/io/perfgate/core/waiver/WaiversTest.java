package io.perfgate.core.waiver;

import io.perfgate.core.TestData;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.MetricOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.check.Waived;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.report.ReportWriters;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.perfgate.core.TestData.gate;
import static io.perfgate.core.TestData.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaiversTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final String SOURCE = ".perfgate/waivers.yaml line 2";

    /** 1,000 invocations of 10 ms: p95 = 10 ms, judged against 5 ms (FAIL) and 20 ms (PASS). */
    private static Measurement tenMillis() {
        return TestData.measurement(TestData.repeat(new LatencyHistogram(), ms(10), 1000), 0, null, 1_000_000_000L);
    }

    private static CheckReport slowOrder() {
        List<TestResult> results = List.of(
                TestData.completed("OrderTest", "create", "create()", tenMillis(),
                        gate("LatencyGate", "p95", "5ms", "p99", "5ms")),
                TestData.completed("StockTest", "count", "count()", tenMillis(), gate("LatencyGate", "p95", "20ms")));
        return CheckReport.of("shop", "target/perfgate/index.html", results);
    }

    private static Waiver waiver(String test, String gate, String metric, LocalDate expires) {
        return new Waiver(test, gate, metric, "pricing rewrite, PRJ-42", "alice", expires, SOURCE);
    }

    private static GateOutcome orderGate(CheckReport report) {
        return report.tests().stream().filter(t -> t.label().equals("OrderTest#create")).findFirst().orElseThrow()
                .gates().get(0);
    }

    private static Map<String, Verdict> verdicts(GateOutcome gate) {
        return gate.metrics().stream().collect(Collectors.toMap(m -> m.metric().label(), MetricOutcome::verdict));
    }

    @Test
    void aWaiverForTheTestTurnsEveryFailOfItIntoWaivedAndTheBuildPasses() {
        CheckReport before = slowOrder();
        assertTrue(before.hasBlockingViolations());

        Waivers.Applied applied = Waivers.apply(before, List.of(waiver("OrderTest#create", null, null,
                LocalDate.of(2026, 12, 31))), TODAY);

        CheckReport report = applied.report();
        assertFalse(report.hasBlockingViolations());
        GateOutcome gate = orderGate(report);
        assertEquals(Map.of("p95", Verdict.WAIVED, "p99", Verdict.WAIVED), verdicts(gate));
        assertEquals(Verdict.WAIVED, gate.verdict());
        assertTrue(gate.violated(), "a waived violation is still reported");
        assertEquals(1, report.countsByVerdict().get(Verdict.WAIVED));
        // the measured value and the bound stay in the message, followed by the waiver
        assertTrue(gate.metrics().get(0).message().startsWith("p95 = 10 ms exceeds the threshold 5 ms"),
                gate.metrics().get(0).message());
        assertTrue(gate.metrics().get(0).message().endsWith("; waived by alice until 2026-12-31 (" + SOURCE
                + "): pricing rewrite, PRJ-42"), gate.metrics().get(0).message());
        assertEquals(2, report.waivers().size());
        Waived first = report.waivers().get(0);
        assertEquals(Verdict.FAIL, first.judged());
        assertFalse(first.expired());
        assertEquals(List.of(), applied.unmatched());
    }

    @Test
    void aWaiverForOneMetricLeavesTheOthersFailing() {
        CheckReport report = Waivers.apply(slowOrder(), List.of(waiver("OrderTest#create", "@LatencyGate", "p95",
                TODAY)), TODAY).report();
        GateOutcome gate = orderGate(report);
        assertEquals(Map.of("p95", Verdict.WAIVED, "p99", Verdict.FAIL), verdicts(gate));
        assertEquals(Verdict.FAIL, gate.verdict());
        assertTrue(report.hasBlockingViolations());
        assertEquals(1, report.blockingMessages().size());
        assertTrue(report.blockingMessages().get(0).startsWith("p99 = "), report.blockingMessages().get(0));
    }

    @Test
    void theExpiryDateIsTheLastDayItAppliesAndAnExpiredWaiverIsNamedInTheFailure() {
        Waiver lastDay = waiver("OrderTest#create", null, null, TODAY);
        assertFalse(Waivers.apply(slowOrder(), List.of(lastDay), TODAY).report().hasBlockingViolations());

        Waivers.Applied applied = Waivers.apply(slowOrder(), List.of(lastDay), TODAY.plusDays(1));
        CheckReport report = applied.report();
        assertTrue(report.hasBlockingViolations());
        assertEquals(Map.of("p95", Verdict.FAIL, "p99", Verdict.FAIL), verdicts(orderGate(report)));
        String message = report.blockingMessages().get(0);
        assertTrue(message.startsWith("p95 = 10 ms exceeds the threshold 5 ms"), message);
        assertTrue(message.endsWith("; the waiver approved by alice (" + SOURCE + ") expired on 2026-06-01 and no"
                + " longer applies: make the code meet the bound, or renew the waiver with a new expiry and approval"),
                message);
        assertTrue(report.waivers().stream().allMatch(Waived::expired));
        assertEquals(List.of("EXPIRED", "EXPIRED"), report.waivers().stream().map(Waived::status).toList());
        Map<String, String> files = ReportWriters.all().stream()
                .collect(Collectors.toMap(w -> w.fileName(), w -> w.render(report)));
        assertTrue(files.get("index.html").contains("<tr><td class=\"verdict v-FAIL\">EXPIRED</td><td>OrderTest#create"),
                files.get("index.html"));
        assertTrue(files.get("summary.md").contains("| EXPIRED | OrderTest#create | `@LatencyGate` | p95 | FAIL |"),
                files.get("summary.md"));
        assertTrue(files.get("summary.json").contains("\"status\" : \"EXPIRED\""), files.get("summary.json"));
        assertEquals(List.of(), applied.unmatched(), "an expired waiver that met its violation is not stale");
    }

    @Test
    void aValidWaiverWinsOverAnExpiredOneForTheSameMetric() {
        CheckReport report = Waivers.apply(slowOrder(), List.of(
                waiver("OrderTest#create", null, null, TODAY.minusDays(1)),
                waiver("OrderTest#create", null, null, TODAY.plusDays(30))), TODAY).report();
        assertFalse(report.hasBlockingViolations());
    }

    @Test
    void aWaiverMatchingNoViolationIsUnmatchedAndChangesNothing() {
        CheckReport before = slowOrder();
        List<Waiver> waivers = List.of(
                waiver("StockTest#count", null, null, TODAY),            // passes: nothing to waive
                waiver("OrderTest#create", "ThroughputGate", null, TODAY), // no such gate
                waiver("OrderTest#create", null, "p50", TODAY),          // no such metric
                waiver("NoSuchTest#x", null, null, TODAY));
        Waivers.Applied applied = Waivers.apply(before, waivers, TODAY);
        assertEquals(waivers, applied.unmatched());
        assertTrue(applied.report().hasBlockingViolations());
        assertEquals(before.tests(), applied.report().tests());
    }

    @Test
    void theTestIsNamedByLabelOrFullyQualifiedClassAndTheMetricByLabelOrAttribute() {
        TestResult result = TestData.completed("OrderTest", "create", "create()", tenMillis(),
                gate("LatencyGate", "p95", "5ms"));
        TestOutcome test = CheckReport.of("shop", null, List.of(result)).tests().get(0);
        GateOutcome gate = test.gates().get(0);
        MetricOutcome p95 = gate.metrics().get(0);
        String qualified = result.className() + "#create";
        assertTrue(waiver(qualified, "LatencyGate", "P95", TODAY).covers(test, gate, p95));
        assertTrue(waiver(test.label(), null, "p95", TODAY).covers(test, gate, p95));
        assertFalse(waiver("OrderTest#creat", null, null, TODAY).covers(test, gate, p95));
        assertFalse(waiver(test.label(), "MemoryGate", null, TODAY).covers(test, gate, p95));
    }

    @Test
    void aGateThatCouldNotBeJudgedIsNotWaivable() {
        TestResult crashed = TestData.declared("OrderTest", "create", "create()", gate("LatencyGate", "p95", "5ms"));
        CheckReport before = CheckReport.of("shop", null, List.of(crashed));
        Waivers.Applied applied = Waivers.apply(before, List.of(waiver("OrderTest#create", null, null, TODAY)), TODAY);
        assertTrue(applied.report().hasBlockingViolations(), "no data is never a pass, waiver or not");
        assertEquals(1, applied.unmatched().size());
    }

    @Test
    void everyReportFormatShowsTheWaivedViolationAndTheWaiver() {
        CheckReport report = Waivers.apply(slowOrder(), List.of(waiver("OrderTest#create", null, "p95", TODAY),
                waiver("OrderTest#create", null, "p99", TODAY)), TODAY).report();
        Map<String, String> files = ReportWriters.all().stream()
                .collect(Collectors.toMap(w -> w.fileName(), w -> w.render(report)));
        String html = files.get("index.html");
        assertTrue(html.contains("<span class=\"verdict v-WAIVED\">WAIVED</span>"), "violation list");
        assertTrue(html.contains("<h2 id=\"waivers\">Waivers</h2>"), "waiver table");
        assertTrue(html.contains("<td>alice</td><td>2026-06-01</td><td>pricing rewrite, PRJ-42</td>"), html);
        assertTrue(html.contains("perfgate: PASSED - 2 non-blocking violations"), "headline");
        assertTrue(html.contains("<th class=\"num\">Waived</th><th class=\"num\">Blocking violations</th></tr>\n"
                + "<tr><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">0</td>"
                + "<td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">0</td>"),
                "summary counts");
        assertTrue(html.contains("<th class=\"num\">Waived</th><th>Verdict</th></tr>\n"), "class table header");
        assertTrue(html.contains("com.example.OrderTest</a></td><td class=\"num\">1</td><td class=\"num\">0</td>"
                + "<td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">0</td>"
                + "<td class=\"num\">1</td><td class=\"verdict v-WAIVED\">WAIVED</td>"), "class table counts");

        String markdown = files.get("summary.md");
        assertTrue(markdown.contains("| WAIVED | no | OrderTest#create | `@LatencyGate` | p95 |"), markdown);
        assertTrue(markdown.contains("### Waivers"), markdown);
        assertTrue(markdown.contains("| WAIVED | OrderTest#create | `@LatencyGate` | p95 | FAIL | alice | 2026-06-01 |"),
                markdown);
        assertTrue(markdown.contains("1 waived"), markdown);

        String json = files.get("summary.json");
        assertTrue(json.contains("\"status\" : \"PASSED\""), json);
        assertTrue(json.contains("\"waived\" : 1"), json);
        assertTrue(json.contains("\"approver\" : \"alice\""), json);
        assertTrue(json.contains("\"verdict\" : \"WAIVED\""), json);

        String xml = files.get("TEST-perfgate.xml");
        assertFalse(xml.contains("<failure"), xml);
        assertTrue(xml.contains("<system-out>WAIVED (BLOCKING): p95 = 10 ms exceeds the threshold 5 ms"), xml);
    }

    @Test
    void aWaivedReportKeepsTheLabelsThatTellTwoClassesOfOneSimpleNameApart() {
        List<TestResult> results = List.of(
                TestData.completed("billing.OrderTest", "create", "create()", tenMillis(),
                        gate("LatencyGate", "p95", "5ms")),
                TestData.completed("shipping.OrderTest", "create", "create()", tenMillis(),
                        gate("LatencyGate", "p95", "20ms")));
        CheckReport before = CheckReport.of("shop", "target/perfgate/index.html", results);

        CheckReport report = Waivers.apply(before, List.of(waiver("billing.OrderTest#create", null, null,
                LocalDate.of(2026, 12, 31))), TODAY).report();

        assertEquals(List.of("billing.OrderTest#create", "shipping.OrderTest#create"),
                before.tests().stream().map(TestOutcome::label).toList());
        assertEquals(List.of("billing.OrderTest#create", "shipping.OrderTest#create"),
                report.tests().stream().map(TestOutcome::label).toList());
        assertEquals(Verdict.WAIVED, report.tests().get(0).verdict());
        assertEquals("billing.OrderTest#create", report.waivers().get(0).test());

        Waivers.Applied bare = Waivers.apply(before, List.of(waiver("OrderTest#create", null, null,
                LocalDate.of(2026, 12, 31))), TODAY);
        assertEquals(Verdict.FAIL, bare.report().tests().get(0).verdict(), "a bare name of two classes waives none");
        assertEquals(1, bare.unmatched().size());
    }
}
