package io.perfgate.core.baseline;

import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.TestLabels;
import io.perfgate.core.result.TestResult;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What is compared with a baseline as one: a test's measurement, or one endpoint of a load test.
 *
 * @param id          the test's id, plus {@code #endpoint} for an endpoint
 * @param label       {@code OrderTest#create}, or {@code orders.json [GET /orders]} for an endpoint
 * @param scope       the endpoint's name; null for the test's own measurement
 */
public record ComparedUnit(TestResult result, String id, String label, String scope, Measurement measurement) {

    /**
     * Every unit of these results, each test named as the run's messages name it ({@link TestLabels#distinct}), so
     * a label copied from a message (a {@code perfgate.accept} hint) finds its unit.
     */
    public static List<ComparedUnit> ofAll(List<TestResult> results) {
        Function<TestResult, String> labels = TestLabels.distinct(results);
        List<ComparedUnit> units = new ArrayList<>();
        results.forEach(result -> units.addAll(of(result, labels.apply(result))));
        return units;
    }

    /** The test's measurement first, then each endpoint's, by name. */
    public static List<ComparedUnit> of(TestResult result) {
        return of(result, result.label());
    }

    /** @param label the test as this run names it ({@link io.perfgate.core.result.TestLabels}) */
    public static List<ComparedUnit> of(TestResult result, String label) {
        List<ComparedUnit> units = new ArrayList<>();
        if (result.measurement() != null) {
            units.add(new ComparedUnit(result, result.id(), label, null, result.measurement()));
        }
        if (result.endpoints() != null) {
            new TreeMap<>(result.endpoints()).forEach((endpoint, measurement) -> units.add(new ComparedUnit(result,
                    result.id() + "#" + endpoint, label + " [" + endpoint + "]", endpoint, measurement)));
        }
        return units;
    }
}
