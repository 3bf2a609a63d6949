package dev.eventsourcing.example.bank.domainmodel;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Money as the API and the aggregate agree on it: decimals with two places, up to a maximum. */
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
            InvalidAmountException e = assertThrows(InvalidAmountException.class, () -> Money.parse(text, "amount"));
            assertTrue(e.getMessage().startsWith("amount "), e.getMessage());
        }
        assertThrows(InvalidAmountException.class, () -> Money.parse(null, "amount"));
    }

    @Test
    void anAmountMayBeAsLargeAsTheMaximumAndNotOneCentMore() {
        assertEquals(new BigDecimal("1000000000.00"), Money.MAX);
        assertEquals(Money.MAX, Money.amount(new BigDecimal("1000000000"), "amount"));

        InvalidAmountException e = assertThrows(InvalidAmountException.class,
                () -> Money.amount(new BigDecimal("1000000000.01"), "amount"));
        assertEquals("amount must be at most 1000000000.00, was 1000000000.01", e.getMessage());
    }

    @Test
    void aLimitMayBeFromZeroToTheMaximum() {
        assertEquals(Money.ZERO, Money.limit(BigDecimal.ZERO, "limit"));
        assertEquals(Money.MAX, Money.limit(Money.MAX, "limit"));
        assertThrows(InvalidAmountException.class, () -> Money.limit(new BigDecimal("1000000000.01"), "limit"));
        assertThrows(InvalidAmountException.class, () -> Money.limit(new BigDecimal("-0.01"), "limit"));
    }

    @Test
    void amountsWithHugeExponentsAreRefusedWithoutWritingOutTheirDigits() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            InvalidAmountException tooLarge = assertThrows(InvalidAmountException.class,
                    () -> Money.amount(new BigDecimal("1E+999999999"), "amount"));
            InvalidAmountException tooPrecise = assertThrows(InvalidAmountException.class,
                    () -> Money.amount(new BigDecimal("1E-999999999"), "amount"));
            assertTrue(tooLarge.getMessage().endsWith("was 1E+999999999"), tooLarge.getMessage());
            assertTrue(tooPrecise.getMessage().endsWith("was 1E-999999999"), tooPrecise.getMessage());
        });
        assertEquals(Money.ZERO, Money.nonNegative(new BigDecimal("0E-999999999"), "limit"));
    }

    @Test
    void theChecksForEventsHaveNoMaximumSoThatEventsRecordedBeforeItStillLoad() {
        BigDecimal recordedLongAgo = new BigDecimal("5000000000.00");

        assertEquals(recordedLongAgo, Money.positive(recordedLongAgo, "amount"));
        assertEquals(recordedLongAgo, Money.nonNegative(recordedLongAgo, "limit"));
    }

    @Test
    void formattingAlwaysShowsTwoPlaces() {
        assertEquals("7.00", Money.format(new BigDecimal("7")));
        assertEquals("-0.50", Money.format(new BigDecimal("-0.5")));
    }
}
