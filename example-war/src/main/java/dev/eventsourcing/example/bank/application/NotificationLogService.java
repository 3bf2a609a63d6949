package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.application.Section;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Set;

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

    /**
     * Up to {@code limit} ids from {@code start} on, keeping the notifications of the topics only.
     *
     * @param topics the topics kept; empty for every topic
     * @throws IllegalArgumentException when {@code start} or {@code limit} is out of range, or a
     *                                  topic is blank or too long, or there are too many
     */
    public Section select(long start, int limit, Set<String> topics) {
        return bank.notificationLog().select(start, limit, topics);
    }

    /** The most notifications one section holds. */
    public int sectionSize() {
        return bank.notificationLog().sectionSize();
    }
}
