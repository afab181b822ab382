package io.perfgate.core.compare;

import io.perfgate.core.fork.JvmFork;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fork of compare's load scenarios: starts one version's service with the build's command on a free loopback
 * port, waits for it to accept connections, drives it with head's scenario file (the same plan on both sides) and
 * stops it. Head's and base's services never run at the same time, so neither takes the other's CPUs.
 *
 * @param command     the service's command line; {@value #PORT} becomes the port, {@value #CLASSPATH} the version's
 *                    test class path (its main and test classes and their dependencies)
 * @param url         the scenarios' base URL, with {@value #PORT}
 * @param scenarios   head's scenario file
 * @param patience    how long the service may take to accept connections
 */
public record ServiceForkRunner(List<String> command, String url, Path scenarios, Duration patience)
        implements InterleavedRuns.ForkRunner {

    /** Replaced by the port the service is to listen on. */
    public static final String PORT = "{port}";
    /** Replaced by the version's class path. */
    public static final String CLASSPATH = "{classpath}";

    public ServiceForkRunner {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the service's command is empty");
        }
    }

    /**
     * Head's scenarios with a base URL on some port: reads the file as every fork will.
     *
     * @throws io.perfgate.core.load.LoadConfigurationException naming the file and field when it cannot be read
     */
    public List<LoadTestDefinition> definitions(int port) {
        return ScenarioFile.read(scenarios, url.replace(PORT, String.valueOf(port)));
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
                .replace(CLASSPATH, version.classpath())).toList();
        long started = System.nanoTime();
        Map<String, TestResult> recorded = new LinkedHashMap<>();
        int code = 0;
        Process service = new ProcessBuilder(commandLine).directory(version.workingDirectory().toFile())
                .redirectErrorStream(true).redirectOutput(serviceLog.toFile()).start();
        try (BufferedWriter load = Files.newBufferedWriter(loadLog, StandardCharsets.UTF_8)) {
            boolean reachable = !definitions.isEmpty()
                    && ServiceProbe.awaitReachable(definitions.get(0).scenario(), patience);
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
            service.descendants().forEach(ProcessHandle::destroy);
            service.destroy();
            if (!service.waitFor(10, TimeUnit.SECONDS)) {
                service.descendants().forEach(ProcessHandle::destroyForcibly);
                service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        JvmFork.Exit exit = new JvmFork.Exit(code, false, loadLog,
                Duration.ofNanos(System.nanoTime() - started));
        return new InterleavedRuns.Fork(pair, version.side(), sequence, exit, recorded, List.of());
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
