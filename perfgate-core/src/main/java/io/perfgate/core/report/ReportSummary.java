package io.perfgate.core.report;

import io.perfgate.core.check.CheckReport;
import io.perfgate.core.gate.Verdict;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The counts and the headline every format opens with. A violation is one metric beyond its bound (or
 * without a verdict), or one gate that could not be judged: one row of the reports' violation tables.
 */
record ReportSummary(int tests, int passed, int warned, int failed, int inconclusive, int skipped,
                     int blockingViolations, int nonBlockingViolations, int waived) {

    static ReportSummary of(CheckReport report) {
        Map<Verdict, Integer> counts = report.countsByVerdict();
        List<ReportRow> rows = ReportRow.of(report);
        return new ReportSummary(report.tests().size(), counts.get(Verdict.PASS), counts.get(Verdict.WARN),
                counts.get(Verdict.FAIL), counts.get(Verdict.INCONCLUSIVE), counts.get(Verdict.SKIPPED),
                report.blockingMessages().size(),
                (int) rows.stream().filter(row -> row.violated() && !row.blocks()).count(), counts.get(Verdict.WAIVED));
    }

    /** FAILED when a violation blocks the build, SKIPPED when no gated test left a result, else PASSED. */
    String status() {
        if (blockingViolations > 0) {
            return "FAILED";
        }
        return tests == 0 ? "SKIPPED" : "PASSED";
    }

    /** {@code perfgate: FAILED - 2 blocking violations}. */
    String headline() {
        String headline = "perfgate: " + status();
        if (blockingViolations > 0) {
            return headline + " - " + count(blockingViolations, "blocking violation");
        }
        if (tests == 0) {
            return headline + " - no gated test left a result";
        }
        if (nonBlockingViolations > 0) {
            return headline + " - " + count(nonBlockingViolations, "non-blocking violation");
        }
        return headline;
    }

    /** {@code 6 tests: 1 passed, 1 warned, 3 failed, 0 inconclusive, 1 skipped}, and {@code , 1 waived} when any is. */
    String countsLine() {
        return count(tests, "test") + ": " + passed + " passed, " + warned + " warned, " + failed + " failed, "
                + inconclusive + " inconclusive, " + skipped + " skipped" + (waived > 0 ? ", " + waived + " waived" : "");
    }

    static String count(long count, String noun) {
        return io.perfgate.core.gate.QuantityKind.grouped(count) + " " + noun + (count == 1 ? "" : "s");
    }

    /** An instant to the second, in UTC, the same in every locale and time zone: 2025-01-15T10:30:00Z. */
    static String time(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
