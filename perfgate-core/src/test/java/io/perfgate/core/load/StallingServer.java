package io.perfgate.core.load;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * A server that answers at once except during a freeze of {@code freezeNanos} at the start of every
 * {@code periodNanos}, aligned to {@link System#nanoTime()}: a request arriving in a freeze is answered
 * when the freeze ends. Alignment to the monotonic clock lets a test compute each request's expected
 * latency from the schedule alone.
 */
final class StallingServer implements AutoCloseable {
    static {
        // without it the JDK server's separate header and body writes meet the client's delayed ACK: 40 ms a request
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final long periodNanos;
    final long freezeNanos;
    private final HttpServer server;
    private final ExecutorService executor;

    StallingServer(long periodNanos, long freezeNanos) throws IOException {
        this.periodNanos = periodNanos;
        this.freezeNanos = freezeNanos;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        byte[] ok = "ok".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        server.createContext("/", exchange -> {
            long end = freezeEnd(System.nanoTime());
            while (end > 0 && System.nanoTime() < end) {
                LockSupport.parkNanos(end - System.nanoTime());
            }
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, ok.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ok);
            }
        });
        server.start();
    }

    /** When the freeze containing {@code nanos} ends, or 0 when {@code nanos} is outside a freeze. */
    long freezeEnd(long nanos) {
        long phase = Math.floorMod(nanos, periodNanos);
        return phase < freezeNanos ? nanos - phase + freezeNanos : 0;
    }

    /** The latency a perfect server-side clock predicts for a request scheduled at {@code nanos}. */
    long expectedLatency(long nanos) {
        long end = freezeEnd(nanos);
        return end == 0 ? 0 : end - nanos;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
