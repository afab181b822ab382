package io.perfgate.demo;

import java.util.concurrent.TimeUnit;

/**
 * Writes an audit record for each order. Stands in for a call to a slow remote system: every write waits
 * about two milliseconds, so its gate sits near its target on purpose.
 */
public final class AuditLog {

    public void record(PricedOrder order) {
        try {
            TimeUnit.MILLISECONDS.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while auditing order " + order.orderId(), e);
        }
    }
}
