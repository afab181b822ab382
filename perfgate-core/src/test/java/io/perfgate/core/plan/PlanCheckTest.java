package io.perfgate.core.plan;

import io.perfgate.core.check.CheckReport;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.ResultFileException;
import io.perfgate.core.result.ResultKind;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanCheckTest {

    private static final String A = "[engine:junit-jupiter]/[class:shop.ATest]/[method:a()]";
    private static final String C = "[engine:junit-jupiter]/[class:shop.CTest]/[method:c()]";
    private static final String SIZED = "[engine:junit-jupiter]/[class:shop.ATest]/[test-template:sized(int)]";

    @TempDir
    Path target;

    private static TestPlan plan(String jvm, PlannedTest... tests) {
        return new TestPlan(TestPlan.SCHEMA_VERSION, jvm, Instant.parse("2026-01-01T00:00:00Z"), List.of(tests));
    }

    private static TestResult result(String id, ResultStatus status) {
        TestResult declared = TestResult.declared(ResultKind.JUNIT, id, "shop.ATest", "a", "a()", List.of(), null);
        return status == ResultStatus.SKIPPED ? declared.skipped("disabled") : declared;
    }

    @Test
    void aPlannedTestWithoutAResultFailsNamingTheTestTheJvmAndTheLikelyCause() {
        Path results = target.resolve("results");
        TestPlan plan = plan("4242@ci", new PlannedTest(A, "shop.ATest", "a", false, List.of()),
                new PlannedTest(C, "shop.CTest", "c", false, List.of()));

        List<TestResult> missing = PlanCheck.missing(List.of(plan), List.of(result(A, ResultStatus.DECLARED)), results);

        assertEquals(1, missing.size());
        TestResult c = missing.get(0);
        assertEquals(C, c.id());
        assertEquals("CTest#c", c.label());
        assertEquals(ResultStatus.DECLARED, c.status());
        assertEquals("planned by test JVM 4242@ci but left no result (" + results + " does not exist): the JVM was"
                + " killed or crashed before the test finished, or could not write its result (a full disk?); run"
                + " the tests again", c.statusReason());

        CheckReport report = CheckReport.of("shop", "target/perfgate/index.html", missing);
        assertTrue(report.hasBlockingViolations(), "no data is never a pass");
        assertEquals("CTest#c recorded no measurement: planned by test JVM 4242@ci but left no result (" + results
                + " does not exist): the JVM was killed or crashed before the test finished, or could not write its"
                + " result (a full disk?); run the tests again (report: target/perfgate/index.html)",
                report.blockingMessages().get(0));
    }

    @Test
    void aMissingTestFailsThroughTheGatesItsPlanNamedAndThePlanKeepsThemAcrossAFile() throws Exception {
        GateDeclaration latency = new GateDeclaration("LatencyGate", io.perfgate.core.gate.Level.BLOCKING, false, "method CTest#c",
                Map.of("p95", "200ms"), null);
        TestPlan plan = plan("4242@ci", new PlannedTest(C, "shop.CTest", "c", false, List.of(latency)));
        Path plans = TestPlanFiles.directoryFor(target.resolve("perfgate/results"));
        TestPlanFiles.write(plans, plan);
        List<TestPlan> read = TestPlanFiles.readAll(plans);

        List<TestResult> missing = PlanCheck.missing(read, List.of(), target.resolve("results"));

        assertEquals(List.of(latency), missing.get(0).gates());
        CheckReport report = CheckReport.of("shop", "r", missing);
        assertEquals(1, report.tests().get(0).gates().size(), "judged through @LatencyGate, not an implied error gate");
        assertTrue(report.blockingMessages().get(0).startsWith("CTest#c recorded no measurement, so @LatencyGate"
                + " cannot be judged: planned by test JVM 4242@ci"), report.blockingMessages().get(0));
    }

    @Test
    void skippedAndDeclaredResultsAnswerThePlanAndATemplateIsAnsweredByAnyInvocation() throws Exception {
        Path results = Files.createDirectories(target.resolve("results"));
        TestPlan plan = plan("1@h", new PlannedTest(A, "shop.ATest", "a", false, List.of()),
                new PlannedTest(SIZED, "shop.ATest", "sized", true, List.of()),
                new PlannedTest(C, "shop.CTest", "c", false, List.of()));
        List<TestResult> recorded = List.of(result(A, ResultStatus.SKIPPED), result(C, ResultStatus.DECLARED),
                result(SIZED + "/[test-template-invocation:#2]", ResultStatus.DECLARED));

        assertEquals(List.of(), PlanCheck.missing(List.of(plan), recorded, results));
    }

    @Test
    void aTemplateIsNotAnsweredByAnotherMethodWhoseIdStartsTheSame() throws Exception {
        Path results = Files.createDirectories(target.resolve("results"));
        TestPlan plan = plan("1@h", new PlannedTest(SIZED, "shop.ATest", "sized", true, List.of()));
        List<TestResult> recorded = List.of(result(SIZED.replace("sized(int)", "sized(int)x"), ResultStatus.DECLARED));
        assertEquals(1, PlanCheck.missing(List.of(plan), recorded, results).size());
    }

    @Test
    void aTestPlannedByTwoJvmsIsDemandedOnceAndAFileInPlaceOfTheResultsDirectoryIsNamed() throws Exception {
        Path results = Files.writeString(target.resolve("results"), "full");
        PlannedTest c = new PlannedTest(C, "shop.CTest", "c", false, List.of());

        List<TestResult> missing = PlanCheck.missing(List.of(plan("1@h", c), plan("2@h", c)), List.of(), results);

        assertEquals(1, missing.size());
        assertTrue(missing.get(0).statusReason().startsWith("planned by test JVM 1@h but left no result (" + results
                + " is not a directory)"), missing.get(0).statusReason());
    }

    @Test
    void plansRoundTripOneFilePerPlanAndABrokenPlanIsNamed() throws Exception {
        Path plans = TestPlanFiles.directoryFor(target.resolve("perfgate/results"));
        assertEquals(target.resolve("perfgate/plans").toAbsolutePath().normalize(), plans);
        TestPlan first = plan("1@h", new PlannedTest(A, "shop.ATest", "a", false, List.of()));
        TestPlan second = plan("1@h", new PlannedTest(SIZED, "shop.ATest", "sized", true, List.of()));

        Path one = TestPlanFiles.write(plans, first);
        Path two = TestPlanFiles.write(plans, second);

        assertTrue(!one.equals(two), "two plans of one JVM never share a file");
        List<TestPlan> read = TestPlanFiles.readAll(plans);
        assertEquals(2, read.size());
        assertTrue(read.contains(first) && read.contains(second), read.toString());
        assertEquals(List.of(), TestPlanFiles.readAll(target.resolve("nowhere")));

        Files.writeString(plans.resolve("plan-9-broken.json"), "{\"tests\": [");
        ResultFileException broken = assertThrows(ResultFileException.class, () -> TestPlanFiles.readAll(plans));
        assertEquals(plans.resolve("plan-9-broken.json"), broken.file());
    }

    @Test
    void aPlanThatCannotBeWrittenIsAnErrorNamingTheFile() throws Exception {
        Path blocked = Files.writeString(target.resolve("plans"), "a file, not a directory");
        ResultFileException e = assertThrows(ResultFileException.class,
                () -> TestPlanFiles.write(blocked, plan("1@h")));
        assertTrue(e.file().startsWith(blocked), e.file().toString());
    }
}
