package dev.eventsourcing.example.courses.rest;

import dev.eventsourcing.dcb.DcbReadResponse;
import dev.eventsourcing.dcb.DcbSequencedEvent;
import dev.eventsourcing.example.courses.domainmodel.CourseDetails;
import dev.eventsourcing.example.courses.domainmodel.StudentDetails;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Base64;
import java.util.Collection;
import java.util.UUID;

/** The JSON the API answers with. */
final class Representations {

    private Representations() {
    }

    /** {@code {"id"}}: what a registration answers. */
    static JsonObject id(UUID id) {
        return Json.createObjectBuilder().add("id", id.toString()).build();
    }

    /** {@code {"id","title","capacity","students":[ids]}}, the students in the order they joined. */
    static JsonObject course(CourseDetails course) {
        return Json.createObjectBuilder()
                .add("id", course.id().toString())
                .add("title", course.title())
                .add("capacity", course.capacity())
                .add("students", ids(course.students()))
                .build();
    }

    /** {@code {"id","name","courses":[ids]}}, the courses in the order the student joined them. */
    static JsonObject student(StudentDetails student) {
        return Json.createObjectBuilder()
                .add("id", student.id().toString())
                .add("name", student.name())
                .add("courses", ids(student.courses()))
                .build();
    }

    /**
     * {@code {"items":[{"position","type","tags":[…],"data":"<base64>"}],"head"}}: head is the
     * position of the last item, the {@code after} of the next page, and null when there is none.
     */
    static JsonObject events(DcbReadResponse page) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (DcbSequencedEvent event : page.events()) {
            items.add(event(event));
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("items", items);
        if (page.head().isPresent()) {
            json.add("head", page.head().getAsLong());
        } else {
            json.addNull("head");
        }
        return json.build();
    }

    /** {@code {"error": code, "message": message}}. */
    static JsonObject error(String code, String message) {
        return Json.createObjectBuilder()
                .add("error", code)
                .add("message", message == null ? code : message)
                .build();
    }

    private static JsonObject event(DcbSequencedEvent sequenced) {
        JsonArrayBuilder tags = Json.createArrayBuilder();
        sequenced.event().tags().stream().sorted().forEach(tags::add);
        return Json.createObjectBuilder()
                .add("position", sequenced.position())
                .add("type", sequenced.event().type())
                .add("tags", tags)
                .add("data", Base64.getEncoder().encodeToString(sequenced.event().data()))
                .build();
    }

    private static JsonArrayBuilder ids(Collection<UUID> ids) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        ids.forEach(id -> array.add(id.toString()));
        return array;
    }
}
