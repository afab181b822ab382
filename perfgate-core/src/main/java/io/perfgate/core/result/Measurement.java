package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfgate.core.profile.ProfileSummary;

import java.util.List;
import java.util.Map;

/**
 * What was measured for one test (or one endpoint of a load test).
 *
 * @param invocations      measured invocations, successful or not (warmup excluded)
 * @param errors           invocations that threw (or requests that failed)
 * @param errorsByKind     error count per kind: exception class, or status/timeout/connection for HTTP
 * @param firstError       the first error's text, to help find its cause
 * @param durationNanos    wall time of the measurement phase
 * @param latencyHistogram successful invocations' latency in nanoseconds, an encoded HdrHistogram
 *                         (see {@link io.perfgate.core.latency.LatencyHistogram#encode()})
 * @param memory           memory figures when a memory gate asked for them
 * @param behindSchedule   set by load generators that could not keep their own schedule: the run is INCONCLUSIVE
 * @param rounds           the replicates this measurement is made of, for regression detection; may be empty
 * @param database         statements, transactions and connections seen through wrapped DataSources when a
 *                         database gate asked for them; null otherwise
 * @param contention       how long the measuring threads waited for a CPU, and the rounds discarded for it; null
 *                         for results not measured in-process (load, JMH, imports)
 * @param cpu              the measuring threads' CPU time; null when not measured
 * @param profile          what a JFR profile of the measured rounds showed; null when not profiled
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Measurement(
        long invocations,
        long errors,
        Map<String, Long> errorsByKind,
        String firstError,
        long durationNanos,
        String latencyHistogram,
        MemoryMeasurement memory,
        String behindSchedule,
        List<Round> rounds,
        DatabaseMeasurement database,
        Contention contention,
        CpuTime cpu,
        ProfileSummary profile) {

    public Measurement {
        errorsByKind = errorsByKind == null ? Map.of() : Map.copyOf(errorsByKind);
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
    }

    /** A measurement without contention, CPU or profile figures. */
    public Measurement(long invocations, long errors, Map<String, Long> errorsByKind, String firstError,
                       long durationNanos, String latencyHistogram, MemoryMeasurement memory, String behindSchedule,
                       List<Round> rounds, DatabaseMeasurement database) {
        this(invocations, errors, errorsByKind, firstError, durationNanos, latencyHistogram, memory, behindSchedule,
                rounds, database, null, null, null);
    }

    /** A measurement without database, contention, CPU or profile figures. */
    public Measurement(long invocations, long errors, Map<String, Long> errorsByKind, String firstError,
                       long durationNanos, String latencyHistogram, MemoryMeasurement memory, String behindSchedule,
                       List<Round> rounds) {
        this(invocations, errors, errorsByKind, firstError, durationNanos, latencyHistogram, memory, behindSchedule,
                rounds, null, null, null, null);
    }

    /** The same measurement with other memory figures. */
    public Measurement withMemory(MemoryMeasurement figures) {
        return new Measurement(invocations, errors, errorsByKind, firstError, durationNanos, latencyHistogram, figures,
                behindSchedule, rounds, database, contention, cpu, profile);
    }

    /** The same measurement with database figures attached. */
    public Measurement withDatabase(DatabaseMeasurement figures) {
        return new Measurement(invocations, errors, errorsByKind, firstError, durationNanos, latencyHistogram, memory,
                behindSchedule, rounds, figures, contention, cpu, profile);
    }

    /** The same measurement with a profile of its rounds attached. */
    public Measurement withProfile(ProfileSummary summary) {
        return new Measurement(invocations, errors, errorsByKind, firstError, durationNanos, latencyHistogram, memory,
                behindSchedule, rounds, database, contention, cpu, summary);
    }

    /** The same measurement with contention and CPU figures attached. */
    public Measurement withContention(Contention figures, CpuTime cpuTime) {
        return new Measurement(invocations, errors, errorsByKind, firstError, durationNanos, latencyHistogram, memory,
                behindSchedule, rounds, database, figures, cpuTime, profile);
    }

    public long successes() {
        return invocations - errors;
    }
}
