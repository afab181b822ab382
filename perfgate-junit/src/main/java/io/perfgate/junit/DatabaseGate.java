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
 * Bounds what the test does to its database, as seen through a DataSource wrapped with
 * {@code io.perfgate.core.database.PerfDataSource.wrap(dataSource)}: wrap the test's DataSource (in a
 * {@code @BeforeAll}, a {@code @BeforeEach} or a field initializer) and give the wrapped one to the code
 * under test. Statements are recorded only while the test is measured (warmup excluded); outside gated
 * tests the wrapper only delegates.
 * <ul>
 *   <li>{@code queryP95}: 95th percentile of one statement execution (any statement; reading the result
 *       set afterwards is not included), e.g. {@code "10ms"};</li>
 *   <li>{@code transactionP95}: 95th percentile of an explicit transaction (auto-commit off), from its
 *       first statement to the end of commit or rollback, e.g. {@code "50ms"};</li>
 *   <li>{@code poolEfficiency}: the share of {@code getConnection()} calls served within 1 ms, a minimum,
 *       e.g. {@code "95%"} (or {@code "95%..80%"}: WARN below 95 %, FAIL below 80 %);</li>
 *   <li>{@code deadlockRate}: failures with SQLState class 40 (deadlock, serialization failure) per
 *       transaction, auto-commit statements counting as transactions, e.g. {@code "0.1%"};</li>
 *   <li>{@code maxStatementsPerInvocation}: the most statements one invocation of the test may run, e.g.
 *       {@code "5"}; catches N+1 queries, and the failure names the statement repeated and how often.</li>
 * </ul>
 * Statements per invocation are counted on the thread that runs the invocation. One JVM-wide recorder
 * serves every wrapped DataSource, so database-gated tests must not run in parallel with each other.
 * Percentiles need 200 samples and rates ten events' worth of data before they are judged; without
 * {@link PerfTest} the test runs until it has them (assuming a statement, a transaction and a connection
 * request per invocation). Placement and precedence as for {@link LatencyGate}. Tagged {@code perf}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Inherited
@Documented
@ExtendWith(PerfGateExtension.class)
@Tag("perf")
public @interface DatabaseGate {
    String queryP95() default "";

    String transactionP95() default "";

    /** A minimum: the share of connection requests served within 1 ms. */
    String poolEfficiency() default "";

    String deadlockRate() default "";

    /** A whole number: the most statements one invocation may execute. */
    String maxStatementsPerInvocation() default "";

    Level level() default Level.BLOCKING;

    /** Accept an INCONCLUSIVE verdict (too few samples) instead of failing a BLOCKING gate. */
    boolean allowInconclusive() default false;
}
