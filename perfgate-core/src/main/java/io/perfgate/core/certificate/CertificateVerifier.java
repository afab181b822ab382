package io.perfgate.core.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfgate.core.result.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Recomputes the digests a certificate lists and names every file that changed or is gone. */
public final class CertificateVerifier {

    /**
     * @param checked  how many files the certificate lists
     * @param problems one sentence per changed or missing file; empty when every digest matches
     */
    public record Verification(int checked, String status, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private CertificateVerifier() {
    }

    /**
     * @param projectDirectory what the certificate's paths are relative to
     * @throws CertificateException when the certificate is missing or unreadable
     */
    public static Verification verify(Path certificateFile, Path projectDirectory) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(certificateFile));
        } catch (NoSuchFileException e) {
            throw new CertificateException("no certificate at " + certificateFile + ": run mvn verify (perfgate:check"
                    + " issues it) first");
        } catch (IOException e) {
            throw new CertificateException("cannot read the certificate " + certificateFile + ": " + e.getMessage());
        }
        JsonNode files = root.path("files");
        if (!files.isArray()) {
            throw new CertificateException(certificateFile + " lists no files: it is not a perfgate certificate");
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode file : files) {
            String path = file.path("path").asText();
            String expected = file.path("sha256").asText();
            Path resolved = projectDirectory.resolve(path);
            if (!Files.isRegularFile(resolved)) {
                problems.add(path + " (" + file.path("role").asText() + ") is missing: the certificate lists it with"
                        + " SHA-256 " + expected);
                continue;
            }
            try {
                String actual = FileDigest.sha256(resolved);
                if (!actual.equals(expected)) {
                    problems.add(path + " (" + file.path("role").asText() + ") changed: SHA-256 " + actual
                            + " where the certificate has " + expected);
                }
            } catch (IOException e) {
                problems.add(path + " cannot be read: " + e.getMessage());
            }
        }
        return new Verification(files.size(), root.path("status").asText("?"), problems);
    }
}
