package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.system.MultiThreadedRunner;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where the runner runs readers: in the committing thread (synchronous dispatch), on the
 * container's managed scheduled executor, or, only when configured so, on daemon threads of the
 * extension's own. A container without a managed executor fails the deployment rather than run
 * readers on threads the container does not know.
 *
 * <p>On the managed executor, the runner keeps time on a thread of the container's managed thread
 * factory ({@link dev.eventsourcing.system.MultiThreadedRunner.Builder#timer}), which hands work
 * to the executor with {@code execute} only. Why: a suspended server (WildFly suspends before it
 * shuts down, and on an administrator's request) refuses the scheduled tasks of its managed
 * executor and logs an error for each, whereas a refused {@code execute} only tells the runner
 * to try at its next prompt. Without a managed thread factory, the runner keeps time on the
 * executor as before.
 */
final class ManagedExecutor {

    static final String JNDI_NAME = "java:comp/DefaultManagedScheduledExecutorService";
    static final String THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";
    private static final Logger LOG = Logger.getLogger(ManagedExecutor.class.getName());
    private static final int OWN_THREADS = 4;

    private ManagedExecutor() {
    }

    /**
     * Configures the runner's executor.
     *
     * @return the pool the extension made and must shut down (its own, or the timer on managed
     *         threads), or {@code null}
     * @throws IllegalStateException with message ESCDI016 when the managed executor is missing
     */
    static ScheduledExecutorService configure(MultiThreadedRunner.Builder runner, Options options) {
        if (options.synchronous()) {
            runner.synchronous();
            return null;
        }
        if (options.ownExecutor()) {
            ScheduledExecutorService own = daemonPool();
            runner.executor(own);
            return own;
        }
        runner.executor(lookup());
        ThreadFactory threads = managedThreads();
        if (threads == null) {
            return null;
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(threads);
        runner.timer(timer);
        return timer;
    }

    private static ThreadFactory managedThreads() {
        try {
            return (ThreadFactory) new InitialContext().lookup(THREAD_FACTORY);
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.fine(() -> "No managed thread factory at " + THREAD_FACTORY + " (" + e
                    + "): the runner keeps time on the managed executor");
            return null;
        }
    }

    private static ScheduledExecutorService lookup() {
        try {
            return (ScheduledExecutorService) new InitialContext().lookup(JNDI_NAME);
        } catch (NamingException | RuntimeException | LinkageError e) {
            throw new IllegalStateException(Messages.noManagedExecutor(JNDI_NAME), e);
        }
    }

    private static ScheduledExecutorService daemonPool() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newScheduledThreadPool(OWN_THREADS, task -> {
            Thread thread = new Thread(task, "eventsourcing-runner-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
