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
    private final java.util.Map<Long, Long> releases = new java.util.concurrent.ConcurrentHashMap<>();

    StallingServer(long periodNanos, long freezeNanos) throws IOException {
        this.periodNanos = periodNanos;
        this.freezeNanos = freezeNanos;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        byte[] ok = "ok".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        server.createContext("/", exchange -> {
            long arrived = System.nanoTime();
            long end = freezeEnd(arrived);
            while (end > 0 && System.nanoTime() < end) {
                LockSupport.parkNanos(end - System.nanoTime());
            }
            if (end > 0) {
                // when this freeze really let go: a busy machine wakes the server's threads late
                releases.merge(Math.floorDiv(arrived, periodNanos), System.nanoTime(), Math::max);
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

    /**
     * The latency the schedule predicts for a request scheduled at {@code nanos}: inside a freeze, until the freeze
     * ended — as the server measured it, so a machine too busy to wake the server on time is not taken for a
     * generator error.
     */
    long expectedLatency(long nanos) {
        long end = freezeEnd(nanos);
        if (end == 0) {
            return 0;
        }
        long released = releases.getOrDefault(Math.floorDiv(nanos, periodNanos), end);
        return Math.max(end, released) - nanos;
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
