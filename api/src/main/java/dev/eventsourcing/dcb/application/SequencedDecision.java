package dev.eventsourcing.dcb.application;

import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.TaggedDecision;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A decision as read from the store: with its tags, its position, its event id, when it was
 * saved, and the metadata it was stored with.
 *
 * @param decision  the decision
 * @param tags      what it is about
 * @param position  its place in the store's total order, from 1
 * @param id        the stored event's id
 * @param timestamp when it was saved
 * @param metadata  the strings stored with it
 */
public record SequencedDecision(Decision decision, Set<String> tags, long position, UUID id, Instant timestamp,
                                Map<String, String> metadata) {

    /**
     * Checks and copies every part.
     *
     * @param decision  the decision
     * @param tags      what it is about
     * @param position  its place in the store's total order, from 1
     * @param id        the stored event's id
     * @param timestamp when it was saved
     * @param metadata  the strings stored with it
     */
    public SequencedDecision {
        Objects.requireNonNull(decision, "decision");
        tags = Set.copyOf(tags);
        if (position < 1) {
            throw new IllegalArgumentException("A position starts at 1, not " + position);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timestamp, "timestamp");
        metadata = Map.copyOf(metadata);
    }

    /** @return the decision with its tags */
    public TaggedDecision tagged() {
        return new TaggedDecision(decision, tags);
    }
}
