package io.perfgate.core.load;

import io.perfgate.core.load.CompiledFlow.CompiledStep;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.nio.AsyncConnectionEndpoint;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The network side of a run, on HttpClient 5's minimal async client with a single I/O thread. Each connection
 * is leased from the pool once, before the clock starts, and kept for the whole run, so the pool is never on the
 * request path; a broken one is reconnected. Requests go out as HTTP/1.1, without retries or redirects.
 */
final class HttpTransport {
    private final LoadScenario scenario;
    private final HttpHost host;
    private final HttpRoute route;
    private final String basePath;
    private final Runnable onIoThread;
    private PoolingAsyncClientConnectionManager manager;
    private MinimalHttpAsyncClient client;

    /** @param onIoThread called on the I/O thread when a connection opens (the self-check finds the thread so) */
    HttpTransport(LoadScenario scenario, Runnable onIoThread) {
        this.scenario = scenario;
        this.onIoThread = onIoThread;
        URI base = scenario.baseUri();
        int port = base.getPort() >= 0 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
        this.host = new HttpHost(base.getScheme().toLowerCase(Locale.ROOT), base.getHost(), port);
        this.route = new HttpRoute(host);
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    void start() {
        Timeout responseTimeout = Timeout.of(scenario.responseTimeout());
        manager = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(scenario.connections())
                .setMaxConnPerRoute(scenario.connections())
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(scenario.connectTimeout()))
                        .setSocketTimeout(responseTimeout)
                        .build())
                .build();
        IOReactorConfig reactor = IOReactorConfig.custom()
                .setIoThreadCount(1)
                .setTcpNoDelay(true)
                .setSoTimeout(responseTimeout)
                .build();
        client = HttpAsyncClients.createMinimal(HttpVersionPolicy.FORCE_HTTP_1, H2Config.DEFAULT, Http1Config.DEFAULT,
                reactor, manager);
        client.start();
    }

    /** Opens every connection before the clock starts; an unreachable service is an error, not a result. */
    void connectAll(Connection[] connections) {
        CountDownLatch done = new CountDownLatch(connections.length);
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (Connection connection : connections) {
            connect(connection, new FutureCallback<>() {
                @Override
                public void completed(AsyncConnectionEndpoint result) {
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
            throw new LoadRunException("load scenario '" + scenario.name() + "': cannot connect to " + scenario.baseUri()
                    + " (" + Failures.describe(cause) + "); is the service running and listening on that host and port?"
                    + " Start it before the load run (for Maven, in pre-integration-test) or correct baseUrl", cause);
        }
    }

    /** Leases and opens the connection's endpoint. */
    void connect(Connection connection, FutureCallback<AsyncConnectionEndpoint> callback) {
        Timeout timeout = Timeout.of(scenario.connectTimeout());
        manager.lease("perfgate-" + connection.index, route, null, timeout, new FutureCallback<>() {
            @Override
            public void completed(AsyncConnectionEndpoint endpoint) {
                if (endpoint.isConnected()) {
                    connection.endpoint = endpoint;
                    callback.completed(endpoint);
                    return;
                }
                manager.connect(endpoint, client, timeout, null, connection.context, new FutureCallback<>() {
                    @Override
                    public void completed(AsyncConnectionEndpoint connected) {
                        onIoThread.run();
                        connection.endpoint = connected;
                        callback.completed(connected);
                    }

                    @Override
                    public void failed(Exception ex) {
                        manager.release(endpoint, null, TimeValue.ZERO_MILLISECONDS);
                        callback.failed(ex);
                    }

                    @Override
                    public void cancelled() {
                        manager.release(endpoint, null, TimeValue.ZERO_MILLISECONDS);
                        callback.cancelled();
                    }
                });
            }

            @Override
            public void failed(Exception ex) {
                callback.failed(ex);
            }

            @Override
            public void cancelled() {
                callback.cancelled();
            }
        });
    }

    /** Whether the connection can take a request now; a broken one must be reconnected first. */
    static boolean isOpen(Connection connection) {
        AsyncConnectionEndpoint endpoint = connection.endpoint;
        return endpoint != null && endpoint.isConnected();
    }

    /** Sends the exchange's request on its connection, which must be open. */
    static void execute(Exchange exchange) {
        Connection connection = exchange.connection;
        connection.current = exchange;
        connection.endpoint.execute("perfgate", exchange, connection.context);
    }

    /**
     * The request of a step. A step sent as is every time is built once per connection: HttpClient's interceptors
     * then add their headers (Host, User-Agent) once, not on every request.
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

    /** Closes the connection's endpoint, if any, and gives it back to the pool. */
    void discard(Connection connection) {
        AsyncConnectionEndpoint endpoint = connection.endpoint;
        connection.endpoint = null;
        if (endpoint != null) {
            endpoint.close(CloseMode.IMMEDIATE);
            manager.release(endpoint, null, TimeValue.ZERO_MILLISECONDS);
        }
    }

    void close(Connection[] connections) {
        try {
            if (connections != null) {
                for (Connection connection : connections) {
                    discard(connection);
                }
            }
            if (client != null) {
                // graceful: with every connection closed it ends at once, and an immediate close races the
                // reactor thread (which then logs a ClosedSelectorException)
                client.initiateShutdown();
                client.awaitShutdown(TimeValue.ofSeconds(2));
                client.close(CloseMode.GRACEFUL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (manager != null) {
                manager.close(CloseMode.IMMEDIATE);
            }
        }
    }
}
