package io.perfgate.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Prices an order: subtotal, volume and coupon discounts, value-added tax by country. The kind of small,
 * hot function whose latency a team wants to keep an eye on.
 */
public final class OrderPricing {

    private static final Map<String, BigDecimal> VAT = Map.of(
            "DE", new BigDecimal("0.19"),
            "FR", new BigDecimal("0.20"),
            "NL", new BigDecimal("0.21"),
            "US", BigDecimal.ZERO);
    private static final Map<String, BigDecimal> COUPONS = Map.of(
            "WELCOME10", new BigDecimal("0.10"),
            "SPRING5", new BigDecimal("0.05"));
    private static final BigDecimal VOLUME_DISCOUNT = new BigDecimal("0.03");
    private static final int VOLUME_QUANTITY = 10;

    public PricedOrder price(Order order) {
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal discount = BigDecimal.ZERO;
        for (Order.OrderLine line : order.lines()) {
            if (line.quantity() <= 0) {
                throw new IllegalArgumentException("order " + order.id() + ": quantity of " + line.sku() + " must be positive");
            }
            BigDecimal amount = line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
            subtotal = subtotal.add(amount);
            if (line.quantity() >= VOLUME_QUANTITY) {
                discount = discount.add(amount.multiply(VOLUME_DISCOUNT));
            }
        }
        if (order.couponCode() != null) {
            BigDecimal rate = COUPONS.get(order.couponCode());
            if (rate == null) {
                throw new IllegalArgumentException("order " + order.id() + ": unknown coupon " + order.couponCode());
            }
            discount = discount.add(subtotal.subtract(discount).multiply(rate));
        }
        BigDecimal vatRate = VAT.getOrDefault(order.country(), BigDecimal.ZERO);
        BigDecimal net = subtotal.subtract(discount);
        BigDecimal tax = net.multiply(vatRate);
        return new PricedOrder(order.id(), money(subtotal), money(discount), money(tax), money(net.add(tax)));
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
