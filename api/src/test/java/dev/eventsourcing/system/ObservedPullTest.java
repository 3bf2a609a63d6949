package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.system.transfers.Account;
import dev.eventsourcing.system.transfers.Accounts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A pull gives the policy only the types it observes, read from the leader's log by topic. */
class ObservedPullTest {

    private static final int SECTION = 10;

    /** Follows accounts, observing their closing only, and notes what its policy is given. */
    static final class ClosingWatch extends ProcessApplication {

        final List<Class<?>> given = new ArrayList<>();

        ClosingWatch() {
            super(sections());
        }

        @Override
        protected Set<Class<?>> domainClasses() {
            return Set.of(Account.class);
        }

        @Override
        public Set<Class<?>> observedTypes() {
            return Set.of(Account.Closed.class);
        }

        @Override
        protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
            given.add(event.payload().getClass());
        }
    }

    private static Settings sections() {
        return Settings.of(Map.of(Settings.SECTION_SIZE, String.valueOf(SECTION)));
    }

    private final Accounts accounts = new Accounts(sections());
    private final ClosingWatch watch = new ClosingWatch();

    /** Opens an account, credits it {@code credits} times, stores an undecodable credit, and closes it. */
    private long closeAfter(int credits) {
        UUID id = accounts.open(BigDecimal.ONE);
        Account account = accounts.repository(Account.class).get(id);
        for (int i = 0; i < credits; i++) {
            account.credit(UUID.randomUUID(), BigDecimal.ONE);
        }
        accounts.save(account);
        String credited = accounts.mapper().topicsOf(Account.Credited.class).iterator().next();
        accounts.recorder().insertEvents(List.of(new StoredEvent(UUID.randomUUID(), 1, credited,
                "not a credit".getBytes(StandardCharsets.UTF_8))));
        accounts.close(id);
        return accounts.recorder().maxNotificationId();
    }

    @Test
    void aPullFromAnApplicationReadsOnlyTheObservedTypesPastAnyRunOfOthers() {
        long closed = closeAfter(FollowedLeader.MAX_EMPTY_REMOTE_READS * FollowedLog.Remote.MAX_EMPTY_SECTIONS * SECTION);
        watch.follow(accounts);

        assertEquals(1, watch.pullAndProcess("Accounts"));
        assertEquals(List.of(Account.Closed.class), watch.given);
        assertEquals(closed, watch.processRecorder().maxTrackingId("Accounts"));
        assertEquals(0, watch.pullAndProcess("Accounts"));
    }

    @Test
    void aPullFromALogReadsOnlyTheObservedTypesAndCrossesALongRunOfOthersOverSeveralPulls() {
        // More empty sections than one pull follows in a log read in sections: the next pull
        // goes on from where the last one stopped.
        long closed = closeAfter(FollowedLeader.MAX_EMPTY_REMOTE_READS * FollowedLog.Remote.MAX_EMPTY_SECTIONS * SECTION);
        watch.follow("Accounts", accounts.notificationLog(), watch.mapper());

        assertEquals(0, watch.pullAndProcess("Accounts"));
        assertEquals(1, watch.pullAndProcess("Accounts"));
        assertEquals(List.of(Account.Closed.class), watch.given);
        assertEquals(closed, watch.processRecorder().maxTrackingId("Accounts"));
    }

    @Test
    void aPullFromALogTakesAShortRunOfOtherTypesAtOnce() {
        long closed = closeAfter(3 * SECTION);
        watch.follow("Accounts", accounts.notificationLog(), watch.mapper());

        assertEquals(1, watch.pullAndProcess("Accounts"));
        assertEquals(List.of(Account.Closed.class), watch.given);
        assertEquals(closed, watch.processRecorder().maxTrackingId("Accounts"));
    }
}
