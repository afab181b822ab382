package io.perfgate.demo;

import java.math.BigDecimal;
import java.util.List;

/** An order as the shop receives it. */
public record Order(String id, String customerId, String country, String couponCode, List<OrderLine> lines) {

    public Order {
        lines = List.copyOf(lines);
    }

    /** One product in an order. */
    public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {
    }
}
