package io.perfgate.core.load;

import io.perfgate.core.load.CompiledFlow.CompiledStep;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.reactor.IOSession;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One load run, and the path of a request through it. A {@link Schedule} decides when an iteration of a flow
 * starts on a connection; each step becomes an {@link Exchange} sent by the {@link HttpTransport}; its answer
 * is checked ({@link ResponseCheck}) and recorded ({@link RunRecorder}) on the I/O thread, and the next step (or
 * the next iteration of a closed-model user) is sent from the same callback. {@link SelfCheck} and
 * {@link Progress} watch the run. Every request is first counted against the {@link LoadLimits}.
 */
final class LoadEngine implements Exchange.Listener {
    private static final int PRE_SEND_RETRIES = 2;

    private final LoadScenario scenario;
    private final LoadLimits limits;
    private final CompiledFlow[] flows;
    private final double[] cumulativeWeights;
    private final List<String> endpointNames = new ArrayList<>();
    private final HttpTransport transport;
    private final RunRecorder recorder;
    private final SelfCheck selfCheck = new SelfCheck();
    private final Progress progress;
    private final Connection[] connections;
    private final Schedule schedule;
    private final AtomicInteger activeIterations = new AtomicInteger();
    private final AtomicLong iterationNumbers = new AtomicLong();
    private volatile boolean stopping;
    private volatile boolean requestLimitReached;
    private long deadline;

    LoadEngine(LoadScenario scenario, LoadLimits limits, Consumer<String> console) {
        this.scenario = scenario;
        this.limits = limits;
        this.flows = CompiledFlow.compile(scenario.flows(), endpointNames);
        this.cumulativeWeights = new double[flows.length];
        double total = 0;
        for (int i = 0; i < flows.length; i++) {
            total += scenario.flows().get(i).weight();
            cumulativeWeights[i] = total;
        }
        this.transport = new HttpTransport(scenario, selfCheck::noteIoThread);
        this.recorder = new RunRecorder(endpointNames);
        this.progress = new Progress(scenario, recorder, console == null ? line -> { } : console);
        SplittableRandom root = new SplittableRandom(scenario.seed());
        this.connections = new Connection[scenario.connections()];
        int steps = CompiledFlow.stepCount(flows);
        for (int i = 0; i < connections.length; i++) {
            connections[i] = new Connection(root.split(), steps);
        }
        this.schedule = Schedule.of(this, scenario.shape(), root.split());
    }

    LoadRun run() {
        scenario.checkTarget();
        deadline = Math.min(limits.deadline(), System.nanoTime() + scenario.maxDuration().toNanos());
        transport.start();
        try {
            transport.connectAll(connections);
            progress.start();
            schedule.run(deadline);
            drain(deadline);
            return result();
        } finally {
            stopping = true;
            progress.stop();
            transport.close(connections);
        }
    }

    // ------------------------------------------------------------ what the schedules use

    LoadScenario scenario() {
        return scenario;
    }

    Connection[] connections() {
        return connections;
    }

    RunRecorder recorder() {
        return recorder;
    }

    SelfCheck selfCheck() {
        return selfCheck;
    }

    boolean stopping() {
        return stopping;
    }

    void stop() {
        stopping = true;
    }

    /** An iteration was accepted: it counts as active until {@link #finished()}. */
    void accepted() {
        activeIterations.incrementAndGet();
    }

    void finished() {
        activeIterations.decrementAndGet();
    }

    Iteration iteration(CompiledFlow flow, RunRecorder.Phase phase, long intended) {
        return new Iteration(flow, phase, iterationNumbers, intended);
    }

    CompiledFlow pickFlow(SplittableRandom random) {
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

    /** Sends the iteration's current step on the connection, if the request limit allows one more. */
    void start(Connection connection, Iteration iteration) {
        if (!limits.take()) {
            requestLimitReached = true;
            stopping = true;
            iterationDone(connection);
            return;
        }
        send(connection, iteration);
    }

    // ------------------------------------------------------------ the request path

    private void send(Connection connection, Iteration iteration) {
        if (!HttpTransport.isOpen(connection)) {
            reconnectAndSend(connection, iteration);
            return;
        }
        CompiledStep step = iteration.currentStep();
        Exchange exchange;
        try {
            Map<String, String> variables = step.reusable ? Map.of() : iteration.variables();
            exchange = new Exchange(connection, iteration, transport.request(connection, step, variables),
                    step.body(variables), this);
        } catch (RuntimeException e) {
            fail(iteration, step, ErrorKind.EXPECTATION, step.endpoint + ": cannot build the request: " + e.getMessage());
            iterationDone(connection);
            return;
        }
        HttpTransport.execute(exchange);
    }

    private void reconnectAndSend(Connection connection, Iteration iteration) {
        transport.discard(connection);
        transport.connect(connection, new FutureCallback<>() {
            @Override
            public void completed(IOSession result) {
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
    }

    private void connectFailed(Connection connection, Iteration iteration, Exception cause) {
        CompiledStep step = iteration.currentStep();
        fail(iteration, step, ErrorKind.CONNECTION, step.endpoint + ": cannot connect to " + scenario.baseUri()
                + " (" + Failures.describe(cause) + ")");
        iterationDone(connection);
    }

    private void fail(Iteration iteration, CompiledStep step, ErrorKind kind, String message) {
        recorder.error(iteration.phase, step, iteration.intended, kind, message);
    }

    private void iterationDone(Connection connection) {
        activeIterations.decrementAndGet();
        schedule.freed(connection);
    }

    /** The answer is complete: check it, record it, and go on with the flow or free the connection. */
    @Override
    public void answered(Exchange exchange) {
        if (!exchange.compareAndSet(false, true)) {
            return;
        }
        long now = System.nanoTime();
        Connection connection = exchange.connection;
        connection.current = null;
        Iteration iteration = exchange.iteration;
        CompiledStep step = exchange.step;
        ResponseCheck.Problem problem = ResponseCheck.check(exchange);
        if (problem != null) {
            fail(iteration, step, problem.kind(), step.endpoint + ": " + problem.message());
            iterationDone(connection);
            return;
        }
        recorder.success(iteration.phase, step, iteration.intended, now, exchange.sentAt);
        if (iteration.hasNextStep() && !requestLimitReached) {
            iteration.advance(now);
            start(connection, iteration);
        } else {
            iterationDone(connection);
        }
    }

    /** The exchange failed: before sending, try another connection; after, it is an error. */
    @Override
    public void failed(Exchange exchange, Exception cause) {
        if (!exchange.compareAndSet(false, true)) {
            return;
        }
        selfCheck.noteIoThread();
        Connection connection = exchange.connection;
        connection.current = null;
        Iteration iteration = exchange.iteration;
        transport.discard(connection);
        if (!exchange.requestProduced && iteration.preSendRetries < PRE_SEND_RETRIES && !stopping) {
            // the server never saw it (a keep-alive connection the server had closed): not a retry of a request
            iteration.preSendRetries++;
            send(connection, iteration);
            return;
        }
        ErrorKind kind = Failures.isTimeout(cause) ? ErrorKind.TIMEOUT : ErrorKind.CONNECTION;
        String message = kind == ErrorKind.TIMEOUT
                ? "no complete answer within the response timeout of " + Rates.format(scenario.responseTimeout())
                : "connection failed (" + Failures.describe(cause) + ")";
        fail(iteration, exchange.step, kind, exchange.step.endpoint + ": " + message);
        iterationDone(connection);
    }

    // ------------------------------------------------------------ end of run

    /** Lets requests already sent finish, then counts whatever is still outstanding as timed out. */
    private void drain(long deadline) {
        long until = Math.min(deadline, System.nanoTime() + scenario.responseTimeout().toNanos() + 1_000_000_000L);
        while (activeIterations.get() > 0 && System.nanoTime() < until) {
            LockSupport.parkNanos(2_000_000L);
        }
        stopping = true;
        schedule.drain();
        for (Connection connection : connections) {
            Exchange exchange = connection.current;
            if (exchange != null && exchange.compareAndSet(false, true)) {
                fail(exchange.iteration, exchange.step, ErrorKind.TIMEOUT, exchange.step.endpoint
                        + ": no answer when the run ended");
            }
        }
    }

    /**
     * The measured phase's record. Its duration runs to the last measured answer, and at least the planned time;
     * a run that a limit cut short is measured over the time it actually ran, so its throughput is not understated.
     */
    private LoadRun result() {
        long measureStart = recorder.measureStart();
        long lastAnswer = recorder.lastMeasuredAnswer();
        boolean deadlineReached = recorder.measureEnd() > deadline && System.nanoTime() >= deadline;
        boolean cutShort = requestLimitReached || deadlineReached || schedule.abandoned();
        long end = cutShort ? Math.max(lastAnswer, measureStart + 1) : Math.max(recorder.measureEnd(), lastAnswer);
        long duration = Math.max(1, end - measureStart);
        GeneratorHealth health = selfCheck.health(end, schedule.peakWaiting());
        List<String> notes = new ArrayList<>();
        String behind = SelfCheck.behindSchedule(health, schedule.scheduled(), schedule.overflowed(),
                schedule.abandoned(), OpenSchedule.PENDING_LIMIT, notes);
        if (requestLimitReached) {
            notes.add("stopped at " + limits.describe() + " after " + Rates.formatNanos(duration) + " of the planned "
                    + Rates.format(scenario.shape().duration()) + "; figures are over the time measured");
        } else if (deadlineReached) {
            notes.add("stopped at the time limit (maxDuration " + Rates.format(scenario.maxDuration()) + ") after "
                    + Rates.formatNanos(duration) + " of the planned " + Rates.format(scenario.shape().duration()));
        }
        double offered = scenario.shape() instanceof LoadShape.Open open
                ? open.plannedArrivals() / (open.duration().toNanos() / 1e9) : Double.NaN;
        return new LoadRun(scenario.name(), scenario.shape().describe(), measureStart, duration, offered,
                recorder.overallResult(), recorder.endpointResults(), behind, notes, health,
                requestLimitReached || deadlineReached);
    }
}
