package io.perfgate.junit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a gated test's body is driven. Every attribute is optional; what is left open comes from the profile
 * ({@code -Dperfgate.profile=smoke|standard|comprehensive}, default standard):
 *
 * <table>
 *   <caption>Defaults per profile</caption>
 *   <tr><th>profile</th><th>warmup</th><th>measuring time at least</th><th>cap per test</th><th>rounds</th></tr>
 *   <tr><td>smoke</td><td>200 ms</td><td>300 ms</td><td>10 s</td><td>5</td></tr>
 *   <tr><td>standard</td><td>1 s</td><td>1 s</td><td>30 s</td><td>10</td></tr>
 *   <tr><td>comprehensive</td><td>3 s</td><td>5 s</td><td>120 s</td><td>20</td></tr>
 * </table>
 *
 * <p>Without {@code invocations} or {@code duration}, the body runs for at least the profile's measuring time
 * and until the gates have the samples they need (p95 needs 200 successful invocations, p99 1,000,
 * an error rate of 1 % 1,000 invocations), within the cap. A run that reaches its cap with too few samples
 * is INCONCLUSIVE, which fails a BLOCKING gate unless it sets {@code allowInconclusive = true}.
 *
 * <p>How the run goes: {@code @BeforeEach} and {@code @AfterEach} run once around the whole measurement, not
 * around each invocation, unless {@code setup = Setup.PER_INVOCATION}. The warmup is never measured. The
 * measurement is split into rounds separated by a full GC (the replicates regression detection compares). An exception from the body counts as an error of
 * its class and stays out of the latency; an assumption that fails on the first invocation skips the test.
 * With {@code threads > 1} that many threads invoke the body at once on the same test instance. A JUnit
 * {@code @Timeout} on the test bounds the whole measurement, warmup included. The cap is checked between
 * invocations: a body that never returns is not interrupted (use {@code @Timeout} for that).
 *
 * <p>Tagged {@code perf}, like every gate annotation, so gated tests can be run apart:
 * {@code <groups>perf</groups>} or {@code <excludedGroups>perf</excludedGroups>} in surefire.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Inherited
@Documented
@ExtendWith(PerfGateExtension.class)
@Tag("perf")
public @interface PerfTest {
    /** Warmup duration, such as {@code "2s"}; {@code "0s"} for none; empty: the profile's. */
    String warmup() default "";

    /** Warmup by invocations (all threads together) instead of by duration; negative: unset. */
    long warmupInvocations() default -1;

    /** Measured invocations, all threads together; negative: unset. Not with {@code duration}. */
    long invocations() default -1;

    /** Measuring duration, such as {@code "10s"}; empty: unset. Not with {@code invocations}. */
    String duration() default "";

    /** Threads invoking the body at once. */
    int threads() default 1;

    /** Cap on the test's whole run, warmup included, such as {@code "1min"}; empty: the profile's cap. */
    String maxDuration() default "";

    /**
     * When {@code @BeforeEach} / {@code @AfterEach} run: once around the whole measurement ({@code PER_TEST}), or
     * around every invocation outside the measured time ({@code PER_INVOCATION}), for a body that uses up the state
     * its setup makes. {@code PER_INVOCATION} needs {@code threads = 1} and lifecycle methods without parameters.
     */
    Setup setup() default Setup.PER_TEST;
}
