package dev.eventsourcing.cdi.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.SectionJson;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An application's notification log served over HTTP in the wire format
 * ({@code GET <path>?start=N&limit=M}), as another deployment serves it: a JDK server on the
 * loopback address. It can go down (connections are refused) and come back on the same port.
 */
public final class LogServer implements AutoCloseable {

    private final Application application;
    private final String path;
    private final List<Long> starts = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private int port;

    private LogServer(Application application, String path) {
        this.application = application;
        this.path = path;
    }

    /** Serves the application's log at the path, on a free port. */
    public static LogServer serve(Application application, String path) {
        LogServer logServer = new LogServer(application, path);
        logServer.listen(0);
        return logServer;
    }

    /** The log's URL, the same before and after going down. */
    public String url() {
        return "http://127.0.0.1:" + port + path;
    }

    /** The {@code start} of every request answered so far, in order. */
    public List<Long> starts() {
        return List.copyOf(starts);
    }

    /** Stops listening: clients find the port closed until {@link #comeBack()}. */
    public synchronized void goDown() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    public synchronized void comeBack() {
        listen(port);
    }

    @Override
    public synchronized void close() {
        server.stop(0);
    }

    private void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(path, this::section);
        server.start();
        port = server.getAddress().getPort();
    }

    private void section(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        for (String pair : exchange.getRequestURI().getQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], parts[1]);
        }
        long start = Long.parseLong(query.get("start"));
        starts.add(start);
        byte[] body = SectionJson.write(application.notificationLog().select(start, Integer.parseInt(query.get("limit"))))
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
