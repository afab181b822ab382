package io.perfgate.core.certificate;

import io.perfgate.core.TestData;
import io.perfgate.core.baseline.BaselineComparison;
import io.perfgate.core.check.CheckReport;
import io.perfgate.core.gate.Level;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.result.Environment;
import io.perfgate.core.result.Json;
import io.perfgate.core.result.Measurement;
import io.perfgate.core.result.ResultFiles;
import io.perfgate.core.result.TestResult;
import io.perfgate.core.waiver.Waiver;
import io.perfgate.core.waiver.Waivers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.perfgate.core.TestData.gate;
import static io.perfgate.core.TestData.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateTest {
    /** SHA-256 of the three bytes "abc" (FIPS 180-2, appendix B.1). */
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final Instant ISSUED = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path project;

    private static Measurement tenMillis() {
        return TestData.measurement(TestData.repeat(new LatencyHistogram(), ms(10), 1000), 0, null, 1_000_000_000L);
    }

    private List<TestResult> results(String orderBound) {
        List<TestResult> results = List.of(
                TestData.completed("OrderTest", "create", "create()", tenMillis(), gate("LatencyGate", "p95", orderBound)),
                TestData.completed("StockTest", "count", "count()", tenMillis(),
                        gate("LatencyGate", Level.WARNING, "p99", "20ms")));
        results.forEach(result -> ResultFiles.write(project.resolve("target/perfgate/results"), result));
        return results;
    }

    private CertificateIssuer.Inputs inputs() {
        return new CertificateIssuer.Inputs(new Certificate.Project("Shop", "com.example", "shop", "1.4.0"), project,
                project.resolve("target/perfgate/results"), project.resolve(".perfgate"),
                project.resolve(".perfgate/waivers.yaml"), "smoke", ISSUED);
    }

    private static BaselineComparison presentStore() {
        return new BaselineComparison(true, List.of(), List.of(), Level.WARNING, List.of(), List.of(), List.of(),
                null, null);
    }

    @Test
    void aPassingBuildIsCertifiedWithEveryGateAndTheDigestOfEveryFile() throws IOException {
        CheckReport report = CheckReport.of("Shop", "target/perfgate/index.html", results("20ms"))
                .withBaseline(presentStore());
        Files.createDirectories(project.resolve(".perfgate/baselines"));
        Files.writeString(project.resolve(".perfgate/baselines/abc.json"), "abc");

        Certificate certificate = CertificateIssuer.issue(report, inputs());

        assertEquals("PASSED", certificate.status());
        assertEquals("1.4.0", certificate.project().version());
        assertEquals(Certificate.NOT_A_GIT_REPOSITORY, certificate.commit());
        assertNull(certificate.dirty());
        assertEquals("smoke", certificate.profile());
        assertEquals("17.0.12", certificate.environment().javaVersion());
        assertEquals(List.of(
                new Certificate.CertifiedGate("OrderTest#create", "@LatencyGate", "BLOCKING", "p95", "20ms", "10 ms",
                        "PASS", false, null),
                new Certificate.CertifiedGate("OrderTest#create", "@ErrorRateGate (implicit: no errors allowed)",
                        "BLOCKING", "error rate", "0%", "0%", "PASS", false, null),
                new Certificate.CertifiedGate("StockTest#count", "@LatencyGate", "WARNING", "p99", "20ms", "10 ms",
                        "PASS", false, null),
                new Certificate.CertifiedGate("StockTest#count", "@ErrorRateGate (implicit: no errors allowed)",
                        "BLOCKING", "error rate", "0%", "0%", "PASS", false, null)), certificate.gates());
        List<Certificate.DigestedFile> files = certificate.files();
        assertEquals(3, files.size());
        assertEquals(List.of("result", "result", "baseline"), files.stream().map(Certificate.DigestedFile::role).toList());
        assertTrue(files.get(0).path().startsWith("target/perfgate/results/"), files.get(0).path());
        assertEquals(new Certificate.DigestedFile(".perfgate/baselines/abc.json", "baseline", 3, ABC_SHA256), files.get(2));
        assertTrue(certificate.baseline().present());
        assertEquals(".perfgate", certificate.baseline().directory());
    }

    @Test
    void theEnvironmentIsAJvmsWhenAnyResultHasOneAndTheMachineForPagesAlone() {
        TestResult page = TestData.completed("pages.yaml", "home", "home", tenMillis(), gate("LatencyGate", "p95", "20ms"))
                .withEnvironment(Environment.machine());
        TestResult test = results("20ms").get(0);

        Certificate mixed = CertificateIssuer.issue(CheckReport.of("Shop", null, List.of(page, test)), inputs());
        assertEquals("17.0.12", mixed.environment().javaVersion());

        Certificate pagesOnly = CertificateIssuer.issue(CheckReport.of("Shop", null, List.of(page)), inputs());
        assertNull(pagesOnly.environment().javaVersion());
        String environment = CertificateMarkdown.render(pagesOnly).lines()
                .filter(line -> line.startsWith("- **Environment**")).findFirst().orElseThrow();
        assertTrue(environment.startsWith("- **Environment**: " + System.getProperty("os.name") + " "), environment);
        assertFalse(environment.contains("Java"), environment);
    }

    @Test
    void aFailingBuildIsCertifiedAsFailedWithItsWaiversAndWithoutABaseline() throws IOException {
        CheckReport report = CheckReport.of("Shop", null, results("5ms"));
        Certificate failing = CertificateIssuer.issue(report, inputs());
        assertEquals("FAILED", failing.status());
        assertEquals("FAIL", failing.gates().get(0).verdict());
        assertTrue(failing.gates().get(0).blocks());
        assertNull(failing.baseline().directory(), "no comparison was made");

        Files.createDirectories(project.resolve(".perfgate"));
        Files.writeString(project.resolve(".perfgate/waivers.yaml"), "waivers: []\n");
        CheckReport waived = Waivers.apply(report, List.of(new Waiver("OrderTest#create", null, null, "PRJ-42",
                "alice", LocalDate.of(2026, 12, 31), ".perfgate/waivers.yaml line 2")), LocalDate.of(2026, 6, 1)).report();
        Certificate certificate = CertificateIssuer.issue(waived, inputs());
        assertEquals("PASSED", certificate.status());
        assertEquals("WAIVED", certificate.gates().get(0).verdict());
        assertEquals(List.of(new Certificate.AppliedWaiver("WAIVED", "OrderTest#create", "@LatencyGate", "p95", "FAIL",
                "alice", LocalDate.of(2026, 12, 31), "PRJ-42", ".perfgate/waivers.yaml line 2")), certificate.waivers());
        assertEquals("waivers", certificate.files().get(certificate.files().size() - 1).role());
    }

    @Test
    void bothFilesAreWrittenAndSayWhatTheCertificateHolds() throws IOException {
        CheckReport report = CheckReport.of("Shop", null, results("5ms"));
        Path directory = project.resolve("target/perfgate");
        List<Path> written = CertificateWriters.writeAll(CertificateIssuer.issue(report, inputs()), directory);
        assertEquals(List.of(directory.resolve("certificate.json"), directory.resolve("certificate.md")), written);

        var json = Json.mapper().readTree(Files.readString(written.get(0)));
        assertEquals("FAILED", json.path("status").asText());
        assertEquals("2026-06-01T12:00:00Z", json.path("issuedAt").asText());
        assertEquals("not a git repository", json.path("commit").asText());
        assertEquals("p95 = 10 ms", "p95 = " + json.path("gates").get(0).path("measured").asText());
        assertEquals(64, json.path("files").get(0).path("sha256").asText().length());

        String markdown = Files.readString(written.get(1));
        assertTrue(markdown.startsWith("# Performance compliance certificate: FAILED\n"), markdown);
        assertTrue(markdown.contains("- **Project**: Shop (com.example:shop:1.4.0)"), markdown);
        assertTrue(markdown.contains("| FAIL | yes | OrderTest#create | `@LatencyGate` | BLOCKING | p95 | 10 ms | 5ms |"),
                markdown);
        assertTrue(markdown.contains("## Files (SHA-256)"), markdown);
    }

    @Test
    void verificationPassesOnUntouchedFilesAndNamesEachChangedOrMissingOne() throws IOException {
        CheckReport report = CheckReport.of("Shop", null, results("20ms"));
        Path directory = project.resolve("target/perfgate");
        Certificate certificate = CertificateIssuer.issue(report, inputs());
        Path json = CertificateWriters.writeAll(certificate, directory).get(0);

        CertificateVerifier.Verification intact = CertificateVerifier.verify(json, project);
        assertTrue(intact.intact(), intact.problems().toString());
        assertEquals(2, intact.checked());

        String changedPath = certificate.files().get(0).path();
        Path changed = project.resolve(changedPath);
        byte[] bytes = Files.readAllBytes(changed);
        bytes[10] ^= 1; // one bit of one byte
        Files.write(changed, bytes);
        String missingPath = certificate.files().get(1).path();
        Files.delete(project.resolve(missingPath));

        CertificateVerifier.Verification broken = CertificateVerifier.verify(json, project);
        assertFalse(broken.intact());
        assertEquals(2, broken.problems().size());
        assertTrue(broken.problems().get(0).startsWith(changedPath + " (result) changed: SHA-256 "),
                broken.problems().get(0));
        assertTrue(broken.problems().get(0).endsWith(" where the certificate has " + certificate.files().get(0).sha256()));
        assertEquals(missingPath + " (result) is missing: the certificate lists it with SHA-256 "
                + certificate.files().get(1).sha256(), broken.problems().get(1));
    }

    @Test
    void aMissingCertificateIsAnErrorWithTheFix() {
        String message = assertThrows(CertificateException.class,
                () -> CertificateVerifier.verify(project.resolve("target/perfgate/certificate.json"), project))
                .getMessage();
        assertTrue(message.contains("run mvn verify (perfgate:check issues it) first"), message);
    }

    @Test
    void theDigestIsSha256OfTheBytes() throws IOException {
        Path file = Files.write(project.resolve("abc.txt"), "abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals(ABC_SHA256, FileDigest.sha256(file));
    }
}
