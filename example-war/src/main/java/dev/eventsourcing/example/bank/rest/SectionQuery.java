package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.application.NotificationLog;

import java.util.List;
import java.util.Set;

/**
 * What {@code GET /notifications?start=&limit=&topics=} asks for, each parameter checked: a
 * start from 1, a limit from 1 to the section size, and any number of {@code topics} parameters
 * up to {@value NotificationLog#MAX_TOPICS}, one topic each. A missing or blank {@code start} or
 * {@code limit} means 1 and the section size; no {@code topics} means every topic, as before
 * the parameter existed.
 *
 * @param start  the first id asked for
 * @param limit  how many ids the section spans
 * @param topics the topics kept; empty for every topic
 */
record SectionQuery(long start, int limit, Set<String> topics) {

    private static final int ECHOED = 60;

    /**
     * The query that the parameters ask for.
     *
     * @param sectionSize the log's section size, the largest limit accepted
     * @throws ApiException {@code invalid_paging} for a bad start or limit, {@code invalid_topics}
     *                      for a blank or over-long topic, or too many
     */
    static SectionQuery parse(String start, String limit, List<String> topics, int sectionSize) {
        long first = number("start", start, 1, 1, Long.MAX_VALUE);
        long most = number("limit", limit, sectionSize, 1, sectionSize);
        return new SectionQuery(first, (int) most, topics(topics == null ? List.of() : topics));
    }

    private static Set<String> topics(List<String> topics) {
        if (topics.size() > NotificationLog.MAX_TOPICS) {
            throw invalidTopics("At most " + NotificationLog.MAX_TOPICS + " 'topics' parameters are accepted, were "
                    + topics.size());
        }
        for (String topic : topics) {
            if (topic == null || topic.isBlank()) {
                throw invalidTopics("Parameter 'topics' must name a topic, was empty");
            }
            if (topic.length() > NotificationLog.MAX_TOPIC_LENGTH) {
                throw invalidTopics("Parameter 'topics' must be at most " + NotificationLog.MAX_TOPIC_LENGTH
                        + " characters long, was " + topic.length() + " starting '" + topic.substring(0, ECHOED) + "'");
            }
        }
        return Set.copyOf(topics);
    }

    private static long number(String name, String text, long defaultValue, long min, long max) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_paging", "Parameter '" + name + "' must be a whole number, was '"
                    + text + "'");
        }
        if (value < min || value > max) {
            throw ApiException.badRequest("invalid_paging", "Parameter '" + name + "' must be from " + min + " to "
                    + max + ", was " + value);
        }
        return value;
    }

    private static ApiException invalidTopics(String message) {
        return ApiException.badRequest("invalid_topics", message);
    }
}
