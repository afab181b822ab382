package io.perfgate.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /** The environment of the running JVM. */
    public static Environment current() {
        boolean assertions = false;
        assert assertions = true; // deliberately side-effecting: true only when -ea is on for this class
        return new Environment(
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                readCpuModel(),
                Runtime.getRuntime().maxMemory(),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                assertions);
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
