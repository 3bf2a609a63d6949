package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.security.BankIdentityStore;
import jakarta.json.JsonObject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The body of the container's own refusals, which {@code WEB-INF/web.xml} sends here as error
 * pages: {@code 401 {"error": "unauthorized", …}} with {@code WWW-Authenticate: Basic}, when a
 * request to the API has no credentials or wrong ones, and {@code 403 {"error": "forbidden", …}}
 * when the user lacks the role. These never reach JAX-RS, so {@link ErrorMapper} cannot shape
 * them; this gives them the same shape. Asked for directly, it answers 404.
 */
@WebServlet(AccessErrors.PATH)
public class AccessErrors extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Where web.xml sends the errors. */
    static final String PATH = "/errors/access";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        JsonObject body;
        if (Integer.valueOf(401).equals(status)) {
            // The mechanism sets the challenge before the container forwards here; make sure it stays.
            if (!response.containsHeader("WWW-Authenticate")) {
                response.setHeader("WWW-Authenticate", BankIdentityStore.CHALLENGE);
            }
            response.setStatus(401);
            body = Representations.error("unauthorized", "The bank's API needs the credentials of one of its users"
                    + " (HTTP Basic); these were missing or wrong");
        } else if (Integer.valueOf(403).equals(status)) {
            response.setStatus(403);
            String user = request.getUserPrincipal() == null ? "The caller" : "User '" + request.getUserPrincipal().getName() + "'";
            body = Representations.error("forbidden", user + " has no role that may " + request.getMethod() + " " + uri);
        } else {
            response.setStatus(404);
            body = Representations.error("not_found", "Nothing here");
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body.toString());
    }
}
