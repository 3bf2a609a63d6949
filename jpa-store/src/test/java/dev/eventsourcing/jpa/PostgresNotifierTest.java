package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The notifier's rounds and its life at the end of its unit: commits soon after a round go out
 * together once the spacing has passed; closing it waits for an announcement under way to give
 * its connection back (the unit's pool would report a leak if it closed first), and after it
 * nothing more is announced. Runs without a database: the connection is a stand-in whose
 * announcement blocks until the test lets it go.
 */
class PostgresNotifierTest {

    private final CountDownLatch announcing = new CountDownLatch(1);
    private final CountDownLatch finish = new CountDownLatch(1);
    private final AtomicInteger announcements = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();

    private final DedicatedConnections connections = new DedicatedConnections() {
        @Override
        public Connection open() {
            return connection();
        }

        @Override
        public void release(Connection connection) {
            released.incrementAndGet();
        }
    };

    @Test
    void closingWaitsUntilTheAnnouncementUnderWayHasGivenItsConnectionBack() throws Exception {
        PostgresNotifier notifier = new PostgresNotifier(connections, "test");
        notifier.committed("Accounts");
        assertTrue(announcing.await(5, TimeUnit.SECONDS), "the announcement started");

        Thread letGo = new Thread(() -> {
            sleep(200);
            finish.countDown();
        });
        letGo.start();
        notifier.close();

        assertEquals(1, released.get(), "the connection was given back before close returned");
        letGo.join();
    }

    @Test
    void commitsSoonAfterARoundGoOutTogetherInTheNextOnceTheSpacingHasPassed() throws Exception {
        finish.countDown();
        PostgresNotifier notifier = new PostgresNotifier(connections, "test", TimeUnit.SECONDS.toNanos(3));
        try {
            notifier.committed("Accounts");
            assertTrue(announcing.await(5, TimeUnit.SECONDS), "a commit after a quiet spell is announced at once");
            notifier.committed("Accounts");
            notifier.committed("Transfers");
            notifier.committed("Accounts");

            sleep(200);
            assertEquals(1, announcements.get(), "the next round waits for the spacing");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (announcements.get() < 3 && System.nanoTime() < deadline) {
                sleep(20);
            }
            sleep(100);
            assertEquals(3, announcements.get(), "each log once in the next round");
        } finally {
            notifier.close();
        }
    }

    @Test
    void aClosedNotifierAnnouncesNothing() throws Exception {
        finish.countDown();
        PostgresNotifier notifier = new PostgresNotifier(connections, "test");
        notifier.close();
        notifier.committed("Accounts");

        assertFalse(announcing.await(300, TimeUnit.MILLISECONDS), "nothing was announced after close");
        assertEquals(0, announcements.get());
    }

    private Connection connection() {
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (self, method, arguments) -> switch (method.getName()) {
                    case "execute" -> {
                        announcements.incrementAndGet();
                        announcing.countDown();
                        finish.await(5, TimeUnit.SECONDS);
                        yield true;
                    }
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == arguments[0];
                    default -> null;
                });
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (self, method, arguments) -> switch (method.getName()) {
                    case "prepareStatement" -> statement;
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == arguments[0];
                    default -> null;
                });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
