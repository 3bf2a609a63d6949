package dev.eventsourcing.example.bank.rest;

import jakarta.ws.rs.core.Response;

import java.util.Objects;

/** A request the API refuses, with the status and error code to answer with. */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Response.Status status;
    private final String code;

    public ApiException(Response.Status status, String code, String message) {
        super(message);
        this.status = Objects.requireNonNull(status, "status");
        this.code = Objects.requireNonNull(code, "code");
    }

    /** A 400 Bad Request with the given error code. */
    public static ApiException badRequest(String code, String message) {
        return new ApiException(Response.Status.BAD_REQUEST, code, message);
    }

    /** A 404 Not Found with the given error code. */
    public static ApiException notFound(String code, String message) {
        return new ApiException(Response.Status.NOT_FOUND, code, message);
    }

    public Response.Status status() {
        return status;
    }

    public String code() {
        return code;
    }
}
