package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.ZlibBomb;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.RecordingProjection;
import dev.eventsourcing.system.transfers.Account;
import dev.eventsourcing.system.transfers.Accounts;
import dev.eventsourcing.system.transfers.Transfer;
import dev.eventsourcing.system.transfers.Transfers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A projection decodes only the events it observes; a process application decodes every one. */
class DecodingTest {

    private static final byte[] GARBAGE = "not an event".getBytes(StandardCharsets.UTF_8);

    private MultiThreadedRunner runner;

    @AfterEach
    void stop() {
        runner.stop();
    }

    @Test
    void aProjectionPassesOverWhatItDoesNotObserveWithoutDecodingItAndParksAnUnknownTopic() {
        RecordingProjection credits = new RecordingProjection("credits", Account.Credited.class);
        runner = MultiThreadedRunner.builder().system(ApplicationSystem.builder().add(Bank.class).build())
                .projection(credits, "Bank").synchronous().build();
        runner.start();
        Bank bank = runner.get(Bank.class);
        UUID account = bank.open(10);
        bank.credit(account, 5);
        insert(bank, topicOf(bank, 1));  // 3: an Opened no one could decode
        insert(bank, topicOf(bank, 2));  // 4: a Credited no one can decode
        insert(bank, "com.example.Gone"); // 5: an unknown topic
        bank.open(20);

        assertEquals(List.of(2L), credits.handled());
        List<ParkedNotification> parked = runner.parked("credits", null, 10);
        assertEquals(List.of(4L, 5L), parked.stream().map(ParkedNotification::notificationId).toList());
        assertTrue(parked.get(0).error().startsWith("dev.eventsourcing.persistence.UndecodableStateException"),
                parked.get(0).error());
        assertTrue(parked.get(1).error().startsWith("dev.eventsourcing.persistence.UnknownTopicException"));
        assertEquals(6, runner.statuses().get(0).position());
    }

    @Test
    void aProcessApplicationDecodesEveryNotificationSinceItsPolicyDecides() {
        runner = MultiThreadedRunner.builder()
                .system(ApplicationSystem.builder().pipe(Transfers.class, Accounts.class, Transfers.class).build())
                .settings(Settings.empty()).synchronous().build();
        runner.start();
        Accounts accounts = runner.get(Accounts.class);
        Transfers transfers = runner.get(Transfers.class);
        UUID alice = accounts.open(new BigDecimal("10"));
        UUID bob = accounts.open(new BigDecimal("0"));
        UUID transfer = transfers.request(alice, bob, new BigDecimal("1"));
        assertEquals(Transfer.Status.COMPLETED, transfers.get(transfer).status());
        long completed = transfers.recorder().maxNotificationId(); // Transfer.Completed: the accounts ignore it
        insert(transfers, topicOf(transfers, completed));
        transfers.request(alice, bob, new BigDecimal("1"));

        List<ParkedNotification> parked = runner.parked("Accounts", null, 10);
        assertEquals(List.of(completed + 1), parked.stream().map(ParkedNotification::notificationId).toList());
        assertEquals(new BigDecimal("8"), accounts.balance(alice));
    }

    @Test
    void aZlibBombIsParkedAsUndecodableAndTheProjectionGoesOn() {
        RecordingProjection all = new RecordingProjection("all");
        runner = MultiThreadedRunner.builder().system(ApplicationSystem.builder().add(Bank.class).build())
                .settings(Settings.of(Map.of(Settings.COMPRESSOR, "zlib", Settings.DECODING_MAX_STATE_BYTES, "1048576")))
                .projection(all, "Bank").synchronous().build();
        runner.start();
        Bank bank = runner.get(Bank.class);
        bank.open(10);
        // 64 KiB of zlib data that inflates to 64 MiB, under the topic of an event the projection reads.
        bank.recorder().insertEvents(List.of(new StoredEvent(UUID.randomUUID(), 1, topicOf(bank, 1),
                ZlibBomb.of(64L * 1024 * 1024))));
        bank.open(20);

        assertEquals(List.of(1L, 3L), all.handled());
        List<ParkedNotification> parked = runner.parked("all", null, 10);
        assertEquals(List.of(2L), parked.stream().map(ParkedNotification::notificationId).toList());
        assertTrue(parked.get(0).error().startsWith("dev.eventsourcing.persistence.UndecodableStateException")
                && parked.get(0).error().contains("more than 1048576 bytes"), parked.get(0).error());
        assertEquals(3, runner.statuses().get(0).position());
    }

    private static String topicOf(Application application, long id) {
        Notification notification = application.recorder().selectNotifications(NotificationSelection.from(id, 1)).get(0);
        return notification.topic();
    }

    private static void insert(Application application, String topic) {
        application.recorder().insertEvents(List.of(new StoredEvent(UUID.randomUUID(), 1, topic, GARBAGE)));
    }
}
