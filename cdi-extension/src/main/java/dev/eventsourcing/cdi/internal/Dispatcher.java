package dev.eventsourcing.cdi.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Decides when and in which thread workers (projections, and process applications following
 * their leaders) run.
 *
 * <p>Synchronous: in the thread that committed, before its {@code save} returns, so that tests
 * on the in-memory store need no waiting. Asynchronous: on the container's
 * {@code ManagedScheduledExecutorService} (JNDI
 * {@value #MANAGED_EXECUTOR}), or in Java SE on a small pool of daemon threads; prompts after
 * commit keep latency low, and polling every {@code poll-interval} covers missed prompts,
 * retries and other processes' writes. Prompts to a worker that is queued already are merged.
 */
abstract class Dispatcher {

    static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedScheduledExecutorService";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    final List<Worker> workers;

    private Dispatcher(List<Worker> workers) {
        this.workers = List.copyOf(workers);
    }

    static Dispatcher start(Options options, List<Worker> workers) {
        Dispatcher dispatcher = options.synchronous() ? new Synchronous(workers) : new Asynchronous(workers, options);
        dispatcher.catchUp();
        return dispatcher;
    }

    /** Runs the projections of the application whose transaction just committed. */
    abstract void prompt(String applicationName);

    /** Runs every projection, retrying failed handlers at once. */
    abstract void catchUp();

    /** Stops the workers, waiting a little for running handlers to finish. */
    void stop() {
        workers.forEach(Worker::stop);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (Worker worker : workers) {
            worker.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    private static final class Synchronous extends Dispatcher {

        Synchronous(List<Worker> workers) {
            super(workers);
        }

        @Override
        void prompt(String applicationName) {
            for (Worker worker : workers) {
                if (worker.upstream().equals(applicationName)) {
                    worker.run(false);
                }
            }
        }

        @Override
        void catchUp() {
            workers.forEach(worker -> worker.run(true));
        }
    }

    private static final class Asynchronous extends Dispatcher {

        private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

        private final ScheduledExecutorService executor;
        private final boolean ownExecutor;
        private final List<AtomicBoolean> queued;
        private final ScheduledFuture<?> polling;

        Asynchronous(List<Worker> workers, Options options) {
            super(workers);
            ScheduledExecutorService managed = managedExecutor();
            this.ownExecutor = managed == null;
            this.executor = managed != null ? managed : daemonPool();
            this.queued = workers.stream().map(w -> new AtomicBoolean()).toList();
            long interval = options.pollInterval().toMillis();
            this.polling = executor.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
        }

        private static ScheduledExecutorService managedExecutor() {
            try {
                return (ScheduledExecutorService) new InitialContext().lookup(MANAGED_EXECUTOR);
            } catch (NamingException | RuntimeException | LinkageError e) {
                return null; // Java SE, or no JNDI: run on threads of our own
            }
        }

        private static ScheduledExecutorService daemonPool() {
            AtomicInteger count = new AtomicInteger();
            ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, task -> {
                Thread thread = new Thread(task, "eventsourcing-dispatch-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            pool.setRemoveOnCancelPolicy(true);
            return pool;
        }

        @Override
        void prompt(String applicationName) {
            for (int i = 0; i < workers.size(); i++) {
                if (workers.get(i).upstream().equals(applicationName)) {
                    submit(i, false);
                }
            }
        }

        @Override
        void catchUp() {
            for (int i = 0; i < workers.size(); i++) {
                submit(i, true);
            }
        }

        private void poll() {
            for (int i = 0; i < workers.size(); i++) {
                submit(i, false);
            }
        }

        private void submit(int index, boolean force) {
            // One queued run per worker is enough: it reads everything committed before it starts.
            if (queued.get(index).compareAndSet(false, true)) {
                try {
                    executor.execute(() -> {
                        queued.get(index).set(false);
                        workers.get(index).run(force);
                    });
                } catch (RuntimeException e) {
                    queued.get(index).set(false);
                    LOG.log(Level.FINE, "Dispatch not scheduled (shutting down?)", e);
                }
            }
        }

        @Override
        void stop() {
            polling.cancel(false);
            super.stop();
            if (ownExecutor) {
                executor.shutdownNow();
            }
        }
    }
}
