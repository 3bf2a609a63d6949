package dev.eventsourcing.benchmarks;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;

import java.util.Set;

/**
 * The application of the topic scenario: a log of twenty event types in turn, the events of
 * aggregates of a hundred events each.
 */
public class TopicLog extends Application {

    /** How many events each aggregate holds. */
    static final int EVENTS_PER_FEED = 100;

    /**
     * The application on the given settings.
     *
     * @param settings its settings, with its infrastructure
     */
    public TopicLog(Settings settings) {
        super(settings);
    }

    @Override
    protected Set<Class<?>> domainClasses() {
        return Set.of(Feed.class);
    }

    /** Saves one aggregate of {@value #EVENTS_PER_FEED} events, of the twenty types in turn. */
    void fill() {
        Feed feed = Feed.start();
        for (long n = 1; n < EVENTS_PER_FEED; n++) {
            feed.next(n);
        }
        save(feed);
    }

    /** An aggregate whose events are of twenty types in turn. */
    public static class Feed extends Aggregate {

        private long last;

        static Feed start() {
            return create(Feed::new, new E00(0));
        }

        void next(long n) {
            trigger(event((int) (n % 20), n));
        }

        private static Event event(int type, long n) {
            return switch (type) {
                case 0 -> new E00(n);
                case 1 -> new E01(n);
                case 2 -> new E02(n);
                case 3 -> new E03(n);
                case 4 -> new E04(n);
                case 5 -> new E05(n);
                case 6 -> new E06(n);
                case 7 -> new E07(n);
                case 8 -> new E08(n);
                case 9 -> new E09(n);
                case 10 -> new E10(n);
                case 11 -> new E11(n);
                case 12 -> new E12(n);
                case 13 -> new E13(n);
                case 14 -> new E14(n);
                case 15 -> new E15(n);
                case 16 -> new E16(n);
                case 17 -> new E17(n);
                case 18 -> new E18(n);
                default -> new E19(n);
            };
        }

        /** The events of a feed. */
        public sealed interface Event extends AggregateEvent<Feed> permits E00, E01, E02, E03, E04, E05, E06, E07, E08, E09, E10, E11, E12, E13, E14, E15, E16, E17, E18, E19 {
        }

        /** Event type 0 of 20. */
        public record E00(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 1 of 20. */
        public record E01(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 2 of 20. */
        public record E02(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 3 of 20. */
        public record E03(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 4 of 20. */
        public record E04(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 5 of 20. */
        public record E05(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 6 of 20. */
        public record E06(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 7 of 20. */
        public record E07(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 8 of 20. */
        public record E08(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 9 of 20. */
        public record E09(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 10 of 20. */
        public record E10(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 11 of 20. */
        public record E11(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 12 of 20. */
        public record E12(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 13 of 20. */
        public record E13(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 14 of 20. */
        public record E14(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 15 of 20. */
        public record E15(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 16 of 20. */
        public record E16(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 17 of 20. */
        public record E17(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 18 of 20. */
        public record E18(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }

        /** Event type 19 of 20. */
        public record E19(long n) implements Event {
            @Override
            public void apply(Feed feed) {
                feed.last = n;
            }
        }
    }
}
