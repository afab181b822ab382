package io.perfgate.core.plan;

import io.perfgate.core.result.ResultKind;
import io.perfgate.core.result.TestResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        Map<PlannedTest, String> plannedBy = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (TestPlan plan : plans) {
            for (PlannedTest test : plan.tests()) {
                if (seen.add(test.id())) {
                    plannedBy.put(test, plan.jvm());
                }
            }
        }
        Set<String> answered = answeredIds(results);
        List<TestResult> missing = new ArrayList<>();
        plannedBy.forEach((test, jvm) -> {
            if (!answered.contains(test.id()) && !(test.template() && answered.contains(test.id() + "/"))) {
                missing.add(TestResult.declared(KIND, test.id(), test.className(), test.methodName(), test.methodName(),
                        test.gates(), null).unmeasured(reason(jvm, resultsDirectory)));
            }
        });
        return missing;
    }

    /**
     * Each result's id, and each of its prefixes up to a {@code /} (with that {@code /}), so a planned id is looked
     * up once: a test is answered by its own id, a template also by any id under it (one of its invocations).
     */
    private static Set<String> answeredIds(List<TestResult> results) {
        Set<String> answered = new HashSet<>();
        for (TestResult result : results) {
            String id = result.id();
            if (id == null) {
                continue;
            }
            answered.add(id);
            for (int slash = id.indexOf('/'); slash >= 0; slash = id.indexOf('/', slash + 1)) {
                answered.add(id.substring(0, slash + 1));
            }
        }
        return answered;
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
