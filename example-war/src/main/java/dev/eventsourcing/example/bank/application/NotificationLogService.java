package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.application.Section;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Reads the bank's notification log, a section at a time, in a transaction of its own (the JPA
 * event store reads inside the caller's transaction).
 */
@Stateless
public class NotificationLogService {

    @Inject
    Bank bank;

    /**
     * Up to {@code limit} notifications from id {@code start} on.
     *
     * @throws IllegalArgumentException when {@code start} is below 1, or {@code limit} is below 1
     *                                  or above {@link #sectionSize()}
     */
    public Section select(long start, int limit) {
        return bank.notificationLog().select(start, limit);
    }

    /** The most notifications one section holds. */
    public int sectionSize() {
        return bank.notificationLog().sectionSize();
    }
}
