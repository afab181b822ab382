package shop;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** GET /quote on the loopback interface; takes the port and how many seconds to live. Base: 2 ms per quote. */
public final class QuoteServer {
    static final long MILLIS_PER_QUOTE = 2;

    private QuoteServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long lifetimeSeconds = Long.parseLong(args[1]);
        // without it, Nagle's algorithm and delayed ACKs hold each response about 40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/quote", exchange -> {
            try {
                Thread.sleep(MILLIS_PER_QUOTE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"price\": 42}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("quote server listening on " + port + " from " + System.getProperty("java.class.path"));
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(lifetimeSeconds * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(0);
        });
        stopper.setDaemon(true);
        stopper.start();
    }
}
