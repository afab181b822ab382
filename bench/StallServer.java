import com.sun.net.httpserver.HttpServer;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * An HTTP server on 127.0.0.1 that freezes for FREEZE_MS at the start of every PERIOD_MS, aligned to the
 * machine's monotonic clock (System.nanoTime, shared by every JVM on the machine), so the load generator's
 * process can compute each request's expected latency from its schedule. A request arriving during a
 * freeze is answered when the freeze ends. JDK only.
 * Usage: java bench/StallServer.java PORT PERIOD_MS FREEZE_MS   (prints "listening PORT" when ready)
 */
public class StallServer {
    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = Integer.parseInt(args[0]);
        long period = Long.parseLong(args[1]) * 1_000_000L;
        long freeze = Long.parseLong(args[2]) * 1_000_000L;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.setExecutor(Executors.newFixedThreadPool(16));
        byte[] ok = "ok".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        server.createContext("/", exchange -> {
            long now = System.nanoTime();
            long phase = Math.floorMod(now, period);
            if (phase < freeze) {
                long end = now - phase + freeze;
                while (System.nanoTime() < end) {
                    LockSupport.parkNanos(end - System.nanoTime());
                }
            }
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, ok.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ok);
            }
        });
        server.start();
        System.out.println("listening " + server.getAddress().getPort());
    }
}
