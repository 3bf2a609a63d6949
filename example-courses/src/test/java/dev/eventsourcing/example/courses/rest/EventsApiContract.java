package dev.eventsourcing.example.courses.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsourcing.example.courses.CoursesClient;
import dev.eventsourcing.example.courses.CoursesClient.Reply;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event store over HTTP, page by page. */
interface EventsApiContract {

    /** The client of the deployed API. */
    CoursesClient client();

    @Test
    default void theEventsOfAJoinAreTaggedWithTheirCourseAndStudentInOrderOfPosition() {
        long before = head(client());
        String course = client().course("Topology", 4);
        String oli = client().student("Oli");
        client().join(course, oli);

        Reply page = client().get("events?after=" + before + "&limit=100");

        assertEquals(200, page.status(), page.text());
        List<JsonNode> mine = items(page).stream()
                .filter(item -> tags(item).contains("course:" + course) || tags(item).contains("student:" + oli))
                .toList();
        assertEquals(3, mine.size(), page.text());
        assertTrue(mine.get(0).get("type").asText().contains("CourseRegistered"), page.text());
        assertEquals(Set.of("course:" + course), tags(mine.get(0)));
        assertTrue(data(mine.get(0)).contains("Topology"), data(mine.get(0)));
        assertTrue(mine.get(1).get("type").asText().contains("StudentRegistered"), page.text());
        assertEquals(Set.of("student:" + oli), tags(mine.get(1)));
        assertTrue(mine.get(2).get("type").asText().contains("StudentJoinedCourse"), page.text());
        assertEquals(Set.of("course:" + course, "student:" + oli), tags(mine.get(2)));
        assertTrue(mine.get(0).get("position").asLong() > before);
        assertTrue(mine.get(1).get("position").asLong() > mine.get(0).get("position").asLong());
        assertTrue(mine.get(2).get("position").asLong() > mine.get(1).get("position").asLong());
    }

    @Test
    default void pagesFollowOneAnotherFromTheHeadOfEachAndTheLastIsEmptyWithANullHead() {
        long before = head(client());
        client().student("Pia");
        client().student("Quin");
        client().student("Rae");

        Reply first = client().get("events?after=" + before + "&limit=2");
        Reply second = client().get("events?after=" + first.field("head") + "&limit=2");
        Reply last = client().get("events?after=" + second.field("head"));

        assertEquals(2, items(first).size(), first.text());
        assertEquals(items(first).get(1).get("position").asLong(), Long.parseLong(first.field("head")));
        assertEquals(1, items(second).size(), second.text());
        assertEquals(items(second).get(0).get("position").asText(), second.field("head"));
        assertEquals(200, last.status(), last.text());
        assertEquals(0, items(last).size(), last.text());
        assertTrue(last.body().get("head").isNull(), last.text());
    }

    /** The position of the store's last event: pages through it from the start. */
    private static long head(CoursesClient client) {
        long after = 0;
        while (true) {
            Reply page = client.get("events?after=" + after + "&limit=100");
            assertEquals(200, page.status(), page.text());
            if (page.field("head") == null) {
                return after;
            }
            after = Long.parseLong(page.field("head"));
        }
    }

    private static List<JsonNode> items(Reply page) {
        return java.util.stream.StreamSupport.stream(page.body().get("items").spliterator(), false).toList();
    }

    private static Set<String> tags(JsonNode item) {
        Set<String> tags = new TreeSet<>();
        item.get("tags").forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    private static String data(JsonNode item) {
        return new String(Base64.getDecoder().decode(item.get("data").asText()), StandardCharsets.UTF_8);
    }
}
