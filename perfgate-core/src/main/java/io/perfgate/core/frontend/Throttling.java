package io.perfgate.core.frontend;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How Lighthouse slows the page down. {@code simulate} is Lighthouse's default (a fast, unthrottled load, then
 * the metrics computed for a slower network and CPU); {@code devtools} throttles the browser itself while
 * loading; {@code provided} does not throttle; {@code 3g} simulates Lighthouse's "regular 3G" mobile profile
 * (300 ms round trip, 700 Kbit/s, CPU 4x slower).
 */
public enum Throttling {
    SIMULATE("simulate", List.of("--throttling-method=simulate")),
    DEVTOOLS("devtools", List.of("--throttling-method=devtools")),
    PROVIDED("provided", List.of("--throttling-method=provided")),
    REGULAR_3G("3g", List.of("--throttling-method=simulate",
            "--throttling.rttMs=300", "--throttling.throughputKbps=700",
            "--throttling.requestLatencyMs=1125", "--throttling.downloadThroughputKbps=630",
            "--throttling.uploadThroughputKbps=630", "--throttling.cpuSlowdownMultiplier=4"));

    private final String label;
    private final List<String> arguments;

    Throttling(String label, List<String> arguments) {
        this.label = label;
        this.arguments = arguments;
    }

    /** As users write it: {@code simulate}, {@code devtools}, {@code provided}, {@code 3g}. */
    public String label() {
        return label;
    }

    /** Lighthouse CLI arguments. */
    public List<String> arguments() {
        return arguments;
    }

    public static Throttling of(String text, String source) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(value -> value.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new FrontendConfigurationException(source + ": unknown throttling '" + text
                        + "'; expected one of " + Arrays.stream(values()).map(Throttling::label).toList()));
    }
}
