package io.perfgate.core.load;

import io.perfgate.core.load.CompiledFlow.CompiledStep;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.bootstrap.AsyncRequesterBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncRequester;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.command.RequestExecutionCommand;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.http.nio.ssl.TlsSupport;
import org.apache.hc.core5.http.protocol.DefaultHttpProcessor;
import org.apache.hc.core5.http.protocol.RequestConnControl;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.http.protocol.RequestUserAgent;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.reactor.Command;
import org.apache.hc.core5.reactor.EndpointParameters;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.IOSession;
import org.apache.hc.core5.reactor.ssl.SSLBufferMode;
import org.apache.hc.core5.reactor.ssl.TransportSecurityLayer;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The network side of a run, on HttpComponents 5's HTTP/1.1 requester (HttpCore, the layer HttpClient 5 is built
 * on) with a single I/O thread. Each connection is opened once, before the clock starts, and kept for the whole
 * run, so no pool is on the request path; a broken one is reconnected. Requests go out without retries or
 * redirects. HttpClient's own client would add an execution layer and a protocol processor of its choosing to
 * every request, which cost about 6 % of the throughput against nginx (docs/load-testing.md); see
 * {@link #PROCESSOR} and {@link KeepAlive} for what is done instead.
 */
final class HttpTransport {
    /**
     * Per request: a body's length (or chunking), the Host header, {@code Connection: keep-alive} and a User-Agent
     * (perfgate), each added only if the step did not set it. A request sent as is every time carries them from
     * its first send on.
     */
    static final DefaultHttpProcessor PROCESSOR = new DefaultHttpProcessor(
            new RequestContent(), new RequestTargetHost(), new RequestConnControl(), new RequestUserAgent("perfgate"));

    private final LoadScenario scenario;
    private final HttpHost host;
    private final String basePath;
    private final Runnable onIoThread;
    private final Timeout responseTimeout;
    private final Timeout connectTimeout;
    private final boolean secure;
    private HttpAsyncRequester requester;

    /** @param onIoThread called on the I/O thread when a connection opens (the self-check finds the thread so) */
    HttpTransport(LoadScenario scenario, Runnable onIoThread) {
        this.scenario = scenario;
        this.onIoThread = onIoThread;
        URI base = scenario.baseUri();
        int port = base.getPort() >= 0 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
        this.host = new HttpHost(base.getScheme().toLowerCase(Locale.ROOT), base.getHost(), port);
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.responseTimeout = Timeout.of(scenario.responseTimeout());
        this.connectTimeout = Timeout.of(scenario.connectTimeout());
        this.secure = "https".equals(host.getSchemeName());
    }

    void start() {
        IOReactorConfig reactor = IOReactorConfig.custom()
                .setIoThreadCount(1)
                .setTcpNoDelay(true)
                .setSoTimeout(responseTimeout)
                .build();
        requester = AsyncRequesterBootstrap.bootstrap()
                .setIOReactorConfig(reactor)
                .setHttp1Config(Http1Config.DEFAULT)
                .setHttpProcessor(PROCESSOR)
                .setConnectionReuseStrategy(KeepAlive.INSTANCE)
                .setTlsStrategy(new Http1Tls())
                .create();
        requester.start();
    }

    /** Opens every connection before the clock starts; an unreachable service is an error, not a result. */
    void connectAll(Connection[] connections) {
        CountDownLatch done = new CountDownLatch(connections.length);
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (Connection connection : connections) {
            connect(connection, new FutureCallback<>() {
                @Override
                public void completed(IOSession result) {
                    done.countDown();
                }

                @Override
                public void failed(Exception ex) {
                    failure.compareAndSet(null, ex);
                    done.countDown();
                }

                @Override
                public void cancelled() {
                    failure.compareAndSet(null, new IOException("connection attempt cancelled"));
                    done.countDown();
                }
            });
        }
        try {
            boolean finished = done.await(scenario.connectTimeout().toMillis() + 2_000, TimeUnit.MILLISECONDS);
            if (!finished && failure.get() == null) {
                failure.set(new SocketTimeoutException("no connection within " + Rates.format(scenario.connectTimeout())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadRunException("load scenario '" + scenario.name() + "' was interrupted while connecting", e);
        }
        if (failure.get() != null) {
            Exception cause = failure.get();
            String hint = Failures.isTls(cause)
                    ? "the TLS handshake failed: the service's certificate must name the base URL's host and be"
                    + " trusted by this JVM (javax.net.ssl.trustStore, or the JDK's cacerts)"
                    : "is the service running and listening on that host and port? Start it before the load run"
                    + " (for Maven, in pre-integration-test) or correct baseUrl";
            throw new LoadRunException("load scenario '" + scenario.name() + "': cannot connect to " + scenario.baseUri()
                    + " (" + Failures.describe(cause) + "); " + hint, cause);
        }
    }

    /**
     * Opens a connection for the user; its callback runs on the I/O thread. The session is the run's own, outside
     * the requester's pool: a pooled endpoint would take the connect timeout as its response timeout.
     */
    void connect(Connection connection, FutureCallback<IOSession> callback) {
        Opening opening = new Opening(connection, callback);
        requester.requestSession(host, connectTimeout, new EndpointParameters(host, opening), opening);
    }

    /**
     * One connection attempt. Over http it is open once TCP connects; over https once the TLS handshake, which
     * HttpCore starts on connect, is done too, so that a certificate the JVM does not trust stops the run before
     * it starts (as it did on HttpClient's client) instead of failing every request.
     */
    private final class Opening implements FutureCallback<IOSession> {
        private final Connection connection;
        private final FutureCallback<IOSession> callback;
        private final AtomicInteger pending = new AtomicInteger(secure ? 2 : 1);
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile IOSession session;

        Opening(Connection connection, FutureCallback<IOSession> callback) {
            this.connection = connection;
            this.callback = callback;
        }

        @Override
        public void completed(IOSession opened) {
            opened.setSocketTimeout(responseTimeout);
            session = opened;
            stepDone();
        }

        private void stepDone() {
            if (pending.decrementAndGet() == 0 && ended.compareAndSet(false, true)) {
                onIoThread.run();
                connection.session = session;
                callback.completed(session);
            }
        }

        @Override
        public void failed(Exception cause) {
            if (ended.compareAndSet(false, true)) {
                IOSession opened = session;
                if (opened != null) {
                    opened.close(CloseMode.IMMEDIATE);
                }
                callback.failed(cause);
            }
        }

        @Override
        public void cancelled() {
            failed(new IOException("connection attempt cancelled"));
        }

        FutureCallback<TransportSecurityLayer> handshake() {
            return new FutureCallback<>() {
                @Override
                public void completed(TransportSecurityLayer layer) {
                    stepDone();
                }

                @Override
                public void failed(Exception cause) {
                    Opening.this.failed(cause);
                }

                @Override
                public void cancelled() {
                    Opening.this.failed(new IOException("TLS handshake cancelled"));
                }
            };
        }
    }

    /**
     * TLS as the JDK does it by default (its trust store, javax.net.ssl.trustStore when set), with the JDK checking
     * that the certificate names the base URL's host, weak protocols and ciphers left out, and http/1.1 the only
     * protocol offered (ALPN), so a server that speaks HTTP/2 answers in the one this transport speaks. The handshake
     * has the connect timeout and tells the attempt when it is done.
     */
    private final class Http1Tls implements TlsStrategy {
        // per transport, not SSLContext.getDefault(): it reads the trust store properties as they are now
        private final SSLContext context = SSLContexts.createDefault();

        @Override
        public void upgrade(TransportSecurityLayer layer, NamedEndpoint endpoint, Object attachment,
                            Timeout handshakeTimeout, FutureCallback<TransportSecurityLayer> callback) {
            layer.startTls(context, endpoint, SSLBufferMode.STATIC, Http1Tls::configure, null, connectTimeout,
                    ((Opening) attachment).handshake());
        }

        private static void configure(NamedEndpoint endpoint, SSLEngine engine) {
            SSLParameters parameters = TlsSupport.enforceStrongSecurity(engine.getSSLParameters());
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setApplicationProtocols(new String[] {"http/1.1"});
            engine.setSSLParameters(parameters);
        }

        @Override
        @Deprecated
        public boolean upgrade(TransportSecurityLayer layer, HttpHost target, SocketAddress local, SocketAddress remote,
                               Object attachment, Timeout handshakeTimeout) {
            upgrade(layer, target, attachment, handshakeTimeout, null);
            return true;
        }
    }

    /** Whether the connection can take a request now; a broken or closing one must be reconnected first. */
    static boolean isOpen(Connection connection) {
        IOSession session = connection.session;
        return session != null && session.isOpen()
                && session.getHandler() instanceof HttpConnection http && http.isOpen();
    }

    /** Sends the exchange's request on its connection, which must be open. */
    static void execute(Exchange exchange) {
        Connection connection = exchange.connection;
        connection.current = exchange;
        IOSession session = connection.session;
        session.enqueue(new RequestExecutionCommand(exchange, connection.context), Command.Priority.NORMAL);
        if (!session.isOpen()) {
            exchange.failed(new ConnectionClosedException());
        }
    }

    /**
     * The request of a step. A step sent as is every time is built once per connection: {@link #PROCESSOR} then
     * adds its headers (Host, Connection, User-Agent) once, not on every request.
     */
    HttpRequest request(Connection connection, CompiledStep step, Map<String, String> variables) {
        if (step.reusable) {
            HttpRequest cached = connection.requests[step.id];
            if (cached == null) {
                cached = build(step, Map.of());
                connection.requests[step.id] = cached;
            }
            return cached;
        }
        return build(step, variables);
    }

    private HttpRequest build(CompiledStep step, Map<String, String> variables) {
        BasicHttpRequest request = new BasicHttpRequest(step.method, host, basePath + step.path.fill(variables));
        for (int i = 0; i < step.headerNames.length; i++) {
            request.addHeader(step.headerNames[i], step.headerValues[i].fill(variables));
        }
        return request;
    }

    /** Closes the connection's session, if any. */
    void discard(Connection connection) {
        IOSession session = connection.session;
        connection.session = null;
        if (session != null) {
            session.close(CloseMode.IMMEDIATE);
        }
    }

    void close(Connection[] connections) {
        try {
            if (connections != null) {
                for (Connection connection : connections) {
                    discard(connection);
                }
            }
            if (requester != null) {
                // graceful: with every connection closed it ends at once, and an immediate close races the
                // reactor thread (which then logs a ClosedSelectorException)
                requester.initiateShutdown();
                requester.awaitShutdown(TimeValue.ofSeconds(2));
                requester.close(CloseMode.GRACEFUL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
