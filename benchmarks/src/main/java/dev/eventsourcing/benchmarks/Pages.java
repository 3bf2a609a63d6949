package dev.eventsourcing.benchmarks;

import dev.eventsourcing.domain.Ids;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.StoredEvent;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ObjLongConsumer;

/**
 * The page-by-page loops that contenders built on a "select notifications after a position"
 * query share, so that they all read, process and follow the log in exactly the same way.
 */
final class Pages {

    /** Rows per server-side bulk insert during set-up. */
    static final long FILL_CHUNK = 100_000;

    /** A query for up to {@code limit} notifications with ids above {@code position}. */
    @FunctionalInterface
    interface Select {
        List<Notification> after(long position, int limit);
    }

    private Pages() {
    }

    /** Reads {@code count} notifications from the start in pages until the deadline; returns how many it read. */
    static long read(Select select, int pageSize, long count, long deadline) {
        long position = 0;
        long read = 0;
        while (read < count && System.nanoTime() < deadline) {
            List<Notification> page = select.after(position, (int) Math.min(pageSize, count - read));
            if (page.isEmpty()) {
                break;
            }
            read += page.size();
            position = page.get(page.size() - 1).id();
        }
        return read;
    }

    /** Reads {@code count} notifications after {@code start} in pages, handing each page to {@code write}. */
    static long process(Select select, Consumer<List<Notification>> write, long start, int pageSize, long count,
                        long deadline) {
        long position = start;
        long done = 0;
        while (done < count && System.nanoTime() < deadline) {
            List<Notification> page = select.after(position, (int) Math.min(pageSize, count - done));
            if (page.isEmpty()) {
                break;
            }
            write.accept(page);
            done += page.size();
            position = page.get(page.size() - 1).id();
        }
        return done;
    }

    /**
     * What a process application writes for one upstream notification: one new event of a
     * downstream aggregate whose id derives from the upstream event, so it is unique per event.
     */
    static StoredEvent processed(Notification n) {
        return new StoredEvent(Ids.fromName(n.originatorId(), Long.toString(n.originatorVersion())), 1,
                Events.PROCESSED_TOPIC, Events.STATE);
    }

    /**
     * Follows the log by polling, backing off from 2 ms to 50 ms while it is quiet: the same
     * schedule as the JPA store's polling subscription.
     */
    static AutoCloseable poll(Select select, long start, ObjLongConsumer<UUID> onNotification) {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread thread = new Thread(() -> {
            long position = start;
            long pause = 2;
            while (running.get()) {
                List<Notification> page = select.after(position, 100);
                for (Notification n : page) {
                    onNotification.accept(n.originatorId(), n.originatorVersion());
                    position = n.id();
                }
                if (page.isEmpty()) {
                    LockSupport.parkNanos(pause * 1_000_000);
                    pause = Math.min(pause * 2, 50);
                } else {
                    pause = 2;
                }
            }
        }, "follower");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            running.set(false);
            thread.join(5_000);
        };
    }
}
