package dev.eventsourcing.application;

import dev.eventsourcing.persistence.Notification;

import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An application's notification log, read in sections: what followers, projections and the HTTP
 * wire format read. The log may be in this process ({@link LocalNotificationLog}) or in another
 * deployment ({@link RemoteNotificationLog}); followers read both the same way.
 */
public interface NotificationLog {

    /** The section size used when none is configured. */
    int DEFAULT_SECTION_SIZE = 100;

    /** The most topics one {@linkplain #select(long, int, Set) filtered selection} keeps. */
    int MAX_TOPICS = 100;

    /** The longest topic a filtered selection names, in characters (as long as a stored topic may be). */
    int MAX_TOPIC_LENGTH = 1000;

    /** How many empty sections in a row {@link #read} follows before it ends. */
    int MAX_EMPTY_SECTIONS_READ = 64;

    /**
     * The notifications with ids from {@code start} to {@code start + limit - 1}, ascending, and
     * the start of the next section ({@code null} when the log holds nothing more yet). A
     * section may hold fewer than {@code limit} notifications where ids have gaps; its
     * {@code next} is then at most {@code start + limit}, and always above the last id returned
     * (or at least {@code start} when none is), so that a reader moves forward a window at a
     * time and can check every answer ({@link SectionBounds}).
     *
     * @param start the first id to return; at least 1
     * @param limit how many at most; from 1 to {@link #sectionSize()}
     * @return the section, empty (with or without {@code next}) when no id of the window is
     *         recorded
     * @throws IllegalArgumentException when {@code start} or {@code limit} is out of range
     */
    Section select(long start, int limit);

    /**
     * The notifications of the given topics with ids from {@code start} to
     * {@code start + limit - 1}, ascending, and the start of the next section: the section
     * {@link #select(long, int)} answers with the other topics left out, so the same window of
     * ids and the same checks apply ({@link SectionBounds}). A window may therefore hold no kept
     * notification at all and still name the next start, so that a reader moves past long runs of
     * other topics; a log may also name, as the next start, the id after the highest it has
     * settled within the window, since no kept notification lies between.
     *
     * <p>This default asks for the whole window and leaves the other topics out here; a log that
     * can filter where it reads (its recorder, or the server of a remote log) overrides it.
     *
     * @param start the first id to return; at least 1
     * @param limit how many ids the window spans; from 1 to {@link #sectionSize()}
     * @param topics the topics to keep; empty for every topic (the same as {@link #select(long, int)})
     * @return the section
     * @throws IllegalArgumentException when {@code start} or {@code limit} is out of range, or the
     *         topics are not valid ({@link #checkTopics})
     */
    default Section select(long start, int limit, Set<String> topics) {
        Set<String> kept = checkTopics(topics);
        Section section = select(start, limit);
        if (kept.isEmpty()) {
            return section;
        }
        return new Section(section.items().stream().filter(n -> kept.contains(n.topic())).toList(), section.next());
    }

    /** @return the most notifications a section holds, at least 1 */
    int sectionSize();

    /**
     * Checks the arguments of {@link #select} against a log's section size.
     *
     * @param start the first id asked for
     * @param limit how many notifications were asked for
     * @param sectionSize the log's section size
     * @throws IllegalArgumentException when {@code start} or {@code limit} is out of range
     */
    static void checkSelection(long start, int limit, int sectionSize) {
        if (start < 1) {
            throw new IllegalArgumentException("start must be at least 1, was " + start);
        }
        if (limit < 1 || limit > sectionSize) {
            throw new IllegalArgumentException("limit must be from 1 to " + sectionSize + ", was " + limit);
        }
    }

    /**
     * Checks the topics of a filtered selection: each one not blank and at most
     * {@value #MAX_TOPIC_LENGTH} characters long, and at most {@value #MAX_TOPICS} of them.
     *
     * @param topics the topics asked for; not null, empty for every topic
     * @return the topics as a set
     * @throws IllegalArgumentException saying which topic, or how many, is out of range
     * @throws NullPointerException when {@code topics} or one of them is null
     */
    static Set<String> checkTopics(Collection<String> topics) {
        Set<String> kept = Set.copyOf(topics);
        if (kept.size() > MAX_TOPICS) {
            throw new IllegalArgumentException("at most " + MAX_TOPICS + " topics may be selected, were " + kept.size());
        }
        for (String topic : kept) {
            if (topic.isBlank()) {
                throw new IllegalArgumentException("a selected topic must not be blank");
            }
            if (topic.length() > MAX_TOPIC_LENGTH) {
                throw new IllegalArgumentException("a selected topic must be at most " + MAX_TOPIC_LENGTH
                        + " characters long, was " + topic.length() + " starting '" + topic.substring(0, 40) + "'");
            }
        }
        return kept;
    }

    /**
     * Every notification from id {@code start} on that is recorded by the time iteration reaches
     * it, read a section at a time. Iteration ends where the log holds nothing more yet: at a
     * section without {@code next}, at an empty one whose {@code next} does not move forward, or
     * after {@value #MAX_EMPTY_SECTIONS_READ} empty sections in a row (a gap that wide, or a log
     * that answers empty sections forever, is left to the next read), so that a remote log can
     * never keep a reader asking in a loop.
     *
     * @param start the first id to read; values below 1 read from 1
     * @return notifications ascending by id, each iteration reading the log afresh; empty when
     *         nothing from {@code start} on is recorded yet
     */
    default Iterable<Notification> read(long start) {
        return () -> new Iterator<>() {
            private long asked = Math.max(1, start);
            private Section section = select(asked, sectionSize());
            private int index;
            private int empty;

            @Override
            public boolean hasNext() {
                while (index == section.items().size()) {
                    Long next = section.next();
                    empty = section.items().isEmpty() ? empty + 1 : 0;
                    if (next == null || (section.items().isEmpty() && next <= asked) || empty >= MAX_EMPTY_SECTIONS_READ) {
                        return false;
                    }
                    asked = next;
                    section = select(asked, sectionSize());
                    index = 0;
                }
                return true;
            }

            @Override
            public Notification next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return section.items().get(index++);
            }
        };
    }
}
