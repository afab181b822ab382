package io.perfgate.core.certificate;

/** A certificate that cannot be read or verified at all; the message names the file and the fix. */
public class CertificateException extends RuntimeException {
    public CertificateException(String message) {
        super(message);
    }
}
