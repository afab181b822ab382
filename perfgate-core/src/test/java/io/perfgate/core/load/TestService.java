package io.perfgate.core.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server on 127.0.0.1 (JDK HttpServer) with the behaviours the generator must tell apart:
 * fast answers, created resources with ids, server errors, wrong content, slow answers, redirects and answers
 * that close their connection.
 */
final class TestService implements AutoCloseable {
    static {
        // without it the JDK server's separate header and body writes meet the client's delayed ACK: 40 ms a request
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final HttpServer server;
    private final ExecutorService executor;
    final AtomicInteger nextId = new AtomicInteger(1000);
    final Map<String, String> users = new ConcurrentHashMap<>();
    final List<String> fetchedIds = new CopyOnWriteArrayList<>();
    final AtomicLong hits = new AtomicLong();
    final List<String> createdNames = new CopyOnWriteArrayList<>();
    /** The client port of each request to /close: one connection each if the client honours the close. */
    final List<Integer> closingPorts = new CopyOnWriteArrayList<>();

    TestService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/ok", exchange -> respond(exchange, 200, "text/plain", "ok"));
        server.createContext("/json", exchange -> respond(exchange, 200, "application/json", "{\"name\":\"x\"}"));
        server.createContext("/users", this::users);
        server.createContext("/fail", exchange -> respond(exchange, 500, "text/plain", "database is down"));
        server.createContext("/slow", exchange -> {
            sleep(Long.parseLong(exchange.getRequestURI().getQuery().replace("ms=", "")));
            respond(exchange, 200, "text/plain", "slow");
        });
        server.createContext("/close", exchange -> {
            // an HTTP/1.1 answer that ends its connection: the client must not send on it again
            closingPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getResponseHeaders().add("Connection", "close");
            respond(exchange, 200, "text/plain", "bye");
        });
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://10.255.255.1/elsewhere");
            respond(exchange, 302, "text/plain", "moved");
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void users(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("POST") && path.equals("/users")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = String.valueOf(nextId.getAndIncrement());
            users.put(id, body);
            createdNames.add(body);
            respond(exchange, 201, "application/json", "{\"id\":" + id + ",\"echo\":" + body + "}");
            return;
        }
        if (exchange.getRequestMethod().equals("GET") && path.startsWith("/users/")) {
            String id = path.substring("/users/".length());
            fetchedIds.add(id);
            String user = users.get(id);
            if (user == null) {
                respond(exchange, 404, "application/json", "{\"error\":\"no user " + id + "\"}");
            } else {
                respond(exchange, 200, "application/json", "{\"id\":" + id + ",\"user\":" + user + "}");
            }
            return;
        }
        respond(exchange, 405, "text/plain", "no");
    }

    void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        hits.incrementAndGet();
        write(exchange, status, type, body);
    }

    /** Reads the request's body and answers with a body of a known length. */
    static void write(HttpExchange exchange, int status, String type, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
