package io.perfgate.core.jmh;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the build compiles the test sources, as far as JMH's annotation processor is concerned: the
 * compiler settings that can keep it from running, each with where it was declared (a parent pom sets
 * them as often as the module does). Read from the build by the caller; decided here.
 *
 * @param settings            in the order javac sees them: {@code proc} first, then free arguments
 * @param jmhProcessorDeclared whether {@code jmh-generator-annprocess} is on the processor path or the class path
 */
public record TestCompilation(List<Setting> settings, boolean jmhProcessorDeclared) {
    /** JMH's annotation processor. */
    public static final String JMH_PROCESSOR = "org.openjdk.jmh.generators.BenchmarkProcessor";

    /** The compiler option names of maven-compiler-plugin this reads. */
    public static final String PROC = "proc";
    public static final String ARGUMENT = "compilerArgs";
    public static final String PROCESSORS = "annotationProcessors";

    public TestCompilation {
        settings = List.copyOf(settings);
    }

    /**
     * One compiler setting.
     *
     * @param name       {@link #PROC}, {@link #ARGUMENT} (one javac argument, from {@code compilerArgs},
     *                   {@code compilerArgument} or {@code testCompilerArgument}) or {@link #PROCESSORS} (one entry)
     * @param written    how the pom writes it, for messages: {@code <proc>none</proc>}
     * @param declaredIn where: {@code com.acme:acme-parent:7 (pom.xml)}; null when unknown
     */
    public record Setting(String name, String value, String written, String declaredIn) {
        String where() {
            return written + (declaredIn == null ? "" : " (declared in " + declaredIn + ")");
        }
    }

    /**
     * Why JMH's processor cannot have run in the test compilation, naming the setting, where it is and the
     * fix; empty when nothing in these settings stops it.
     */
    public Optional<String> processorDisabled() {
        Setting lastProc = null;
        for (Setting setting : settings) {
            String value = setting.value() == null ? "" : setting.value().strip();
            if (setting.name().equals(PROC) && !value.isEmpty()
                    || setting.name().equals(ARGUMENT) && value.startsWith("-proc:")) {
                lastProc = setting;
            }
        }
        if (lastProc != null && procValue(lastProc).equals("none")) {
            String fix = lastProc.name().equals(PROC)
                    ? "set <proc>full</proc> in the maven-compiler-plugin's <execution><id>default-testCompile</id>"
                    + " <configuration> (maven-compiler-plugin 3.12 or later), so that the main sources keep theirs"
                    : "give the maven-compiler-plugin's <execution><id>default-testCompile</id> its own"
                    + " <compilerArgs combine.self=\"override\"> without -proc:none (list the other arguments the"
                    + " tests need there), so that the main sources keep theirs";
            return Optional.of("the test compilation turns annotation processing off with " + lastProc.where()
                    + ", so JMH's annotation processor never ran and no benchmark can run. Fix: " + fix
                    + "; then run mvn clean verify, since the test classes compiled without it are stale");
        }
        List<Setting> processors = settings.stream().filter(setting -> setting.name().equals(PROCESSORS)).toList();
        if (!processors.isEmpty() && processors.stream().noneMatch(setting -> JMH_PROCESSOR.equals(setting.value()))) {
            return Optional.of("<annotationProcessors> names only " + processors.stream().map(Setting::value).toList()
                    + (processors.get(0).declaredIn() == null ? "" : " (declared in " + processors.get(0).declaredIn()
                    + ")") + ", and javac then runs no other processor, so JMH's never ran. Fix: add "
                    + JMH_PROCESSOR + " to <annotationProcessors> of the test compilation; then run mvn clean verify");
        }
        return Optional.empty();
    }

    private static String procValue(Setting setting) {
        String value = setting.value().strip().toLowerCase(Locale.ROOT);
        return setting.name().equals(PROC) ? value : value.substring("-proc:".length());
    }
}
