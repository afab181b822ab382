package perfgate.it;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The demo users API on loopback, as the JMeter ITs drive it: 2 users x {@code loops} x 3 requests (600 by default),
 * bounded by count. One request in three asks for a user that does not exist: Gatling's default check (status 2xx or
 * 304) makes its 404 a KO.
 */
public class UsersApiSimulation extends Simulation {
    private final HttpProtocolBuilder protocol = http.baseUrl("http://127.0.0.1:" + Integer.getInteger("port", 39283));

    private final ScenarioBuilder users = scenario("users").repeat(Integer.getInteger("loops", 100)).on(
            exec(http("GET health").get("/api/v1/health"))
                    .exec(http("GET users").get("/api/v1/users?limit=5"))
                    .exec(http("GET missing user").get("/api/v1/users/999999999")));

    {
        awaitService(Integer.getInteger("port", 39283));
        setUp(users.injectOpen(atOnceUsers(2))).protocols(protocol).maxDuration(Duration.ofSeconds(60));
    }

    /** The service starts in its own JVM in pre-integration-test: wait (30 s at most) until it accepts connections. */
    private static void awaitService(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the demo service did not listen on 127.0.0.1:" + port + " within 30 s", e);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
    }
}
