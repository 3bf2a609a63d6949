package dev.eventsourcing.example.courses.rest;

import java.util.Objects;

/** A request the API refuses before it reaches the application, with its status and error code. */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    /**
     * @param status  the HTTP status to answer with
     * @param code    the error code of the answer's body
     * @param message what was wrong, for a person to read
     */
    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    /** A 400 Bad Request with the given error code. */
    static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the error code */
    public String code() {
        return code;
    }
}
