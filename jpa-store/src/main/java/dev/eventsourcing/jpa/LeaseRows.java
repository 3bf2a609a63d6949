package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.OperationalException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads and writes the rows of {@code es_lease_groups}, {@code es_lease_members} and
 * {@code es_leases}, with the statements that differ between the databases.
 *
 * <p>Why no statement fails on an expected path: a lost race is normal here, and the JPA
 * provider logs every failing statement as an error. So a group is locked, and added when it is
 * new, by statements that cannot collide (see {@link #lockGroup}); a membership is an upsert; and
 * each segment is taken, renewed or given back by an update of its row by key whose condition
 * re-checks the holder and the expiry on the row as committed, counting the rows it changed.
 *
 * <p>Why MariaDB reads without locking: a locking read of a group's rows under REPEATABLE READ
 * also locks the gap after them, where another group's new member may have to go, and two such
 * groups joined at once would deadlock. Each statement here locks one row by its key instead.
 * A plain read may come from a snapshot older than the group's lock (a caller's transaction that
 * read before); the guarded updates then keep it from taking a held segment, at worst a round
 * takes less than its share and the next round makes up for it.
 */
final class LeaseRows {

    private static final String BUMP = "UPDATE es_lease_groups SET rounds = rounds + 1 WHERE group_name = ?1";
    private static final String INSERT_GROUP = "INSERT INTO es_lease_groups (group_name, segments, rounds) VALUES (?1, ?2, 1)";
    private static final String POSTGRESQL_INSERT_GROUP = INSERT_GROUP + " ON CONFLICT DO NOTHING";
    private static final String MARIADB_UPSERT_GROUP = INSERT_GROUP + " ON DUPLICATE KEY UPDATE rounds = rounds + 1";
    private static final String H2_LOCK_ANCHOR = "UPDATE es_lease_anchor SET id = id";
    private static final String INSERT_LEASE = """
            INSERT INTO es_leases (group_name, segment, node_id, expires_at) VALUES (?1, ?2, NULL, 0)""";
    private static final String SEGMENTS = "SELECT segments FROM es_lease_groups WHERE group_name = ?1";

    private static final String POSTGRESQL_NOW = "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)";
    private static final String MARIADB_NOW = "SELECT TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP(6))";
    private static final String H2_NOW = "SELECT CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000000 AS BIGINT)";

    private static final String MEMBERS = "SELECT node_id, expires_at FROM es_lease_members WHERE group_name = ?1";
    private static final String POSTGRESQL_JOIN = """
            INSERT INTO es_lease_members (group_name, node_id, expires_at) VALUES (?1, ?2, ?3)
            ON CONFLICT (group_name, node_id) DO UPDATE SET expires_at = EXCLUDED.expires_at""";
    private static final String MARIADB_JOIN = """
            INSERT INTO es_lease_members (group_name, node_id, expires_at) VALUES (?1, ?2, ?3)
            ON DUPLICATE KEY UPDATE expires_at = VALUES(expires_at)""";
    private static final String H2_JOIN = "MERGE INTO es_lease_members (group_name, node_id, expires_at) KEY (group_name, node_id)"
            + " VALUES (?1, ?2, ?3)";
    private static final String LEAVE = "DELETE FROM es_lease_members WHERE group_name = ?1 AND node_id = ?2";
    private static final String FORGET = LEAVE + " AND expires_at <= ?3";

    private static final String LEASES = "SELECT segment, node_id, expires_at FROM es_leases WHERE group_name = ?1";
    private static final String TAKE = """
            UPDATE es_leases SET node_id = ?3, expires_at = ?4
            WHERE group_name = ?1 AND segment = ?2 AND (node_id IS NULL OR expires_at <= ?5)""";
    private static final String KEEP = """
            UPDATE es_leases SET expires_at = ?4
            WHERE group_name = ?1 AND segment = ?2 AND node_id = ?3 AND expires_at > ?5""";
    private static final String GIVE_BACK = """
            UPDATE es_leases SET node_id = NULL, expires_at = 0 WHERE group_name = ?1 AND segment = ?2 AND node_id = ?3""";

    private LeaseRows() {
    }

    /**
     * Locks the group's row until the end of the transaction, adding the group and a free lease
     * row per segment when it is new, and returns the group's recorded segment count.
     *
     * <p>Each round counts itself in the row ({@code rounds}): a write that changes the row
     * locks it in every database, binds the transaction's connection in every provider
     * (EclipseLink runs reads before the first write on another connection), makes the row
     * visible to the transaction's later plain reads even on an older snapshot, and on MariaDB
     * tells by its row count whether the upsert added the group (1) or changed it (2). Adding a
     * new group cannot collide: on PostgreSQL the insert skips a row added meanwhile (and then
     * the round locks that row); on MariaDB the upsert locks whichever row it finds (an update
     * first would lock the gap, and two first rounds would deadlock on their inserts); on H2,
     * which has neither, a new group is added under the lock of the one row of
     * {@code es_lease_anchor}, which only rounds that add a group take.
     */
    static int lockGroup(EntityManager em, DatabaseSchema schema, String group, int segments) {
        boolean added = switch (schema) {
            case POSTGRESQL -> addedOnPostgresql(em, group, segments);
            case MARIADB -> insertGroup(em, MARIADB_UPSERT_GROUP, group, segments) == 1;
            case H2 -> addedOnH2(em, group, segments);
        };
        if (added) {
            for (int segment = 0; segment < segments; segment++) {
                em.createNativeQuery(INSERT_LEASE).setParameter(1, group).setParameter(2, segment).executeUpdate();
            }
            return segments;
        }
        return recordedSegments(em, group)
                .orElseThrow(() -> new OperationalException("Group " + group + " was locked but its row is gone", null));
    }

    /** Locks the group's row until the end of the transaction; returns false when there is no such group. */
    static boolean lockRecordedGroup(EntityManager em, String group) {
        return bump(em, group) == 1;
    }

    private static boolean addedOnPostgresql(EntityManager em, String group, int segments) {
        if (bump(em, group) == 1) {
            return false;
        }
        if (insertGroup(em, POSTGRESQL_INSERT_GROUP, group, segments) == 1) {
            return true;
        }
        bump(em, group); // a concurrent round added the group and committed: lock its row
        return false;
    }

    private static boolean addedOnH2(EntityManager em, String group, int segments) {
        if (bump(em, group) == 1) {
            return false;
        }
        em.createNativeQuery(H2_LOCK_ANCHOR).executeUpdate();
        // Another round may have added the group between the bump and the anchor's lock.
        return bump(em, group) == 0 && insertGroup(em, INSERT_GROUP, group, segments) == 1;
    }

    private static int bump(EntityManager em, String group) {
        return em.createNativeQuery(BUMP).setParameter(1, group).executeUpdate();
    }

    private static int insertGroup(EntityManager em, String statement, String group, int segments) {
        return em.createNativeQuery(statement).setParameter(1, group).setParameter(2, segments).executeUpdate();
    }

    /** The group's recorded segment count, or empty for a group never renewed in. */
    static OptionalInt recordedSegments(EntityManager em, String group) {
        List<?> rows = em.createNativeQuery(SEGMENTS).setParameter(1, group).getResultList();
        return rows.isEmpty() ? OptionalInt.empty() : OptionalInt.of(((Number) rows.get(0)).intValue());
    }

    /**
     * Now by the database's clock, in microseconds since the epoch. Why the database's: nodes'
     * clocks differ, and a node whose clock ran ahead would take segments whose holders still
     * have time left; with one clock, every node agrees on when a lease expires. (PostgreSQL's
     * {@code clock_timestamp()} is the time of the call, MariaDB's {@code UTC_TIMESTAMP} that of
     * the statement; H2's {@code CURRENT_TIMESTAMP} is the transaction's start, which only makes
     * a round renew for a little less than the lease.)
     */
    static long now(EntityManager em, DatabaseSchema schema) {
        String query = switch (schema) {
            case POSTGRESQL -> POSTGRESQL_NOW;
            case MARIADB -> MARIADB_NOW;
            case H2 -> H2_NOW;
        };
        return ((Number) em.createNativeQuery(query).getSingleResult()).longValue();
    }

    /** Every recorded member of the group, live or expired, with when its membership expires. */
    static Map<String, Long> members(EntityManager em, String group) {
        Map<String, Long> members = new HashMap<>();
        for (Object[] row : rows(em.createNativeQuery(MEMBERS).setParameter(1, group))) {
            members.put((String) row[0], ((Number) row[1]).longValue());
        }
        return members;
    }

    /** Records the node as a member of the group until the given time. */
    static void join(EntityManager em, DatabaseSchema schema, String group, String node, long expiresAt) {
        String statement = switch (schema) {
            case POSTGRESQL -> POSTGRESQL_JOIN;
            case MARIADB -> MARIADB_JOIN;
            case H2 -> H2_JOIN;
        };
        em.createNativeQuery(statement).setParameter(1, group).setParameter(2, node).setParameter(3, expiresAt)
                .executeUpdate();
    }

    /** Ends the node's membership. */
    static void leave(EntityManager em, String group, String node) {
        em.createNativeQuery(LEAVE).setParameter(1, group).setParameter(2, node).executeUpdate();
    }

    /** Removes the membership of a node that has expired by now (and nothing if it was renewed meanwhile). */
    static void forget(EntityManager em, String group, String node, long now) {
        em.createNativeQuery(FORGET).setParameter(1, group).setParameter(2, node).setParameter(3, now).executeUpdate();
    }

    /** The holder of each segment whose lease has not expired by {@code now}; free segments are absent. */
    static Map<Integer, String> holders(EntityManager em, String group, long now) {
        Map<Integer, String> holders = new HashMap<>();
        for (Object[] row : rows(em.createNativeQuery(LEASES).setParameter(1, group))) {
            if (row[1] != null && ((Number) row[2]).longValue() > now) {
                holders.put(((Number) row[0]).intValue(), (String) row[1]);
            }
        }
        return holders;
    }

    /** Takes the segment unless someone holds it by now; returns whether it did. */
    static boolean take(EntityManager em, String group, int segment, String node, long expiresAt, long now) {
        return lease(em, TAKE, group, segment, node).setParameter(4, expiresAt).setParameter(5, now).executeUpdate() == 1;
    }

    /** Renews the node's lease of the segment unless it has expired by now; returns whether it did. */
    static boolean keep(EntityManager em, String group, int segment, String node, long expiresAt, long now) {
        return lease(em, KEEP, group, segment, node).setParameter(4, expiresAt).setParameter(5, now).executeUpdate() == 1;
    }

    /** Frees the segment if the node holds it. */
    static void giveBack(EntityManager em, String group, int segment, String node) {
        lease(em, GIVE_BACK, group, segment, node).executeUpdate();
    }

    private static Query lease(EntityManager em, String statement, String group, int segment, String node) {
        return em.createNativeQuery(statement).setParameter(1, group).setParameter(2, segment).setParameter(3, node);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }
}
