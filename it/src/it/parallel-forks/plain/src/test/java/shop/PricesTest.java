package shop;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PricesTest {
    @Test
    void addsTax() {
        assertEquals(1190, Prices.withTax(1000, 19));
    }
}
