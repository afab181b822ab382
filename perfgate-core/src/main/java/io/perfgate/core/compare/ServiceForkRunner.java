package io.perfgate.core.compare;

import io.perfgate.core.fork.JvmFork;
import io.perfgate.core.load.LoadPlan;
import io.perfgate.core.load.LoadTestDefinition;
import io.perfgate.core.load.LoadTestOutcome;
import io.perfgate.core.load.LoadTestRunner;
import io.perfgate.core.load.ScenarioFile;
import io.perfgate.core.load.ServiceProbe;
import io.perfgate.core.result.TestResult;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fork of compare's load scenarios: starts one version's service with the build's command on a free loopback
 * port, waits for it to accept connections, drives it with head's scenario file (the same plan on both sides) and
 * stops it. Head's and base's services never run at the same time, so neither takes the other's CPUs.
 *
 * @param command     the service's command line; {@value #PORT} becomes the port, {@value #CLASSPATH} the version's
 *                    test class path (its main and test classes and their dependencies), {@value #JAR} the version's
 *                    package (a Spring Boot jar, say), {@code {jar:exec}} its package attached with that classifier
 * @param url         the scenarios' base URL, with {@value #PORT}
 * @param scenarios   head's scenario file
 * @param patience    how long the service may take to accept connections
 * @param artifact    where a version's package lies in its module directory (target/shop-1.0.jar), or null when the
 *                    command has no {@value #JAR}
 */
public record ServiceForkRunner(List<String> command, String url, Path scenarios, Duration patience, Path artifact)
        implements InterleavedRuns.ForkRunner {

    /** Replaced by the port the service is to listen on. */
    public static final String PORT = "{port}";
    /** Replaced by the version's class path. */
    public static final String CLASSPATH = "{classpath}";
    /** Replaced by the version's package: the base is then built with {@code package}, not only compiled. */
    public static final String JAR = "{jar}";
    /** {@value #JAR}, or {@code {jar:exec}} for the package attached with a classifier. */
    private static final Pattern JAR_PLACE = Pattern.compile("\\{jar(?::([A-Za-z0-9._-]+))?}");
    /** What was meant as one, {@code {jar:}} or {@code {jar: exec}} too; {@code {jarfile}} is none. */
    private static final Pattern JAR_MEANT = Pattern.compile("\\{jar(?=[:}])[^}]*}?");

    public ServiceForkRunner {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the service's command is empty");
        }
        if (!url.contains(PORT)) {
            // a fixed port would reach whatever already listens there (head's service from perfgate:load, say)
            throw new IllegalArgumentException("the service URL " + url + " has no " + PORT + ": each version's"
                    + " service must listen on a port of its own, given to it in the command as " + PORT);
        }
        if (artifact != null && artifact.isAbsolute()) {
            throw new IllegalArgumentException("the package " + artifact + " must be relative to a module directory");
        }
        command.stream().flatMap(argument -> JAR_MEANT.matcher(argument).results()).map(MatchResult::group)
                .filter(meant -> !JAR_PLACE.matcher(meant).matches()).findFirst().ifPresent(meant -> {
                    throw new IllegalArgumentException("the service's command has " + meant + ", which is no package"
                            + " placeholder: write " + JAR + ", or {jar:classifier} with a classifier of letters,"
                            + " digits, '.', '_' or '-'");
                });
        if (artifact == null && usesPackage(command)) {
            throw new IllegalArgumentException("the service's command has " + JAR + " but no package is named");
        }
    }

    /** The package placeholder the command uses ({@code {jar}} or {@code {jar:exec}}), for messages; null if none. */
    public String packagePlaceholder() {
        List<String> placeholders = placeholders(command);
        return placeholders.isEmpty() ? null : placeholders.get(0);
    }

    /** Each package placeholder of the command once, in order. */
    private static List<String> placeholders(List<String> command) {
        return command.stream().flatMap(argument -> JAR_PLACE.matcher(argument).results()).map(MatchResult::group)
                .distinct().toList();
    }

    /** Why a version's service cannot start: the package its command runs is missing; null when it is there. */
    public String missingPackage(InterleavedRuns.Version version) {
        if (artifact == null || Files.isRegularFile(packageOf(version))) {
            return null;
        }
        return "the " + version.side().label() + " version has no " + packageOf(version) + " to start its service"
                + " from (" + packagePlaceholder() + " in the service's command)";
    }

    /**
     * Stops compare once, before any fork, when the base's package build made no package where head's lies.
     *
     * @throws CompareException naming the commit and the package looked for
     */
    public void requireBasePackage(InterleavedRuns.Version base, BaseCommit commit) {
        String missing = missingPackage(base);
        if (missing != null) {
            throw new CompareException("perfgate:compare: the base commit " + commit.describe() + " was built with"
                    + " package, but " + missing + ": a different finalName, packaging or classifier there?");
        }
    }

    private Path packageOf(InterleavedRuns.Version version) {
        return version.workingDirectory().resolve(artifact.toString());
    }

    /** Whether the command runs a version's package ({@value #JAR}), which the base must then be built into. */
    public static boolean usesPackage(List<String> command) {
        return command.stream().anyMatch(argument -> JAR_PLACE.matcher(argument).find());
    }

    /**
     * The classifier of the package the command runs ({@code exec} for {@code {jar:exec}}); null for the main
     * package ({@value #JAR}) or none.
     *
     * @throws IllegalArgumentException when the command names two packages: compare finds one per version
     */
    public static String packageClassifier(List<String> command) {
        List<String> placeholders = placeholders(command);
        if (placeholders.size() > 1) {
            throw new IllegalArgumentException("the service's command names more than one package (" + placeholders
                    + "): compare starts each version from one");
        }
        if (placeholders.isEmpty()) {
            return null;
        }
        Matcher placeholder = JAR_PLACE.matcher(placeholders.get(0));
        return placeholder.matches() ? placeholder.group(1) : null;
    }

    /**
     * Whether compare drives both versions alike in this plan: a shaped load, or a normal or peak load at a given
     * rate or capacity. A plan that measures each service's own capacity first, or a stress test's steps, would
     * drive a slower version more gently, and hide what it measures.
     */
    public static boolean drivenAlike(LoadPlan plan) {
        return switch (plan.kind()) {
            case AS_SHAPED -> true;
            case NORMAL, PEAK -> plan.rate() != null || plan.capacity() != null;
            case STRESS -> false;
        };
    }

    /**
     * Head's scenarios with a base URL on some port: reads the file as every fork will.
     *
     * @throws io.perfgate.core.load.LoadConfigurationException naming the file and field when it cannot be read
     */
    public List<LoadTestDefinition> definitions(int port) {
        List<LoadTestDefinition> definitions = ScenarioFile.read(scenarios, url.replace(PORT, String.valueOf(port)));
        definitions.forEach(definition -> definition.scenario().checkTarget());
        return definitions;
    }

    @Override
    public InterleavedRuns.Fork run(int pair, int sequence, InterleavedRuns.Version version, List<String> ids,
                                    boolean probe, Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        int port = freePort();
        List<LoadTestDefinition> definitions = definitions(port).stream()
                .filter(definition -> ids.contains(definition.id())).toList();
        Path serviceLog = directory.resolve("service.log");
        Path loadLog = directory.resolve("load.log");
        List<String> commandLine = command.stream().map(argument -> argument.replace(PORT, String.valueOf(port))
                .replace(CLASSPATH, version.classpath())
                .transform(text -> artifact == null ? text
                        : JAR_PLACE.matcher(text).replaceAll(Matcher.quoteReplacement(packageOf(version).toString()))))
                .toList();
        long started = System.nanoTime();
        Map<String, TestResult> recorded = new LinkedHashMap<>();
        int code = 0;
        String missing = missingPackage(version);
        if (missing != null) {
            Files.writeString(loadLog, "perfgate: " + missing + "; its command: " + String.join(" ", commandLine)
                    + System.lineSeparator(), StandardCharsets.UTF_8);
            return new InterleavedRuns.Fork(pair, version.side(), sequence, new JvmFork.Exit(1, false, loadLog,
                    Duration.ofNanos(System.nanoTime() - started)), recorded, List.of());
        }
        Process service = new ProcessBuilder(commandLine).directory(version.workingDirectory().toFile())
                .redirectErrorStream(true).redirectOutput(serviceLog.toFile()).start();
        try (BufferedWriter load = Files.newBufferedWriter(loadLog, StandardCharsets.UTF_8)) {
            boolean reachable = !definitions.isEmpty()
                    && ServiceProbe.awaitReachable(definitions.get(0).scenario(), patience, service::isAlive);
            if (!reachable || !service.isAlive()) {
                load.write("perfgate: the " + version.side().label() + " service " + (service.isAlive()
                        ? "accepted no connection on port " + port + " within " + patience.toSeconds() + " s"
                        : "exited with " + service.exitValue() + " before accepting a connection")
                        + "; its command: " + String.join(" ", commandLine) + "; its output: " + serviceLog);
                load.newLine();
                code = 1;
            } else {
                for (LoadTestDefinition definition : definitions) {
                    LoadTestOutcome outcome = LoadTestRunner.run(definition, line -> write(load, line));
                    recorded.put(definition.id(), outcome.result());
                    if (outcome.failure() != null) {
                        write(load, "perfgate: " + definition.methodName() + " could not run: " + outcome.failure());
                        code = 1;
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            stop(service);
        }
        JvmFork.Exit exit = new JvmFork.Exit(code, false, loadLog,
                Duration.ofNanos(System.nanoTime() - started));
        return new InterleavedRuns.Fork(pair, version.side(), sequence, exit, recorded, List.of());
    }

    /**
     * Stops the service and every process it started (a launcher script's JVM among them), politely first, so that
     * none runs on into the other version's fork.
     */
    private static void stop(Process service) throws IOException, InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(service.descendants().toList());
        tree.add(service.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException stillRunning) {
                process.destroyForcibly();
            }
        }
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("could not stop the service's process " + process.pid() + " within 20 s;"
                        + " stop it by hand", e);
            }
        }
    }

    private static void write(BufferedWriter writer, String line) {
        try {
            writer.write(line);
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port free on the loopback interface now; the service binds it a moment later. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
