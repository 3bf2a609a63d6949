package dev.eventsourcing.example.bank.rest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The parameters of the notification log's sections, without a server: what each accepts. */
class SectionQueryTest {

    @Test
    void noParametersAskForTheFirstSectionOfEveryTopic() {
        assertEquals(new SectionQuery(1, 100, Set.of()), SectionQuery.parse(null, null, null, 100));
        assertEquals(new SectionQuery(1, 100, Set.of()), SectionQuery.parse(" ", "", List.of(), 100));
    }

    @Test
    void eachTopicsParameterKeepsOneTopic() {
        SectionQuery query = SectionQuery.parse("7", "10", List.of("bank.Opened", "a,b", "bank.Opened"), 100);

        assertEquals(new SectionQuery(7, 10, Set.of("bank.Opened", "a,b")), query);
    }

    @Test
    void anEmptyTopicIsRefused() {
        ApiException e = assertThrows(ApiException.class, () -> SectionQuery.parse("1", "10", List.of("x", " "), 100));

        assertEquals("invalid_topics", e.code());
        assertEquals("Parameter 'topics' must name a topic, was empty", e.getMessage());
    }

    @Test
    void moreThanAHundredTopicsAreRefused() {
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            topics.add("t" + i);
        }

        ApiException e = assertThrows(ApiException.class, () -> SectionQuery.parse(null, null, topics, 100));

        assertEquals("invalid_topics", e.code());
        assertEquals("At most 100 'topics' parameters are accepted, were 101", e.getMessage());
    }

    @Test
    void aTopicLongerThanAStoredTopicIsRefused() {
        char[] letters = new char[1001];
        Arrays.fill(letters, 'a');
        String topic = new String(letters);

        ApiException e = assertThrows(ApiException.class, () -> SectionQuery.parse(null, null, List.of(topic), 100));

        assertEquals("invalid_topics", e.code());
        assertEquals("Parameter 'topics' must be at most 1000 characters long, was 1001 starting '"
                + topic.substring(0, 60) + "'", e.getMessage());
    }

    @Test
    void pagingOutOfRangeIsRefusedAsBefore() {
        ApiException e = assertThrows(ApiException.class, () -> SectionQuery.parse("0", null, null, 100));
        ApiException tooMany = assertThrows(ApiException.class, () -> SectionQuery.parse(null, "101", null, 100));

        assertEquals("invalid_paging", e.code());
        assertEquals("Parameter 'start' must be from 1 to 9223372036854775807, was 0", e.getMessage());
        assertEquals("Parameter 'limit' must be from 1 to 100, was 101", tooMany.getMessage());
    }
}
