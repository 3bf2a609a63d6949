package dev.eventsourcing.browser;

import dev.eventsourcing.system.MultiThreadedRunner;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The servlet between HTTP and the API: who the caller is by the container's roles (the defaults
 * here, as nothing configures them), the path and parameters, and a JSON answer never cached.
 */
class EventBrowserServletTest {

    private final BrowsedBank browsed = new BrowsedBank(Map.of());

    @AfterEach
    void stop() {
        browsed.close();
    }

    @Test
    void aUserInTheViewingRoleGetsJsonThatIsNeverCached() throws Exception {
        browsed.bank.open(10);

        Answer answer = call(() -> browsed.runner, "GET", "/applications/Bank/notifications", Map.of("start", "1"),
                "eventsourcing-browser", Map.of());

        assertEquals(200, answer.status, answer.body.toString());
        assertEquals("application/json", answer.headers.get("content-type"));
        assertEquals("no-store", answer.headers.get("Cache-Control"));
        assertTrue(answer.body.toString().contains("\"application\":\"Bank\""), answer.body.toString());
    }

    @Test
    void aUserWithoutTheRolesIsRefusedAndAnOperatorMayAct() throws Exception {
        browsed.balances.refusing(n -> n.id() == 1);
        browsed.bank.open(10);
        browsed.balances.refusing(n -> false);

        Answer stranger = call(() -> browsed.runner, "GET", "/readers", Map.of(), "teller", Map.of());
        Answer operator = call(() -> browsed.runner, "POST", "/parked/balances/Bank/1/retry", Map.of(),
                "eventsourcing-operator", Map.of(BrowserApi.GUARD_HEADER, "1", "Host", "localhost", "Origin", "http://localhost"));

        assertEquals(403, stranger.status, stranger.body.toString());
        assertEquals(200, operator.status, operator.body.toString());
        assertTrue(operator.body.toString().contains("\"retried\":1"), operator.body.toString());
    }

    @Test
    void whileNoEventSourcedSystemRunsTheAnswerIs503() throws Exception {
        Answer answer = call(() -> {
            throw new IllegalStateException("Event sourcing is not running in this deployment");
        }, "GET", "/readers", Map.of(), "eventsourcing-browser", Map.of());

        assertEquals(503, answer.status, answer.body.toString());
        assertTrue(answer.body.toString().contains("not_running"), answer.body.toString());
    }

    private static final class Answer {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final StringWriter body = new StringWriter();
    }

    private static Answer call(Supplier<MultiThreadedRunner> runner, String method, String path,
                               Map<String, String> parameters, String role, Map<String, String> headers) throws Exception {
        EventBrowserServlet servlet = new EventBrowserServlet(runner, () -> key -> Optional.empty());
        servlet.init();
        Answer answer = new Answer();
        Principal user = () -> "someone";
        Map<String, String[]> parameterMap = new HashMap<>();
        parameters.forEach((name, value) -> parameterMap.put(name, new String[] {value}));
        HttpServletRequest request = fake(HttpServletRequest.class, (name, args) -> switch (name) {
            case "getMethod" -> method;
            case "getPathInfo" -> path;
            case "getParameterMap" -> parameterMap;
            case "getUserPrincipal" -> user;
            case "isUserInRole" -> Set.of(role).contains((String) args[0]);
            case "getHeader" -> headers.get((String) args[0]);
            default -> throw new UnsupportedOperationException(name);
        });
        PrintWriter writer = new PrintWriter(answer.body);
        HttpServletResponse response = fake(HttpServletResponse.class, (name, args) -> {
            switch (name) {
                case "setStatus" -> answer.status = (Integer) args[0];
                case "setContentType" -> answer.headers.put("content-type", (String) args[0]);
                case "setCharacterEncoding" -> answer.headers.put("charset", (String) args[0]);
                case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                case "getWriter" -> {
                    return writer;
                }
                default -> throw new UnsupportedOperationException(name);
            }
            return null;
        });
        servlet.service(request, response);
        writer.flush();
        return answer;
    }

    private interface Handler {
        Object handle(String method, Object[] args);
    }

    private static <T> T fake(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> handler.handle(method.getName(), args)));
    }
}
