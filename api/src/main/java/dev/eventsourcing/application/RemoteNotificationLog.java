package dev.eventsourcing.application;

import dev.eventsourcing.EventSourcingException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The notification log of an application in another deployment, read over HTTP in the
 * {@linkplain SectionJson wire format}: {@code GET <endpoint>?start=N&limit=M}. A process
 * application that follows it tracks its position as it would a local log, so it processes
 * each remote notification exactly once and resumes after restarts of either side.
 */
public final class RemoteNotificationLog implements NotificationLog {

    private final URI endpoint;
    private final int sectionSize;
    private final HttpClient client;
    private final Duration timeout;

    /**
     * @param endpoint    the log's URL, e.g. {@code http://host:8080/bank/api/notifications}
     * @param sectionSize the most notifications to ask for at once; the server may cap it lower
     * @param timeout     how long one request may take
     */
    public RemoteNotificationLog(URI endpoint, int sectionSize, Duration timeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        if (sectionSize < 1) {
            throw new IllegalArgumentException("Section size must be at least 1, was " + sectionSize);
        }
        this.sectionSize = sectionSize;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * {@inheritDoc}
     *
     * @throws EventSourcingException when the server cannot be reached or answers with an error
     * @throws WireFormatException    when the answer is not a section
     */
    @Override
    public Section select(long start, int limit) {
        NotificationLog.checkSelection(start, limit, sectionSize);
        String separator = endpoint.getRawQuery() == null ? "?" : "&";
        URI uri = URI.create(endpoint + separator + "start=" + start + "&limit=" + limit);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EventSourcingException("Cannot read notification log " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventSourcingException("Interrupted while reading notification log " + uri, e);
        }
        if (response.statusCode() != 200) {
            String body = response.body();
            throw new EventSourcingException("Notification log " + uri + " answered " + response.statusCode() + ": "
                    + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
        }
        return SectionJson.read(response.body());
    }

    @Override
    public int sectionSize() {
        return sectionSize;
    }

    /** The log's URL. */
    public URI endpoint() {
        return endpoint;
    }
}
