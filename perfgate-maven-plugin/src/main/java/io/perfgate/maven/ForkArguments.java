package io.perfgate.maven;

import io.perfgate.core.measure.ContentionRule;
import io.perfgate.core.measure.Profile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JVM arguments {@code prepare} hands to forked test JVMs, and how they are merged into an argLine
 * the user (or another plugin, such as JaCoCo) already set. Knows nothing about Maven, so it is tested alone.
 *
 * <p>Quoting follows what surefire and failsafe apply when they split an argLine: arguments are
 * separated by whitespace, and single or double quotes group an argument holding spaces.
 */
final class ForkArguments {

    /** System property telling the JUnit extension whether to record (defer the verdict) or do nothing. */
    static final String MODE = io.perfgate.core.fork.TestForks.MODE_PROPERTY;
    /** System property naming the directory result files are written to. */
    static final String RESULTS_DIRECTORY = io.perfgate.core.fork.TestForks.RESULTS_DIRECTORY_PROPERTY;
    /** System property naming the workload profile. */
    static final String PROFILE = Profile.PROPERTY;
    /** System property saying how many JVMs measure each gated test. */
    static final String FORKS = io.perfgate.core.fork.TestForks.FORKS_PROPERTY;

    private ForkArguments() {
    }

    /**
     * Arguments for forks that record into {@code resultsDirectory} and leave the verdict to {@code check}.
     *
     * @param profileOnCommandLine the profile was given as {@code -Dperfgate.profile=...}: surefire and failsafe
     *                             hand user properties to their forks themselves, and warn "configured twice"
     *                             when the argLine repeats one, so it is left out
     */
    static List<String> record(Path resultsDirectory, Profile profile, boolean profileOnCommandLine) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "-D" + MODE + "=record",
                "-D" + RESULTS_DIRECTORY + "=" + resultsDirectory.toAbsolutePath().normalize()));
        if (!profileOnCommandLine) {
            arguments.add("-D" + PROFILE + "=" + profile.id());
        }
        return List.copyOf(arguments);
    }

    /**
     * As {@link #record(Path, Profile, boolean)}, plus how many JVMs measure each gated test when the project
     * sets it (null: the profile's default; given on the command line, surefire hands it over itself).
     */
    static List<String> record(Path resultsDirectory, Profile profile, boolean profileOnCommandLine, Integer jvms) {
        List<String> arguments = new java.util.ArrayList<>(record(resultsDirectory, profile, profileOnCommandLine));
        if (jvms != null) {
            arguments.add("-D" + FORKS + "=" + jvms);
        }
        return List.copyOf(arguments);
    }

    /**
     * Arguments for compare's forks: record as {@link #record(Path, Profile, boolean)}, and keep every round
     * however long it waited for a CPU. A busy machine slows both JVMs of a pair alike, which the pairing cancels;
     * discarding rounds instead left CPU-bound tests under four busy loops with no round at all on either side.
     */
    static List<String> recordForCompare(Path resultsDirectory, Profile profile) {
        List<String> arguments = new ArrayList<>(record(resultsDirectory, profile, false));
        arguments.add("-D" + ContentionRule.PROPERTY + "=100%");
        return List.copyOf(arguments);
    }

    /** Arguments for forks that must neither record nor judge ({@code perfgate.skip}). */
    static List<String> off() {
        return List.of("-D" + MODE + "=off");
    }

    /**
     * Appends perfgate's arguments to an existing argLine. A property perfgate sets that is already in it (from
     * an earlier {@code prepare} execution, or typed by hand) is replaced, so running {@code prepare} twice leaves
     * one copy; everything else is kept as written, such as a hand-typed {@code -Dperfgate.forks=5} when the
     * project does not set {@code <forks>}.
     *
     * @param existing the current value of the property, or null when it is not set
     */
    static String merge(String existing, List<String> ours) {
        String appended = join(ours);
        if (existing == null || existing.isBlank()) {
            return appended;
        }
        List<String> tokens;
        try {
            tokens = split(existing);
        } catch (IllegalArgumentException e) {
            return existing.strip() + " " + appended; // not ours to repair; surefire will report it
        }
        List<String> names = ours.stream().map(ForkArguments::propertyName).toList();
        List<String> kept = tokens.stream().filter(token -> !names.contains(propertyName(token))).toList();
        String base = kept.size() == tokens.size() ? existing.strip() : join(kept);
        return base.isEmpty() ? appended : base + " " + appended;
    }

    /** The name of a {@code -Dname=value} argument; null for any other argument. */
    private static String propertyName(String argument) {
        if (!argument.startsWith("-D")) {
            return null;
        }
        int equals = argument.indexOf('=');
        return equals < 0 ? argument.substring(2) : argument.substring(2, equals);
    }

    /** Joins arguments into one line, quoting those that need it. */
    static String join(List<String> arguments) {
        List<String> quoted = new ArrayList<>(arguments.size());
        for (String argument : arguments) {
            quoted.add(quote(argument));
        }
        return String.join(" ", quoted);
    }

    /**
     * Quotes one argument when it holds whitespace or quotes: in double quotes, or in single quotes when it
     * holds a double quote. An argument holding both kinds of quote cannot be passed through an argLine.
     */
    static String quote(String argument) {
        boolean plain = !argument.isEmpty() && argument.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'');
        if (plain) {
            return argument;
        }
        if (argument.indexOf('"') < 0) {
            return '"' + argument + '"';
        }
        if (argument.indexOf('\'') < 0) {
            return "'" + argument + "'";
        }
        throw new IllegalArgumentException("cannot pass [" + argument + "] to a test JVM: it holds both ' and \"");
    }

    /** Splits an argLine into arguments the way surefire does: whitespace separates, quotes group. */
    static List<String> split(String line) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArgument = true;
            } else if (Character.isWhitespace(c)) {
                if (inArgument) {
                    arguments.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(c);
                inArgument = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unbalanced quote " + quote + " in argLine [" + line + "]");
        }
        if (inArgument) {
            arguments.add(current.toString());
        }
        return arguments;
    }

    /**
     * A warning when a surefire or failsafe {@code <argLine>} setting would drop perfgate's arguments: it
     * replaces the property {@code prepare} sets unless it refers to it with {@code @{name}} (or a
     * {@code ${name}} left for late evaluation).
     *
     * @param where            the plugin (and execution) the setting belongs to, for the message
     * @param configuredArgLine the {@code <argLine>} as configured, or null when not configured
     */
    static Optional<String> argLineWarning(String where, String configuredArgLine, String propertyName) {
        if (configuredArgLine == null) {
            return Optional.empty();
        }
        if (configuredArgLine.contains("@{" + propertyName + "}") || configuredArgLine.contains("${" + propertyName + "}")) {
            return Optional.empty();
        }
        return Optional.of(where + " sets <argLine>" + configuredArgLine.strip() + "</argLine>, which replaces the '"
                + propertyName + "' property perfgate:prepare sets, so test JVMs will not record perf results; write <argLine>@{"
                + propertyName + "} " + configuredArgLine.strip() + "</argLine>");
    }
}
