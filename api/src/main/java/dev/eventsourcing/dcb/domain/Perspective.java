package dev.eventsourcing.dcb.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A view of the event store for one decision: it selects the decisions it depends on with its
 * {@linkplain #consistencyBoundary() consistency boundary}, folds them into its state with
 * {@link #apply(Decision)}, and remembers the {@linkplain #lastKnownPosition() last position} it
 * read up to. A command {@linkplain #trigger triggers} new decisions, which are applied at once and
 * kept until the repository saves them on the condition that no decision matching the boundary was
 * stored after the last known position: so the decision was made on everything that counts.
 *
 * <p>Subclasses: {@link EnduringObject} (the boundary is its id), {@link Group} (several of those)
 * and {@link Slice} (any boundary, and an {@code execute} step). A perspective is not thread-safe;
 * each command works on an instance of its own.
 */
public abstract class Perspective {

    // Orders the decisions of several perspectives saved together as they were triggered.
    private static final AtomicLong TRIGGERED = new AtomicLong();

    private long lastKnownPosition;
    private final List<Pending> pending = new ArrayList<>();

    /** A perspective that has read nothing yet: its last known position is 0. */
    protected Perspective() {
    }

    /**
     * The decisions this perspective depends on; the repository reads them and makes them the
     * condition of saving what it triggered.
     *
     * @return the selectors, alternatives to one another; an empty list selects every decision
     */
    public abstract List<Selector> consistencyBoundary();

    /**
     * Folds one decision into the state: called for each decision read in the boundary, in the
     * store's order, and for each decision triggered. It must only change state, never refuse:
     * the decision has happened.
     *
     * @param decision the decision
     */
    protected abstract void apply(Decision decision);

    /**
     * Triggers a new decision: applies it now and keeps it, with its tags, to be saved.
     *
     * @param decision the decision
     * @param tags     what it is about; enduring objects and groups add their own ids
     * @throws IllegalArgumentException when a tag is blank
     */
    protected final void trigger(Decision decision, String... tags) {
        Objects.requireNonNull(decision, "decision");
        Set<String> all = new LinkedHashSet<>(ownTags());
        all.addAll(Arrays.asList(tags));
        TaggedDecision tagged = new TaggedDecision(decision, all);
        applyTriggered(tagged);
        pending.add(new Pending(TRIGGERED.incrementAndGet(), tagged));
    }

    /**
     * Hands over the decisions triggered since the last call, in the order they were triggered, and
     * forgets them. The repository's {@code save} calls this.
     *
     * @return the pending decisions with their tags; empty when there are none
     */
    public final List<TaggedDecision> collectDecisions() {
        return Perspectives.collect(List.of(this), (perspective, decision) -> { });
    }

    /** @return whether decisions were triggered that have not been collected yet */
    public boolean hasPendingDecisions() {
        return !pending.isEmpty();
    }

    /**
     * The position this perspective's state is up to date with: the head of the last read of its
     * boundary, or the position of its last save; 0 when it has read nothing.
     *
     * @return the last known position, 0 or more
     */
    public final long lastKnownPosition() {
        return lastKnownPosition;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[lastKnownPosition=" + lastKnownPosition + "]";
    }

    /** The tags every triggered decision carries: none for a plain perspective. */
    Set<String> ownTags() {
        return Set.of();
    }

    /** Applies a decision this perspective triggered. */
    void applyTriggered(TaggedDecision decision) {
        apply(decision.decision());
    }

    /** Applies a stored decision unless its position is one this perspective has seen already. */
    void receive(TaggedDecision decision, long position) {
        if (position > lastKnownPosition) {
            apply(decision.decision());
        }
    }

    /** Records that the state is up to date with the store at {@code position}. */
    void advancedTo(long position) {
        lastKnownPosition = Math.max(lastKnownPosition, position);
    }

    /** Sets the position outright: a group starts at the lowest of its members'. */
    void startAt(long position) {
        lastKnownPosition = position;
    }

    /** Takes the pending decisions, with the order they were triggered in. */
    List<Pending> drain() {
        List<Pending> drained = List.copyOf(pending);
        pending.clear();
        return drained;
    }

    /** A triggered decision and when, among all perspectives, it was triggered. */
    record Pending(long order, TaggedDecision decision) {
    }
}
