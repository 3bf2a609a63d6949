package dev.eventsourcing.system;

import java.net.InetAddress;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids of nodes, by which nodes that share a store tell their leases apart: the host's name, the
 * process id and a short random part, so that two runners of one process, or a process restarted
 * with the same id, never pass for one another.
 */
final class Nodes {

    private Nodes() {
    }

    /** A new id, such as {@code app-3.example.org-4711-9f3a2c}. */
    static String fresh() {
        return host() + "-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "localhost"; // no resolvable name: the pid and random part still tell nodes apart
            }
        }
        return host;
    }
}
