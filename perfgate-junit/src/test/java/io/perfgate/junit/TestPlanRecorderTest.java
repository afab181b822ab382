package io.perfgate.junit;

import io.perfgate.core.plan.PlannedTest;
import io.perfgate.core.plan.TestPlan;
import io.perfgate.core.plan.TestPlanFiles;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;
import io.perfgate.junit.internal.RunSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/** The test plan listener, run through a real launcher as surefire runs it. */
class TestPlanRecorderTest {

    @TempDir
    Path target;

    private Path results() {
        return target.resolve("perfgate/results");
    }

    private void launch(String mode, DiscoverySelector... selectors) {
        Map<String, String> parameters = new HashMap<>(Map.of(Sample.PARAMETER, "true", "perfgate.profile", "smoke",
                RunSettings.RESULTS_DIRECTORY, results().toString()));
        if (mode != null) {
            parameters.put(RunSettings.MODE, mode);
        }
        // only this recorder: the one registered through META-INF/services would write a second plan
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                        .addTestExecutionListeners(new TestPlanRecorder()).build())
                .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                        .configurationParameters(parameters).build());
    }

    private List<TestPlan> plans() {
        return TestPlanFiles.readAll(TestPlanFiles.directoryFor(results()));
    }

    @Test
    void thePlanNamesEveryGatedTestAndTemplateAndIsWrittenBeforeAnyTestRuns() {
        Planned.plansSeenByFirstTest = null;
        Planned.results = results();
        launch("record", selectClass(Planned.class));

        List<TestPlan> plans = plans();
        assertEquals(1, plans.size());
        TestPlan plan = plans.get(0);
        assertEquals(TestPlanFiles.currentJvm(), plan.jvm());
        List<String> names = plan.tests().stream().map(PlannedTest::methodName).sorted().toList();
        assertEquals(List.of("gated", "gatedByClass", "sized"), names, "no plain test, no @TestFactory");
        assertTrue(plan.tests().stream().filter(test -> test.methodName().equals("sized")).allMatch(PlannedTest::template));
        assertTrue(plan.tests().stream().filter(test -> test.methodName().equals("gatedByClass"))
                .allMatch(test -> test.className().endsWith("Planned$Inner")), "a @Nested class under a gated class");
        assertEquals(List.of(plan), Planned.plansSeenByFirstTest, "written before the first test ran");
        Map<String, String> gatesByMethod = plan.tests().stream().collect(java.util.stream.Collectors.toMap(
                PlannedTest::methodName, test -> test.gates().stream()
                        .map(gate -> gate.gate() + gate.bounds() + " on " + gate.declaredOn()).toList().toString()));
        assertEquals(Map.of("gated", "[LatencyGate{max=10s} on TestPlanRecorderTest$Planned#gated]", "sized", "[]",
                        "gatedByClass", "[LatencyGate{max=10s} on class TestPlanRecorderTest$Planned$Inner]"), gatesByMethod,
                "each test's gates as written, a @Nested class's from its own declaration");

        // every planned test answered: check demands nothing more
        assertEquals(List.of(), io.perfgate.core.plan.PlanCheck.missing(plans, ResultFiles.readAll(results()), results()));
    }

    @Test
    void testsFilteredOutAreNotPlanned() {
        launch("record", selectMethod(Planned.class, "gated"));
        assertEquals(List.of("gated"), plans().get(0).tests().stream().map(PlannedTest::methodName).toList());
    }

    @Test
    void withoutRecordModeNothingIsPlanned() {
        launch(null, selectClass(Plain.class));
        launch("off", selectClass(Planned.class));
        assertEquals(List.of(), plans());
    }

    @Test
    void aDisabledClassLeavesSkippedResultsForItsPlannedTests() {
        launch("record", selectClass(DisabledClass.class));

        assertEquals(1, plans().get(0).tests().size());
        List<TestResult> recorded = ResultFiles.readAll(results());
        assertEquals(1, recorded.size());
        assertEquals(ResultStatus.SKIPPED, recorded.get(0).status());
        assertEquals("skipped: not on this branch", recorded.get(0).statusReason());
    }

    @Test
    void aClassThatFailsBeforeItsTestsLeavesTheirReason() {
        launch("record", selectClass(FailingBeforeAll.class));

        List<TestResult> recorded = ResultFiles.readAll(results());
        assertEquals(1, recorded.size());
        assertEquals(ResultStatus.DECLARED, recorded.get(0).status());
        assertEquals("TestPlanRecorderTest$FailingBeforeAll failed before this test ran: java.lang.IllegalStateException: no database",
                recorded.get(0).statusReason());
    }

    @Sample
    static class Plain {
        @Test
        void plain() {
        }
    }

    @Sample
    static class Planned {
        static Path results;
        static List<TestPlan> plansSeenByFirstTest;

        @Test
        @LatencyGate(max = "10s")
        @PerfTest(invocations = 5, warmupInvocations = 0)
        void gated() {
            if (plansSeenByFirstTest == null && results != null) {
                plansSeenByFirstTest = TestPlanFiles.readAll(TestPlanFiles.directoryFor(results));
            }
        }

        @Test
        void plain() {
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        @PerfTest(invocations = 5, warmupInvocations = 0)
        void sized(int size) {
        }

        @TestFactory
        @LatencyGate(max = "10s")
        Stream<DynamicTest> factory() {
            return Stream.of(DynamicTest.dynamicTest("dynamic", () -> { }));
        }

        @Nested
        @LatencyGate(max = "10s")
        @PerfTest(invocations = 5, warmupInvocations = 0)
        class Inner {
            @Test
            void gatedByClass() {
            }
        }
    }

    @Sample
    @Disabled("not on this branch")
    static class DisabledClass {
        @Test
        @LatencyGate(max = "10s")
        void gated() {
        }
    }

    @Sample
    static class FailingBeforeAll {
        @BeforeAll
        static void connect() {
            throw new IllegalStateException("no database");
        }

        @Test
        @LatencyGate(max = "10s")
        void gated() {
        }

        @Test
        void plain() {
        }
    }
}
