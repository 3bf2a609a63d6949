package dev.eventsourcing.example.courses.application;

import dev.eventsourcing.dcb.DcbAppendCondition;
import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.example.courses.domainmodel.Refusal;
import jakarta.ejb.EJBTransactionRolledbackException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A lost condition race is decided again, a bounded number of times; anything else is thrown at once. */
class DecisionRetryTest {

    private final DecisionRetry retry = new DecisionRetry();
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aCommandThatLostTwoRacesIsDecidedAThirdTimeAndAnswers() {
        String answer = retry.run(() -> attempts.incrementAndGet() <= 2 ? lost() : "joined");

        assertEquals("joined", answer);
        assertEquals(3, attempts.get());
    }

    @Test
    void aLostRaceWrappedByTheContainerIsRecognised() {
        String answer = retry.run(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new EJBTransactionRolledbackException("rolled back", new DcbConditionFailedException(condition()));
            }
            return "joined";
        });

        assertEquals("joined", answer);
    }

    @Test
    void aRefusalIsThrownAtOnce() {
        Refusal full = new Refusal(Refusal.Reason.COURSE_FULL, "full");

        Refusal thrown = assertThrows(Refusal.class, () -> retry.run(() -> {
            attempts.incrementAndGet();
            throw full;
        }));

        assertSame(full, thrown);
        assertEquals(1, attempts.get());
    }

    @Test
    void aRaceLostOnEveryAttemptIsThrownAfterTheLastOne() {
        assertThrows(DcbConditionFailedException.class, () -> retry.run(() -> {
            attempts.incrementAndGet();
            return lost();
        }));

        assertEquals(DecisionRetry.ATTEMPTS, attempts.get());
    }

    private static String lost() {
        throw new DcbConditionFailedException(condition());
    }

    private static DcbAppendCondition condition() {
        return new DcbAppendCondition(DcbQuery.all(), 1);
    }
}
