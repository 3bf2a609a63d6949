package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.LeaseRecorder;
import dev.eventsourcing.persistence.LeaseShares;
import dev.eventsourcing.persistence.RecorderException;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A {@link LeaseRecorder} on JPA: groups in {@code es_lease_groups}, their members in
 * {@code es_lease_members} and one lease row per segment in {@code es_leases}, shared by every
 * node on the database.
 *
 * <p>Each call is one unit of work of the given {@link JpaTransactions}: its own transaction, or
 * the caller's (a joined JTA transaction, or one a runner began with
 * {@link ThreadBoundTransactions}), in which case what it changed commits with the caller. A round
 * first locks its group's row, so the rounds of one group never interleave, while rounds of other
 * groups go on; and it decides with the database's clock (see {@code LeaseRows}). Two nodes that
 * renew at once both succeed, one after the other, without a failing statement and without
 * anything logged. Names are at most 255 characters, the width of their columns. Every failure
 * of the database arrives as a {@link RecorderException}.
 */
public class JpaLeaseRecorder implements LeaseRecorder {

    /** The longest group name or node id that the columns hold. */
    static final int NAME_LENGTH = 255;
    private static final Duration LONGEST = Duration.ofDays(36_525);

    private final JpaTransactions transactions;
    private final DatabaseStrategy database;

    /**
     * A recorder of the leases of every group in the store.
     *
     * @param transactions how units of work get an entity manager and a transaction
     * @param database     the database, whose statements lock and add a group
     * @throws NullPointerException when an argument is null
     */
    public JpaLeaseRecorder(JpaTransactions transactions, DatabaseStrategy database) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public SortedSet<Integer> renew(String group, String node, int segments, Duration lease) {
        LeaseShares.checkRenewal(group, node, segments, lease);
        checkLength("group", group);
        checkLength("node", node);
        long micros = micros(lease);
        return run("Renewing the leases of " + node + " in " + group, em -> {
            DatabaseSchema schema = database.schema();
            int recorded = LeaseRows.lockGroup(em, schema, group, segments);
            if (recorded != segments) {
                throw LeaseShares.otherCount(group, recorded, segments);
            }
            long now = LeaseRows.now(em, schema);
            long expiresAt = now + micros;
            Set<String> live = liveMembers(em, group, node, now);
            LeaseRows.join(em, schema, group, node, expiresAt);
            LeaseShares.Plan plan = LeaseShares.plan(node, segments, live, LeaseRows.holders(em, group, now));
            plan.givenBack().forEach(segment -> LeaseRows.giveBack(em, group, segment, node));
            SortedSet<Integer> held = new TreeSet<>();
            plan.kept().stream().filter(segment -> LeaseRows.keep(em, group, segment, node, expiresAt, now)).forEach(held::add);
            plan.taken().stream().filter(segment -> LeaseRows.take(em, group, segment, node, expiresAt, now)).forEach(held::add);
            return Collections.unmodifiableSortedSet(held);
        });
    }

    // The members whose membership has not expired, the node among them; expired ones are removed.
    private static Set<String> liveMembers(EntityManager em, String group, String node, long now) {
        Map<String, Long> members = LeaseRows.members(em, group);
        members.forEach((member, expiresAt) -> {
            if (expiresAt <= now && !member.equals(node)) {
                LeaseRows.forget(em, group, member, now);
            }
        });
        Set<String> live = members.entrySet().stream().filter(member -> member.getValue() > now)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        live.add(node);
        return live;
    }

    @Override
    public void release(String group, String node) {
        LeaseShares.checkName("group", group);
        LeaseShares.checkName("node", node);
        if (group.length() > NAME_LENGTH || node.length() > NAME_LENGTH) {
            return; // never recorded
        }
        run("Releasing the leases of " + node + " in " + group, em -> {
            if (!LeaseRows.lockRecordedGroup(em, group)) {
                return null;
            }
            LeaseRows.leave(em, group, node);
            LeaseRows.holders(em, group, Long.MIN_VALUE).forEach((segment, holder) -> {
                if (holder.equals(node)) {
                    LeaseRows.giveBack(em, group, segment, node);
                }
            });
            return null;
        });
    }

    @Override
    public OptionalInt segments(String group) {
        LeaseShares.checkName("group", group);
        return run("Reading the segment count of " + group, em -> LeaseRows.recordedSegments(em, group));
    }

    @Override
    public Map<Integer, String> holders(String group) {
        LeaseShares.checkName("group", group);
        return run("Reading the holders of " + group, em -> Collections.unmodifiableMap(
                new TreeMap<>(LeaseRows.holders(em, group, LeaseRows.now(em, database.schema())))));
    }

    private static void checkLength(String what, String name) {
        if (name.length() > NAME_LENGTH) {
            throw new IllegalArgumentException("A " + what + " is named by at most " + NAME_LENGTH
                    + " characters in the JPA store, but '" + name + "' has " + name.length());
        }
    }

    // Rounded up to the microsecond, the precision of the stored times, so that a lease is never zero;
    // a lease of more than a century is a century, which keeps the sums of times far from overflowing.
    private static long micros(Duration lease) {
        long nanos = (lease.compareTo(LONGEST) > 0 ? LONGEST : lease).toNanos();
        return nanos / 1000 + (nanos % 1000 == 0 ? 0 : 1);
    }

    private <T> T run(String operation, Function<EntityManager, T> work) {
        return JpaExceptions.inTransaction(transactions, operation, work);
    }

    @Override
    public String toString() {
        return "JpaLeaseRecorder[" + database + "]";
    }
}
