package io.perfgate.junit.load;

import io.perfgate.junit.ErrorRateGate;
import io.perfgate.junit.LatencyGate;
import io.perfgate.junit.ThroughputGate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gates on one endpoint of a {@link LoadTest}, named as the scenario names it ({@code "GET /api/v1/users/{id}"}:
 * by default the method and the path template). Each gate is written as the annotation used for the whole
 * test, at most one of each:
 *
 * <pre>{@code
 * @Endpoint(value = "POST /api/v1/users", latency = @LatencyGate(p95 = "150ms"), errorRate = @ErrorRateGate(max = "0.5%"))
 * }</pre>
 *
 * Repeatable, once per endpoint. On the method or its class; for the same endpoint and gate, the method wins.
 * An endpoint the scenario does not have is an error.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Inherited
@Documented
@Repeatable(Endpoints.class)
public @interface Endpoint {
    /** The endpoint's name in the scenario. */
    String value();

    LatencyGate[] latency() default {};

    ThroughputGate[] throughput() default {};

    ErrorRateGate[] errorRate() default {};
}
