package io.perfgate.junit;

import io.perfgate.core.plan.PlannedTest;
import io.perfgate.core.plan.TestPlanFiles;
import io.perfgate.core.result.ResultFileException;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.ResultKind;
import io.perfgate.core.result.TestResult;
import io.perfgate.junit.internal.Declarations;
import io.perfgate.junit.internal.RunSettings;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Records, when a test plan starts and before any test runs, which gated tests this test JVM is about to run
 * ({@link TestPlanFiles}), so {@code check} can demand a result of each: a JVM killed between two gated tests, or
 * one that cannot write, leaves planned tests without results, which fail. Tests that surefire filters out
 * ({@code -Dtest}, groups) are not in the plan, so they are never demanded.
 *
 * <p>Also writes what the extension never sees: a SKIPPED result for planned tests of a skipped container (a
 * disabled class), and the reason for those of a container that failed before they ran ({@code @BeforeAll}).
 *
 * <p>Registered through {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}; it acts only
 * under {@code perfgate:prepare} ({@code perfgate.mode=record}). Not API.
 */
public final class TestPlanRecorder implements TestExecutionListener {

    private static final String JUPITER = "[engine:junit-jupiter]";
    private static final ResultKind KIND = ResultKind.JUNIT;

    /** The plan being run and where its results go; null when this JVM does not record. */
    private volatile Run run;

    private record Run(TestPlan plan, Path resultsDirectory, Map<String, PlannedTest> planned) {
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        run = null;
        Optional<Path> results = resultsDirectory(testPlan.getConfigurationParameters()::get);
        if (results.isEmpty()) {
            return;
        }
        Map<String, PlannedTest> planned = new LinkedHashMap<>();
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier identifier : testPlan.getDescendants(root)) {
                gated(identifier).ifPresent(test -> planned.put(test.id(), test));
            }
        }
        if (planned.isEmpty()) {
            return;
        }
        run = new Run(testPlan, results.get(), planned);
        Path plans = TestPlanFiles.directoryFor(results.get());
        try {
            TestPlanFiles.write(plans, new io.perfgate.core.plan.TestPlan(io.perfgate.core.plan.TestPlan.SCHEMA_VERSION,
                    TestPlanFiles.currentJvm(), Instant.now(), new ArrayList<>(planned.values())));
        } catch (ResultFileException e) {
            PlanWriteFailure.report(e, planned.size());
        }
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        recordUnrun(identifier, declared -> declared.skipped("skipped: " + (reason == null || reason.isBlank()
                ? "disabled" : reason)));
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isContainer() && result.getStatus() == TestExecutionResult.Status.FAILED) {
            String cause = result.getThrowable().map(String::valueOf).orElse("no cause reported");
            recordUnrun(identifier, declared -> declared.unmeasured(
                    identifier.getDisplayName() + " failed before this test ran: " + cause));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        run = null;
        PlanWriteFailure.haltIfReported();
    }

    /** Writes a result for the identifier and its planned descendants that have none: the extension never ran them. */
    private void recordUnrun(TestIdentifier identifier, Function<TestResult, TestResult> status) {
        Run current = run;
        if (current == null) {
            return;
        }
        List<TestIdentifier> affected = new ArrayList<>();
        affected.add(identifier);
        affected.addAll(current.plan().getDescendants(identifier));
        for (TestIdentifier candidate : affected) {
            PlannedTest test = current.planned().get(candidate.getUniqueId());
            if (test == null || Files.exists(ResultFiles.fileFor(current.resultsDirectory(), test.id()))) {
                continue;
            }
            TestResult declared = TestResult.declared(KIND, test.id(), test.className(), test.methodName(),
                    candidate.getDisplayName(), List.of(), null);
            try {
                ResultFiles.write(current.resultsDirectory(), status.apply(declared));
            } catch (ResultFileException e) {
                // the plan still names the test, so check fails it as missing
                System.err.println("[perfgate] " + e.getMessage());
            }
        }
    }

    /** Where results go when this JVM records them, else empty. */
    static Optional<Path> resultsDirectory(Function<String, Optional<String>> parameters) {
        try {
            RunSettings settings = RunSettings.of(parameters);
            return settings.mode() == RunSettings.Mode.RECORD ? settings.resultsDirectory() : Optional.empty();
        } catch (RuntimeException misconfigured) {
            return Optional.empty(); // every gated test fails on it, naming the setting
        }
    }

    /** A gated Jupiter test or test template ({@code @ParameterizedTest}, {@code @RepeatedTest}); empty otherwise. */
    static Optional<PlannedTest> gated(TestIdentifier identifier) {
        String id = identifier.getUniqueId();
        Optional<TestSource> source = identifier.getSource();
        if (!id.startsWith(JUPITER) || source.isEmpty() || !(source.get() instanceof MethodSource method)) {
            return Optional.empty();
        }
        String segment = UniqueId.parse(id).getLastSegment().getType();
        boolean template = segment.equals("test-template");
        if (!(identifier.isTest() && segment.equals("method")) && !(identifier.isContainer() && template)) {
            return Optional.empty(); // @TestFactory and dynamic tests are not measured
        }
        List<io.perfgate.core.result.GateDeclaration> gates;
        try {
            if (!GatedTests.isGated(method.getJavaClass(), method.getJavaMethod())) {
                return Optional.empty();
            }
            gates = Declarations.asWritten(method.getJavaClass(), method.getJavaMethod());
        } catch (RuntimeException | LinkageError unloadable) {
            return Optional.empty(); // JUnit reports a class it cannot load itself
        }
        return Optional.of(new PlannedTest(id, method.getClassName(), method.getMethodName(), template, gates));
    }
}
