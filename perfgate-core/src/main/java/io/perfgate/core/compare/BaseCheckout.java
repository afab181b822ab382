package io.perfgate.core.compare;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The base commit checked out in a temporary git worktree and built there with the same Maven and JDK as the
 * build running compare. Closing it removes the worktree, build output included.
 */
public final class BaseCheckout implements AutoCloseable {

    private final Path gitTop;
    private final Path worktree;
    private final BaseCommit commit;
    private final Path logs;

    private BaseCheckout(Path gitTop, Path worktree, BaseCommit commit, Path logs) {
        this.gitTop = gitTop;
        this.worktree = worktree;
        this.commit = commit;
        this.logs = logs;
    }

    /**
     * How the base is built: the Maven launcher, the JDK it runs on, and options carried over from this build
     * (offline, settings, local repository).
     *
     * @param dependencyPlugin coordinates of the goal that writes the test classpath
     */
    public record MavenInvocation(Path executable, Path javaHome, List<String> options, String dependencyPlugin,
                                  Duration timeout) {
        public MavenInvocation {
            options = List.copyOf(options);
        }
    }

    /**
     * The built base: where its module lies, its test classpath (own classes first), and the reactor it was built
     * in with its upstream modules; the module's own directory when it was built alone.
     */
    public record BuiltBase(Path moduleDirectory, String testClasspath, Path reactorDirectory) {
        public boolean builtAlone() {
            return moduleDirectory.equals(reactorDirectory);
        }
    }

    /** Checks {@code commit} out under {@code worktree} (a leftover from an earlier run is removed first). */
    public static BaseCheckout add(Path gitTop, BaseCommit commit, Path worktree, Path logs) {
        BaseCheckout checkout = new BaseCheckout(gitTop, worktree.toAbsolutePath().normalize(), commit, logs);
        checkout.remove();
        BaseCommit.git(gitTop, logs, "worktree-add", "cannot check the base commit " + commit.describe() + " out in "
                + checkout.worktree, "worktree", "add", "--detach", checkout.worktree.toString(), commit.id());
        return checkout;
    }

    public Path worktree() {
        return worktree;
    }

    /**
     * Compiles the base's main and test classes in the module at {@code moduleRelative} (and packages them when
     * {@code packaged}: a service started from its jar) and writes its test classpath; tests and perfgate's own goals
     * are skipped. In a multi-module build the module is built from the reactor at {@code reactorRelative} with the
     * modules it depends on ({@code -pl module -am}), so their base code is what the base's tests run against, not
     * whatever the local repository holds.
     *
     * @param reactorRelative the reactor's root directory, from the top of the repository; the module's own
     *                        directory when it was built alone
     * @param moduleRelative  the module's directory, from the top of the repository
     * @param packaged        run the package phase, not only test-compile
     * @throws CompareException naming the commit, with the build's errors, when it does not build
     */
    public BuiltBase build(MavenInvocation maven, Path reactorRelative, Path moduleRelative, boolean packaged) {
        Path module = worktree.resolve(moduleRelative.toString()).normalize();
        Path reactor = worktree.resolve(reactorRelative.toString()).normalize();
        if (!Files.isRegularFile(module.resolve("pom.xml"))) {
            throw new CompareException("perfgate:compare: the base commit " + commit.describe() + " has no "
                    + gitTop.relativize(gitTop.resolve(moduleRelative.toString()).resolve("pom.xml"))
                    + "; the module did not exist there, so there is nothing to compare with");
        }
        if (!reactor.startsWith(worktree) || !module.startsWith(reactor)
                || !Files.isRegularFile(reactor.resolve("pom.xml"))) {
            // a reactor outside the repository, or a module outside the reactor: the module alone, as it stands
            reactor = module;
        }
        // relative, so each module of the reactor writes its own and the base's is the module's
        String classpathFile = "target/perfgate-base-classpath.txt";
        List<String> command = new ArrayList<>();
        command.add(maven.executable().toString());
        command.add("-B");
        command.add("-q");
        command.addAll(maven.options());
        command.addAll(List.of("-f", reactor.resolve("pom.xml").toString()));
        if (!reactor.equals(module)) {
            command.addAll(List.of("-pl", reactor.relativize(module).toString(), "-am"));
        }
        command.addAll(List.of(packaged ? "package" : "test-compile", maven.dependencyPlugin() + ":build-classpath",
                "-Dmdep.outputFile=" + classpathFile, "-Dmdep.includeScope=test", "-DskipTests",
                "-Dperfgate.skip=true"));
        ExternalCommand build = new ExternalCommand(command, reactor, Map.of("JAVA_HOME", maven.javaHome().toString()),
                maven.timeout());
        Path log = logs.resolve("base-build.log");
        ExternalCommand.Outcome outcome;
        try {
            outcome = build.run(log);
        } catch (IOException e) {
            throw new CompareException("perfgate:compare: cannot run " + maven.executable() + " to build the base commit "
                    + commit.describe() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompareException("perfgate:compare: interrupted while building the base commit", e);
        }
        if (!outcome.succeeded()) {
            throw new CompareException("perfgate:compare: the base commit " + commit.describe() + " does not build: "
                    + (outcome.timedOut() ? "its build was killed after " + maven.timeout().toMinutes() + " min"
                    : "its build exited with " + outcome.exitCode()) + " (log: " + log + ")" + System.lineSeparator()
                    + errors(outcome) + System.lineSeparator()
                    + "Compare needs a base that compiles: choose another with -Dperfgate.against=<ref>, or compare"
                    + " with a stored baseline (mvn verify perfgate:check)");
        }
        try {
            String dependencies = Files.readString(module.resolve(classpathFile), StandardCharsets.UTF_8).strip();
            String own = module.resolve("target/test-classes") + File.pathSeparator + module.resolve("target/classes");
            return new BuiltBase(module, dependencies.isEmpty() ? own : own + File.pathSeparator + dependencies,
                    reactor);
        } catch (IOException e) {
            throw new CompareException("perfgate:compare: the base build wrote no classpath to "
                    + module.resolve(classpathFile)
                    + ": " + e.getMessage(), e);
        }
    }

    /** The build's [ERROR] lines (the compiler's messages), else its last lines. */
    private static String errors(ExternalCommand.Outcome outcome) {
        List<String> errors = outcome.output().lines().filter(line -> line.startsWith("[ERROR]")).limit(15).toList();
        return errors.isEmpty() ? outcome.tail(15) : String.join(System.lineSeparator(), errors);
    }

    /** Removes the worktree and its build output. */
    @Override
    public void close() {
        remove();
    }

    private void remove() {
        if (Files.exists(worktree)) {
            try {
                BaseCommit.run(gitTop, logs.resolve("git-worktree-remove.log"), "worktree", "remove", "--force",
                        worktree.toString());
            } catch (CompareException notAWorktree) {
                deleteTree(worktree);
            }
        }
        try {
            BaseCommit.run(gitTop, logs.resolve("git-worktree-prune.log"), "worktree", "prune");
        } catch (CompareException ignored) {
            // a stale registration only costs git a line in `git worktree list`
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}
