package io.perfgate.junit.internal;

import io.perfgate.core.fork.ForkCount;
import io.perfgate.core.fork.TestForks;
import io.perfgate.core.measure.Profile;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How this test JVM runs gated tests, read from JUnit configuration parameters, which fall back to system
 * properties. The Maven plugin's {@code prepare} goal sets them in forked test JVMs:
 * <ul>
 *   <li>{@code perfgate.mode}: {@code record} (measure and write results, never fail on a verdict: the
 *       verdict comes at {@code mvn verify}), {@code off} (run each test body once as a plain test), or unset
 *       (an IDE run: measure, judge, fail the test on a blocking violation);</li>
 *   <li>{@code perfgate.skip=true}: the same as {@code perfgate.mode=off};</li>
 *   <li>{@code perfgate.resultsDirectory}: where result files go (required by {@code record});</li>
 *   <li>{@code perfgate.profile}: {@code smoke}, {@code standard} (default) or {@code comprehensive};</li>
 *   <li>{@code perfgate.forks}: how many JVMs measure each gated test in record mode (by profile: 1, 3, 5);</li>
 *   <li>{@code perfgate.fork}: set in a fork itself, which then measures in its own JVM only.</li>
 * </ul>
 *
 * @param jvms how many JVMs measure each gated test, this one included: 1 outside record mode and in a fork
 */
public record RunSettings(Mode mode, Optional<Path> resultsDirectory, Profile profile, int jvms) {

    public static final String MODE = TestForks.MODE_PROPERTY;
    public static final String SKIP = "perfgate.skip";
    public static final String RESULTS_DIRECTORY = TestForks.RESULTS_DIRECTORY_PROPERTY;

    public enum Mode {
        /** Measure and record; the Maven plugin's {@code check} judges later. */
        RECORD,
        /** Run the body once as a plain test. */
        OFF,
        /** No plugin: measure, judge and fail here. */
        STANDALONE
    }

    public static RunSettings of(ExtensionContext context) {
        return of(context::getConfigurationParameter);
    }

    /** @param parameters JUnit configuration parameters by name (an extension context's, or a test plan's) */
    public static RunSettings of(Function<String, Optional<String>> parameters) {
        Mode mode = mode(parameters);
        Optional<Path> results = parameters.apply(RESULTS_DIRECTORY)
                .filter(value -> !value.isBlank())
                .map(value -> Path.of(value.strip()));
        if (mode == Mode.RECORD && results.isEmpty()) {
            throw new ExtensionConfigurationException(MODE + " = record needs " + RESULTS_DIRECTORY
                    + " to say where results go; the perfgate-maven-plugin's prepare goal sets both");
        }
        Profile profile;
        try {
            profile = Profile.of(parameters.apply(Profile.PROPERTY).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
        int jvms = 1;
        boolean fork = parameters.apply(TestForks.FORK_PROPERTY).filter(value -> !value.isBlank()).isPresent();
        if (mode == Mode.RECORD && !fork) {
            try {
                jvms = ForkCount.of(profile, parameters.apply(TestForks.FORKS_PROPERTY).orElse(null));
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException(e.getMessage(), e);
            }
        }
        return new RunSettings(mode, results, profile, jvms);
    }

    private static Mode mode(Function<String, Optional<String>> parameters) {
        if (parameters.apply(SKIP).map(value -> value.isBlank() || Boolean.parseBoolean(value.strip()))
                .orElse(false)) {
            return Mode.OFF;
        }
        Optional<String> value = parameters.apply(MODE).map(String::strip).filter(text -> !text.isEmpty());
        if (value.isEmpty()) {
            return Mode.STANDALONE;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "record" -> Mode.RECORD;
            case "off" -> Mode.OFF;
            default -> throw new ExtensionConfigurationException(MODE + " = '" + value.get()
                    + "' is not a mode; expected record or off (or nothing, to judge in the test itself)");
        };
    }
}
