package io.perfgate.maven;

import io.perfgate.core.fork.TestForks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The JVM arguments of compare's forks: what surefire gives the tests (its argLine, its system property variables,
 * the build's {@code -D} properties), so a test that needs {@code --add-opens} or a property runs there as in the
 * test phase, minus what would break or distort a fork, then {@code perfgate.compare.jvmArgs}, last so that they
 * win. Knows nothing about Maven's types, so it is tested alone.
 */
final class CompareForkArguments {
    /** Agents that record coverage into the build's files: JaCoCo's, IntelliJ's (also Kover's). */
    private static final List<String> COVERAGE_AGENTS = List.of("jacoco", "intellij-coverage-agent", "kover");
    private static final Pattern PROPERTY = Pattern.compile("([@$])\\{([^}]+)}");
    /** Build properties that set perfgate's goals (compare sets the forks' own) and Maven (maven.repo.local). */
    private static final List<String> NOT_FOR_TESTS = List.of("perfgate.", "maven.");
    /** Surefire's own placeholders; a fork is fork number 1. */
    private static final List<String> FORK_NUMBERS = List.of("surefire.forkNumber", "surefire.threadNumber");

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
     * @param extra {@code perfgate.compare.jvmArgs}
     * @throws IllegalArgumentException when the argLine has an unbalanced quote
     */
    static Arguments of(SurefireConfiguration surefire, List<String> extra) {
        List<String> candidates = new ArrayList<>();
        if (surefire.argLine() != null && !surefire.argLine().isBlank()) {
            candidates.addAll(ForkArguments.split(replaceProperties(surefire.argLine(), surefire)));
        }
        surefire.systemProperties().forEach((name, value) -> candidates.add("-D" + name + "="
                + (value == null ? "" : replaceProperties(value, surefire))));
        // surefire hands the build's -D properties to the tests too, after its system property variables
        Map<String, String> userProperties = surefire.userProperties().stringPropertyNames().stream()
                .filter(name -> NOT_FOR_TESTS.stream().noneMatch(name::startsWith))
                .collect(Collectors.toMap(name -> name, surefire.userProperties()::getProperty));
        candidates.addAll(TestForks.inheritedArguments(List.of(), userProperties));
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
     * Properties replaced as surefire and Maven do: {@code @{name}} (surefire's late replacement) by the project's
     * properties as the build has set them so far ({@code prepare}'s and JaCoCo's argLine), and {@code ${name}},
     * which Maven leaves for the plugin's run when the property is set during the build, by the build's {@code -D}
     * properties, then the project's. An unset one stays as it is.
     */
    private static String replaceProperties(String text, SurefireConfiguration surefire) {
        Matcher matcher = PROPERTY.matcher(text);
        StringBuilder replaced = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            Properties projectProperties = surefire.projectProperties();
            String value = FORK_NUMBERS.contains(name) ? "1"
                    : matcher.group(1).equals("@") ? projectProperties.getProperty(name)
                    : surefire.userProperties().getProperty(name, projectProperties.getProperty(name));
            matcher.appendReplacement(replaced, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(replaced);
        return replaced.toString();
    }

    private static String reasonToLeaveOut(String argument) {
        if (TestForks.isDebugger(argument)) {
            return "a debugger agent would wait for a debugger in every fork";
        }
        if (argument.startsWith("-javaagent:") && COVERAGE_AGENTS.stream().anyMatch(argument::contains)) {
            return "a coverage agent would add the forks' runs, base code included, to this build's coverage data";
        }
        if (PROPERTY.matcher(argument).find()) {
            return "it names a property that is not set";
        }
        return null;
    }
}
