package io.perfgate.core.baseline;

import io.perfgate.core.regression.RegressionMetric;
import io.perfgate.core.trend.TrendAnalyzer;
import io.perfgate.core.trend.TrendFinding;
import io.perfgate.core.trend.TrendPoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One metric's history, analysed after all comparisons are made. */
record TrendJob(ComparedUnit unit, RegressionMetric metric, List<HistoryRun> runs, double[] current,
                BaselineMetric baseline, Instant now, SourceVersion version) {
    TrendFinding analyze(TrendAnalyzer analyzer, int window) {
        List<TrendPoint> points = new ArrayList<>();
        for (HistoryRun run : runs) {
            run.test(unit.id()).map(test -> test.values(metric.label()))
                    .filter(values -> values.length > 0)
                    .ifPresent(values -> points.add(new TrendPoint(run.fingerprint().recordedAt(),
                            run.fingerprint().commit(), BaselineStore.median(values), values)));
        }
        points.add(new TrendPoint(now, version == null ? null : version.commit(), BaselineStore.median(current),
                current));
        List<TrendPoint> recent = points.subList(Math.max(0, points.size() - window), points.size());
        return analyzer.analyze(unit.id(), unit.label(), metric, recent, baseline.array(),
                baseline.recordedAt());
    }
}
