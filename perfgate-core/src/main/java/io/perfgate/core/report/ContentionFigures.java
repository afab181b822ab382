package io.perfgate.core.report;

import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.result.Contention;
import io.perfgate.core.result.CpuTime;
import io.perfgate.core.result.Measurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How busy the machine was: once for the whole run (the top of every report) and per test. The figures come
 * from the results ({@link Contention}); nothing here decides a verdict.
 *
 * @param tests           tests measured in-process with contention figures
 * @param meanWaitShare   each test's wait share over all its measured rounds, averaged over those tests
 * @param worstWaitShare  the highest wait share of any round of any test, kept or discarded
 * @param discardedRounds rounds discarded for waiting and measured again, all tests together
 * @param shortTests      tests whose cap ran out before their planned rounds were measured cleanly
 * @param maxLoadPerCore  the highest load per core any test saw; null where unknown
 * @param maxWaitShare    the share beyond which a round was discarded (the first test's; it is one setting a run)
 */
record ContentionFigures(int tests, double meanWaitShare, double worstWaitShare, int discardedRounds,
                         int shortTests, Double maxLoadPerCore, double maxWaitShare) {

    static Optional<ContentionFigures> of(CheckReport report) {
        int tests = 0;
        double waitSum = 0;
        double worst = 0;
        int discarded = 0;
        int shortTests = 0;
        Double load = null;
        double maxWait = Double.NaN;
        for (TestOutcome test : report.tests()) {
            Measurement measurement = test.result().measurement();
            Contention contention = measurement == null ? null : measurement.contention();
            if (contention == null) {
                continue;
            }
            tests++;
            waitSum += contention.measuredWaitShare();
            worst = Math.max(worst, contention.worstWaitShare());
            discarded += contention.discardedRounds();
            shortTests += contention.unresolved() ? 1 : 0;
            if (contention.loadPerCore() != null) {
                load = load == null ? contention.loadPerCore() : Math.max(load, contention.loadPerCore());
            }
            maxWait = Double.isNaN(maxWait) ? contention.maxWaitShare() : maxWait;
        }
        return tests == 0 ? Optional.empty()
                : Optional.of(new ContentionFigures(tests, waitSum / tests, worst, discarded, shortTests, load, maxWait));
    }

    /**
     * {@code CPU wait: the measuring threads waited for a CPU 3% of the time on average (worst round 41%); 5 rounds
     * waited beyond 10% and were measured again; 1 test ran out of time before its rounds were clean; machine load
     * up to 2.4 per core.}
     */
    String line() {
        StringBuilder text = new StringBuilder("CPU wait: the measuring threads waited for a CPU ")
                .append(Contention.percent(meanWaitShare)).append(" of the time on average (worst round ")
                .append(Contention.percent(worstWaitShare)).append(")");
        if (discardedRounds > 0) {
            text.append("; ").append(ReportSummary.count(discardedRounds, "round")).append(" waited beyond ")
                    .append(Contention.percent(maxWaitShare)).append(" and ")
                    .append(discardedRounds == 1 ? "was" : "were").append(" measured again");
        }
        if (shortTests > 0) {
            text.append("; ").append(ReportSummary.count(shortTests, "test")).append(" ran out of time before ")
                    .append(shortTests == 1 ? "its" : "their").append(" rounds were clean (wall-time violations there are"
                            + " INCONCLUSIVE)");
        }
        if (maxLoadPerCore != null) {
            text.append("; machine load up to ").append(load(maxLoadPerCore)).append(" per core");
        }
        return text.append('.').toString();
    }

    /** One test's figures, as rows of its section; empty when the result has none. */
    static List<String[]> rows(Measurement measurement) {
        List<String[]> rows = new ArrayList<>();
        if (measurement == null) {
            return rows;
        }
        Contention contention = measurement.contention();
        if (contention != null) {
            rows.add(new String[] {"CPU wait (all rounds)", Contention.percent(contention.measuredWaitShare())
                    + (Contention.CPU_TIME.equals(contention.source()) ? " (estimated from CPU time)" : "")});
            rows.add(new String[] {"CPU wait (kept rounds)", Contention.percent(contention.keptWaitShare())});
            rows.add(new String[] {"CPU wait (worst round)", Contention.percent(contention.worstWaitShare())});
            rows.add(new String[] {"rounds kept / planned / discarded", contention.keptRounds() + " / "
                    + contention.plannedRounds() + " / " + contention.discardedRounds()
                    + (contention.unresolved() ? " (measuring stopped before enough clean rounds)" : "")});
            if (contention.loadPerCore() != null) {
                rows.add(new String[] {"machine load per core", load(contention.loadPerCore())});
            }
        }
        CpuTime cpu = measurement.cpu();
        if (cpu != null && cpu.invocations() > 0) {
            rows.add(new String[] {"CPU time per invocation", QuantityKind.DURATION.format(cpu.perInvocation())});
        }
        return rows;
    }

    /** The per-test figures in one line, for formats without tables: {@code CPU wait 3% (worst round 41%), ...}. */
    static String testLine(Measurement measurement) {
        List<String> parts = new ArrayList<>();
        for (String[] row : rows(measurement)) {
            parts.add(row[0] + " " + row[1]);
        }
        return String.join(", ", parts);
    }

    static String load(double perCore) {
        return String.format(Locale.ROOT, "%.2f", perCore);
    }
}
