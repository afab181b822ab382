package io.perfgate.junit;

import io.perfgate.core.check.GateEvaluator;
import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.database.DatabaseRecorder;
import io.perfgate.core.gate.GateType;
import io.perfgate.core.gate.InvalidGateException;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.gate.Verdict;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.latency.LatencySummary;
import io.perfgate.core.measure.BetweenInvocationsException;
import io.perfgate.core.measure.Invocable;
import io.perfgate.core.measure.MeasuredRun;
import io.perfgate.core.measure.MeasurementAbortedException;
import io.perfgate.core.measure.MeasuringListener;
import io.perfgate.core.measure.MeasuringLoop;
import io.perfgate.core.measure.SampleRequirement;
import io.perfgate.core.measure.ThreadCpuClock;
import io.perfgate.core.measure.WorkloadPlan;
import io.perfgate.core.memory.LeakSampler;
import io.perfgate.core.result.GateDeclaration;
import io.perfgate.core.result.HeapTrend;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.MemoryMeasurement;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.ResultKind;
import io.perfgate.core.result.ResultStatus;
import io.perfgate.core.result.TestResult;
import io.perfgate.junit.internal.Declarations;
import io.perfgate.junit.internal.RecordsItsOwnResult;
import io.perfgate.junit.internal.RunSettings;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Measures gated tests. Registered by the gate annotations and {@link PerfTest}; not for direct use.
 *
 * <p>The test method (or each invocation of a {@code @ParameterizedTest} / {@code @RepeatedTest}) is called
 * by reflection as often as the workload says, inside JUnit's single invocation of it, so {@code @BeforeEach}
 * and {@code @AfterEach} run once around the whole measurement (unless {@link Setup#PER_INVOCATION} asks for them
 * between invocations too). A body that throws with no {@code @ErrorRateGate} allowing it fails the test in every
 * mode, the first exception its cause: a functional failure is never deferred. What happens next depends on the
 * {@link RunSettings run mode}: record the result for {@code mvn verify} to judge, or judge it here and fail
 * the test with the same messages {@code check} prints.
 */
final class PerfGateExtension implements InvocationInterceptor, TestWatcher {

    private static final ResultKind KIND = ResultKind.JUNIT;
    /** How much of the first error's stack trace a recorded test prints: enough to find the failing line. */
    private static final int TRACE_LINES = 15;
    /** Ends the reason of a result this extension recorded without a measurement: the test failed on it. */
    private static final String SEE_FAILURE = "; see the test's failure in the test report";

    /**
     * The status of the result last written per test (unique id), so the watcher does not overwrite it. Kept here
     * rather than in the test's ExtensionContext.Store: JUnit 6 closes that store before it calls TestWatcher
     * methods. Each entry is removed by the watcher call that ends its test. One instance serves every test
     * below the level that registered it, and tests may run in parallel.
     */
    private final Map<String, ResultStatus> recorded = new ConcurrentHashMap<>();

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        intercept(invocation, invocationContext, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
                                            ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext context) throws Throwable {
        intercept(invocation, invocationContext, context);
    }

    private void intercept(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                           ExtensionContext context) throws Throwable {
        RunSettings settings = RunSettings.of(context);
        if (settings.mode() == RunSettings.Mode.OFF || recordsItsOwnResult(invocationContext.getExecutable())) {
            // a load test runs once: the load its runner sends is the measurement, recorded by the runner
            invocation.proceed();
            return;
        }
        Optional<Declarations.Resolved> resolved = Declarations.resolve(context);
        if (resolved.isEmpty()) {
            invocation.proceed();
            return;
        }
        Declarations.Resolved test = resolved.get();
        WorkloadPlan plan = plan(settings, test);
        Invocable between = between(context, test.setup(), plan);
        TestResult declared = TestResult.declared(KIND, context.getUniqueId(), context.getRequiredTestClass().getName(),
                context.getRequiredTestMethod().getName(), context.getDisplayName(), test.gates(), plan.toWorkload());
        Optional<Path> results = settings.resultsDirectory();
        write(context, results, declared);

        long runStart = System.nanoTime();
        Invocable body = body(invocationContext);
        DatabaseRecording database = test.database() ? new DatabaseRecording(DatabaseRecorder.shared()) : null;
        ProfileRecording profile = ProfileRecording.of(context, results).orElse(null);
        MeasuringListener listener = database == null ? MeasuringListener.NONE : database;
        MeasuredRun run;
        try {
            run = new MeasuringLoop(plan, test.memory(), thrown -> thrown instanceof TestAbortedException,
                    profile == null ? listener : MeasuringListener.all(listener, profile.listener()))
                    .withCpuPerInvocation(ThreadCpuClock.neededPerInvocation(test.specs()))
                    .run(database == null ? body : database.marking(body), between);
        } catch (MeasurementAbortedException aborted) {
            write(context, results, declared.skipped("aborted: " + aborted.getCause().getMessage()));
            throw aborted.getCause();
        } catch (BetweenInvocationsException setupFailed) {
            write(context, results, declared.unmeasured("its per-invocation setup threw: " + setupFailed.getCause()
                    + SEE_FAILURE));
            throw setupFailed.getCause();
        } finally {
            if (profile != null) {
                profile.stopIfRunning(); // a run that failed or was aborted leaves no recording behind
            }
            if (database != null) {
                database.figures(); // never leave the JVM-wide recorder running
            }
            // the method ran (many times) under our control: JUnit must not run it again
            invocation.skip();
        }
        Measurement measurement = run.measurement();
        if (database != null) {
            measurement = measurement.withDatabase(database.figures());
        }
        if (test.leak()) {
            Invocable measured = body;
            measurement = withHeapTrend(measurement, plan, runStart, between == null ? body : () -> {
                between.invoke();
                measured.invoke();
            });
        }
        if (profile != null) {
            // the .jfr is kept for a test that fails its gates here; check compares with the baseline later
            boolean failed = new GateEvaluator(null).evaluate(declared.completed(measurement)).verdict() == Verdict.FAIL;
            measurement = profile.attach(measurement, failed);
        }
        TestResult completed = declared.completed(measurement);
        if (settings.jvms() > 1 && !run.allFailed() && (run.firstError() == null || errorsAllowed(test.gates()))) {
            // the spread between JVMs is part of the result: the same test measured again in fresh JVMs
            completed = MoreJvms.measure(declared, measurement, settings, plan);
        }
        write(context, results, completed);
        if (completed.measurement() == null) {
            return; // a fork failed: recorded as unmeasured, so check fails its gates
        }
        if (run.capped()) {
            System.err.println("[perfgate] " + completed.label() + " reached its cap of "
                    + QuantityKind.DURATION.format(plan.maxDurationNanos()) + " after "
                    + QuantityKind.grouped(run.measurement().invocations()) + " invocations");
        }
        if (run.allFailed()) {
            System.err.println("[perfgate] " + completed.label() + ": stopped measuring after its first "
                    + QuantityKind.grouped(run.measurement().invocations()) + " invocations all threw");
        }
        if (settings.mode() == RunSettings.Mode.STANDALONE) {
            judge(completed, run.firstError());
        } else if (run.firstError() != null && !errorsAllowed(test.gates())) {
            // a functional failure is never deferred: surefire's report must agree with check's
            throw new AssertionFailedError(completed.label() + ": " + QuantityKind.grouped(run.measurement().errors())
                    + " of " + QuantityKind.grouped(run.measurement().invocations())
                    + " measured invocations threw and no @ErrorRateGate allows errors; the first is the cause",
                    run.firstError());
        } else if (run.firstError() != null) {
            // check names only the first error's text; its stack trace goes to the test's output, once
            System.err.println("[perfgate] " + completed.label() + ": " + QuantityKind.grouped(run.measurement().errors())
                    + " of " + QuantityKind.grouped(run.measurement().invocations())
                    + " measured invocations threw; the first:" + System.lineSeparator()
                    + run.firstErrorTrace(TRACE_LINES));
        }
    }

    /** Whether an {@code @ErrorRateGate} covers the whole test: then thrown exceptions are its to judge, at check. */
    private static boolean errorsAllowed(List<GateDeclaration> gates) {
        return gates.stream().anyMatch(gate -> gate.is(GateType.ERROR_RATE) && gate.scope() == null);
    }

    /**
     * The leak-detection phase, after the measured rounds and within the test's time cap: heap after GC
     * sampled across batches of invocations on this thread (see {@link LeakSampler}). Batches get longer with
     * the profile, since a longer span resolves a smaller leak per hour.
     */
    private static Measurement withHeapTrend(Measurement measurement, WorkloadPlan plan, long runStart,
                                             Invocable body) {
        long remaining = Math.max(0, runStart + plan.maxDurationNanos() - System.nanoTime());
        long perSample = Math.max(LeakSampler.DEFAULT_NANOS_PER_SAMPLE, plan.profile().minDurationNanos() / 20);
        HeapTrend trend = new LeakSampler(perSample, remaining).run(body);
        MemoryMeasurement memory = measurement.memory() != null ? measurement.memory()
                : new MemoryMeasurement(null, null, null, null, null);
        return measurement.withMemory(memory.withHeapTrend(trend));
    }

    /** The lifecycle methods run between invocations for {@link Setup#PER_INVOCATION}; null for the default. */
    private static Invocable between(ExtensionContext context, Setup setup, WorkloadPlan plan) {
        if (setup != Setup.PER_INVOCATION) {
            return null;
        }
        String test = Declarations.testLabel(context);
        if (plan.threads() != 1) {
            throw new ExtensionConfigurationException("@PerfTest(setup = PER_INVOCATION, threads = " + plan.threads()
                    + ") on " + test + ": a setup between invocations needs threads = 1, since every thread shares"
                    + " the one test instance its @BeforeEach prepares");
        }
        return PerInvocationSetup.between(context, test);
    }

    private static WorkloadPlan plan(RunSettings settings, Declarations.Resolved test) {
        try {
            return WorkloadPlan.resolve(settings.profile(), test.workload(), SampleRequirement.of(test.specs()));
        } catch (InvalidGateException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    /**
     * Calls the test method with JUnit's instance and arguments; what the method throws is what the body throws.
     * Preferably through a class generated by {@link LambdaMetafactory} that calls the method directly, which
     * the JIT can inline; {@link Method#invoke} shares its call profile with all of JUnit's reflection and costs
     * more per call. Falls back to reflection where the generated class cannot be made (an unopened module).
     */
    static Invocable body(ReflectiveInvocationContext<Method> invocationContext) {
        Method method = invocationContext.getExecutable();
        Object target = invocationContext.getTarget().orElse(null);
        Object[] arguments = invocationContext.getArguments().toArray();
        try {
            return direct(method, target, arguments);
        } catch (Throwable unavailable) {
            return reflective(method, target, arguments);
        }
    }

    private static Invocable direct(Method method, Object target, Object[] arguments) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(method.getDeclaringClass(), MethodHandles.lookup());
        MethodHandle implementation = lookup.unreflect(method);
        MethodType voidCall = MethodType.methodType(void.class);
        CallSite site = LambdaMetafactory.metafactory(lookup, "invoke",
                implementation.type().changeReturnType(Invocable.class), voidCall, implementation, voidCall);
        List<Object> captured = new ArrayList<>(arguments.length + 1);
        if (!Modifier.isStatic(method.getModifiers())) {
            captured.add(target);
        }
        captured.addAll(Arrays.asList(arguments));
        return (Invocable) site.getTarget().invokeWithArguments(captured);
    }

    private static Invocable reflective(Method method, Object target, Object[] arguments) {
        if (!method.trySetAccessible()) {
            throw new ExtensionConfigurationException("perfgate cannot call " + method
                    + ": it is not accessible (open its package to perfgate, or make it public)");
        }
        return () -> {
            try {
                method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }

    /**
     * An IDE run: fail on blocking violations with the lines {@code check} prints; warn about the rest. What the
     * body first threw is the failure's cause when an error-rate gate fails, else attached as suppressed.
     */
    private static void judge(TestResult completed, Throwable firstError) {
        TestOutcome outcome = new GateEvaluator(null).evaluate(completed);
        System.out.println("[perfgate] " + summary(completed) + ": " + outcome.verdict()
                + (outcome.verdict().compareTo(Verdict.WARN) >= 0 && !outcome.blocks() ? " (not blocking)" : ""));
        for (GateOutcome gate : outcome.gates()) {
            if (gate.violated() && !gate.blocks()) {
                gate.violationLines().forEach(line -> System.err.println("[perfgate] " + line));
            }
        }
        List<GateOutcome> blocking = outcome.gates().stream().filter(GateOutcome::blocks).toList();
        if (blocking.isEmpty()) {
            return;
        }
        String message = String.join("\n", blocking.stream().flatMap(gate -> gate.violationLines().stream()).toList());
        boolean errorsFail = blocking.stream()
                .anyMatch(gate -> gate.declaration().is(GateType.ERROR_RATE));
        AssertionFailedError failure = firstError != null && errorsFail
                ? new AssertionFailedError(message, firstError) : new AssertionFailedError(message);
        if (firstError != null && !errorsFail) {
            failure.addSuppressed(firstError);
        }
        throw failure;
    }

    private static String summary(TestResult result) {
        var measurement = result.measurement();
        LatencySummary latency = LatencyHistogram.decode(measurement.latencyHistogram()).summary();
        return result.label() + ": " + QuantityKind.grouped(measurement.invocations()) + " invocations ("
                + QuantityKind.grouped(measurement.errors()) + " failed) in "
                + QuantityKind.DURATION.format(measurement.durationNanos())
                + (latency.count() == 0 ? "" : ", p50 " + QuantityKind.DURATION.format(latency.p50())
                + ", p99 " + QuantityKind.DURATION.format(latency.p99())
                + ", max " + QuantityKind.DURATION.format(latency.max()));
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        recordUnmeasured(context, declared -> declared.skipped(
                "disabled: " + reason.filter(text -> !text.isBlank()).orElse("@Disabled")));
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        recorded.remove(context.getUniqueId());
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        if (recorded.remove(context.getUniqueId()) == null) {
            recordUnmeasured(context, declared -> declared.skipped("aborted: " + cause.getMessage()));
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (recorded.remove(context.getUniqueId()) == null) {
            // failed before measuring (a declaration perfgate rejects, or in @BeforeEach): check fails its gates, saying why
            String why = (cause instanceof ExtensionConfigurationException
                    ? "perfgate rejected it: " + cause.getMessage()
                    : "it failed before it was measured: " + cause) + SEE_FAILURE;
            recordUnmeasured(context, declared -> declared.unmeasured(why));
        }
    }

    /**
     * Writes a result for a test that was not measured, when results are written and the test is gated. Gates
     * perfgate rejects (a bound that does not parse) are recorded as written: {@code check} judges them again and
     * fails on them, so a declared gate never disappears without a verdict.
     */
    private static void recordUnmeasured(ExtensionContext context, UnaryOperator<TestResult> status) {
        RunSettings settings;
        try {
            settings = RunSettings.of(context);
        } catch (ExtensionConfigurationException e) {
            return; // no mode to record in; the test itself fails on it
        }
        if (settings.mode() == RunSettings.Mode.OFF || settings.resultsDirectory().isEmpty()) {
            return;
        }
        if (recordsItsOwnResult(context.getRequiredTestMethod()) && java.nio.file.Files.exists(
                ResultFiles.fileFor(settings.resultsDirectory().get(), context.getUniqueId()))) {
            return; // the load test's runner recorded its result (or its declaration) already
        }
        List<GateDeclaration> gates;
        try {
            Optional<Declarations.Resolved> resolved = Declarations.resolve(context);
            if (resolved.isEmpty()) {
                return;
            }
            gates = resolved.get().gates();
        } catch (ExtensionConfigurationException rejected) {
            gates = Declarations.asWritten(context);
        }
        TestResult declared = TestResult.declared(KIND, context.getUniqueId(), context.getRequiredTestClass().getName(),
                context.getRequiredTestMethod().getName(), context.getDisplayName(), gates, null);
        settings.resultsDirectory().ifPresent(directory -> ResultFiles.write(directory, status.apply(declared)));
    }

    /** A test taking a parameter that measures and records it (a load test's runner) runs once, left to that. */
    private static boolean recordsItsOwnResult(Method method) {
        return Arrays.stream(method.getParameterTypes())
                .anyMatch(type -> type.isAnnotationPresent(RecordsItsOwnResult.class));
    }

    private void write(ExtensionContext context, Optional<Path> results, TestResult result) {
        results.ifPresent(directory -> ResultFiles.write(directory, result));
        recorded.put(context.getUniqueId(), result.status());
    }
}
