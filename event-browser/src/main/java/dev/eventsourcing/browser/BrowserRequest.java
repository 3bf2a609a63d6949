package dev.eventsourcing.browser;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to the event browser's JSON API, as the servlet reads it from HTTP.
 *
 * @param method     the HTTP method, such as {@code GET}
 * @param path       the path below {@code /eventsourcing/api/}, decoded, in segments
 * @param parameters the query parameters (the first value of each)
 * @param caller     who asks
 * @param headers    the request headers that guard against cross-site requests: the browser's
 *                   own header ({@link BrowserApi#GUARD_HEADER}), {@code Origin} and {@code Host},
 *                   by lower-case name, each only when sent
 */
public record BrowserRequest(String method, List<String> path, Map<String, String> parameters, Caller caller,
                             Map<String, String> headers) {

    /**
     * Copies the collections.
     *
     * @param method     the HTTP method
     * @param path       the path segments
     * @param parameters the query parameters
     * @param caller     who asks
     * @param headers    the guarding headers, by lower-case name
     * @throws NullPointerException when a part is missing
     */
    public BrowserRequest {
        Objects.requireNonNull(method, "method");
        path = List.copyOf(path);
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(caller, "caller");
        headers = Map.copyOf(headers);
    }

    /**
     * The path segments of a path such as {@code /applications/Bank}, without empty ones.
     *
     * @param pathInfo the path, or {@code null} for none
     * @return the segments
     */
    public static List<String> segments(String pathInfo) {
        if (pathInfo == null) {
            return List.of();
        }
        return Arrays.stream(pathInfo.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }
}
