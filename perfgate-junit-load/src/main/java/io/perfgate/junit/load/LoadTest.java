package io.perfgate.junit.load;

import io.perfgate.junit.ErrorRateGate;
import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.ThroughputGate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an HTTP load test: the test method takes a {@link LoadRunner} parameter, describes a scenario in code
 * and runs it once. {@link LatencyGate}, {@link ThroughputGate} and {@link ErrorRateGate} on the method (or its
 * class) then judge the whole load result, and {@link Endpoint} gates judge single endpoints:
 *
 * <pre>{@code
 * @Test
 * @LoadTest
 * @LatencyGate(p95 = "200ms")
 * @ErrorRateGate(max = "1%")
 * @Endpoint(value = "GET /api/v1/users/{id}", latency = @LatencyGate(p95 = "50ms"))
 * void browseUsers(LoadRunner load) {
 *     load.run(LoadScenario.builder(service.baseUrl())
 *             .request(HttpStep.get("/api/v1/users/{id}") ...)
 *             .rate(100, Duration.ofSeconds(10)));
 * }
 * }</pre>
 *
 * Unlike other gated tests, a load test's method runs once: the load it sends is the measurement. Under the
 * Maven plugin the result is recorded and judged by {@code check}; run alone, the test fails on a blocking
 * violation. Tagged {@code perf} and {@code load}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Inherited
@Documented
@ExtendWith(LoadTestExtension.class)
@Tag("perf")
@Tag("load")
public @interface LoadTest {
}
