package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.system.MultiThreadedRunner;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where the runner runs readers: in the committing thread (synchronous dispatch), on the
 * container's managed scheduled executor, or, only when configured so, on daemon threads of the
 * extension's own. A container without a managed executor fails the deployment rather than run
 * readers on threads the container does not know.
 */
final class ManagedExecutor {

    static final String JNDI_NAME = "java:comp/DefaultManagedScheduledExecutorService";
    private static final int OWN_THREADS = 4;

    private ManagedExecutor() {
    }

    /**
     * Configures the runner's executor.
     *
     * @return the pool the extension made and must shut down, or {@code null}
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
        return null;
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
