package io.perfgate.core.load;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.perfgate.core.gate.QuantityKind;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.load.CompiledFlow.CompiledStep;
import io.perfgate.core.result.Json;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.nio.AsyncConnectionEndpoint;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.BasicEntityDetails;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.AsyncClientExchangeHandler;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One load run. Built for throughput: a single I/O thread on HttpClient 5's minimal async client,
 * connections leased once and kept (so the pool is never on the request path), one exchange handler
 * object per request that times, checks and records on the I/O thread, and the next request of a
 * connection sent from the callback that completed the previous one. No retries, no redirects.
 *
 * <p>Open model: a dispatcher thread walks the arrival schedule and hands each arrival to a free
 * connection, or queues it; a connection that finishes takes the oldest queued arrival. A queued request is
 * timed from its scheduled start, so time spent waiting for a stalled server is counted (coordinated omission);
 * one that found a free connection is timed from its dispatch, so a dispatcher that woke late (a busy machine,
 * a GC pause) does not blame the server for its own delay. Sustained lateness makes the run behind schedule.
 */
final class LoadEngine {
    private static final int SLICES = 10;
    private static final int PENDING_LIMIT = 1_000_000;
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final int PRE_SEND_RETRIES = 2;

    private final LoadScenario scenario;
    private final Consumer<String> console;
    private final CompiledFlow[] flows;
    private final double[] cumulativeWeights;
    private final List<String> endpointNames = new ArrayList<>();
    private final HttpHost host;
    private final HttpRoute route;
    private final String basePath;
    private final long responseTimeoutNanos;

    private final Recorder warmup;
    private final Recorder measured;

    private PoolingAsyncClientConnectionManager manager;
    private MinimalHttpAsyncClient client;
    private Connection[] connections;

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final ArrayDeque<Arrival> waiting = new ArrayDeque<>();
    private long peakWaiting;
    private volatile boolean waitingOverflow;

    private final AtomicInteger activeIterations = new AtomicInteger();
    private final AtomicLong requestsStarted = new AtomicLong();
    private final AtomicLong iterationNumbers = new AtomicLong();
    private final DelayQueue<Wake> wakes = new DelayQueue<>();
    private volatile boolean stopping;
    private volatile boolean requestLimitReached;
    private volatile long measureStart;
    private volatile long measureEnd;
    private volatile long sliceNanos = 1;
    private final AtomicLong lastMeasuredAnswer = new AtomicLong();
    private volatile Thread ioThread;
    private volatile String ioTaskPath;

    private long scheduledStarts;
    private long lateStarts;
    private long maxLagNanos;

    LoadEngine(LoadScenario scenario, Consumer<String> console) {
        this.scenario = scenario;
        this.console = console == null ? line -> { } : console;
        this.flows = CompiledFlow.compile(scenario.flows(), endpointNames);
        this.cumulativeWeights = new double[flows.length];
        double total = 0;
        for (int i = 0; i < flows.length; i++) {
            total += scenario.flows().get(i).weight();
            cumulativeWeights[i] = total;
        }
        URI base = scenario.baseUri();
        int port = base.getPort() >= 0 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
        this.host = new HttpHost(base.getScheme().toLowerCase(java.util.Locale.ROOT), base.getHost(), port);
        this.route = new HttpRoute(host);
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.responseTimeoutNanos = scenario.responseTimeout().toNanos();
        this.warmup = new Recorder(0);
        this.measured = new Recorder(SLICES);
    }

    /** Per phase: the whole run and each endpoint. */
    private final class Recorder {
        final EndpointRecorder overall;
        final EndpointRecorder[] endpoints;

        Recorder(int slices) {
            overall = new EndpointRecorder("overall", slices);
            endpoints = new EndpointRecorder[endpointNames.size()];
            for (int i = 0; i < endpoints.length; i++) {
                endpoints[i] = new EndpointRecorder(endpointNames.get(i), slices);
            }
        }

        void success(CompiledStep step, long intended, long latency, long service) {
            int slice = slice(intended);
            overall.success(latency, service, slice);
            endpoints[step.endpointIndex].success(latency, service, slice);
        }

        void error(CompiledStep step, long intended, ErrorKind kind, String message) {
            int slice = slice(intended);
            overall.error(kind, message, slice);
            endpoints[step.endpointIndex].error(kind, message, slice);
        }

        private int slice(long intended) {
            if (this != measured) {
                return 0;
            }
            long offset = intended - measureStart;
            return (int) Math.max(0, Math.min(SLICES - 1, offset / sliceNanos));
        }
    }

    /** A connection the run owns from start to end; reconnected when it breaks. */
    private static final class Connection {
        final int index;
        final HttpCoreContext context = HttpCoreContext.create();
        final SplittableRandom random;
        volatile AsyncConnectionEndpoint endpoint;
        volatile Exchange current;

        Connection(int index, SplittableRandom random) {
            this.index = index;
            this.random = random;
        }
    }

    /** An open-model arrival waiting for a free connection. */
    private record Arrival(CompiledFlow flow, long intended, Recorder recorder) {
    }

    /** A closed-model user due to start its next iteration after thinking. */
    private static final class Wake implements Delayed {
        final Connection connection;
        final long due;

        Wake(Connection connection, long due) {
            this.connection = connection;
            this.due = due;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(due, ((Wake) other).due);
        }
    }

    /** One pass of a user through a flow. */
    private static final class Iteration {
        final CompiledFlow flow;
        final Recorder recorder;
        final AtomicLong numbers;
        int step;
        long intended;
        int preSendRetries;
        Map<String, String> variables;

        Iteration(CompiledFlow flow, Recorder recorder, AtomicLong numbers, long intended) {
            this.flow = flow;
            this.recorder = recorder;
            this.numbers = numbers;
            this.intended = intended;
        }

        Map<String, String> variables() {
            if (variables == null) {
                variables = new HashMap<>();
                // numbered when first needed: most iterations fill no template
                variables.put("iteration", Long.toString(numbers.incrementAndGet()));
                variables.put("uuid", UUID.randomUUID().toString());
            }
            return variables;
        }
    }

    // ---------------------------------------------------------------- the run

    LoadRun run() {
        scenario.checkTarget();
        long runStart = System.nanoTime();
        long deadline = runStart + scenario.maxDuration().toNanos();
        open();
        Thread progress = null;
        try {
            connectAll();
            progress = startProgress();
            if (scenario.shape() instanceof LoadShape.Open open) {
                runOpen(open, deadline);
            } else {
                runClosed((LoadShape.Closed) scenario.shape(), deadline);
            }
            long[] ioBefore = ioSample;
            drain(deadline);
            return result(ioBefore);
        } finally {
            stopping = true;
            if (progress != null) {
                progress.interrupt();
            }
            close();
        }
    }

    private void open() {
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
        client = HttpAsyncClients.createMinimal(H2Config.DEFAULT, Http1Config.DEFAULT, reactor, manager);
        client.start();
        SplittableRandom root = new SplittableRandom(scenario.seed());
        connections = new Connection[scenario.connections()];
        for (int i = 0; i < connections.length; i++) {
            connections[i] = new Connection(i, root.split());
        }
        dispatcherRandom = root.split();
    }

    private SplittableRandom dispatcherRandom;

    private void close() {
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
                client.awaitShutdown(org.apache.hc.core5.util.TimeValue.ofSeconds(2));
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

    /** Opens every connection before the clock starts; an unreachable service is an error, not a result. */
    private void connectAll() {
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
                    + " (" + describe(cause) + "); is the service running and listening on that host and port?"
                    + " Start it before the load run (for Maven, in pre-integration-test) or correct baseUrl", cause);
        }
        for (Connection connection : connections) {
            idle.addLast(connection);
        }
    }

    private void connect(Connection connection, FutureCallback<AsyncConnectionEndpoint> callback) {
        String id = "perfgate-" + connection.index;
        manager.lease(id, route, null, Timeout.of(scenario.connectTimeout()), new FutureCallback<>() {
            @Override
            public void completed(AsyncConnectionEndpoint endpoint) {
                if (endpoint.isConnected()) {
                    connection.endpoint = endpoint;
                    callback.completed(endpoint);
                    return;
                }
                manager.connect(endpoint, client, Timeout.of(scenario.connectTimeout()), null, connection.context,
                        new FutureCallback<>() {
                            @Override
                            public void completed(AsyncConnectionEndpoint connected) {
                                noteIoThread();
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

    private void discard(Connection connection) {
        AsyncConnectionEndpoint endpoint = connection.endpoint;
        connection.endpoint = null;
        if (endpoint != null) {
            endpoint.close(CloseMode.IMMEDIATE);
            manager.release(endpoint, null, TimeValue.ZERO_MILLISECONDS);
        }
    }

    // ---------------------------------------------------------------- open model

    private void runOpen(LoadShape.Open open, long deadline) {
        List<Stage> stages = new ArrayList<>();
        long warmupNanos = scenario.warmup().toNanos();
        if (warmupNanos > 0) {
            stages.add(Stage.constant(open.initialRate(), scenario.warmup()));
        }
        stages.addAll(open.stages());
        long start = System.nanoTime() + 1_000_000;
        measureStart = start + warmupNanos;
        measureEnd = measureStart + open.duration().toNanos();
        sliceNanos = Math.max(1, open.duration().toNanos() / SLICES);
        ioSample = null;
        boolean measuring = warmupNanos == 0;
        if (measuring) {
            ioSample = ioSampleNow();
        }
        long stageStart = start;
        outer:
        for (Stage stage : stages) {
            double planned = stage.arrivals();
            for (long n = 0; n < planned; n++) {
                long intended = stageStart + Math.round(stage.secondsOf(n) * 1e9);
                long now = waitUntil(intended);
                if (stopping || now >= deadline) {
                    break outer;
                }
                Recorder recorder = intended < measureStart ? warmup : measured;
                if (recorder == measured && !measuring) {
                    measuring = true;
                    ioSample = ioSampleNow();
                }
                if (now - intended > ABANDON_LAG_NANOS || waitingOverflow) {
                    // hopelessly behind: the verdict is INCONCLUSIVE anyway, so stop rather than run on for minutes
                    abandoned = true;
                    break outer;
                }
                boolean sentAtOnce = submit(new Arrival(pickFlow(dispatcherRandom), intended, recorder), now);
                if (recorder == measured) {
                    // lateness only delays a request that found a free connection; one that queues behind
                    // earlier arrivals waits for the server, and that wait is what the latency measures
                    noteLag(sentAtOnce ? now - intended : 0);
                }
            }
            stageStart += stage.duration().toNanos();
        }
        if (ioSample == null) {
            ioSample = ioSampleNow();
        }
    }

    private long[] ioSample;
    /** A dispatcher this late gives up: the run cannot say anything about the server any more. */
    private static final long ABANDON_LAG_NANOS = 2_000_000_000L;
    private boolean abandoned;

    private static long waitUntil(long intended) {
        long now = System.nanoTime();
        while (now < intended) {
            LockSupport.parkNanos(intended - now);
            now = System.nanoTime();
        }
        return now;
    }

    private void noteLag(long lag) {
        scheduledStarts++;
        if (lag > GeneratorHealth.LATE_NANOS) {
            lateStarts++;
        }
        if (lag > maxLagNanos) {
            maxLagNanos = lag;
        }
    }

    private CompiledFlow pickFlow(SplittableRandom random) {
        if (flows.length == 1) {
            return flows[0];
        }
        double point = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        for (int i = 0; i < flows.length; i++) {
            if (point < cumulativeWeights[i]) {
                return flows[i];
            }
        }
        return flows[flows.length - 1];
    }

    /**
     * Hands the arrival to a free connection (true) or queues it (false). A request that finds a free connection
     * is timed from {@code dispatchedAt}: had the dispatcher been late, that delay is the generator's, not the
     * server's. A queued one keeps its scheduled start: it waits for the server.
     */
    private boolean submit(Arrival arrival, long dispatchedAt) {
        Connection connection;
        activeIterations.incrementAndGet();
        lock.lock();
        try {
            connection = idle.pollFirst();
            if (connection == null) {
                if (waiting.size() >= PENDING_LIMIT) {
                    waitingOverflow = true;
                    activeIterations.decrementAndGet();
                    arrival.recorder().error(arrival.flow().steps[0], arrival.intended(), ErrorKind.TIMEOUT,
                            arrival.flow().steps[0].endpoint + ": not sent, " + QuantityKind.grouped(PENDING_LIMIT)
                                    + " requests were already waiting for a connection");
                    return false;
                }
                waiting.addLast(arrival);
                if (waiting.size() > peakWaiting) {
                    peakWaiting = waiting.size();
                }
                return false;
            }
        } finally {
            lock.unlock();
        }
        start(connection, newIteration(arrival.flow(), arrival.recorder(), Math.max(arrival.intended(), dispatchedAt)));
        return true;
    }

    private Iteration newIteration(CompiledFlow flow, Recorder recorder, long intended) {
        return new Iteration(flow, recorder, iterationNumbers, intended);
    }

    /** Gives a free connection the oldest waiting arrival, or parks it. Open model. */
    private void release(Connection connection) {
        while (true) {
            Arrival next;
            lock.lock();
            try {
                next = waiting.pollFirst();
                if (next == null) {
                    idle.addLast(connection);
                    return;
                }
            } finally {
                lock.unlock();
            }
            long waited = System.nanoTime() - next.intended();
            if (waited > responseTimeoutNanos) {
                CompiledStep step = next.flow().steps[0];
                finishWaiting(next, step, "waited " + Rates.formatNanos(waited) + " for a free connection, over the"
                        + " response timeout of " + Rates.format(scenario.responseTimeout()));
                continue;
            }
            start(connection, newIteration(next.flow(), next.recorder(), next.intended()));
            return;
        }
    }

    private void finishWaiting(Arrival arrival, CompiledStep step, String why) {
        arrival.recorder().error(step, arrival.intended(), ErrorKind.TIMEOUT, step.endpoint + ": " + why);
        noteAnswer(arrival.recorder());
        activeIterations.decrementAndGet();
    }

    // ---------------------------------------------------------------- closed model

    private void runClosed(LoadShape.Closed closed, long deadline) {
        long now = System.nanoTime();
        measureStart = now + scenario.warmup().toNanos();
        measureEnd = Math.min(measureStart + closed.duration().toNanos(), deadline);
        sliceNanos = Math.max(1, closed.duration().toNanos() / SLICES);
        ioSample = scenario.warmup().isZero() ? ioSampleNow() : null;
        lock.lock();
        try {
            idle.clear();
        } finally {
            lock.unlock();
        }
        for (Connection connection : connections) {
            startUser(connection, System.nanoTime());
        }
        boolean thinking = !closed.thinkTime().isZero();
        while (true) {
            now = System.nanoTime();
            if (ioSample == null && now >= measureStart) {
                ioSample = ioSampleNow();
            }
            if (now >= measureEnd || stopping) {
                break;
            }
            long until = ioSample == null ? Math.min(measureStart, measureEnd) : measureEnd;
            if (!thinking) {
                LockSupport.parkNanos(Math.min(until - now, 50_000_000L));
                continue;
            }
            Wake wake;
            try {
                wake = wakes.poll(Math.min(until - now, 50_000_000L), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (wake != null) {
                long at = System.nanoTime();
                if (wake.due >= measureStart) {
                    noteLag(at - wake.due);
                }
                // timed from the actual wake: a late timer is the generator's delay, not the server's
                startUser(wake.connection, Math.max(wake.due, at));
            }
        }
        stopping = true;
        if (ioSample == null) {
            ioSample = ioSampleNow();
        }
    }

    private void startUser(Connection connection, long intended) {
        if (stopping || intended >= measureEnd) {
            return;
        }
        activeIterations.incrementAndGet();
        Recorder recorder = intended < measureStart ? warmup : measured;
        start(connection, newIteration(pickFlow(connection.random), recorder, intended));
    }

    /** Closed model: a user that finished an iteration thinks, then goes again. */
    private void userDone(Connection connection) {
        LoadShape.Closed closed = (LoadShape.Closed) scenario.shape();
        long now = System.nanoTime();
        if (stopping || now >= measureEnd) {
            return;
        }
        if (closed.thinkTime().isZero()) {
            startUser(connection, now);
        } else {
            wakes.add(new Wake(connection, now + closed.thinkTime().toNanos()));
        }
    }

    // ---------------------------------------------------------------- requests

    private void start(Connection connection, Iteration iteration) {
        if (requestsStarted.incrementAndGet() > scenario.maxRequests()) {
            requestLimitReached = true;
            stopping = true;
            iterationDone(connection);
            return;
        }
        send(connection, iteration);
    }

    private void send(Connection connection, Iteration iteration) {
        AsyncConnectionEndpoint endpoint = connection.endpoint;
        if (endpoint == null || !endpoint.isConnected()) {
            discard(connection);
            connect(connection, new FutureCallback<>() {
                @Override
                public void completed(AsyncConnectionEndpoint result) {
                    send(connection, iteration);
                }

                @Override
                public void failed(Exception ex) {
                    connectFailed(connection, iteration, ex);
                }

                @Override
                public void cancelled() {
                    connectFailed(connection, iteration, new IOException("connection attempt cancelled"));
                }
            });
            return;
        }
        CompiledStep step = iteration.flow.steps[iteration.step];
        Exchange exchange;
        try {
            exchange = new Exchange(connection, iteration, step);
        } catch (RuntimeException e) {
            fail(iteration, step, ErrorKind.EXPECTATION, step.endpoint + ": cannot build the request: " + e.getMessage());
            iterationDone(connection);
            return;
        }
        connection.current = exchange;
        endpoint.execute("perfgate", exchange, connection.context);
    }

    private void connectFailed(Connection connection, Iteration iteration, Exception cause) {
        CompiledStep step = iteration.flow.steps[iteration.step];
        fail(iteration, step, ErrorKind.CONNECTION, step.endpoint + ": cannot connect to " + scenario.baseUri()
                + " (" + describe(cause) + ")");
        iterationDone(connection);
    }

    private void fail(Iteration iteration, CompiledStep step, ErrorKind kind, String message) {
        iteration.recorder.error(step, iteration.intended, kind, message);
        noteAnswer(iteration.recorder);
    }

    private void noteAnswer(Recorder recorder) {
        if (recorder == measured) {
            long now = System.nanoTime();
            long seen = lastMeasuredAnswer.get();
            while (now > seen && !lastMeasuredAnswer.compareAndSet(seen, now)) {
                seen = lastMeasuredAnswer.get();
            }
        }
    }

    private void iterationDone(Connection connection) {
        activeIterations.decrementAndGet();
        if (scenario.shape() instanceof LoadShape.Open) {
            release(connection);
        } else {
            userDone(connection);
        }
    }

    /** The answer is complete: check it, record it, and go on with the flow or free the connection. */
    private void completed(Exchange exchange) {
        if (!exchange.compareAndSet(false, true)) {
            return;
        }
        long now = System.nanoTime();
        noteIoThread();
        Connection connection = exchange.connection;
        connection.current = null;
        Iteration iteration = exchange.iteration;
        CompiledStep step = exchange.step;
        String problem = null;
        ErrorKind kind = null;
        if (!step.expect.acceptsStatus(exchange.status)) {
            kind = ErrorKind.STATUS;
            problem = "status " + exchange.status + ", expected " + step.expect.describeStatuses() + exchange.bodySnippet();
        } else if (!step.expect.acceptsContentType(exchange.contentType)) {
            kind = ErrorKind.EXPECTATION;
            problem = "content type " + (exchange.contentType == null ? "missing" : "'" + exchange.contentType + "'")
                    + ", expected " + step.expect.contentType();
        } else if (step.needsBody) {
            problem = checkBody(exchange, iteration, step);
            kind = problem == null ? null : ErrorKind.EXPECTATION;
        }
        Recorder recorder = iteration.recorder;
        if (kind != null) {
            recorder.error(step, iteration.intended, kind, step.endpoint + ": " + problem);
            noteAnswer(recorder);
            iterationDone(connection);
            return;
        }
        recorder.success(step, iteration.intended, now - iteration.intended, now - exchange.sentAt);
        noteAnswer(recorder);
        if (iteration.step + 1 < iteration.flow.steps.length && !(stopping && requestLimitReached)) {
            iteration.step++;
            iteration.intended = now;
            iteration.preSendRetries = 0;
            start(connection, iteration);
        } else {
            iterationDone(connection);
        }
    }

    private static String checkBody(Exchange exchange, Iteration iteration, CompiledStep step) {
        if (exchange.bodyOverflow) {
            return "the body is over " + QuantityKind.SIZE.format(MAX_BODY_BYTES) + ", too large to check";
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(exchange.body, 0, exchange.bodyLength);
        } catch (IOException e) {
            return "the body is not JSON (" + firstLine(e.getMessage()) + ")" + exchange.bodySnippet();
        }
        if (json == null || json.isMissingNode()) {
            return "the body is empty, expected JSON";
        }
        for (JsonPointer pointer : step.jsonPresent) {
            if (json.at(pointer).isMissingNode()) {
                return "JSON property " + pointer + " is missing" + exchange.bodySnippet();
            }
        }
        for (int i = 0; i < step.captureNames.length; i++) {
            JsonNode value = json.at(step.capturePointers[i]);
            if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
                return "cannot capture {" + step.captureNames[i] + "}: JSON property " + step.capturePointers[i]
                        + (value.isMissingNode() ? " is missing" : " is not a single value") + exchange.bodySnippet();
            }
            iteration.variables().put(step.captureNames[i], value.asText());
        }
        return null;
    }

    /** The exchange failed: before sending, try another connection; after, it is an error. */
    private void failed(Exchange exchange, Exception cause) {
        if (!exchange.compareAndSet(false, true)) {
            return;
        }
        noteIoThread();
        Connection connection = exchange.connection;
        connection.current = null;
        Iteration iteration = exchange.iteration;
        discard(connection);
        if (!exchange.requestProduced && iteration.preSendRetries < PRE_SEND_RETRIES && !stopping) {
            // the server never saw it (a keep-alive connection the server had closed): not a retry of a request
            iteration.preSendRetries++;
            send(connection, iteration);
            return;
        }
        ErrorKind kind = isTimeout(cause) ? ErrorKind.TIMEOUT : ErrorKind.CONNECTION;
        String message = kind == ErrorKind.TIMEOUT
                ? "no complete answer within the response timeout of " + Rates.format(scenario.responseTimeout())
                : "connection failed (" + describe(cause) + ")";
        fail(iteration, exchange.step, kind, exchange.step.endpoint + ": " + message);
        iterationDone(connection);
    }

    private static boolean isTimeout(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** One request and its answer. Runs on the I/O thread. */
    @SuppressWarnings("serial")
    private final class Exchange extends AtomicBoolean implements AsyncClientExchangeHandler {
        final Connection connection;
        final Iteration iteration;
        final CompiledStep step;
        final BasicHttpRequest request;
        final byte[] requestBody;
        int bodyOffset;
        boolean requestProduced;
        long sentAt;
        int status;
        String contentType;
        byte[] body;
        int bodyLength;
        boolean bodyOverflow;

        Exchange(Connection connection, Iteration iteration, CompiledStep step) {
            this.connection = connection;
            this.iteration = iteration;
            this.step = step;
            Map<String, String> variables = step.path.isConstant() && step.body == null && step.headerNames.length == 0
                    ? Map.of() : iteration.variables();
            this.request = new BasicHttpRequest(step.method, host, basePath + step.path.fill(variables));
            for (int i = 0; i < step.headerNames.length; i++) {
                request.addHeader(step.headerNames[i], step.headerValues[i].fill(variables));
            }
            this.requestBody = step.body(variables);
        }

        @Override
        public void produceRequest(RequestChannel channel, HttpContext context) throws org.apache.hc.core5.http.HttpException, IOException {
            requestProduced = true;
            sentAt = System.nanoTime();
            channel.sendRequest(request, requestBody == null ? null
                    : new BasicEntityDetails(requestBody.length, ContentType.APPLICATION_JSON), context);
        }

        @Override
        public int available() {
            return requestBody == null ? 0 : requestBody.length - bodyOffset;
        }

        @Override
        public void produce(DataStreamChannel channel) throws IOException {
            if (requestBody == null) {
                return;
            }
            if (bodyOffset < requestBody.length) {
                bodyOffset += channel.write(ByteBuffer.wrap(requestBody, bodyOffset, requestBody.length - bodyOffset));
            }
            if (bodyOffset >= requestBody.length) {
                channel.endStream();
            }
        }

        @Override
        public void consumeInformation(HttpResponse response, HttpContext context) {
            // 1xx answers are not the answer
        }

        @Override
        public void consumeResponse(HttpResponse response, EntityDetails entityDetails, HttpContext context) {
            status = response.getCode();
            Header type = response.getFirstHeader("Content-Type");
            contentType = type != null ? type.getValue() : entityDetails == null ? null : entityDetails.getContentType();
            if (entityDetails == null) {
                completed(this);
            }
        }

        @Override
        public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
            capacityChannel.update(Integer.MAX_VALUE);
        }

        @Override
        public void consume(ByteBuffer src) {
            int length = src.remaining();
            if (keepBody() && !bodyOverflow) {
                if (bodyLength + length > MAX_BODY_BYTES) {
                    bodyOverflow = true;
                } else {
                    if (body == null) {
                        body = new byte[Math.max(256, length)];
                    } else if (bodyLength + length > body.length) {
                        body = java.util.Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + length));
                    }
                    src.get(body, bodyLength, length);
                    bodyLength += length;
                    return;
                }
            }
            src.position(src.limit());
        }

        /** Bodies are kept only where a step checks or captures JSON, or a failed status wants a snippet. */
        private boolean keepBody() {
            return step.needsBody || (status != 0 && !step.expect.acceptsStatus(status) && bodyLength < 512);
        }

        @Override
        public void streamEnd(List<? extends Header> trailers) {
            completed(this);
        }

        @Override
        public void failed(Exception cause) {
            LoadEngine.this.failed(this, cause);
        }

        @Override
        public void cancel() {
            LoadEngine.this.failed(this, new IOException("request cancelled: the connection closed before it was sent"));
        }

        @Override
        public void releaseResources() {
            // nothing pooled
        }

        String bodySnippet() {
            if (body == null || bodyLength == 0) {
                return "";
            }
            String text = new String(body, 0, Math.min(bodyLength, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
            return "; body: " + text + (bodyLength > 200 ? "..." : "");
        }
    }

    // ---------------------------------------------------------------- end of run

    /** Lets requests already scheduled finish, then counts whatever is still outstanding as timed out. */
    private void drain(long deadline) {
        long until = Math.min(deadline, System.nanoTime() + responseTimeoutNanos + 1_000_000_000L);
        while (activeIterations.get() > 0 && System.nanoTime() < until) {
            LockSupport.parkNanos(2_000_000L);
        }
        stopping = true;
        List<Arrival> left;
        lock.lock();
        try {
            left = new ArrayList<>(waiting);
            waiting.clear();
        } finally {
            lock.unlock();
        }
        for (Arrival arrival : left) {
            finishWaiting(arrival, arrival.flow().steps[0], "still waiting for a free connection when the run ended");
        }
        for (Connection connection : connections) {
            Exchange exchange = connection.current;
            if (exchange != null && exchange.compareAndSet(false, true)) {
                fail(exchange.iteration, exchange.step, ErrorKind.TIMEOUT, exchange.step.endpoint
                        + ": no answer when the run ended");
            }
        }
    }

    private LoadRun result(long[] ioBefore) {
        long end = Math.max(measureEnd, lastMeasuredAnswer.get());
        long duration = Math.max(1, end - measureStart);
        long[] ioAfter = ioSampleAt(end);
        double ioBusy = Double.NaN;
        if (ioBefore != null && ioAfter != null && ioAfter[2] > ioBefore[2]) {
            ioBusy = (double) (ioAfter[0] - ioBefore[0] + ioAfter[1] - ioBefore[1]) / (ioAfter[2] - ioBefore[2]);
        }
        GeneratorHealth health = new GeneratorHealth(scheduledStarts, lateStarts, maxLagNanos, ioBusy, peakWaiting);
        List<String> notes = new ArrayList<>();
        String behind = behindSchedule(health, notes);
        if (requestLimitReached) {
            notes.add("stopped at the request limit of " + QuantityKind.grouped(scenario.maxRequests()) + " (maxRequests)");
        }
        Map<String, EndpointResult> endpoints = new LinkedHashMap<>();
        for (EndpointRecorder recorder : measured.endpoints) {
            EndpointResult result = recorder.result(sliceNanos);
            endpoints.put(result.name(), result);
        }
        double offered = scenario.shape() instanceof LoadShape.Open open
                ? open.plannedArrivals() / (open.duration().toNanos() / 1e9) : Double.NaN;
        return new LoadRun(scenario.name(), scenario.shape().describe(), measureStart, duration, offered,
                measured.overall.result(sliceNanos), endpoints, behind, notes, health);
    }

    private String behindSchedule(GeneratorHealth health, List<String> notes) {
        boolean scheduled = scenario.shape() instanceof LoadShape.Open
                || !((LoadShape.Closed) scenario.shape()).thinkTime().isZero();
        List<String> reasons = new ArrayList<>();
        if (scheduled && health.dispatcherBehind()) {
            reasons.add(String.format(java.util.Locale.ROOT, "the generator fell behind its schedule: its dispatcher"
                            + " started %s of %s requests more than %s late (worst %s), so it could not offer the planned load",
                    QuantityKind.PERCENT.format(health.lateShare()), QuantityKind.grouped(health.scheduledStarts()),
                    Rates.formatNanos(GeneratorHealth.LATE_NANOS), Rates.formatNanos(health.maxLagNanos())));
        }
        if (scheduled && health.ioBusyFraction() > GeneratorHealth.IO_BUSY_LIMIT) {
            reasons.add("the generator's I/O thread was busy " + QuantityKind.PERCENT.format(health.ioBusyFraction())
                    + " of the run, so the generator, not the server, may have set the pace");
        }
        if (waitingOverflow) {
            reasons.add("more than " + QuantityKind.grouped(PENDING_LIMIT) + " requests waited for a connection at once");
        }
        if (abandoned) {
            reasons.add("the generator fell more than " + Rates.formatNanos(ABANDON_LAG_NANOS)
                    + " behind its schedule and stopped offering load");
        }
        if (!scheduled && health.ioBusyFraction() > GeneratorHealth.IO_BUSY_LIMIT) {
            notes.add("the generator's I/O thread was busy " + QuantityKind.PERCENT.format(health.ioBusyFraction())
                    + ": the throughput may be the generator's limit rather than the server's");
        }
        if (reasons.isEmpty()) {
            return null;
        }
        return String.join("; ", reasons) + ": lower the rate, or give the generator more CPU (is the machine busy"
                + " with other work?), or run the service on another machine";
    }

    // ---------------------------------------------------------------- self-check of the I/O thread

    /** Remembers the I/O thread the first time a callback runs on it. */
    private void noteIoThread() {
        if (ioThread != null) {
            return;
        }
        Thread current = Thread.currentThread();
        ioThread = current;
        try {
            java.nio.file.Path self = java.nio.file.Path.of("/proc/thread-self");
            if (java.nio.file.Files.exists(self)) {
                ioTaskPath = "/proc/" + java.nio.file.Files.readSymbolicLink(self) + "/schedstat";
            }
        } catch (IOException | RuntimeException e) {
            ioTaskPath = null;
        }
    }

    private long[] ioSampleNow() {
        return ioSampleAt(System.nanoTime());
    }

    /**
     * {time running, time waiting for a CPU, wall time} of the I/O thread, in nanoseconds. On Linux from
     * schedstat (both parts); elsewhere the thread's CPU time only.
     */
    private long[] ioSampleAt(long wall) {
        String path = ioTaskPath;
        if (path != null) {
            try {
                String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of(path)).trim().split("\\s+");
                return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1]), wall};
            } catch (IOException | RuntimeException e) {
                // fall back to CPU time
            }
        }
        Thread thread = ioThread;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        if (thread != null && threads.isThreadCpuTimeSupported()) {
            long cpu = threads.getThreadCpuTime(thread.getId());
            if (cpu >= 0) {
                return new long[] {cpu, 0, wall};
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- progress

    private Thread startProgress() {
        long interval = scenario.progressInterval().toNanos();
        long total = scenario.warmup().plus(scenario.shape().duration()).toNanos();
        if (total <= interval) {
            return null;
        }
        long begin = System.nanoTime();
        Thread thread = new Thread(() -> {
            while (!stopping) {
                LockSupport.parkNanos(interval);
                if (stopping || Thread.currentThread().isInterrupted()) {
                    return;
                }
                console.accept(progressLine(begin, total));
            }
        }, "perfgate-load-progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private String progressLine(long begin, long total) {
        long elapsed = System.nanoTime() - begin;
        long requests = measured.overall.requests();
        long errors = measured.overall.errors();
        LatencyHistogram latency = measured.overall.latencyCopy();
        long measuredFor = System.nanoTime() - measureStart;
        String phase = measuredFor < 0 ? "warming up" : "measuring";
        return String.format(java.util.Locale.ROOT, "perfgate load '%s': %s of %s, %s, %s requests, %s errors%s%s",
                scenario.name(), Rates.formatNanos(elapsed), Rates.formatNanos(total), phase,
                QuantityKind.grouped(requests), QuantityKind.grouped(errors),
                measuredFor > 0 ? ", " + QuantityKind.RATE.format((requests - errors) * 1e9 / measuredFor) : "",
                latency.count() > 0 ? ", p99 so far " + Rates.formatNanos(latency.valueAtQuantile(0.99)) : "");
    }

    static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
