package io.perfgate.core.importer;

import java.util.Locale;

/** How a failed JMeter sample is counted: by status, timeout, connection failure, or failed assertion. */
final class JmeterErrors {
    private JmeterErrors() {
    }

    static String kind(String code, String failureMessage, String responseMessage) {
        String trimmed = code == null ? "" : code.strip();
        if (trimmed.matches("\\d{3}")) {
            int status = Integer.parseInt(trimmed);
            return status >= 200 && status < 400 ? "assertion" : "status " + status;
        }
        String text = (trimmed + " " + nonNull(responseMessage) + " " + nonNull(failureMessage)).toLowerCase(Locale.ROOT);
        if (text.contains("timeout") || text.contains("timed out")) {
            return "timeout";
        }
        if (text.contains("non http response code") || text.contains("exception")) {
            return "connection";
        }
        return "assertion";
    }

    static String text(String code, String failureMessage, String responseMessage) {
        StringBuilder text = new StringBuilder(nonNull(code).strip());
        String message = !nonNull(failureMessage).isBlank() ? failureMessage : responseMessage;
        if (message != null && !message.isBlank()) {
            text.append(text.isEmpty() ? "" : " ").append(message.strip());
        }
        return text.toString();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
