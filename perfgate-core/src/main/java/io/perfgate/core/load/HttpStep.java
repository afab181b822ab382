package io.perfgate.core.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One request of a flow. Paths, header values and bodies may contain {@code {name}} placeholders, filled
 * from values captured by earlier steps of the same flow, or from the built-ins {@code {iteration}}
 * (a number unique within the run) and {@code {uuid}}.
 *
 * @param endpoint    the name its figures and gates are kept under; by default {@code METHOD path-template},
 *                    as in {@code GET /api/v1/users/{id}}
 * @param method      the HTTP method
 * @param path        the path (and query) relative to the scenario's base URL; must start with '/'
 * @param headers     request headers
 * @param body        a JSON request body, or null
 * @param expect      what makes the response a success
 * @param captures    variable name to the JSON property (pointer or top-level name) read from the response
 */
public record HttpStep(
        String endpoint,
        String method,
        String path,
        Map<String, String> headers,
        String body,
        Expectation expect,
        Map<String, String> captures) {

    private static final Pattern METHOD = Pattern.compile("[A-Z]+");
    static final Set<String> BUILT_INS = Set.of("iteration", "uuid");

    public HttpStep {
        if (method == null || !METHOD.matcher(method).matches()) {
            throw new LoadConfigurationException("'" + method + "' is not an HTTP method; expected GET, POST, PUT, ...");
        }
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw new LoadConfigurationException("path '" + path + "' of " + method + " must start with a single '/':"
                    + " requests go only to the scenario's base URL");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        captures = captures == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(captures));
        expect = expect == null ? Expectation.ANY_SUCCESS : expect;
        endpoint = endpoint == null || endpoint.isBlank() ? method + " " + stripQuery(path) : endpoint;
        for (String header : headers.keySet()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.equals("host") || lower.equals("content-length") || lower.equals("transfer-encoding")) {
                throw new LoadConfigurationException("header '" + header + "' of " + endpoint
                        + " is set by the generator and cannot be given");
            }
        }
        for (String name : captures.keySet()) {
            if (!Template.NAME.matcher(name).matches() || BUILT_INS.contains(name)) {
                throw new LoadConfigurationException("capture name '" + name + "' of " + endpoint
                        + " must be a letter followed by letters, digits or '_', and not one of " + BUILT_INS);
            }
        }
    }

    public static HttpStep get(String path) {
        return new HttpStep(null, "GET", path, null, null, null, null);
    }

    public static HttpStep post(String path, String jsonBody) {
        return new HttpStep(null, "POST", path, null, jsonBody, null, null);
    }

    public static HttpStep of(String method, String path) {
        return new HttpStep(null, method, path, null, null, null, null);
    }

    public HttpStep named(String endpointName) {
        return new HttpStep(endpointName, method, path, headers, body, expect, captures);
    }

    public HttpStep header(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new HttpStep(endpoint, method, path, all, body, expect, captures);
    }

    public HttpStep body(String json) {
        return new HttpStep(endpoint, method, path, headers, json, expect, captures);
    }

    public HttpStep expect(Expectation expectation) {
        return new HttpStep(endpoint, method, path, headers, body, expectation, captures);
    }

    public HttpStep expectStatus(Integer... codes) {
        return expect(expect.withStatus(codes));
    }

    public HttpStep expectContentType(String mediaType) {
        return expect(expect.withContentType(mediaType));
    }

    public HttpStep expectJson(String... properties) {
        return expect(expect.withJson(properties));
    }

    /** Captures a JSON property of the response into {@code {variable}} for the following steps. */
    public HttpStep capture(String variable, String jsonProperty) {
        Map<String, String> all = new LinkedHashMap<>(captures);
        all.put(variable, jsonProperty);
        return new HttpStep(endpoint, method, path, headers, body, expect, all);
    }

    private static String stripQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
