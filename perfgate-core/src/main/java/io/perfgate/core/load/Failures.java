package io.perfgate.core.load;

import javax.net.ssl.SSLException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.util.concurrent.TimeoutException;

/** How a failed request or connection is named in messages. */
final class Failures {
    private Failures() {
    }

    static boolean isTimeout(Throwable cause) {
        return causedBy(cause, SocketTimeoutException.class, TimeoutException.class);
    }

    /** Whether the TLS handshake failed: the server answered, but with a certificate the JVM refuses. */
    static boolean isTls(Throwable cause) {
        return causedBy(cause, SSLException.class, CertificateException.class);
    }

    @SafeVarargs
    private static boolean causedBy(Throwable cause, Class<? extends Throwable>... kinds) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            for (Class<? extends Throwable> kind : kinds) {
                if (kind.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The root cause's class and first line, such as {@code ConnectException: Connection refused}. */
    static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
