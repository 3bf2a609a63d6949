package dev.eventsourcing.persistence;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stored events with forged topics, as someone who can write the events table or serve a
 * followed log would make them, and the means to see whether reading one made anything: the
 * number of live {@link java.util.Timer} threads, and a class that counts its instances.
 */
public final class Gadgets {

    /** A JDK class whose no-argument constructor starts a thread. */
    public static final String TIMER = "java.util.Timer";

    /** The topic of {@link Detonator}, a class no application declares. */
    public static final String DETONATOR = Detonator.class.getName();

    private Gadgets() {
    }

    /** A stored event naming {@code topic}, with state that binds to a Timer or a Detonator. */
    public static StoredEvent forged(UUID originatorId, long version, String topic) {
        String data = topic.equals(TIMER) ? "{}" : "{\"fuse\":\"lit\"}";
        String state = "{\"t\":\"2026-12-04T10:00:00Z\",\"d\":" + data + "}";
        return new StoredEvent(originatorId, version, topic, state.getBytes(StandardCharsets.UTF_8));
    }

    /** How many threads of {@link java.util.Timer}s are alive. */
    public static long timerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getClass().getName().equals("java.util.TimerThread"))
                .count();
    }

    /** A class that counts how often it was made: a stand-in for a class with side effects. */
    public record Detonator(String fuse) {
        private static final AtomicInteger MADE = new AtomicInteger();

        public Detonator {
            MADE.incrementAndGet();
        }

        /** How many Detonators were made so far. */
        public static int made() {
            return MADE.get();
        }
    }
}
