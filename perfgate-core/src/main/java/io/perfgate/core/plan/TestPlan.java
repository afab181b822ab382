package io.perfgate.core.plan;

import java.time.Instant;
import java.util.List;

/**
 * What one test JVM planned to run: written when its test plan starts, before any test runs, so that
 * {@code check} can demand a result of each one even when the JVM died or could not write.
 *
 * @param schemaVersion {@code major.minor}, as for result files
 * @param jvm           the writing JVM, as {@code pid@host}, named in messages about missing results
 * @param startedAt     when the plan started
 * @param tests         the gated tests planned, in plan order
 */
public record TestPlan(String schemaVersion, String jvm, Instant startedAt, List<PlannedTest> tests) {

    public static final String SCHEMA_VERSION = "1.0";

    public TestPlan {
        tests = tests == null ? List.of() : List.copyOf(tests);
    }
}
