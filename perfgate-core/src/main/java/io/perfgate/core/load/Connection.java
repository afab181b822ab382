package io.perfgate.core.load;

import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.reactor.IOSession;

import java.util.SplittableRandom;

/** A connection the run owns from start to end (one closed-model user); reconnected when it breaks. */
final class Connection {
    final HttpCoreContext context = HttpCoreContext.create();
    /** The user's own random numbers, so flow choice needs no lock. */
    final SplittableRandom random;
    volatile IOSession session;
    /** The request in flight, or null; the drain at the end of the run times it out. */
    volatile Exchange current;
    /** Requests built once for this connection, by step id (see {@link HttpTransport#request}). */
    final HttpRequest[] requests;

    Connection(SplittableRandom random, int steps) {
        this.random = random;
        this.requests = new HttpRequest[steps];
    }
}
