package dev.eventsourcing.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time of the PostgreSQL server that the harness runs on this machine (127.0.0.1): the
 * user and system time of every process named {@code postgres} (the postmaster, the backends
 * of every connection, the WAL writer and the other helpers), read from Linux's {@code /proc}.
 *
 * <p>It counts the whole server, so it is meaningful only while nothing else uses it; and a
 * process that ends between two readings takes its time with it (the pools' backends live as
 * long as the run). {@code /proc} counts in ticks of 10 ms (Linux's USER_HZ of 100), so a
 * figure per event needs thousands of events to be exact to a few µs.
 */
final class ServerCpu {

    private static final Path PROC = Path.of("/proc");
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final String NAME = "(postgres)";

    private ServerCpu() {
    }

    /** Whether this machine shows the server's processes (Linux, and at least one of them readable). */
    static boolean readable() {
        return Files.isDirectory(PROC) && nanos() > 0;
    }

    /** The server's CPU time so far, in ns; 0 where {@code /proc} shows none of its processes. */
    static long nanos() {
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                ticks += ticks(process.resolve("stat"));
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * NANOS_PER_TICK;
    }

    // /proc/<pid>/stat: "pid (comm) state ...", utime and stime the 14th and 15th fields. A
    // process may end while the directory is read: it counts as nothing.
    private static long ticks(Path stat) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException e) {
            return 0;
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < 0 || !line.substring(open, close + 1).equals(NAME)) {
            return 0;
        }
        // After the name: state is field 3, so utime (14) and stime (15) are the 12th and 13th.
        String[] fields = line.substring(close + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
