package io.perfgate.demo;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A plain unit test beside the gated ones: perfgate leaves it alone. */
class OrderPricingTest {

    private final OrderPricing pricing = new OrderPricing();

    @Test
    void appliesCouponThenVat() {
        PricedOrder priced = pricing.price(Orders.typical());
        assertEquals(new BigDecimal("30.87"), priced.subtotal());
        assertEquals(new BigDecimal("3.09"), priced.discount());
        assertEquals(new BigDecimal("5.28"), priced.tax());
        assertEquals(new BigDecimal("33.06"), priced.total());
    }

    @Test
    void rejectsUnknownCoupons() {
        Order order = new Order("o-1", "c-1", "FR", "FREE", List.of(new Order.OrderLine("x", 1, BigDecimal.ONE)));
        assertThrows(IllegalArgumentException.class, () -> pricing.price(order));
    }
}
