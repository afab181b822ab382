package io.perfgate.core.load;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A real HTTPS server on 127.0.0.1 with a certificate made for the test (keytool), trusted or not by the JVM. */
class HttpsLoadTest {
    private static final String PASSWORD = "perfgate";

    @TempDir
    static Path keys;
    private static SSLContext serviceTls;
    private static HttpsServer server;
    private static ExecutorService executor;
    private static final List<String> protocols = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        keytool("-genkeypair", "-alias", "service", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=perfgate test service", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keys.resolve("service.p12").toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "service", "-keystore", keys.resolve("service.p12").toString(),
                "-storepass", PASSWORD, "-file", keys.resolve("service.cer").toString());
        keytool("-importcert", "-noprompt", "-alias", "service", "-file", keys.resolve("service.cer").toString(),
                "-storetype", "PKCS12", "-keystore", keys.resolve("trust.p12").toString(), "-storepass", PASSWORD);

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys.resolve("service.p12"))) {
            keyStore.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        serviceTls = tls;

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/ok", exchange -> {
            protocols.add(exchange.getProtocol());
            TestService.write(exchange, 200, "text/plain", "ok");
        });
        server.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    }

    private static LoadScenario scenario() {
        return scenario("127.0.0.1");
    }

    private static LoadScenario scenario(String host) {
        return LoadScenario.builder("https://" + host + ":" + server.getAddress().getPort())
                .request(HttpStep.get("/ok")).warmup(Duration.ZERO).connectTimeout(Duration.ofSeconds(5))
                .maxRequests(40).users(2, Duration.ZERO, Duration.ofSeconds(10)).build();
    }

    @Test
    void aCertificateTheJvmDoesNotTrustStopsTheRunBeforeItStarts() {
        LoadRunException refused = assertThrows(LoadRunException.class, () -> LoadGenerator.run(scenario()));

        LoadGeneratorTest.assertContains(refused.getMessage(),
                "cannot connect to https://127.0.0.1:" + server.getAddress().getPort());
        LoadGeneratorTest.assertContains(refused.getMessage(), "the TLS handshake failed",
                "trusted by this JVM (javax.net.ssl.trustStore");
    }

    @Test
    void aTrustedServiceIsLoadedOverHttp11() {
        trusting(() -> {
            protocols.clear();
            LoadRun run = LoadGenerator.run(scenario());

            assertEquals(0, run.overall().errors(), run.summary() + run.overall().firstError());
            assertEquals(40, run.overall().requests(), run.summary());
            assertEquals(List.of("HTTP/1.1"), protocols.stream().distinct().toList());
        });
    }

    @Test
    void aTrustedCertificateForAnotherNameIsRefused() {
        // the certificate names 127.0.0.1 alone: reached as localhost, it is not that service's certificate
        trusting(() -> {
            LoadRunException refused = assertThrows(LoadRunException.class,
                    () -> LoadGenerator.run(scenario("localhost")));

            LoadGeneratorTest.assertContains(refused.getMessage(),
                    "cannot connect to https://localhost:" + server.getAddress().getPort(), "No name matching localhost",
                    "must name the base URL's host");
        });
    }

    @Test
    void http2IsNotOfferedToAServerThatSpeaksIt() throws Exception {
        // such a server picks h2 when the client offers it (ALPN), and this transport speaks HTTP/1.1 alone; the JDK's
        // HTTPS server cannot say what a client offered, so this one answers on a bare TLS socket, one answer each
        // (3 requests, 3 connections)
        List<List<String>> offers = new CopyOnWriteArrayList<>();
        try (SSLServerSocket listener = (SSLServerSocket) serviceTls.getServerSocketFactory()
                .createServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answerEachOnce(listener, offers), "h2-server");
            answering.setDaemon(true);
            answering.start();
            LoadScenario scenario = LoadScenario.builder("https://127.0.0.1:" + listener.getLocalPort())
                    .request(HttpStep.get("/ok")).warmup(Duration.ZERO).connectTimeout(Duration.ofSeconds(5))
                    .maxRequests(3).users(1, Duration.ZERO, Duration.ofSeconds(10)).build();

            trusting(() -> {
                LoadRun run = LoadGenerator.run(scenario);

                assertEquals(0, run.overall().errors(), run.summary() + run.overall().firstError());
                assertEquals(3, run.overall().requests(), run.summary());
            });
        }
        assertEquals(List.of(List.of("http/1.1")), offers.stream().distinct().toList(),
                "application protocols the transport offered");
        assertEquals(3, offers.size(), offers.toString());
    }

    /** Reads each connection's request head and answers it with a 200 that closes the connection. */
    private static void answerEachOnce(SSLServerSocket listener, List<List<String>> offers) {
        while (!listener.isClosed()) {
            try (SSLSocket socket = (SSLSocket) listener.accept()) {
                // called only when the client offers protocols; "" goes on without ALPN (null would refuse)
                socket.setHandshakeApplicationProtocolSelector((engine, offered) -> {
                    offers.add(List.copyOf(offered));
                    return offered.contains("h2") ? "h2" : offered.contains("http/1.1") ? "http/1.1" : "";
                });
                InputStream in = socket.getInputStream();
                int matched = 0;
                byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                while (matched < end.length) {
                    int next = in.read();
                    if (next < 0) {
                        break;
                    }
                    matched = next == end[matched] ? matched + 1 : next == end[0] ? 1 : 0;
                }
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // closed at the end of the test, or a connection the client gave up
            }
        }
    }

    /** Runs the check with the test's certificate in the JVM's trust store (javax.net.ssl.trustStore). */
    private static void trusting(Runnable check) {
        String before = System.getProperty("javax.net.ssl.trustStore");
        System.setProperty("javax.net.ssl.trustStore", keys.resolve("trust.p12").toString());
        System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        try {
            check.run();
        } finally {
            if (before == null) {
                System.clearProperty("javax.net.ssl.trustStore");
            } else {
                System.setProperty("javax.net.ssl.trustStore", before);
            }
            System.clearProperty("javax.net.ssl.trustStorePassword");
        }
    }
}
