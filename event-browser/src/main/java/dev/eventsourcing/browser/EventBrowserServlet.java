package dev.eventsourcing.browser;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.system.MultiThreadedRunner;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves the event browser's JSON API ({@link BrowserApi}) under {@code /eventsourcing/api/},
 * as {@code META-INF/web-fragment.xml} maps it: it reads the roles from the deployment's
 * {@link Settings}, which the CDI extension makes injectable ({@link BrowserSettings}), finds
 * the deployment's runner through CDI at the first request, and answers
 * every request with JSON, never cached.
 */
public class EventBrowserServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient BrowserSettings settings;
    private transient BrowserApi api;
    private transient volatile MultiThreadedRunner runner;
    private final transient Supplier<MultiThreadedRunner> lookup;
    private final transient Supplier<Settings> settingsLookup;

    /** Made by the container, as the web fragment declares it. */
    public EventBrowserServlet() {
        this(() -> lookUp(MultiThreadedRunner.class), () -> lookUp(Settings.class));
    }

    EventBrowserServlet(Supplier<MultiThreadedRunner> lookup, Supplier<Settings> settingsLookup) {
        this.lookup = lookup;
        this.settingsLookup = settingsLookup;
    }

    /**
     * Reads the settings and finds the runner that the event-sourcing CDI extension made.
     *
     * @throws ServletException when a browser setting is invalid, naming the key and the value
     */
    @Override
    public void init() throws ServletException {
        try {
            settings = BrowserSettings.read(settingsLookup.get());
        } catch (ConfigurationException | IllegalStateException e) {
            throw new ServletException(e.getMessage(), e);
        }
        api = new BrowserApi(this::runner);
    }

    // Looked up at the first request, not in init, so that one made while the system is not
    // running is answered 503 and a later one finds it; then kept, since a deployment runs one
    // runner for its life (and each lookup of the dependent bean would be kept by CDI too).
    private MultiThreadedRunner runner() {
        MultiThreadedRunner found = runner;
        if (found == null) {
            found = lookup.get();
            runner = found;
        }
        return found;
    }

    private static <T> T lookUp(Class<T> type) {
        try {
            return CDI.current().select(type).get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Event sourcing is not running in this deployment: " + e.getMessage(), e);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal principal = request.getUserPrincipal();
        Caller caller = principal == null ? new Caller("", false, false)
                : Caller.of(settings, request::isUserInRole, principal.getName());
        Reply reply = api.handle(new BrowserRequest(request.getMethod(), BrowserRequest.segments(request.getPathInfo()),
                parameters(request), caller, guardHeaders(request)));
        response.setStatus(reply.status());
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(reply.text());
    }

    private static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> parameters = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, values[0]));
        return parameters;
    }

    private static Map<String, String> guardHeaders(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : new String[] {BrowserApi.GUARD_HEADER, "Origin", "Host"}) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name.toLowerCase(Locale.ROOT), value);
            }
        }
        return headers;
    }
}
