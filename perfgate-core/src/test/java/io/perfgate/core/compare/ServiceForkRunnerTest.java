package io.perfgate.core.compare;

import io.perfgate.core.load.LoadPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceForkRunnerTest {

    @TempDir
    Path directory;

    @Test
    void aServiceThatEndsBeforeAcceptingAConnectionRecordsNothingAndSaysWhy() throws Exception {
        Path scenarios = scenarios();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ServiceForkRunner runner = new ServiceForkRunner(List.of(java, "-Dport={port}", "-version"),
                "http://127.0.0.1:{port}", scenarios, Duration.ofSeconds(60), null);
        String id = runner.definitions(1).get(0).id();

        InterleavedRuns.Fork fork = runner.run(0, 0, new InterleavedRuns.Version(InterleavedRuns.Side.BASE, "",
                directory), List.of(id), true, directory.resolve("pair-01-base"));

        assertEquals(1, fork.exit().code());
        assertFalse(fork.exit().succeeded());
        assertTrue(fork.results().isEmpty());
        String log = Files.readString(fork.exit().log());
        assertTrue(log.matches("(?s)perfgate: the base service exited with 0 before accepting a connection; its"
                + " command: .*java -Dport=[0-9]+ -version; its output: .*"), log);
        // known once the process is gone, not after the minute of patience
        assertTrue(fork.exit().elapsed().compareTo(Duration.ofSeconds(30)) < 0, fork.exit().elapsed().toString());
        assertTrue(Files.readString(directory.resolve("pair-01-base/service.log")).contains("version"));
    }

    @Test
    void aCommandWithJarStartsEachVersionsOwnPackage() throws Exception {
        // a package without a main class: the JVM names the jar it was given, and exits
        Path module = Files.createDirectories(directory.resolve("base-module"));
        Files.createDirectories(module.resolve("target"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(module.resolve("target/shop-1.jar")),
                manifest)) {
            jar.putNextEntry(new JarEntry("shop/"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ServiceForkRunner runner = new ServiceForkRunner(List.of(java, "-cp", "{classpath}", "-jar", "{jar}",
                "{port}"), "http://127.0.0.1:{port}", scenarios(), Duration.ofSeconds(60), Path.of("target/shop-1.jar"));
        String id = runner.definitions(1).get(0).id();
        InterleavedRuns.Version base = new InterleavedRuns.Version(InterleavedRuns.Side.BASE, "base-classes", module);

        InterleavedRuns.Fork fork = runner.run(0, 0, base, List.of(id), true, directory.resolve("pair-01-base"));

        String log = Files.readString(fork.exit().log());
        String jar = module.resolve("target/shop-1.jar").toString();
        assertTrue(log.contains("its command: " + java + " -cp base-classes -jar " + jar + " "), log);
        assertTrue(Files.readString(directory.resolve("pair-01-base/service.log")).contains(jar), "the JVM's words");
        assertFalse(fork.exit().succeeded());
    }

    @Test
    void aVersionWithoutItsPackageDoesNotStartAService() throws Exception {
        ServiceForkRunner runner = new ServiceForkRunner(List.of("java", "-jar", "{jar}", "{port}"),
                "http://127.0.0.1:{port}", scenarios(), Duration.ofSeconds(60), Path.of("target/shop-1.jar"));
        InterleavedRuns.Version head = new InterleavedRuns.Version(InterleavedRuns.Side.HEAD, "", directory);

        assertEquals("the head version has no " + directory.resolve("target/shop-1.jar") + " to start its service"
                + " from ({jar} in the service's command)", runner.missingPackage(head));
        InterleavedRuns.Fork fork = runner.run(0, 1, head, List.of(runner.definitions(1).get(0).id()), true,
                directory.resolve("pair-01-head"));

        assertFalse(fork.exit().succeeded());
        assertTrue(Files.readString(fork.exit().log()).startsWith("perfgate: " + runner.missingPackage(head)
                + "; its command: java -jar " + directory.resolve("target/shop-1.jar")), fork.exit().log().toString());
        assertFalse(Files.exists(directory.resolve("pair-01-head/service.log")), "no service was started");
    }

    @Test
    void aClassifierNamesTheAttachedPackageWhichTakesThePlaceOfItsPlaceholder() throws Exception {
        List<String> command = List.of("java", "-Dapp={jar:exec}", "-jar", "{jar:exec}", "{port}");
        assertTrue(ServiceForkRunner.usesPackage(command));
        assertEquals("exec", ServiceForkRunner.packageClassifier(command));
        assertNull(ServiceForkRunner.packageClassifier(List.of("java", "-jar", "{jar}")));
        assertNull(ServiceForkRunner.packageClassifier(List.of("java", "-cp", "{classpath}", "Main")));
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> ServiceForkRunner.packageClassifier(List.of("java", "-cp", "{jar}", "-jar", "{jar:exec}")));
        assertTrue(two.getMessage().contains("names more than one package ([{jar}, {jar:exec}])"), two.getMessage());

        ServiceForkRunner runner = new ServiceForkRunner(command, "http://127.0.0.1:{port}", scenarios(),
                Duration.ofSeconds(60), Path.of("target/shop-1-exec.jar"));
        InterleavedRuns.Version head = new InterleavedRuns.Version(InterleavedRuns.Side.HEAD, "", directory);
        assertEquals("{jar:exec}", runner.packagePlaceholder());
        assertTrue(runner.missingPackage(head).endsWith("(" + "{jar:exec} in the service's command)"),
                runner.missingPackage(head));
        InterleavedRuns.Fork fork = runner.run(0, 1, head, List.of(runner.definitions(1).get(0).id()), true,
                directory.resolve("pair-01-head"));

        String jar = directory.resolve("target/shop-1-exec.jar").toString();
        assertTrue(Files.readString(fork.exit().log()).contains("its command: java -Dapp=" + jar + " -jar " + jar + " "),
                Files.readString(fork.exit().log()));
    }

    @Test
    void aMisspeltPackagePlaceholderIsRefusedAndOtherBracesAreLeftAlone() {
        for (String meant : new String[] {"{jar:}", "{jar: exec}", "{jar:exec", "{jar:a/b}"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new ServiceForkRunner(
                    List.of("java", "-jar", meant, "{port}"), "http://127.0.0.1:{port}", directory.resolve("load.yaml"),
                    Duration.ofSeconds(1), Path.of("target/shop-1.jar")));
            assertTrue(refused.getMessage().startsWith("the service's command has " + meant + ", which is no package"
                    + " placeholder: write {jar}, or {jar:classifier}"), refused.getMessage());
        }
        ServiceForkRunner other = new ServiceForkRunner(List.of("run", "{jarfile}", "{port}"), "http://127.0.0.1:{port}",
                directory.resolve("load.yaml"), Duration.ofSeconds(1), null);
        assertFalse(ServiceForkRunner.usesPackage(other.command()));
    }

    @Test
    void aBaseBuildWithoutThePackageStopsCompareOnce() throws Exception {
        ServiceForkRunner runner = new ServiceForkRunner(List.of("java", "-jar", "{jar}", "{port}"),
                "http://127.0.0.1:{port}", scenarios(), Duration.ofSeconds(60), Path.of("target/shop-1.jar"));
        InterleavedRuns.Version base = new InterleavedRuns.Version(InterleavedRuns.Side.BASE, "", directory);

        CompareException refused = assertThrows(CompareException.class, () -> runner.requireBasePackage(base,
                new BaseCommit("0123456789abcdef", "main", "Cache prices")));
        assertEquals("perfgate:compare: the base commit 0123456789 (main: Cache prices) was built with package, but the"
                + " base version has no " + directory.resolve("target/shop-1.jar") + " to start its service from ({jar}"
                + " in the service's command): a different finalName, packaging or classifier there?",
                refused.getMessage());
        Files.createDirectories(directory.resolve("target"));
        Files.writeString(directory.resolve("target/shop-1.jar"), "jar");
        runner.requireBasePackage(base, new BaseCommit("0123456789abcdef", "main", "Cache prices"));
    }

    @Test
    void aCommandWithJarNeedsThePackagesPlace() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new ServiceForkRunner(
                List.of("java", "-jar", "{jar}"), "http://127.0.0.1:{port}", directory.resolve("load.yaml"),
                Duration.ofSeconds(1), null));
        assertTrue(refused.getMessage().contains("has {jar} but no package is named"), refused.getMessage());
    }

    @Test
    void aServiceUrlWithoutItsOwnPortIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new ServiceForkRunner(
                List.of("java", "-jar", "app.jar"), "http://127.0.0.1:8080", directory.resolve("load.yaml"),
                Duration.ofSeconds(1), null));
        assertTrue(refused.getMessage().contains("has no {port}"), refused.getMessage());
    }

    @Test
    void onlyPlansThatDriveBothVersionsAtOneRateAreCompared() {
        Duration minute = Duration.ofMinutes(1);
        assertTrue(ServiceForkRunner.drivenAlike(LoadPlan.AS_SHAPED));
        assertTrue(ServiceForkRunner.drivenAlike(LoadPlan.normal(500.0, minute)));
        assertFalse(ServiceForkRunner.drivenAlike(LoadPlan.normal(null, minute)), "measures each service's capacity");
        assertFalse(ServiceForkRunner.drivenAlike(LoadPlan.peak(null, minute)));
    }

    private Path scenarios() throws Exception {
        Path scenarios = directory.resolve("load.yaml");
        Files.writeString(scenarios, """
                baseUrl: http://127.0.0.1:9
                scenarios:
                  - name: quotes
                    load: {model: open, rate: 10/s, duration: 1s}
                    flows:
                      - name: quote
                        steps:
                          - request: GET /quote
                    gates:
                      latency: {p50: 1s}
                """);
        return scenarios;
    }
}
