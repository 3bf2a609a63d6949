package dev.eventsourcing.system;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs workers in the thread that prompts them, before the prompt (and so the save that caused
 * it) returns: fast tests on the in-memory store need no waiting.
 *
 * <p>A prompt raised while workers run in this thread (a projection or policy that saves) is
 * queued and handled by the loop already under way, never recursed into, so deep pipes and
 * cycles use constant stack. Prompts from several threads are serialised: a thread that finds
 * another draining the queue waits for it, and its own prompt is handled by then. A worker whose
 * failure's back-off is not due yet is tried again at a later prompt of its log, or by
 * {@link Readers#catchUp()}: nothing here schedules retries.
 */
final class SynchronousDispatch implements Dispatch {

    private final ReentrantLock draining = new ReentrantLock();
    private final Set<Worker> queue = new LinkedHashSet<>(); // guarded by itself
    private volatile boolean stopped;

    @Override
    public void prompt(Worker worker) {
        synchronized (queue) {
            queue.add(worker);
        }
        if (draining.isHeldByCurrentThread()) {
            return; // re-entrant: the loop below, further up this thread's stack, picks it up
        }
        draining.lock();
        try {
            drain();
        } finally {
            draining.unlock();
        }
    }

    private void drain() {
        Worker next;
        while (!stopped && (next = poll()) != null) {
            if (!next.turn.request()) {
                continue; // an operator's retry holds the turn, and prompts again when it is done
            }
            Worker.Outcome outcome;
            try {
                next.turn.begin();
                outcome = next.run();
            } finally {
                next.turn.end();
            }
            if (outcome == Worker.Outcome.MORE) {
                synchronized (queue) {
                    queue.add(next); // to the back: one batch at a time, as on an executor
                }
            }
        }
    }

    private Worker poll() {
        synchronized (queue) {
            Iterator<Worker> first = queue.iterator();
            if (!first.hasNext()) {
                return null;
            }
            Worker worker = first.next();
            first.remove();
            return worker;
        }
    }

    @Override
    public void stop() {
        stopped = true;
        synchronized (queue) {
            queue.clear();
        }
    }
}
