package io.perfgate.core.baseline;

import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.TestResult;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What is compared with a baseline as one: a test's measurement, or one endpoint of a load test.
 *
 * @param id          the test's id, plus {@code #endpoint} for an endpoint
 * @param label       {@code OrderTest#create}, or {@code orders.json [GET /orders]} for an endpoint
 * @param scope       the endpoint's name; null for the test's own measurement
 */
public record ComparedUnit(TestResult result, String id, String label, String scope, Measurement measurement) {

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
