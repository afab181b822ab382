package io.perfgate.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The demo users API on the loopback interface, backed by an embedded H2 database:
 * <ul>
 *   <li>{@code GET /api/v1/health}: 200 {@code {"status":"UP"}}</li>
 *   <li>{@code GET /api/v1/users?limit=20&offset=0}: 200, a page of users</li>
 *   <li>{@code POST /api/v1/users} {@code {"name":..., "email":...}}: 201 with the stored user and its id</li>
 *   <li>{@code GET /api/v1/users/{id}}: 200 the user, or 404</li>
 *   <li>{@code GET /api/v1/reports/heavy}: 200, a slower aggregate report</li>
 *   <li>{@code GET /web/index.html}: the shop's page (image, stylesheet, script) for perfgate:lighthouse;
 *       {@code /web/slow.html} blocks the main thread 1.5 s, {@code /web/shift.html} shifts its layout</li>
 * </ul>
 * Eight worker threads, as a service with a bounded pool has. Run {@code java ... DemoService [port] [minutes]}:
 * port 0 picks a free one; the service stops by itself after the given minutes (default 10).
 */
public final class DemoService implements AutoCloseable {
    static {
        // the JDK server writes headers and body separately; without TCP_NODELAY each answer waits for a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService workers;
    private final UserRepository users;

    private DemoService(int port) throws IOException, SQLException {
        users = new UserRepository(1_000);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        workers = Executors.newFixedThreadPool(8);
        server.setExecutor(workers);
        server.createContext("/api/v1/health", exchange -> handle(exchange, () -> {
            boolean up = users.healthy();
            reply(exchange, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"));
        }));
        server.createContext("/api/v1/users", exchange -> handle(exchange, () -> users(exchange)));
        server.createContext("/api/v1/reports/heavy", exchange -> handle(exchange, () -> report(exchange)));
        server.createContext("/web/", exchange -> handle(exchange, () -> web(exchange)));
        server.start();
    }

    /** Starts the service on 127.0.0.1; port 0 picks a free port. */
    public static DemoService start(int port) throws IOException, SQLException {
        return new DemoService(port);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private interface Handler {
        void handle() throws IOException, SQLException;
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            try {
                handler.handle();
            } catch (SQLException | RuntimeException e) {
                reply(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
            }
        }
    }

    private void users(HttpExchange exchange) throws IOException, SQLException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/api/v1/users") || path.equals("/api/v1/users/")) {
            if (method.equals("GET")) {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                int limit = Math.max(1, Math.min(100, intOr(query.get("limit"), 20)));
                int offset = Math.max(0, intOr(query.get("offset"), 0));
                reply(exchange, 200, users.page(limit, offset));
            } else if (method.equals("POST")) {
                create(exchange);
            } else {
                reply(exchange, 405, Map.of("error", method + " is not allowed here"));
            }
            return;
        }
        String id = path.substring("/api/v1/users/".length());
        if (!method.equals("GET")) {
            reply(exchange, 405, Map.of("error", method + " is not allowed here"));
        } else if (!id.matches("[0-9]{1,18}")) {
            reply(exchange, 400, Map.of("error", "'" + id + "' is not a user id"));
        } else {
            var user = users.find(Long.parseLong(id));
            if (user.isPresent()) {
                reply(exchange, 200, user.get());
            } else {
                reply(exchange, 404, Map.of("error", "no user " + id));
            }
        }
    }

    private void create(HttpExchange exchange) throws IOException, SQLException {
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody());
        } catch (IOException e) {
            reply(exchange, 400, Map.of("error", "the body is not JSON"));
            return;
        }
        if (body == null || !body.hasNonNull("name") || body.get("name").asText().isBlank()) {
            reply(exchange, 400, Map.of("error", "a user needs a name"));
            return;
        }
        String name = body.get("name").asText();
        String email = body.hasNonNull("email") ? body.get("email").asText() : name.replace(' ', '.') + "@example.com";
        UserRepository.User user = users.create(name, email);
        exchange.getResponseHeaders().add("Location", "/api/v1/users/" + user.id());
        reply(exchange, 201, user);
    }

    private void report(HttpExchange exchange) throws IOException, SQLException {
        List<Object[]> rows = users.domainReport();
        List<Map<String, Object>> domains = new java.util.ArrayList<>();
        for (Object[] row : rows) {
            Map<String, Object> domain = new LinkedHashMap<>();
            domain.put("domain", row[0]);
            domain.put("users", row[1]);
            domain.put("weight", row[2]);
            domains.add(domain);
        }
        reply(exchange, 200, Map.of("domains", domains));
    }

    private static final Map<String, String> WEB_TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "png", "image/png");

    /** The shop's static files, from the classpath (io/perfgate/demo/web). */
    private static void web(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/web/".length());
        String type = WEB_TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        byte[] body = null;
        if (type != null && name.matches("[a-z0-9-]+\\.[a-z]+")) {
            try (var in = DemoService.class.getResourceAsStream("/io/perfgate/demo/web/" + name)) {
                body = in == null ? null : in.readAllBytes();
            }
        }
        if (body == null) {
            reply(exchange, 404, Map.of("error", "no page " + name));
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "max-age=3600");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static int intOr(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public void close() throws SQLException {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        users.close();
    }

    /** {@code DemoService [port] [minutes]}: serves until stopped, or for the given minutes at most (default 10). */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        long minutes = args.length > 1 ? Long.parseLong(args[1]) : 10;
        DemoService service = start(port);
        System.out.println("demo service listening on " + service.baseUrl());
        Thread.sleep(TimeUnit.MINUTES.toMillis(minutes));
        System.out.println("demo service stops after " + minutes + " minutes");
        service.close();
        System.exit(0);
    }
}
