package dev.eventsourcing.application;

import dev.eventsourcing.persistence.Notification;

import java.util.List;

/**
 * One page of a notification log: notifications ascending by id, and the {@code start} to ask
 * for next, or {@code null} when the log holds nothing more yet.
 */
public record Section(List<Notification> items, Long next) {

    public Section {
        items = List.copyOf(items);
    }
}
