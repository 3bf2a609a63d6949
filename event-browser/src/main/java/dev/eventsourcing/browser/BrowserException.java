package dev.eventsourcing.browser;

/** A request the event browser refuses, with the status and error code of its answer. */
final class BrowserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    BrowserException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static BrowserException badRequest(String code, String message) {
        return new BrowserException(400, code, message);
    }

    static BrowserException notFound(String code, String message) {
        return new BrowserException(404, code, message);
    }

    static BrowserException forbidden(String message) {
        return new BrowserException(403, "forbidden", message);
    }

    Reply reply() {
        return Reply.error(status, code, getMessage());
    }
}
