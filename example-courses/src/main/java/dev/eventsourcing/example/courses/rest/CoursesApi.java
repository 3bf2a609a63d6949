package dev.eventsourcing.example.courses.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Publishes the courses' resources under {@code /api}. */
@ApplicationPath("api")
public class CoursesApi extends Application {
}
