/**
 * Performance gates for JUnit Jupiter tests (JUnit 5.10+ and 6).
 *
 * <p>Annotate a test method or class with {@link io.perfgate.junit.LatencyGate},
 * {@link io.perfgate.junit.ThroughputGate}, {@link io.perfgate.junit.ErrorRateGate} or
 * {@link io.perfgate.junit.MemoryGate}, and optionally say how to drive it with {@link io.perfgate.junit.PerfTest}:
 *
 * <pre>{@code
 * @Test
 * @LatencyGate(p95 = "150ms..200ms", p99 = "500ms")
 * @ErrorRateGate(max = "1%")
 * @PerfTest(duration = "10s", threads = 4)
 * void createOrder() { ... }
 * }</pre>
 *
 * <p>Under the perfgate Maven plugin ({@code prepare} goal) the test is measured and recorded and never fails
 * on a verdict: {@code mvn verify} ({@code check} goal) judges every result and fails the build on a blocking
 * violation. Run alone (from an IDE, or without the plugin), the test judges itself and fails with the same
 * message {@code check} would print. With {@code perfgate.skip} each gated test runs once as a plain test.
 *
 * <p>Per annotation type, the nearest declaration wins: the method, then its class (and superclasses and
 * interfaces), then the classes enclosing a {@code @Nested} class. Gates also work through composed
 * annotations. They apply to {@code @Test}, {@code @ParameterizedTest} and {@code @RepeatedTest} methods (each
 * invocation is its own result), not to dynamic tests from a {@code @TestFactory}. A class-level gate on a
 * class that is {@code @Disabled} as a whole records nothing (JUnit calls no extension for its tests).
 *
 * <p>Every gate and {@code @PerfTest} is meta-annotated {@code @Tag("perf")}.
 */
package io.perfgate.junit;
