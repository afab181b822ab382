import io.perfgate.core.certificate.Certificate;
import io.perfgate.core.certificate.CertificateIssuer;
import io.perfgate.core.certificate.CertificateWriters;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.report.ReportWriters;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.TestResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * perfgate:check's steps (read, judge, write the reports, issue the certificate) on a project's results, pass after
 * pass in one JVM: the first pass is what Maven's process pays, the later ones what the work itself costs once the
 * JVM has loaded and compiled it. Before the first pass it reads one result file alone (the JSON mapper's set-up).
 * Reports go to a temporary directory, deleted at the end; the project is not touched.
 * Usage: java -cp <perfgate-core classpath> bench/CheckPasses.java PROJECT_DIRECTORY [PASSES=5]
 */
public class CheckPasses {
    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path results = project.resolve("target/perfgate/results");
        Path output = Files.createTempDirectory("check-passes");
        Path one = Files.createTempDirectory("check-passes-one");
        try (Stream<Path> files = Files.list(results)) {
            Path first = files.filter(file -> file.toString().endsWith(".json")).findFirst().orElseThrow();
            Files.copy(first, one.resolve(first.getFileName()));
        }
        try {
            run(project, results, output, one, passes);
        } finally {
            for (Path directory : List.of(output, one)) {
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
        }
    }

    private static void run(Path project, Path results, Path output, Path one, int passes) {
        long start = System.nanoTime();
        ResultFiles.readAll(one);
        System.out.printf("first result file alone: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        for (int pass = 1; pass <= passes; pass++) {
            long t0 = System.nanoTime();
            List<TestResult> read = ResultFiles.readAll(results);
            long t1 = System.nanoTime();
            CheckReport report = CheckReport.of("check-passes", "target/perfgate/index.html", read, true);
            long t2 = System.nanoTime();
            ReportWriters.writeAll(report, output);
            long t3 = System.nanoTime();
            Certificate certificate = CertificateIssuer.issue(report, new CertificateIssuer.Inputs(
                    new Certificate.Project("check-passes", "bench", "check-passes", "1"), project, results,
                    project.resolve(".perfgate"), project.resolve(".perfgate/waivers.yaml"), "standard",
                    report.generatedAt()));
            CertificateWriters.writeAll(certificate, output);
            long t4 = System.nanoTime();
            System.out.printf("pass %d: %d results read %d ms, judged %d ms, reports %d ms, certificate %d ms, total %d ms%n",
                    pass, read.size(), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t4 - t0));
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
