package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.persistence.ParkedNotification;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parameters of the parked-notification list, without a server: what each accepts. */
class ParkedQueryTest {

    private static final Set<String> READERS = Set.of("AccountSummaries", "Bank", "Transfers");

    @Test
    void noParametersAskForEveryReaderAndStatusAndAHundredNotifications() {
        assertEquals(new ParkedQuery(null, null, 100), ParkedQuery.parse(null, null, null, READERS));
        assertEquals(new ParkedQuery(null, null, 100), ParkedQuery.parse(" ", "", " ", READERS));
    }

    @Test
    void aReaderOfTheBankAStatusInAnyCaseAndALimitUpToAThousandAreAccepted() {
        assertEquals(new ParkedQuery("Bank", ParkedNotification.Status.RETRIED, 1000),
                ParkedQuery.parse("Bank", "retried", "1000", READERS));
        assertEquals(new ParkedQuery("AccountSummaries", ParkedNotification.Status.PARKED, 1),
                ParkedQuery.parse(" AccountSummaries ", "PARKED", " 1 ", READERS));
    }

    @Test
    void anUnknownReaderIsRefusedNamingTheBanksReaders() {
        ApiException e = assertThrows(ApiException.class, () -> ParkedQuery.parse("Nobody", null, null, READERS));

        assertEquals("invalid_parameter", e.code());
        assertEquals("Parameter 'reader' must name one of the bank's readers [AccountSummaries, Bank, Transfers],"
                + " was 'Nobody'", e.getMessage());
    }

    @Test
    void anUnknownStatusIsRefused() {
        ApiException e = assertThrows(ApiException.class, () -> ParkedQuery.parse(null, "lost", null, READERS));

        assertEquals("invalid_parameter", e.code());
        assertEquals("Parameter 'status' must be parked, retried or skipped, was 'lost'", e.getMessage());
    }

    @Test
    void aLimitOutsideOneToAThousandOrNotAWholeNumberIsRefused() {
        for (String limit : new String[] {"0", "1001", "-1", "ten", "1.5", "99999999999999999999"}) {
            ApiException e = assertThrows(ApiException.class, () -> ParkedQuery.parse(null, null, limit, READERS));
            assertEquals("invalid_parameter", e.code(), limit);
            assertTrue(e.getMessage().startsWith("Parameter 'limit' must be a whole number from 1 to 1000"), e.getMessage());
        }
    }

    @Test
    void aLongValueIsEchoedShortened() {
        ApiException e = assertThrows(ApiException.class,
                () -> ParkedQuery.parse("r".repeat(10_000), null, null, READERS));

        assertTrue(e.getMessage().endsWith("'" + "r".repeat(100) + "…'"), e.getMessage());
    }
}
