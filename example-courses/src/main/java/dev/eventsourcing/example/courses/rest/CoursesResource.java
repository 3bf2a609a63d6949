package dev.eventsourcing.example.courses.rest;

import dev.eventsourcing.example.courses.application.Courses;
import dev.eventsourcing.example.courses.domainmodel.Course;
import dev.eventsourcing.example.courses.domainmodel.CourseDetails;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;
import java.util.UUID;

/**
 * Courses over HTTP: register one, read it, change its capacity, and let students join and
 * leave it. Every answer but a registration's and a leave's is the course as it is afterwards,
 * read from the event store.
 */
@Path("courses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CoursesResource {

    @Inject
    Courses courses;

    @Context
    UriInfo uriInfo;

    /** {@code {"title","capacity"}} → 201, {@code Location}, {@code {"id"}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(InputStream body) {
        JsonBody request = JsonBody.read(body);
        String title = request.text("title", Course.MAX_TITLE_LENGTH);
        int capacity = capacity(request);
        UUID id = courses.register(title, capacity);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(id.toString()).build())
                .entity(Representations.id(id))
                .build();
    }

    /** The course with its students. */
    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return Representations.course(courses.get(courseId(id)));
    }

    /** {@code {"capacity"}} → the course. */
    @PUT
    @Path("{id}/capacity")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject changeCapacity(@PathParam("id") String id, InputStream body) {
        UUID courseId = courseId(id);
        int capacity = capacity(JsonBody.read(body));
        return Representations.course(courses.changeCapacity(courseId, capacity));
    }

    /** {@code {"studentId"}} → 201 with the course. */
    @POST
    @Path("{id}/students")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response join(@PathParam("id") String id, InputStream body) {
        UUID courseId = courseId(id);
        UUID studentId = JsonBody.read(body).id("studentId", "a student id");
        CourseDetails course = courses.join(courseId, studentId);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(studentId.toString()).build())
                .entity(Representations.course(course))
                .build();
    }

    /** The student leaves the course → 204. */
    @DELETE
    @Path("{id}/students/{studentId}")
    public Response leave(@PathParam("id") String id, @PathParam("studentId") String studentId) {
        UUID courseId = courseId(id);
        courses.leave(courseId, RequestIds.parse(studentId, "a student id"));
        return Response.noContent().build();
    }

    private static int capacity(JsonBody request) {
        long capacity = request.whole("capacity");
        if (capacity < Course.MIN_CAPACITY || capacity > Course.MAX_CAPACITY) {
            throw ApiException.badRequest("invalid_capacity", "Field 'capacity' must be from " + Course.MIN_CAPACITY
                    + " to " + Course.MAX_CAPACITY + ", was " + capacity);
        }
        return (int) capacity;
    }

    private static UUID courseId(String text) {
        return RequestIds.parse(text, "a course id");
    }
}
