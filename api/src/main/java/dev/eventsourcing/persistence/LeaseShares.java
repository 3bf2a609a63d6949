package dev.eventsourcing.persistence;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The rules of a {@link LeaseRecorder}'s round that do not depend on where the leases are kept:
 * the checks of its arguments, each live node's fair share, and which segments a node keeps,
 * gives back and takes. Every backend applies them the same way, so nodes divide a group alike
 * whatever holds their leases.
 */
public final class LeaseShares {

    private LeaseShares() {
    }

    /**
     * What one node does in a round: the segments it keeps (and renews), those it gives back
     * because they are beyond its share, and the free ones it takes up to its share.
     *
     * @param kept      segments the node holds and keeps, ascending
     * @param givenBack segments the node holds beyond its share, which it gives back, ascending
     * @param taken     free segments the node takes, ascending
     */
    public record Plan(SortedSet<Integer> kept, SortedSet<Integer> givenBack, SortedSet<Integer> taken) {

        /**
         * Copies the sets, so that a plan never changes.
         *
         * @param kept      segments the node holds and keeps
         * @param givenBack segments the node gives back
         * @param taken     free segments the node takes
         * @throws NullPointerException when a set is null
         */
        public Plan {
            kept = Collections.unmodifiableSortedSet(new TreeSet<>(kept));
            givenBack = Collections.unmodifiableSortedSet(new TreeSet<>(givenBack));
            taken = Collections.unmodifiableSortedSet(new TreeSet<>(taken));
        }

        /** @return the segments the node holds after the round: those it kept and those it took, ascending */
        public SortedSet<Integer> held() {
            TreeSet<Integer> held = new TreeSet<>(kept);
            held.addAll(taken);
            return Collections.unmodifiableSortedSet(held);
        }
    }

    /**
     * Checks the arguments of {@link LeaseRecorder#renew}.
     *
     * @param group    the group
     * @param node     the node's id
     * @param segments the group's segment count
     * @param lease    the lease
     * @throws IllegalArgumentException when the group or node is blank, the count is below 1 or
     *                                  the lease is not positive
     * @throws NullPointerException     when an argument is null
     */
    public static void checkRenewal(String group, String node, int segments, Duration lease) {
        checkName("group", group);
        checkName("node", node);
        if (segments < 1) {
            throw new IllegalArgumentException("A group has at least 1 segment; " + group + " was given " + segments);
        }
        if (Objects.requireNonNull(lease, "lease").isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("A lease lasts a positive time; " + node + " in " + group
                    + " asked for " + lease);
        }
    }

    /**
     * Checks a group's name or a node's id.
     *
     * @param what  what the value names ({@code group}, {@code node}), for the message
     * @param value the value
     * @throws IllegalArgumentException when it is blank
     * @throws NullPointerException     when it is null
     */
    public static void checkName(String what, String value) {
        if (Objects.requireNonNull(value, what).isBlank()) {
            throw new IllegalArgumentException("A " + what + " is named by a non-blank text, not '" + value + "'");
        }
    }

    /**
     * The error of a round that gives a group another segment count than the one recorded.
     *
     * @param group    the group
     * @param recorded the count recorded by the group's first round
     * @param given    the count this round gave
     * @return the error, naming both counts
     */
    public static IntegrityException otherCount(String group, int recorded, int given) {
        return new IntegrityException("Group " + group + " has " + recorded + " segments recorded, but a node renewed"
                + " with " + given + "; a group keeps the count of its first round, so every node must use "
                + recorded + " (or the group must be renamed)");
    }

    /**
     * A node's fair share: the segment count divided by the live nodes, rounded up for the first
     * nodes in the order of their ids and down for the others when it does not divide evenly, so
     * that the shares add up to the count and no node is left without one while another has two
     * more than it. (Rounding up for every node would let two of three nodes hold 2 of 4
     * segments each and the third none.)
     *
     * @param node     the node
     * @param segments the group's segment count
     * @param live     the live nodes, the node among them
     * @return the most segments the node holds after its round
     * @throws IllegalArgumentException when the node is not among the live nodes
     */
    public static int share(String node, int segments, Collection<String> live) {
        List<String> members = live.stream().distinct().sorted().toList();
        int rank = members.indexOf(node);
        if (rank < 0) {
            throw new IllegalArgumentException("Node " + node + " is not among the live nodes " + members);
        }
        return segments / members.size() + (rank < segments % members.size() ? 1 : 0);
    }

    /**
     * What the node does in its round: it keeps what it holds up to its {@linkplain #share
     * share}, gives back the rest (highest first), and takes free segments (lowest first) until
     * it holds its share.
     *
     * @param node     the node
     * @param segments the group's segment count
     * @param live     the live nodes (unexpired memberships), the node among them
     * @param holders  the holder of each segment with an unexpired lease; free segments are absent
     * @return the plan
     * @throws IllegalArgumentException when the node is not among the live nodes
     */
    public static Plan plan(String node, int segments, Collection<String> live, Map<Integer, String> holders) {
        int share = share(node, segments, live);
        TreeSet<Integer> kept = new TreeSet<>();
        holders.forEach((segment, holder) -> {
            if (holder.equals(node) && segment < segments) {
                kept.add(segment);
            }
        });
        TreeSet<Integer> givenBack = new TreeSet<>();
        while (kept.size() > share) {
            givenBack.add(kept.pollLast());
        }
        TreeSet<Integer> taken = new TreeSet<>();
        for (int segment = 0; segment < segments && kept.size() + taken.size() < share; segment++) {
            if (!holders.containsKey(segment)) {
                taken.add(segment);
            }
        }
        return new Plan(kept, givenBack, taken);
    }
}
