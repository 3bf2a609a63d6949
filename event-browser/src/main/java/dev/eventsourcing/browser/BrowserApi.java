package dev.eventsourcing.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsourcing.system.MultiThreadedRunner;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The event browser's JSON API, apart from HTTP: it checks who asks, routes a request to its
 * view and turns every refusal into a JSON answer with a specific error code.
 *
 * <table>
 * <caption>Resources below {@code /eventsourcing/api/}</caption>
 * <tr><th>request</th><th>answer</th></tr>
 * <tr><td>{@code GET me}</td><td>the caller's name and whether they are an operator</td></tr>
 * <tr><td>{@code GET applications}</td><td>the applications with their last notification id</td></tr>
 * <tr><td>{@code GET applications/{name}/notifications?start=&limit=&topics=}</td><td>a page of the log,
 * of some topics (separated by commas) where asked</td></tr>
 * <tr><td>{@code GET applications/{name}/aggregates/{id}?after=}</td><td>an aggregate's events</td></tr>
 * <tr><td>{@code GET readers}</td><td>every reader's position, lag, status and last failure</td></tr>
 * <tr><td>{@code GET parked?reader=&status=&limit=}</td><td>parked notifications</td></tr>
 * <tr><td>{@code POST parked/{reader}/{upstream}/{id}/retry} (or {@code skip})</td><td>operators only</td></tr>
 * </table>
 *
 * <p>Every request needs the viewing or the operator role (else 403 {@code forbidden}). A POST
 * needs the operator role, and the header {@value #GUARD_HEADER}, which a page of another site
 * cannot send without the browser asking this server first (a CORS preflight, which it never
 * grants); an {@code Origin} header, when sent, must name this server (else 403
 * {@code cross_site_request}). Bad parameters answer 400, unknown names and ids 404; the
 * deployment's event-sourced system not running answers 503 {@code not_running}.
 */
public final class BrowserApi {

    /** The header every POST must carry; the browser's page sends it. */
    public static final String GUARD_HEADER = "X-Eventsourcing-Browser";

    private final Supplier<MultiThreadedRunner> runner;

    /**
     * The API over a runner, which is looked up for each request.
     *
     * @param runner the runner of the deployment's applications and readers
     */
    public BrowserApi(Supplier<MultiThreadedRunner> runner) {
        this.runner = runner;
    }

    /**
     * Answers a request.
     *
     * @param request the request
     * @return the answer: 200 with the resource, or an error
     */
    public Reply handle(BrowserRequest request) {
        try {
            if (!request.caller().viewer()) {
                throw BrowserException.forbidden("The event browser needs a role that may view it");
            }
            return Reply.ok(route(request));
        } catch (BrowserException e) {
            return e.reply();
        } catch (IllegalStateException e) {
            return Reply.error(503, "not_running", e.getMessage());
        }
    }

    private JsonNode route(BrowserRequest request) {
        List<String> path = request.path();
        if (request.method().equals("POST") && path.size() == 5 && path.get(0).equals("parked")) {
            return act(request, path);
        }
        if (!request.method().equals("GET")) {
            throw new BrowserException(405, "method_not_allowed", request.method() + " is not allowed on " + path);
        }
        return get(request, path);
    }

    private JsonNode get(BrowserRequest request, List<String> path) {
        String first = path.isEmpty() ? "" : path.get(0);
        if (path.size() == 1) {
            switch (first) {
                case "me": return Reply.JSON.createObjectNode().put("name", request.caller().name())
                        .put("operator", request.caller().operator());
                case "applications": return new Applications(runner.get()).list();
                case "readers": return new ReadersView(runner.get()).list();
                case "parked": return new ParkedView(runner.get()).list(request);
                default: break;
            }
        }
        if (first.equals("applications") && path.size() == 3 && path.get(2).equals("notifications")) {
            return new Applications(runner.get()).log(path.get(1), request);
        }
        if (first.equals("applications") && path.size() == 4 && path.get(2).equals("aggregates")) {
            long after = Parameters.number(request, "after", 0, 0, Long.MAX_VALUE);
            return new Applications(runner.get()).history(path.get(1), path.get(3), after);
        }
        throw BrowserException.notFound("not_found", "The event browser's API has no resource " + path);
    }

    private JsonNode act(BrowserRequest request, List<String> path) {
        if (!request.caller().operator()) {
            throw BrowserException.forbidden("Retrying and skipping parked notifications needs the operator role");
        }
        checkSameSite(request);
        ParkedView parked = new ParkedView(runner.get());
        return switch (path.get(4)) {
            case "retry" -> parked.retry(path.get(1), path.get(2), path.get(3));
            case "skip" -> parked.skip(path.get(1), path.get(2), path.get(3));
            default -> throw BrowserException.notFound("not_found", "A parked notification can be retried or skipped, not '"
                    + path.get(4) + "'");
        };
    }

    private static void checkSameSite(BrowserRequest request) {
        if (request.header(GUARD_HEADER.toLowerCase(Locale.ROOT)).isEmpty()) {
            throw new BrowserException(403, "cross_site_request", "A POST must carry the header " + GUARD_HEADER
                    + ", as the event browser's page sends it");
        }
        String origin = request.header("origin").orElse(null);
        if (origin != null && !sameHost(origin, request.header("host").orElse(""))) {
            throw new BrowserException(403, "cross_site_request", "A POST from another site (" + origin + ") is refused");
        }
    }

    private static boolean sameHost(String origin, String host) {
        try {
            return host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
