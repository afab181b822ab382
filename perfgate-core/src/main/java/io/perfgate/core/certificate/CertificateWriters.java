package io.perfgate.core.certificate;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.perfgate.core.result.AtomicFiles;
import io.perfgate.core.result.Json;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** The certificate's two files, one writer each: {@code certificate.json} and {@code certificate.md}, atomically. */
public final class CertificateWriters {
    public static final String JSON = "certificate.json";
    public static final String MARKDOWN = "certificate.md";

    private CertificateWriters() {
    }

    /** Writes both files into {@code directory}; returns them. */
    public static List<Path> writeAll(Certificate certificate, Path directory) {
        return List.of(write(directory.resolve(JSON), certificate, CertificateWriters::json),
                write(directory.resolve(MARKDOWN), certificate, CertificateMarkdown::render));
    }

    private static Path write(Path file, Certificate certificate, Function<Certificate, String> render) {
        AtomicFiles.write(file, render.apply(certificate));
        return file;
    }

    /** certificate.json: the record as Jackson writes it, ISO dates, indented. */
    static String json(Certificate certificate) {
        try {
            return Json.mapper().writeValueAsString(certificate) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the certificate: " + e.getOriginalMessage(), e);
        }
    }
}
