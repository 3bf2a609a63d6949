package dev.eventsourcing.example.courses.rest;

import dev.eventsourcing.example.courses.application.Students;
import dev.eventsourcing.example.courses.domainmodel.Student;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;
import java.util.UUID;

/** Students over HTTP: register one, and read it with the courses it has joined. */
@Path("students")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StudentsResource {

    @Inject
    Students students;

    @Context
    UriInfo uriInfo;

    /** {@code {"name"}} → 201, {@code Location}, {@code {"id"}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(InputStream body) {
        String name = JsonBody.read(body).text("name", Student.MAX_NAME_LENGTH);
        UUID id = students.register(name);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(id.toString()).build())
                .entity(Representations.id(id))
                .build();
    }

    /** The student with the courses it has joined. */
    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return Representations.student(students.get(RequestIds.parse(id, "a student id")));
    }
}
