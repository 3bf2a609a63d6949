package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.LeaseRecorder;
import dev.eventsourcing.persistence.LeaseShares;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Leases in this JVM's memory, timed by a {@link Clock} (the system's UTC clock by default; a
 * test gives one it can advance). Thread-safe: rounds are serialised, so two nodes never hold one
 * segment. Several runners in one JVM divide a group's segments when they share one instance, as
 * nodes share a database; {@link InMemoryInfrastructureFactory} makes one per factory.
 */
public final class InMemoryLeaseRecorder implements LeaseRecorder {

    private final Clock clock;
    private final Map<String, Group> groups = new HashMap<>();

    private record Lease(String node, Instant expires) {
    }

    private static final class Group {
        final int segments;
        final Map<String, Instant> members = new HashMap<>();
        final Map<Integer, Lease> leases = new TreeMap<>();

        Group(int segments) {
            this.segments = segments;
        }

        // Forgets what has expired, so that what is left is live.
        void expire(Instant now) {
            members.values().removeIf(expires -> !expires.isAfter(now));
            leases.values().removeIf(lease -> !lease.expires().isAfter(now));
        }

        Map<Integer, String> holders() {
            Map<Integer, String> holders = new TreeMap<>();
            leases.forEach((segment, lease) -> holders.put(segment, lease.node()));
            return holders;
        }
    }

    /** Leases timed by the system's UTC clock. */
    public InMemoryLeaseRecorder() {
        this(Clock.systemUTC());
    }

    /**
     * Leases timed by the given clock.
     *
     * @param clock tells when leases expire; not null
     * @throws NullPointerException when the clock is null
     */
    public InMemoryLeaseRecorder(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized SortedSet<Integer> renew(String group, String node, int segments, Duration lease) {
        LeaseShares.checkRenewal(group, node, segments, lease);
        Group recorded = groups.computeIfAbsent(group, g -> new Group(segments));
        if (recorded.segments != segments) {
            throw LeaseShares.otherCount(group, recorded.segments, segments);
        }
        Instant now = clock.instant();
        Instant expires = now.plus(lease);
        recorded.expire(now);
        recorded.members.put(node, expires);
        LeaseShares.Plan plan = LeaseShares.plan(node, segments, recorded.members.keySet(), recorded.holders());
        plan.givenBack().forEach(recorded.leases::remove);
        SortedSet<Integer> held = plan.held();
        held.forEach(segment -> recorded.leases.put(segment, new Lease(node, expires)));
        return held;
    }

    @Override
    public synchronized void release(String group, String node) {
        LeaseShares.checkName("group", group);
        LeaseShares.checkName("node", node);
        Group recorded = groups.get(group);
        if (recorded != null) {
            recorded.members.remove(node);
            recorded.leases.values().removeIf(lease -> lease.node().equals(node));
        }
    }

    @Override
    public synchronized OptionalInt segments(String group) {
        LeaseShares.checkName("group", group);
        Group recorded = groups.get(group);
        return recorded == null ? OptionalInt.empty() : OptionalInt.of(recorded.segments);
    }

    @Override
    public synchronized Map<Integer, String> holders(String group) {
        LeaseShares.checkName("group", group);
        Group recorded = groups.get(group);
        if (recorded == null) {
            return Map.of();
        }
        recorded.expire(clock.instant());
        return Collections.unmodifiableMap(recorded.holders());
    }
}
