package io.perfgate.core.certificate;

import io.perfgate.core.baseline.BaselineComparison;
import io.perfgate.core.baseline.BaselineStore;
import io.perfgate.core.baseline.Fingerprint;
import io.perfgate.core.baseline.SourceVersion;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.check.GateOutcome;
import io.perfgate.core.check.MetricOutcome;
import io.perfgate.core.check.TestOutcome;
import io.perfgate.core.check.Waived;
import io.perfgate.core.regression.MetricComparison;
import io.perfgate.core.regression.RegressionOutcome;
import io.perfgate.core.result.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Issues the {@link Certificate} for what {@code check} decided; it decides nothing itself. */
public final class CertificateIssuer {

    /**
     * What the certificate is about besides the report.
     *
     * @param resultsDirectory the result files the report was judged from
     * @param baselineStore    the baseline store's root ({@code .perfgate}); its baselines are digested when the
     *                         report was compared with them
     * @param waiversFile      the waivers file; digested when it exists
     */
    public record Inputs(Certificate.Project project, Path projectDirectory, Path resultsDirectory, Path baselineStore,
                         Path waiversFile, String profile, Instant issuedAt) {
    }

    private CertificateIssuer() {
    }

    public static Certificate issue(CheckReport report, Inputs inputs) {
        SourceVersion source = SourceVersion.detect(inputs.projectDirectory(), Map.of());
        // a JVM-measured result's environment names the JVM too; pages and imports name only the machine
        List<Environment> environments = report.tests().stream().map(test -> test.result().environment())
                .filter(Objects::nonNull).toList();
        Environment environment = environments.stream().filter(env -> env.javaVersion() != null).findFirst()
                .orElse(environments.isEmpty() ? null : environments.get(0));
        List<Certificate.DigestedFile> files = new ArrayList<>(digests(inputs, inputs.resultsDirectory(), "result"));
        if (report.baseline() != null && report.baseline().storePresent()) {
            files.addAll(digests(inputs, new BaselineStore(inputs.baselineStore()).baselineDirectory(), "baseline"));
        }
        if (inputs.waiversFile() != null && Files.isRegularFile(inputs.waiversFile())) {
            files.add(digest(inputs, inputs.waiversFile(), "waivers"));
        }
        return new Certificate(Certificate.SCHEMA_VERSION, report.hasBlockingViolations() ? "FAILED" : "PASSED",
                inputs.project(), source.commit() == null ? Certificate.NOT_A_GIT_REPOSITORY : source.commit(),
                source.dirty(), inputs.issuedAt(), inputs.profile(),
                Fingerprint.of(environment, source, inputs.profile(), inputs.issuedAt()),
                gates(report), baseline(report.baseline(), inputs), waivers(report), files);
    }

    private static List<Certificate.CertifiedGate> gates(CheckReport report) {
        List<Certificate.CertifiedGate> gates = new ArrayList<>();
        for (TestOutcome test : report.tests()) {
            for (GateOutcome gate : test.gates()) {
                String title = gate.title() + (gate.implicit() ? " (implicit: no errors allowed)" : "");
                if (gate.metrics().isEmpty()) {
                    String bounds = String.join(", ", new TreeMap<>(gate.declaration().bounds()).entrySet().stream()
                            .map(bound -> bound.getKey() + " = " + bound.getValue()).toList());
                    gates.add(new Certificate.CertifiedGate(test.label(), title, gate.level().name(), null,
                            bounds, null, gate.verdict().name(), gate.blocks(), gate.problem()));
                }
                for (MetricOutcome metric : gate.metrics()) {
                    gates.add(new Certificate.CertifiedGate(test.label(), title, gate.level().name(),
                            metric.metric().label(), metric.boundText(), metric.formattedValue(),
                            metric.verdict().name(), gate.blocks(metric), null));
                }
            }
        }
        return gates;
    }

    private static Certificate.BaselineUse baseline(BaselineComparison comparison, Inputs inputs) {
        if (comparison == null) {
            return new Certificate.BaselineUse(null, false, 0, List.of(), List.of());
        }
        List<Certificate.Regression> regressions = comparison.comparisons().stream()
                .filter(compared -> compared.comparison().outcome() == RegressionOutcome.REGRESSED)
                .map(compared -> {
                    MetricComparison c = compared.comparison();
                    return new Certificate.Regression(c.testLabel(), c.metric().label(), c.formattedChange(),
                            compared.level().name(), compared.blocks(), c.message());
                }).toList();
        return new Certificate.BaselineUse(relative(inputs, inputs.baselineStore()), comparison.storePresent(),
                comparison.comparisons().size(), regressions, comparison.problems());
    }

    private static List<Certificate.AppliedWaiver> waivers(CheckReport report) {
        return report.waivers().stream().map((Waived w) -> new Certificate.AppliedWaiver(
                w.status(), w.test(), w.gateTitle(), w.metric().label(), w.judged().name(),
                w.approver(), w.expires(), w.reason(), w.source())).toList();
    }

    /** Every regular file under {@code directory}, sorted by path; none when it does not exist. */
    private static List<Certificate.DigestedFile> digests(Inputs inputs, Path directory, String role) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).sorted()
                    .map(file -> digest(inputs, file, role)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + " to digest its files: " + e.getMessage(), e);
        }
    }

    private static Certificate.DigestedFile digest(Inputs inputs, Path file, String role) {
        try {
            return new Certificate.DigestedFile(relative(inputs, file), role, Files.size(file),
                    FileDigest.sha256(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to digest it: " + e.getMessage(), e);
        }
    }

    /** The path relative to the project directory when inside it, with {@code /} on every OS. */
    static String relative(Inputs inputs, Path file) {
        Path base = inputs.projectDirectory().toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
