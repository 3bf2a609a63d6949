package dev.eventsourcing.jpa;

import jakarta.persistence.EntityManager;

/**
 * Turns off H2's reuse of query results on the H2 versions where it can return data older than a
 * commit that has already returned (h2database issue 3894, fixed in 2.3.232; WildFly 39 ships
 * 2.2.224).
 *
 * <p>Why: H2 answers a statement that a session runs again with the same parameters from the
 * result it cached, unless a table it reads was modified since. Those versions count the
 * modification before the commit makes it visible, so a query that runs in between caches the
 * old rows under the new count, and the session gets them back until the next modification of
 * the table. A reader polling the notification log then misses events that committed before it
 * asked (the log stands still until the next write); a writer retrying a conflict re-reads the
 * aggregate it lost with, and, as a refused write modifies no table, could do so indefinitely.
 *
 * <p>The setting holds for the whole database, until it closes, and needs an administrator; with
 * another user, set {@code OPTIMIZE_REUSE_RESULTS=FALSE} in the JDBC URL instead. Changing it
 * commits the session's transaction, so it is changed only in a unit of work of its own.
 */
final class H2ResultReuse {

    private static final String VERSION = "SELECT H2VERSION()";
    private static final String IS_ADMIN = """
            SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = CURRENT_USER""";
    private static final String TURN_OFF = "SET OPTIMIZE_REUSE_RESULTS FALSE";

    private H2ResultReuse() {
    }

    /** Turns result reuse off when this H2 has the bug and the user may change the setting. */
    static void turnOffWhereStale(EntityManager em) {
        String version = String.valueOf(em.createNativeQuery(VERSION).getSingleResult());
        // H2 1.x names the columns of INFORMATION_SCHEMA.USERS differently; it is left alone.
        if (hasStaleResults(version) && Boolean.TRUE.equals(em.createNativeQuery(IS_ADMIN).getSingleResult())) {
            em.createNativeQuery(TURN_OFF).executeUpdate();
        }
    }

    /** Whether an H2 2.x version before 2.3.232 is named, such as {@code 2.2.224}. */
    static boolean hasStaleResults(String version) {
        String[] parts = version.trim().split("[.\\s-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = Integer.parseInt(parts[1]);
            int patch = Integer.parseInt(parts[2]);
            return major == 2 && (minor < 3 || minor == 3 && patch < 232);
        } catch (RuntimeException unexpected) {
            return false;
        }
    }
}
