package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a result was measured. Timing depends on all of it, so comparisons across different
 * environments are flagged rather than trusted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Environment(
        String javaVersion,
        String javaVendor,
        String vmName,
        String osName,
        String osArch,
        int availableProcessors,
        String cpuModel,
        long maxHeapBytes,
        List<String> jvmArguments,
        boolean assertionsEnabled) {

    public Environment {
        jvmArguments = jvmArguments == null ? List.of() : List.copyOf(jvmArguments);
    }

    /**
     * What in this JVM's set-up distorts timing, one readable line each (empty when nothing does): Java
     * agents (coverage such as JaCoCo instruments every method), native agents, a debugger agent,
     * interpreter-only or limited JIT modes, and enabled assertions. Results from such a JVM are fine
     * for gates with generous bounds but should not be compared with a clean baseline.
     */
    @JsonIgnore
    public List<String> timingDistortions() {
        List<String> distortions = new ArrayList<>();
        for (String argument : jvmArguments) {
            String lower = argument.toLowerCase(Locale.ROOT);
            if (argument.startsWith("-javaagent:")) {
                String agent = agentName(argument.substring("-javaagent:".length()));
                distortions.add((lower.contains("jacoco") ? "coverage agent " : "Java agent ") + agent
                        + " (" + argument + ")");
            } else if (argument.startsWith("-agentlib:jdwp") || argument.startsWith("-Xrunjdwp")
                    || argument.equals("-Xdebug")) {
                distortions.add("debugger agent (" + argument + ")");
            } else if (argument.startsWith("-agentlib:") || argument.startsWith("-agentpath:")) {
                distortions.add("native agent (" + argument + ")");
            } else if (argument.equals("-Xint") || argument.equals("-Djava.compiler=NONE")) {
                distortions.add("JIT compiler off (" + argument + ")");
            } else if (argument.startsWith("-XX:TieredStopAtLevel=") && !argument.endsWith("=4")) {
                distortions.add("JIT limited (" + argument + ")");
            }
        }
        if (assertionsEnabled) {
            distortions.add("assertions enabled (-ea)");
        }
        return distortions;
    }

    /** The agent's jar name without its directory or options: {@code jacocoagent.jar}. */
    private static String agentName(String spec) {
        int options = spec.indexOf('=');
        String jar = options < 0 ? spec : spec.substring(0, options);
        int slash = Math.max(jar.lastIndexOf('/'), jar.lastIndexOf('\\'));
        return jar.substring(slash + 1);
    }

    /** The environment of the running JVM. */
    public static Environment current() {
        boolean assertions = false;
        assert assertions = true; // deliberately side-effecting: true only when -ea is on for this class
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        // -ea:com.example... switches them on for the user's code only, which is the code being timed
        assertions |= arguments.stream().anyMatch(argument -> argument.equals("-ea") || argument.startsWith("-ea:")
                || argument.equals("-enableassertions") || argument.startsWith("-enableassertions:"));
        return new Environment(
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                readCpuModel(),
                Runtime.getRuntime().maxMemory(),
                arguments,
                assertions);
    }

    /**
     * This machine without a JVM: for results measured outside any JVM of perfgate's, such as a page in a browser
     * or an imported engine's run. The recording JVM's version and options (Maven's own, say C1 only in
     * .mvn/jvm.config) never timed them, so they must not make a comparison unfair.
     */
    public static Environment machine() {
        Environment current = current();
        return new Environment(null, null, null, current.osName(), current.osArch(), current.availableProcessors(),
                current.cpuModel(), 0, List.of(), false);
    }

    private static String readCpuModel() {
        Path cpuInfo = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuInfo)) {
                try (var lines = Files.lines(cpuInfo)) {
                    return lines.filter(line -> line.startsWith("model name"))
                            .map(line -> line.substring(line.indexOf(':') + 1).strip())
                            .findFirst().orElse(null);
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return null;
        }
        return null;
    }
}
