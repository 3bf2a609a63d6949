package dev.eventsourcing.example.bank.domainmodel;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Money as the API and the aggregate agree on it: decimals with two places. */
class MoneyTest {

    @Test
    void plainDecimalsWithUpToTwoPlacesParseToTwoPlaces() {
        assertEquals(new BigDecimal("10.00"), Money.parse("10", "amount"));
        assertEquals(new BigDecimal("10.50"), Money.parse("10.5", "amount"));
        assertEquals(new BigDecimal("-3.25"), Money.parse(" -3.25 ", "amount"));
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        for (String text : new String[] {"", "ten", "1e3", "1.001", "1,00", "0x10", ".5", "1."}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.parse(text, "amount"));
            assertTrue(e.getMessage().startsWith("amount "), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Money.parse(null, "amount"));
    }

    @Test
    void formattingAlwaysShowsTwoPlaces() {
        assertEquals("7.00", Money.format(new BigDecimal("7")));
        assertEquals("-0.50", Money.format(new BigDecimal("-0.5")));
    }
}
