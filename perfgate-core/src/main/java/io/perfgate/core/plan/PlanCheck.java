package io.perfgate.core.plan;

import io.perfgate.core.result.ResultKind;
import io.perfgate.core.result.TestResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds the results against what the test JVMs planned: a planned gated test without any result did not get
 * to record one (its JVM was killed or crashed, or could not write), and becomes a result that fails, so no
 * data is never a pass. A result of any status counts: DECLARED, SKIPPED and COMPLETED each say what happened.
 */
public final class PlanCheck {
    private static final ResultKind KIND = ResultKind.JUNIT;

    private PlanCheck() {
    }

    /**
     * One DECLARED result per planned test that left none, with the likely causes as its reason; empty when
     * every planned test has a result. A test planned by several JVMs (or plans) is demanded once.
     */
    public static List<TestResult> missing(List<TestPlan> plans, List<TestResult> results, Path resultsDirectory) {
        Map<String, PlannedTest> planned = new LinkedHashMap<>();
        Map<String, String> plannedBy = new LinkedHashMap<>();
        for (TestPlan plan : plans) {
            for (PlannedTest test : plan.tests()) {
                planned.putIfAbsent(test.id(), test);
                plannedBy.putIfAbsent(test.id(), plan.jvm());
            }
        }
        List<TestResult> missing = new ArrayList<>();
        for (PlannedTest test : planned.values()) {
            boolean covered = results.stream().anyMatch(result -> result.id() != null && test.coveredBy(result.id()));
            if (!covered) {
                missing.add(TestResult.declared(KIND, test.id(), test.className(), test.methodName(), test.methodName(),
                        List.of(), null).unmeasured(reason(plannedBy.get(test.id()), resultsDirectory)));
            }
        }
        return missing;
    }

    private static String reason(String jvm, Path resultsDirectory) {
        String where = Files.isDirectory(resultsDirectory) ? ""
                : Files.exists(resultsDirectory) ? " (" + resultsDirectory + " is not a directory)"
                : " (" + resultsDirectory + " does not exist)";
        return "planned by test JVM " + (jvm == null ? "?" : jvm) + " but left no result" + where
                + ": the JVM was killed or crashed before the test finished, or could not write its result"
                + " (a full disk?); run the tests again";
    }
}
