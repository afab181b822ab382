package io.perfgate.core.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a service started just before the load run (in pre-integration-test, say) to accept connections.
 * Only opens TCP connections to the scenario's own host and port, after the scenario's target check.
 */
public final class ServiceProbe {
    private static final long RETRY_NANOS = 200_000_000L;

    private ServiceProbe() {
    }

    /**
     * Tries to connect until the service accepts or {@code patience} has passed.
     *
     * @return true when a connection was accepted
     * @throws LoadConfigurationException when the scenario's host is not allowed
     */
    public static boolean awaitReachable(LoadScenario scenario, Duration patience) {
        return awaitReachable(scenario, patience, () -> true);
    }

    /**
     * As {@link #awaitReachable(LoadScenario, Duration)}, for a service this build started: gives up as soon as
     * {@code running} says it is gone (its process exited), instead of at the end of its patience.
     */
    public static boolean awaitReachable(LoadScenario scenario, Duration patience, BooleanSupplier running) {
        scenario.checkTarget();
        String host = scenario.baseUri().getHost();
        int port = scenario.baseUri().getPort() >= 0 ? scenario.baseUri().getPort()
                : "https".equalsIgnoreCase(scenario.baseUri().getScheme()) ? 443 : 80;
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1_000);
                return true;
            } catch (IOException e) {
                if (!running.getAsBoolean() || System.nanoTime() + RETRY_NANOS > deadline) {
                    return false;
                }
                LockSupport.parkNanos(RETRY_NANOS);
            }
        }
    }
}
