package dev.eventsourcing.example.courses.rest;

import dev.eventsourcing.example.courses.domainmodel.Refusal;
import dev.eventsourcing.persistence.IntegrityException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception into {@code {"error": "<code>", "message": "…"}} with its status: the
 * API's own refusals of bad input (400), the courses' rules (404 for what does not exist, 409 for
 * what the rules refuse, the reason's name as the code), a race still lost after the retries
 * (409 {@code concurrency_conflict}), and the JAX-RS runtime's own errors (unknown path, wrong
 * method or media type) under their status. Anything else is a 500 and is logged.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        Throwable e = unwrap(exception);
        if (e instanceof ApiException api) {
            return respond(api.status(), api.code(), api.getMessage());
        } else if (e instanceof Refusal refusal) {
            return respond(status(refusal.reason()), refusal.reason().name().toLowerCase(Locale.ROOT),
                    refusal.getMessage());
        } else if (e instanceof IntegrityException) {
            return respond(409, "concurrency_conflict",
                    "Concurrent requests kept changing what this one depends on; try again");
        } else if (e instanceof IllegalArgumentException) {
            return respond(400, "invalid_request", e.getMessage());
        } else if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return respond(status, code(status), e.getMessage());
        }
        LOG.log(Level.SEVERE, "Request failed", exception);
        return respond(500, "internal_error", "The server failed to handle the request; see its log");
    }

    private static int status(Refusal.Reason reason) {
        return switch (reason) {
            case COURSE_NOT_FOUND, STUDENT_NOT_FOUND, NOT_JOINED -> 404;
            case COURSE_FULL, STUDENT_LIMIT, ALREADY_JOINED, CAPACITY_BELOW_SUBSCRIPTIONS -> 409;
        };
    }

    private static Throwable unwrap(Throwable e) {
        // A system exception from an EJB arrives wrapped; what matters is what it wraps.
        Throwable current = e;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String code(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "http_" + status : known.getReasonPhrase();
        return reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    private static Response respond(int status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Representations.error(code, message))
                .build();
    }
}
