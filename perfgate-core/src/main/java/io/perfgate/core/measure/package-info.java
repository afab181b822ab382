/**
 * Driving and measuring a body in-process: the logic behind the JUnit extension, free of JUnit types.
 *
 * <p>{@link io.perfgate.core.measure.WorkloadPlan#resolve} turns what the user wrote
 * ({@link io.perfgate.core.measure.WorkloadRequest}), the {@link io.perfgate.core.measure.Profile} and what the
 * gates need ({@link io.perfgate.core.measure.SampleRequirement}) into a plan;
 * {@link io.perfgate.core.measure.MeasuringLoop} runs it and returns a
 * {@link io.perfgate.core.result.Measurement} for the result file. The JVM-facing probes
 * ({@link io.perfgate.core.measure.ThreadAllocation}, {@link io.perfgate.core.measure.GcPauseMonitor},
 * {@link io.perfgate.core.measure.HeapProbe}) are here too, so any recorder can use them.
 */
package io.perfgate.core.measure;
