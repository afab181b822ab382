package io.perfgate.core.load;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a response must satisfy to count as a success; anything else is an error of kind
 * {@code status} or {@code expectation}.
 *
 * @param statuses    accepted status codes; empty accepts any 2xx
 * @param contentType the media type the response must declare (parameters such as charset ignored), or null
 * @param jsonPresent JSON properties that must be present in the body: a JSON Pointer ({@code /user/id})
 *                    or a top-level property name ({@code id})
 */
public record Expectation(Set<Integer> statuses, String contentType, List<String> jsonPresent) {

    /** Any 2xx status, nothing else checked. */
    public static final Expectation ANY_SUCCESS = new Expectation(Set.of(), null, List.of());

    public Expectation {
        statuses = statuses == null ? Set.of() : Set.copyOf(new TreeSet<>(statuses));
        jsonPresent = jsonPresent == null ? List.of() : List.copyOf(jsonPresent);
        for (int status : statuses) {
            if (status < 100 || status > 599) {
                throw new LoadConfigurationException("expected status " + status + " is not an HTTP status (100..599)");
            }
        }
        if (contentType != null && contentType.isBlank()) {
            contentType = null;
        }
    }

    public Expectation withStatus(Integer... codes) {
        return new Expectation(Set.of(codes), contentType, jsonPresent);
    }

    public Expectation withContentType(String mediaType) {
        return new Expectation(statuses, mediaType, jsonPresent);
    }

    public Expectation withJson(String... properties) {
        List<String> all = new java.util.ArrayList<>(jsonPresent);
        all.addAll(List.of(properties));
        return new Expectation(statuses, contentType, all);
    }

    boolean acceptsStatus(int code) {
        return statuses.isEmpty() ? code >= 200 && code < 300 : statuses.contains(code);
    }

    boolean acceptsContentType(String header) {
        if (contentType == null) {
            return true;
        }
        if (header == null) {
            return false;
        }
        int semicolon = header.indexOf(';');
        String media = (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return media.equals(contentType.strip().toLowerCase(Locale.ROOT));
    }

    String describeStatuses() {
        return statuses.isEmpty() ? "2xx" : statuses.size() == 1 ? String.valueOf(statuses.iterator().next())
                : new TreeSet<>(statuses).toString();
    }
}
