package io.perfgate.core.report;

import io.perfgate.core.result.ResultKind;
import io.perfgate.core.TestData;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.gate.Level;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Environment;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.MemoryMeasurement;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.perfgate.core.TestData.measurement;
import static io.perfgate.core.TestData.ms;

/**
 * One fixed report with every verdict, level and kind of row the writers must lay out: the input of the
 * golden files. Histograms come from seeded generators, times are fixed.
 */
final class ReportFixture {
    static final Instant GENERATED = Instant.parse("2025-01-15T11:00:00.123Z");
    static final String REPORT = "target/perfgate/index.html";
    static final String SCRIPTED = "[1] query=<script>alert('x')</script> | \"q\" & *more*";

    private ReportFixture() {
    }

    private static GateDeclaration gate(String method, String gate, Level level, boolean allowInconclusive,
                                        String... attributeBoundPairs) {
        return new GateDeclaration(gate, level, allowInconclusive, "method " + method,
                TestData.bounds(attributeBoundPairs), null);
    }

    private static GateDeclaration gate(String method, String gate, String... attributeBoundPairs) {
        return gate(method, gate, Level.BLOCKING, false, attributeBoundPairs);
    }

    static CheckReport report() {
        return report(SCRIPTED);
    }

    /** The fixed report, with the given display name on the parameterized search test. */
    static CheckReport report(String searchDisplayName) {
        GateEvaluator evaluator = new GateEvaluator(REPORT);
        return new CheckReport("shop-service", GENERATED, REPORT,
                results(searchDisplayName).stream().map(evaluator::evaluate).toList());
    }

    static List<TestResult> results(String searchDisplayName) {
        Environment withJacoco = new Environment("17.0.12", "Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "Linux",
                "amd64", 2, "Test CPU @ 2.00GHz", 512L << 20,
                List.of("-javaagent:/home/ci/.m2/repository/org/jacoco/org.jacoco.agent-0.8.12-runtime.jar=destfile=x"),
                true);

        LatencyHistogram orders = TestData.repeat(TestData.exponential(101, 1000, ms(60)), ms(231), 200);
        TestResult createOrder = withEnvironment(TestData.completed("OrderApiPerfTest", "createOrder", "createOrder()",
                measurement(orders, 0, null, 2_400_000_000L),
                gate("OrderApiPerfTest#createOrder", "LatencyGate", "p95", "150ms..200ms", "max", "1s"),
                gate("OrderApiPerfTest#createOrder", "ThroughputGate", "min", "400/s")), withJacoco);

        TestResult listOrders = TestData.completed("OrderApiPerfTest", "listOrders", "listOrders()",
                measurement(TestData.exponential(102, 2000, ms(20)), 0, null, 45_000_000_000L),
                gate("OrderApiPerfTest#listOrders", "LatencyGate", "p95", "50ms..80ms", "p99", "150ms"));

        TestResult searchOrders = TestData.completed("OrderApiPerfTest", "searchOrders", searchDisplayName,
                measurement(TestData.exponential(103, 500, 2_000_000), 0, null, 1_100_000_000L),
                new GateDeclaration("LatencyGate", Level.BLOCKING, false, "class OrderApiPerfTest",
                        Map.of("p50", "5ms", "p95", "20ms"), null));

        TestResult cancelOrder = TestData.completed("OrderApiPerfTest", "cancelOrder", "cancelOrder()",
                measurement(TestData.exponential(104, 300, 3_000_000), 0, null, 1_000_000_000L),
                gate("OrderApiPerfTest#cancelOrder", "LatencyGate", "p95", "200 parsecs"));

        TestResult reserve = TestData.completed("InventoryPerfTest", "reserve", "reserve()",
                measurement(TestData.exponential(105, 50, 1_500_000), 0, null, 80_000_000L),
                gate("InventoryPerfTest#reserve", "LatencyGate", "p99", "10ms"));

        TestResult count = TestData.completed("InventoryPerfTest", "count", "count()",
                measurement(TestData.exponential(110, 150, 400_000), 0, null, 90_000_000L),
                gate("InventoryPerfTest#count", "LatencyGate", Level.BLOCKING, true, "p95", "2ms", "mean", "1ms"));

        TestResult release = TestData.declared("InventoryPerfTest", "release", "release()",
                gate("InventoryPerfTest#release", "LatencyGate", "p95", "5ms", "p50", "2ms"))
                .skipped("@Disabled: waiting for fix #123");

        TestResult restock = TestData.declared("InventoryPerfTest", "restock", "restock()",
                gate("InventoryPerfTest#restock", "LatencyGate", "p95", "5ms"));

        TestResult charge = TestData.completed("PaymentPerfTest", "charge", "charge()",
                measurement(TestData.exponential(106, 1950, ms(12)), 50,
                        "java.net.SocketTimeoutException: Read timed out after 2000 ms", 30_000_000_000L),
                gate("PaymentPerfTest#charge", "ErrorRateGate", "max", "0.5%..1%"),
                gate("PaymentPerfTest#charge", "LatencyGate", Level.WARNING, false, "p95", "25ms"));

        TestResult refund = TestData.completed("PaymentPerfTest", "refund", "refund()",
                TestData.withMemory(measurement(TestData.exponential(107, 1000, ms(4)), 0, null, 5_000_000_000L),
                        new MemoryMeasurement(48L << 20, 2560.0, null, 40_000_000L, 7L)),
                gate("PaymentPerfTest#refund", "MemoryGate", Level.ADVISORY, false, "heapAfterGc", "64MB",
                        "allocationPerInvocation", "1KB", "gcTime", "100ms"));

        Measurement checkout = measurement(TestData.exponential(108, 3000, ms(90)), 12, "HTTP 503 from POST /checkout",
                60_000_000_000L);
        Measurement browse = measurement(TestData.exponential(109, 9000, ms(15)), 0, null, 60_000_000_000L);
        LatencyHistogram all = LatencyHistogram.decode(checkout.latencyHistogram());
        all.add(LatencyHistogram.decode(browse.latencyHistogram()));
        TestResult load = new TestResult(TestResult.SCHEMA_VERSION, ResultKind.LOAD, "load:src/test/perf/shop.yaml#peak",
                "shop.yaml", "peak", "peak", ResultStatus.COMPLETED, null,
                List.of(new GateDeclaration("LatencyGate", Level.BLOCKING, false, "scenario peak in shop.yaml",
                                Map.of("p95", "200ms", "p99", "400ms"), "checkout"),
                        new GateDeclaration("LatencyGate", Level.BLOCKING, false, "scenario peak in shop.yaml",
                                Map.of("p95", "40ms..60ms"), "browse"),
                        new GateDeclaration("ErrorRateGate", Level.BLOCKING, false, "scenario peak in shop.yaml",
                                Map.of("max", "1%"), null)),
                null, measurement(all, 12, "HTTP 503 from POST /checkout", 60_000_000_000L),
                Map.of("checkout", checkout, "browse", browse), TestData.ENVIRONMENT, TestData.STARTED, null, null, null);

        return List.of(createOrder, listOrders, searchOrders, cancelOrder, reserve, count, release, restock, charge,
                refund, load);
    }

    static TestResult withEnvironment(TestResult result, Environment environment) {
        return result.withEnvironment(environment);
    }
}
