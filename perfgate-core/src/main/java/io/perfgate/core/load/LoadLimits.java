package io.perfgate.core.load;

import io.perfgate.core.gate.QuantityKind;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The hard limits of a load test, shared by every run it makes (a capacity probe and its run, every step of a
 * stress test): at most {@code maxRequests} requests sent, nothing sent after the deadline. A request is counted
 * before it is sent, so the server never sees more. A share is a smaller budget inside another one (the capacity
 * probe's part, leaving room for the run that follows it).
 */
final class LoadLimits {
    private final LoadLimits parent;
    private final long maxRequests;
    private final long deadline;
    private final String name;
    private final AtomicLong sent = new AtomicLong();

    private LoadLimits(LoadLimits parent, long maxRequests, long deadline, String name) {
        this.parent = parent;
        this.maxRequests = maxRequests;
        this.deadline = deadline;
        this.name = name;
    }

    /** The scenario's limits, with the clock starting now. */
    static LoadLimits startingNow(LoadScenario scenario) {
        return new LoadLimits(null, scenario.maxRequests(), System.nanoTime() + scenario.maxDuration().toNanos(),
                "the request limit of " + QuantityKind.grouped(scenario.maxRequests()) + " (maxRequests)");
    }

    /** A part of these limits: at most {@code requests} of them, ending by {@code deadline} at the latest. */
    LoadLimits share(long requests, long shareDeadline, String what) {
        long capped = Math.max(0, Math.min(requests, remainingRequests()));
        return new LoadLimits(this, capped, Math.min(deadline, shareDeadline),
                what + "'s share of maxRequests, " + QuantityKind.grouped(capped) + " of " + QuantityKind.grouped(maxRequests));
    }

    /** Counts one request about to be sent; false when the limit does not allow it (then nothing is sent). */
    boolean take() {
        if (sent.incrementAndGet() > maxRequests) {
            return false;
        }
        if (parent != null && !parent.take()) {
            sent.decrementAndGet();
            return false;
        }
        return true;
    }

    long sent() {
        return Math.min(sent.get(), maxRequests);
    }

    long remainingRequests() {
        long left = maxRequests - sent();
        return parent == null ? left : Math.min(left, parent.remainingRequests());
    }

    long deadline() {
        return deadline;
    }

    long remainingNanos() {
        return deadline - System.nanoTime();
    }

    /** The request limit, named for messages. */
    String describe() {
        return name;
    }
}
