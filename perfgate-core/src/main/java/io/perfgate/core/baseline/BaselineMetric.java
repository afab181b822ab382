package io.perfgate.core.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfgate.core.regression.Replicates;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The baseline of one metric: its replicate values, and when and on which commit they were measured
 * (an accepted metric may be newer than the rest of its test's baseline).
 *
 * @param jvms the JVM that measured each value (parallel to {@code values}) when the test was measured in
 *             several JVMs (forks), so the spread between JVMs is known from the first comparison; null when
 *             one JVM measured them all (and in baselines written before forks)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BaselineMetric(List<Double> values, Instant recordedAt, String commit, List<Integer> jvms) {

    public BaselineMetric {
        values = values == null ? List.of() : List.copyOf(values);
        jvms = jvms == null || jvms.size() != values.size() ? null : List.copyOf(jvms);
    }

    /** The values of replicates, with the JVM of each when they came from several. */
    static BaselineMetric of(Replicates replicates, Instant recordedAt, String commit) {
        List<Integer> jvms = replicates.jvms().length == 0 ? null
                : Arrays.stream(replicates.jvms()).boxed().toList();
        return new BaselineMetric(Arrays.stream(replicates.values()).boxed().toList(), recordedAt, commit,
                jvms);
    }

    public double[] array() {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The JVM of each value; empty when one JVM measured them all. */
    public int[] jvmArray() {
        return jvms == null ? new int[0] : jvms.stream().mapToInt(Integer::intValue).toArray();
    }
}
