package io.perfgate.core.certificate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfgate.core.baseline.Fingerprint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The compliance certificate {@code check} issues for every build, passing or failing: what was built, where it
 * was measured, every gate's verdict, the baseline comparison, the waivers applied, and a SHA-256 digest of each
 * file the verdicts rest on, so {@code perfgate:verify-certificate} can tell whether any changed since.
 *
 * @param status     PASSED when no blocking violation or regression was found, else FAILED
 * @param commit     {@code git rev-parse HEAD} in the project directory, or "not a git repository"
 * @param dirty      whether {@code git status} showed changes to tracked files; null outside git
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Certificate(
        String schemaVersion,
        String status,
        Project project,
        String commit,
        Boolean dirty,
        Instant issuedAt,
        String profile,
        Fingerprint environment,
        List<CertifiedGate> gates,
        BaselineUse baseline,
        List<AppliedWaiver> waivers,
        List<DigestedFile> files) {

    public static final String SCHEMA_VERSION = "1.0";
    public static final String NOT_A_GIT_REPOSITORY = "not a git repository";

    public Certificate {
        gates = List.copyOf(gates);
        waivers = List.copyOf(waivers);
        files = List.copyOf(files);
    }

    /** The Maven project the certificate is for. */
    public record Project(String name, String groupId, String artifactId, String version) {
    }

    /** One bounded metric of one gate (or the whole gate, when it could not be judged metric by metric). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CertifiedGate(String test, String gate, String level, String metric, String bound, String measured,
                                String verdict, boolean blocks, String message) {
    }

    /**
     * The baseline the results were compared with.
     *
     * @param directory   the baseline store, relative to the project; null when no comparison was made
     * @param compared    how many metrics were compared
     * @param regressions every REGRESSED comparison, blocking or not
     * @param problems    unusable baseline files
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BaselineUse(String directory, boolean present, int compared, List<Regression> regressions,
                              List<String> problems) {
    }

    /** A regression found against the baseline. */
    public record Regression(String test, String metric, String change, String level, boolean blocks, String message) {
    }

    /** A waiver a violation met: WAIVED (applied) or EXPIRED (no longer applies, so the violation stands). */
    public record AppliedWaiver(String status, String test, String gate, String metric, String judged,
                                String approver, LocalDate expires, String reason, String source) {
    }

    /**
     * A file the verdicts rest on.
     *
     * @param path   relative to the project directory, with {@code /} separators
     * @param role   {@code result}, {@code baseline} or {@code waivers}
     * @param sha256 lower-case hex
     */
    public record DigestedFile(String path, String role, long bytes, String sha256) {
    }
}
