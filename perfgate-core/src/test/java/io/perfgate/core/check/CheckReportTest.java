package io.perfgate.core.check;

import io.perfgate.core.TestData;
import io.perfgate.core.gate.Level;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.perfgate.core.TestData.gate;
import static io.perfgate.core.TestData.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckReportTest {
    private static Measurement fast() {
        return TestData.measurement(TestData.repeat(new LatencyHistogram(), ms(10), 1000), 0, null, 1_000_000_000L);
    }

    @Test
    void countsTestsByVerdictAndListsBlockingViolations() {
        List<TestResult> results = List.of(
                TestData.completed("ZetaTest", "passes", "passes()", fast(), gate("LatencyGate", "p95", "20ms")),
                TestData.completed("AlphaTest", "warns", "warns()", fast(), gate("LatencyGate", "p95", "5ms..20ms")),
                TestData.completed("AlphaTest", "fails", "fails()", fast(), gate("LatencyGate", "p95", "5ms"),
                        gate("ThroughputGate", "min", "5000/s")),
                TestData.completed("AlphaTest", "advises", "advises()", fast(),
                        gate("LatencyGate", Level.ADVISORY, "p95", "5ms")),
                TestData.declared("BetaTest", "skipped", "skipped()", gate("LatencyGate", "p95", "5ms")).skipped("off"),
                TestData.declared("BetaTest", "crashed", "crashed()", gate("LatencyGate", "p95", "5ms")));
        CheckReport report = CheckReport.of("shop", "target/perfgate/index.html", results);

        Map<Verdict, Integer> counts = report.countsByVerdict();
        assertEquals(Map.of(Verdict.PASS, 1, Verdict.WARN, 1, Verdict.FAIL, 3, Verdict.INCONCLUSIVE, 0,
                Verdict.SKIPPED, 1, Verdict.WAIVED, 0), counts);
        assertEquals(List.of("AlphaTest#advises", "AlphaTest#fails", "AlphaTest#warns", "BetaTest#crashed",
                        "BetaTest#skipped", "ZetaTest#passes"),
                report.tests().stream().map(TestOutcome::label).toList(), "sorted by class, then label");
        assertEquals(3, report.blockingViolations().size(), "two gates of #fails and the crash");
        assertTrue(report.hasBlockingViolations());
        assertEquals(2, report.nonBlockingViolations().size(), "the warning and the advisory failure");
        assertEquals("shop", report.projectName());
        assertEquals("target/perfgate/index.html", report.reportLocation());
    }

    @Test
    void testsOfTwoPackagesWithOneSimpleNameAreToldApartInLabelsAndMessages() {
        List<TestResult> results = List.of(
                TestData.completed("billing.OrderTest", "create", "create()", fast(), gate("LatencyGate", "p95", "5ms")),
                TestData.completed("shipping.OrderTest", "create", "create()", fast(), gate("LatencyGate", "p95", "5ms")),
                TestData.completed("CartTest", "add", "add()", fast(), gate("LatencyGate", "p95", "5ms")));
        CheckReport report = CheckReport.of("shop", "r", results);

        assertEquals(List.of("CartTest#add", "billing.OrderTest#create", "shipping.OrderTest#create"),
                report.tests().stream().map(TestOutcome::label).toList());
        List<String> messages = report.blockingMessages();
        assertTrue(messages.stream().anyMatch(m -> m.contains("(billing.OrderTest#create, ")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("(shipping.OrderTest#create, ")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("(CartTest#add, ")), "a unique name stays short");
    }

    @Test
    void aReportWithoutViolationsDoesNotBlock() {
        CheckReport report = CheckReport.of("shop", "r", List.of(
                TestData.completed("A", "a", "a()", fast(), gate("LatencyGate", "p95", "20ms"))));
        assertFalse(report.hasBlockingViolations());
        assertEquals(List.of(), report.nonBlockingViolations());
        CheckReport empty = CheckReport.of("shop", "r", List.of());
        assertFalse(empty.hasBlockingViolations());
        assertEquals(0, empty.countsByVerdict().values().stream().mapToInt(Integer::intValue).sum());
    }
}
