package io.perfgate.core.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one load run needs: where to send (one base URL, nothing else), what to send (weighted flows),
 * how (the load shape) and within which limits.
 *
 * @param name             names the run in messages and results
 * @param baseUri          {@code http://127.0.0.1:8080} (a path prefix is allowed); every request goes there
 * @param flows            what users do, picked by weight
 * @param shape            the open or closed load model
 * @param connections      open model: connections the generator keeps (requests wait for a free one, which
 *                         is counted in their latency); closed model: one per user
 * @param warmup           a lead-in at the shape's initial load that is not recorded
 * @param responseTimeout  a request without a complete answer in time is a {@code timeout} error
 * @param connectTimeout   time allowed to open a connection
 * @param maxDuration      hard limit on the whole run, warmup and drain included
 * @param maxRequests      hard limit on requests sent
 * @param allowRemoteHost  whether the base URL may name a host that is not the loopback interface
 * @param progressInterval how often a progress line is printed during long runs
 * @param seed             seeds the flow choice, so runs pick the same sequence
 */
public record LoadScenario(
        String name,
        URI baseUri,
        List<Flow> flows,
        LoadShape shape,
        int connections,
        Duration warmup,
        Duration responseTimeout,
        Duration connectTimeout,
        Duration maxDuration,
        long maxRequests,
        boolean allowRemoteHost,
        Duration progressInterval,
        long seed) {

    public static final int DEFAULT_CONNECTIONS = 32;
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(30);
    public static final long DEFAULT_MAX_REQUESTS = 50_000_000L;

    public LoadScenario {
        if (name == null || name.isBlank()) {
            name = "load";
        }
        if (baseUri == null) {
            throw new LoadConfigurationException("load scenario '" + name + "' has no base URL; set baseUrl, e.g."
                    + " http://127.0.0.1:8080");
        }
        String scheme = baseUri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new LoadConfigurationException("load scenario '" + name + "': base URL '" + baseUri
                    + "' must start with http:// or https://");
        }
        if (baseUri.getHost() == null) {
            throw new LoadConfigurationException("load scenario '" + name + "': base URL '" + baseUri + "' names no host");
        }
        if (baseUri.getQuery() != null || baseUri.getFragment() != null || baseUri.getUserInfo() != null) {
            throw new LoadConfigurationException("load scenario '" + name + "': base URL '" + baseUri
                    + "' must be scheme, host, port and an optional path, nothing more");
        }
        if (flows == null || flows.isEmpty()) {
            throw new LoadConfigurationException("load scenario '" + name + "' has no flows; describe at least one request");
        }
        flows = List.copyOf(flows);
        Set<String> flowNames = new HashSet<>();
        for (Flow flow : flows) {
            if (!flowNames.add(flow.name())) {
                throw new LoadConfigurationException("load scenario '" + name + "' has two flows named '" + flow.name() + "'");
            }
        }
        if (shape == null) {
            throw new LoadConfigurationException("load scenario '" + name + "' has no load shape (open rate or closed users)");
        }
        if (shape instanceof LoadShape.Closed closed) {
            connections = closed.users();
        } else if (connections <= 0) {
            connections = DEFAULT_CONNECTIONS;
        }
        if (connections > 10_000) {
            throw new LoadConfigurationException("load scenario '" + name + "': " + connections
                    + " connections is over the limit of 10,000");
        }
        warmup = warmup == null ? DEFAULT_WARMUP : warmup;
        responseTimeout = responseTimeout == null ? DEFAULT_RESPONSE_TIMEOUT : responseTimeout;
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        maxDuration = maxDuration == null ? DEFAULT_MAX_DURATION : maxDuration;
        maxRequests = maxRequests <= 0 ? DEFAULT_MAX_REQUESTS : maxRequests;
        progressInterval = progressInterval == null ? Duration.ofSeconds(5) : progressInterval;
        requirePositive(name, "responseTimeout", responseTimeout);
        requirePositive(name, "connectTimeout", connectTimeout);
        requirePositive(name, "maxDuration", maxDuration);
        requirePositive(name, "progressInterval", progressInterval);
        if (warmup.isNegative()) {
            throw new LoadConfigurationException("load scenario '" + name + "': warmup must not be negative");
        }
        Duration planned = warmup.plus(shape.duration());
        if (planned.compareTo(maxDuration) > 0) {
            throw new LoadConfigurationException("load scenario '" + name + "' plans " + Rates.format(planned)
                    + " (warmup and measurement) but maxDuration is " + Rates.format(maxDuration)
                    + "; shorten the run or raise maxDuration");
        }
        if (shape instanceof LoadShape.Open open) {
            double requests = (open.plannedArrivals() + open.initialRate() * warmup.toNanos() / 1e9)
                    * PlanLimits.stepsPerArrival(flows);
            if (requests > maxRequests) {
                throw new LoadConfigurationException("load scenario '" + name + "' plans up to "
                        + io.perfgate.core.gate.QuantityKind.grouped(Math.round(requests)) + " requests but maxRequests is "
                        + io.perfgate.core.gate.QuantityKind.grouped(maxRequests) + "; lower the rate or raise maxRequests");
            }
        }
    }

    private static void requirePositive(String name, String field, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new LoadConfigurationException("load scenario '" + name + "': " + field + " must be positive, got " + value);
        }
    }

    /** The same scenario with another load shape (used by capacity probes and stress steps). */
    public LoadScenario withShape(LoadShape newShape, Duration newWarmup) {
        return new LoadScenario(name, baseUri, flows, newShape, newShape instanceof LoadShape.Open ? connections : 0,
                newWarmup, responseTimeout, connectTimeout, maxDuration, maxRequests, allowRemoteHost,
                progressInterval, seed);
    }

    /** Refuses a base URL whose host is not loopback unless remote hosts were allowed explicitly. */
    public void checkTarget() {
        if (allowRemoteHost) {
            return;
        }
        LoopbackTarget.require(baseUri, "load scenario '" + name + "'");
    }

    public static Builder builder(String baseUrl) {
        return new Builder().baseUrl(baseUrl);
    }

    /** Builds a scenario in code; unset fields take the defaults above. */
    public static final class Builder {
        private String name;
        private URI baseUri;
        private final List<Flow> flows = new ArrayList<>();
        private LoadShape shape;
        private int connections;
        private Duration warmup;
        private Duration responseTimeout;
        private Duration connectTimeout;
        private Duration maxDuration;
        private long maxRequests;
        private boolean allowRemoteHost;
        private Duration progressInterval;
        private long seed = 42;

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder baseUrl(String value) {
            try {
                this.baseUri = value == null ? null : URI.create(value.strip());
            } catch (IllegalArgumentException e) {
                throw new LoadConfigurationException("base URL '" + value + "' is not a URL: " + e.getMessage(), e);
            }
            return this;
        }

        public Builder baseUri(URI value) {
            this.baseUri = value;
            return this;
        }

        public Builder flow(Flow flow) {
            flows.add(flow);
            return this;
        }

        /** A one-step flow named after its endpoint. */
        public Builder request(HttpStep step) {
            flows.add(Flow.of(step.endpoint(), step));
            return this;
        }

        public Builder shape(LoadShape value) {
            this.shape = value;
            return this;
        }

        /** Open model at a constant rate. */
        public Builder rate(double perSecond, Duration duration) {
            return shape(LoadShape.Open.constant(perSecond, duration));
        }

        public Builder stages(Stage... stages) {
            return shape(new LoadShape.Open(List.of(stages)));
        }

        /** Closed model. */
        public Builder users(int users, Duration thinkTime, Duration duration) {
            return shape(new LoadShape.Closed(users, thinkTime, duration));
        }

        public Builder connections(int value) {
            this.connections = value;
            return this;
        }

        public Builder warmup(Duration value) {
            this.warmup = value;
            return this;
        }

        public Builder responseTimeout(Duration value) {
            this.responseTimeout = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder maxDuration(Duration value) {
            this.maxDuration = value;
            return this;
        }

        public Builder maxRequests(long value) {
            this.maxRequests = value;
            return this;
        }

        public Builder allowRemoteHost(boolean value) {
            this.allowRemoteHost = value;
            return this;
        }

        public Builder progressInterval(Duration value) {
            this.progressInterval = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public LoadScenario build() {
            return new LoadScenario(name, baseUri, flows, shape, connections, warmup, responseTimeout,
                    connectTimeout, maxDuration, maxRequests, allowRemoteHost, progressInterval, seed);
        }
    }
}
