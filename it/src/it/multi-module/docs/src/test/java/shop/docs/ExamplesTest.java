package shop.docs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A plain test: this module has no gated test, so its check has nothing to judge. */
class ExamplesTest {
    @Test
    void addsUp() {
        assertEquals(4, 2 + 2);
    }
}
