package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.Tracking;
import dev.eventsourcing.persistence.TrackingRecorder;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.util.List;

/**
 * TEMPORARY: feeds the bank's notifications to {@link AccountSummaries} every second, with the
 * tracking position recorded in the same transaction, until the CDI extension dispatches them.
 * Removed when the extension lands.
 */
@Singleton
@Startup
@DependsOn({"BankProducer", "BankSchema"})
public class ProjectionPump {

    @Inject
    Application bank;

    @Inject
    TrackingRecorder tracking;

    @Inject
    AccountSummaries summaries;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    void poll() {
        catchUp();
    }

    /** Processes up to one section of notifications not processed yet; returns how many. */
    public int catchUp() {
        long last = tracking.maxTrackingId(bank.name());
        List<Notification> batch = bank.recorder().selectNotifications(last + 1, 100);
        for (Notification notification : batch) {
            summaries.on(bank.mapper().toDomainEvent(notification.storedEvent()));
        }
        if (!batch.isEmpty()) {
            tracking.insertTracking(new Tracking(bank.name(), batch.get(batch.size() - 1).id()));
        }
        return batch.size();
    }
}
