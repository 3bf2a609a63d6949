package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.NotificationLog;
import dev.eventsourcing.application.Section;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.CountingApplicationRecorder;
import dev.eventsourcing.system.fixtures.RecordingProjection;
import dev.eventsourcing.system.transfers.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Readers of some event types read only their topics, where the log is read: the notification
 * log's filtered sections, and a projection that names its types, which fetches none of the
 * others and still moves its position past them. Subclasses say which backend to use.
 */
public abstract class TopicFilteringTestCase {

    private MultiThreadedRunner runner;

    /** Settings that select the backend under test, for a fresh, empty store on every call. */
    protected abstract Settings backendSettings();

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.stop();
        }
    }

    @Test
    void aFilteredSectionHoldsTheKeptTopicsOfItsWindowAndNamesTheNextStartPastOtherTopics() {
        CountedBank bank = start(new RecordingProjection("all"));
        List<Long> credited = fill(bank, 12, 3); // ids 1..12 opened, then 3 credited: 13, 14, 15
        String topic = Account.Credited.class.getName();
        NotificationLog log = bank.notificationLog();

        Section otherTopics = log.select(1, 10, Set.of(topic));
        Section mixed = log.select(11, 10, Set.of(topic));
        Section everything = log.select(11, 10);

        assertEquals(List.of(), otherTopics.items());
        assertEquals(11L, otherTopics.next(), "the window was settled: the next starts after it");
        assertEquals(credited, mixed.items().stream().map(Notification::id).toList());
        assertNull(mixed.next(), "nothing more yet");
        assertEquals(List.of(11L, 12L, 13L, 14L, 15L), everything.items().stream().map(Notification::id).toList());
    }

    @Test
    void aFilteredSectionEndingInOtherTopicsNamesTheIdAfterTheHighestSettledOne() {
        CountedBank bank = start(new RecordingProjection("all"));
        fill(bank, 2, 1); // 1, 2 opened; 3 credited
        bank.open(5);     // 4
        String topic = Account.Credited.class.getName();

        Section section = bank.notificationLog().select(1, 10, Set.of(topic));
        Section after = bank.notificationLog().select(section.next(), 10, Set.of(topic));

        assertEquals(List.of(3L), section.items().stream().map(Notification::id).toList());
        assertEquals(5L, section.next());
        assertEquals(List.of(), after.items());
        assertNull(after.next());
    }

    @Test
    void aFollowerOfALogReadInSectionsMovesPastOtherTopicsAtTheEndOfTheLog() {
        CountedBank bank = start(new RecordingProjection("all"));
        fill(bank, 2, 1); // 1, 2 opened; 3 credited
        Set<String> topics = Set.of(Account.Credited.class.getName());
        FollowedLog log = new FollowedLog.Remote("Bank", bank.notificationLog(), bank.mapper());
        assertEquals(3, log.read(0, 10, topics).reached());
        bank.open(5);     // 4
        bank.open(6);     // 5

        FollowedLog.Batch batch = log.read(3, 10, topics);

        assertEquals(List.of(), batch.items());
        assertEquals(5, batch.reached(), "ids 4 and 5 are settled and of other topics");
    }

    @Test
    void badTopicsAreRefusedSayingWhy() {
        NotificationLog log = start(new RecordingProjection("all")).notificationLog();
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= NotificationLog.MAX_TOPICS; i++) {
            many.add("t" + i);
        }

        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> log.select(1, 10, Set.of(" ")));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> log.select(1, 10, Set.copyOf(many)));

        assertEquals("a selected topic must not be blank", blank.getMessage());
        assertEquals("at most 100 topics may be selected, were 101", tooMany.getMessage());
    }

    @Test
    void aProjectionOfSomeTypesFetchesOnlyTheirNotificationsAndMovesPastTheOthers() {
        RecordingProjection credits = new RecordingProjection("credits", Account.Credited.class);
        CountedBank bank = start(new TypedProjection(credits, Set.of(Account.Credited.class)));
        long before = bank.counter().selected();

        List<Long> credited = fill(bank, 30, 2);
        bank.open(1);
        bank.open(2);

        assertEquals(credited, credits.handled());
        assertEquals(2, bank.counter().selected() - before, "only the two credits were fetched");
        ReaderStatus status = runner.statuses().stream().filter(s -> s.reader().equals("credits")).findFirst()
                .orElseThrow();
        assertEquals(bank.lastId(), status.position(), "the position moved past the opened accounts");
    }

    @Test
    void aProjectionOfAnOpenTypeReadsEveryNotificationAsBefore() {
        RecordingProjection events = new RecordingProjection("events", Account.Event.class);
        CountedBank bank = start(new TypedProjection(events, Set.of(Object.class)));
        long before = bank.counter().selected();

        fill(bank, 3, 2);

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), events.handled());
        assertEquals(5, bank.counter().selected() - before);
    }

    private CountedBank start(dev.eventsourcing.projection.Projection projection) {
        runner = MultiThreadedRunner.builder().system(ApplicationSystem.builder().add(CountedBank.class).build())
                .settings(backendSettings()).projection(projection, "CountedBank").synchronous().build();
        runner.start();
        return runner.get(CountedBank.class);
    }

    /** Opens accounts, then credits the first ones; returns the ids of the credits. */
    private static List<Long> fill(CountedBank bank, int accounts, int credits) {
        List<UUID> opened = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            opened.add(bank.open(10));
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < credits; i++) {
            ids.add(bank.credit(opened.get(i), 1));
        }
        return ids;
    }

    /** The bank, its recorder counting the notifications its selections return. */
    public static class CountedBank extends Bank {

        private CountingApplicationRecorder counter;

        public CountedBank(Settings settings) {
            super(settings);
        }

        @Override
        protected ApplicationRecorder constructRecorder(InfrastructureFactory factory) {
            counter = new CountingApplicationRecorder(super.constructRecorder(factory));
            return counter;
        }

        CountingApplicationRecorder counter() {
            return counter;
        }
    }

    /** A projection that names the types it observes. */
    private record TypedProjection(RecordingProjection projection, Set<Class<?>> observedTypes)
            implements dev.eventsourcing.projection.Projection {

        @Override
        public String name() {
            return projection.name();
        }

        @Override
        public boolean observes(Class<?> eventType) {
            return projection.observes(eventType);
        }

        @Override
        public void process(dev.eventsourcing.domain.DomainEvent<?> event, Notification notification, Object unitOfWork) {
            projection.process(event, notification, unitOfWork);
        }
    }
}
