package io.perfgate.maven;

import io.perfgate.core.fork.TestForks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM arguments of compare's forks: the tests' own (surefire's argLine and system property variables, so a
 * test that needs {@code --add-opens} or a property runs there as in the test phase), minus what belongs to this
 * build's test JVMs alone, then {@code perfgate.compare.jvmArgs}, last so that they win. Knows nothing about
 * Maven, so it is tested alone.
 */
final class CompareForkArguments {
    private static final Pattern LATE_PROPERTY = Pattern.compile("[@$]\\{([^}]+)}");

    /**
     * @param jvmArguments the forks' arguments, in order
     * @param leftOut      each of the tests' arguments left out, with the reason, in order; not perfgate's own
     *                     recording settings, which {@code prepare} puts in every argLine
     */
    record Arguments(List<String> jvmArguments, Map<String, String> leftOut) {
    }

    private CompareForkArguments() {
    }

    /**
     * @param argLine          surefire's argLine as configured (null when none), {@code @{name}} not yet replaced
     * @param properties       a property's value by name for {@code @{name}}, null when unset (as surefire reads them)
     * @param systemProperties surefire's {@code systemPropertyVariables}
     * @param extra            {@code perfgate.compare.jvmArgs}
     * @throws IllegalArgumentException when the argLine has an unbalanced quote
     */
    static Arguments of(String argLine, Function<String, String> properties, Map<String, String> systemProperties,
                        List<String> extra) {
        List<String> candidates = new ArrayList<>();
        if (argLine != null && !argLine.isBlank()) {
            candidates.addAll(ForkArguments.split(replaceProperties(argLine, properties)));
        }
        systemProperties.forEach((name, value) -> candidates.add("-D" + name + "="
                + (value == null ? "" : replaceProperties(value, properties))));
        List<String> arguments = new ArrayList<>();
        Map<String, String> leftOut = new LinkedHashMap<>();
        for (String argument : candidates) {
            if (TestForks.setByFork(argument)) {
                continue; // prepare's own, in every argLine: compare gives each fork its own values
            }
            String reason = reasonToLeaveOut(argument);
            if (reason == null) {
                arguments.add(argument);
            } else {
                leftOut.put(argument, reason);
            }
        }
        arguments.addAll(extra);
        return new Arguments(List.copyOf(arguments), Collections.unmodifiableMap(leftOut));
    }

    /**
     * {@code @{name}} replaced by the property's value, as surefire does, and {@code ${name}}, which Maven leaves for
     * when the plugin runs when the property is set during the build (by {@code prepare} or JaCoCo); an unset one
     * stays as it is.
     */
    private static String replaceProperties(String argLine, Function<String, String> properties) {
        Matcher matcher = LATE_PROPERTY.matcher(argLine);
        StringBuilder replaced = new StringBuilder();
        while (matcher.find()) {
            String value = properties.apply(matcher.group(1));
            matcher.appendReplacement(replaced, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(replaced);
        return replaced.toString();
    }

    private static String reasonToLeaveOut(String argument) {
        if (argument.startsWith("-javaagent:") || argument.startsWith("-agentpath:")
                || argument.startsWith("-agentlib:")) {
            // JaCoCo's agent would add the forks' runs to this build's coverage file; a debugger would wait
            return "an agent of this build's test JVMs (coverage, debugger or profiler) would measure the forks too";
        }
        if (LATE_PROPERTY.matcher(argument).find()) {
            return "it names a property that is not set";
        }
        return null;
    }
}
