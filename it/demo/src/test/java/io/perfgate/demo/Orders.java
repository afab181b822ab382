package io.perfgate.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Sample orders for the tests. */
final class Orders {
    private Orders() {
    }

    static Order typical() {
        return new Order("o-1001", "c-42", "DE", "WELCOME10", List.of(
                new Order.OrderLine("book-123", 1, new BigDecimal("24.90")),
                new Order.OrderLine("pen-7", 3, new BigDecimal("1.99"))));
    }

    static Order large(int lines) {
        List<Order.OrderLine> orderLines = new ArrayList<>();
        for (int line = 0; line < lines; line++) {
            orderLines.add(new Order.OrderLine("sku-" + line, 1 + line % 15, new BigDecimal("9.99").add(BigDecimal.valueOf(line))));
        }
        return new Order("o-2002", "c-7", "NL", null, orderLines);
    }
}
