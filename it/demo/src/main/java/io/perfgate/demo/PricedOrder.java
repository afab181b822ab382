package io.perfgate.demo;

import java.math.BigDecimal;

/** What an order costs: the figures shown at checkout. */
public record PricedOrder(String orderId, BigDecimal subtotal, BigDecimal discount, BigDecimal tax, BigDecimal total) {
}
