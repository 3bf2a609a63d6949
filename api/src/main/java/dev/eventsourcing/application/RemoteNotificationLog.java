package dev.eventsourcing.application;

import dev.eventsourcing.EventSourcingException;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * The notification log of an application in another deployment, read over HTTP(S) in the
 * {@linkplain SectionJson wire format}: {@code GET <endpoint>?start=N&limit=M}, with
 * {@code &topics=T} for each topic kept when a reader observes only some. A process
 * application that follows it tracks its position as it would a local log, so it processes
 * each remote notification exactly once and resumes after restarts of either side.
 *
 * <p>The leader is not trusted further than the wire format: every request, headers and body
 * together, must end within the {@linkplain Builder#timeout timeout}; a body longer than the
 * {@linkplain Builder#maxSectionBytes cap} is not read; and each section is checked against the
 * request ({@link SectionBounds}) before any of it is returned, so a leader that answers out of
 * order cannot move a follower's position. Every such failure is an exception and nothing of
 * the section is processed; a runner then tries again after its back-off, so a misbehaving
 * leader cannot make its followers poll it in a tight loop. This class does not retry itself.
 *
 * <p>Credentials ({@link HttpCredentials}) are sent in every request's {@code Authorization}
 * header and appear in no message; URLs in messages are {@linkplain RedactedUrl redacted}.
 * HTTPS uses the JVM's default trust store unless an {@link SSLContext} is given.
 */
public final class RemoteNotificationLog implements NotificationLog {

    /** How long one request may take, headers and body together, unless configured otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The largest section body read, in bytes, unless configured otherwise (16 MiB). */
    public static final long DEFAULT_MAX_SECTION_BYTES = 16L * 1024 * 1024;
    /** How much of an error answer's body goes into the exception message. */
    private static final int ERROR_EXCERPT = 300;

    private final URI endpoint;
    private final String shown;
    private final int sectionSize;
    private final Duration timeout;
    private final long maxSectionBytes;
    private final HttpCredentials credentials;
    private final HttpClient client;

    private RemoteNotificationLog(Builder builder) {
        this.endpoint = builder.endpoint;
        this.shown = RedactedUrl.of(endpoint);
        this.sectionSize = builder.sectionSize;
        this.timeout = builder.timeout;
        this.maxSectionBytes = builder.maxSectionBytes;
        this.credentials = builder.credentials;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).sslContext(builder.sslContext).build();
    }

    /**
     * A log read without credentials, with the default section cap and the JVM's trust store.
     *
     * @param endpoint    the log's URL, e.g. {@code https://host:8443/bank/api/notifications}
     * @param sectionSize the most notifications to ask for at once; the server may cap it lower
     * @param timeout     how long one request may take, headers and body together
     */
    public RemoteNotificationLog(URI endpoint, int sectionSize, Duration timeout) {
        this(builder(endpoint).sectionSize(sectionSize).timeout(timeout).checked());
    }

    /**
     * A builder for the log at this URL.
     *
     * @param endpoint the log's URL, e.g. {@code https://host:8443/bank/api/notifications}; it
     *                 may have a query of its own, to which {@code start} and {@code limit} are added
     * @return a builder with every other option at its default
     * @throws NullPointerException when the URL is null
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL with a host,
     *         or holds user information ({@code user:password@}; give {@link HttpCredentials})
     */
    public static Builder builder(URI endpoint) {
        return new Builder(endpoint);
    }

    /**
     * {@inheritDoc}
     *
     * @throws EventSourcingException when the server cannot be reached, answers with an error,
     *         takes longer than the timeout, or sends a body over the cap
     * @throws WireFormatException    when the answer is not a section, or not one that answers
     *         this request (see {@link SectionBounds})
     */
    @Override
    public Section select(long start, int limit) {
        return select(start, limit, Set.of());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The topics go to the server as one {@code topics} parameter each, in a stable order,
     * and the section is checked as any other. A server that does not filter (one older than the
     * parameter) answers the whole window: the other topics are left out here then, so that the
     * answer is the same either way.
     */
    @Override
    public Section select(long start, int limit, Set<String> topics) {
        NotificationLog.checkSelection(start, limit, sectionSize);
        Set<String> kept = NotificationLog.checkTopics(topics);
        Section section = fetch(start, limit, kept);
        if (kept.isEmpty() || section.items().stream().allMatch(n -> kept.contains(n.topic()))) {
            return section;
        }
        return new Section(section.items().stream().filter(n -> kept.contains(n.topic())).toList(), section.next());
    }

    private Section fetch(long start, int limit, Set<String> topics) {
        String separator = endpoint.getRawQuery() == null ? "?" : "&";
        StringBuilder query = new StringBuilder(separator).append("start=").append(start).append("&limit=").append(limit);
        new TreeSet<>(topics).forEach(topic -> query.append("&topics=").append(URLEncoder.encode(topic, StandardCharsets.UTF_8)));
        URI uri = URI.create(endpoint + query.toString());
        String request = "notification log " + shown + " (start=" + start + ", limit=" + limit
                + (topics.isEmpty() ? "" : ", " + topics.size() + " topics") + ")";
        HttpResponse<byte[]> response = send(uri, request);
        if (response.statusCode() != 200) {
            throw new EventSourcingException("The " + request + " answered " + response.statusCode() + ": "
                    + excerpt(response.body()));
        }
        try {
            Section section = SectionJson.read(response.body(), maxSectionBytes);
            SectionBounds.check(section, start, limit);
            return section;
        } catch (WireFormatException e) {
            throw new WireFormatException("The " + request + " answered no valid section: " + e.getMessage(), e);
        }
    }

    private HttpResponse<byte[]> send(URI uri, String request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json").GET();
        if (credentials != null) {
            builder.header("Authorization", credentials.authorization());
        }
        AtomicReference<BoundedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(builder.build(), info -> {
            body.set(bodyFor(info));
            return body.get();
        });
        try {
            // The client's own timeout ends at the headers; this one covers the body as well.
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abort(future, body);
            throw new EventSourcingException("The " + request + " took longer than " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            abort(future, body);
            Thread.currentThread().interrupt();
            throw new EventSourcingException("Interrupted while reading the " + request, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BoundedBody.TooLarge) {
                throw new EventSourcingException("The " + request + " answered with a body of more than "
                        + maxSectionBytes + " bytes; raise the follower's maximum section size if sections this"
                        + " large are expected");
            }
            throw new EventSourcingException("Cannot read " + request + ": " + redact(String.valueOf(cause)), cause);
        }
    }

    private BoundedBody bodyFor(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return BoundedBody.truncatedAt(ERROR_EXCERPT * 4L);
        }
        long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return announced > maxSectionBytes ? BoundedBody.refused(maxSectionBytes)
                : BoundedBody.failingAbove(maxSectionBytes);
    }

    private static void abort(CompletableFuture<?> future, AtomicReference<BoundedBody> body) {
        future.cancel(true);
        BoundedBody reading = body.get();
        if (reading != null) {
            reading.abort();
        }
    }

    /** The start of an error body as printable text, without any credential the server echoed. */
    private String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}+", " ").strip();
        text = text.length() > ERROR_EXCERPT ? text.substring(0, ERROR_EXCERPT) + "…" : text;
        return redact(text);
    }

    private String redact(String text) {
        return credentials == null ? text : credentials.redact(text);
    }

    @Override
    public int sectionSize() {
        return sectionSize;
    }

    /** @return the log's URL, as given (not redacted) */
    public URI endpoint() {
        return endpoint;
    }

    /** The log's URL without anything secret, and how it is read. */
    @Override
    public String toString() {
        return "RemoteNotificationLog[" + shown + ", sectionSize=" + sectionSize + ", timeout=" + timeout
                + ", maxSectionBytes=" + maxSectionBytes + (credentials == null ? "" : ", " + credentials) + "]";
    }

    /** Configures a {@link RemoteNotificationLog}; every option but the URL has a default. */
    public static final class Builder {

        private final URI endpoint;
        private int sectionSize = DEFAULT_SECTION_SIZE;
        private Duration timeout = DEFAULT_TIMEOUT;
        private long maxSectionBytes = DEFAULT_MAX_SECTION_BYTES;
        private HttpCredentials credentials;
        private SSLContext sslContext;

        private Builder(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            if (endpoint.getRawUserInfo() != null) {
                throw new IllegalArgumentException("The notification log URL " + RedactedUrl.of(endpoint)
                        + " holds user information; give credentials separately instead");
            }
            if (!endpoint.isAbsolute() || endpoint.getHost() == null
                    || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
                throw new IllegalArgumentException("The notification log URL must be an absolute http(s) URL with a"
                        + " host, was " + RedactedUrl.of(endpoint));
            }
        }

        /**
         * The most notifications to ask for at once (default {@value NotificationLog#DEFAULT_SECTION_SIZE}).
         *
         * @param sectionSize at least 1; the server may cap it lower
         * @return this builder
         * @throws IllegalArgumentException when {@code sectionSize} is below 1
         */
        public Builder sectionSize(int sectionSize) {
            if (sectionSize < 1) {
                throw new IllegalArgumentException("Section size must be at least 1, was " + sectionSize);
            }
            this.sectionSize = sectionSize;
            return this;
        }

        /**
         * How long one request may take, from connecting to the body's last byte (default 30 s).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException when {@code timeout} is zero or negative
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("The timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * The largest section body read, in bytes (default 16 MiB); a larger one fails the request.
         *
         * @param maxSectionBytes at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code maxSectionBytes} is below 1
         */
        public Builder maxSectionBytes(long maxSectionBytes) {
            if (maxSectionBytes < 1) {
                throw new IllegalArgumentException("The maximum section size must be positive, was " + maxSectionBytes);
            }
            this.maxSectionBytes = maxSectionBytes;
            return this;
        }

        /**
         * Credentials to send with every request (by default none).
         *
         * @param credentials the credentials, or {@code null} for none
         * @return this builder
         */
        public Builder credentials(HttpCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /**
         * The TLS context for an https URL, e.g. one that trusts a private certificate authority;
         * {@code null} for the JVM's default (its default trust store, or the one named by the
         * {@code javax.net.ssl.trustStore} system properties).
         *
         * @param sslContext the TLS context, or {@code null} for the JVM's default
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /**
         * Builds the log; it connects to nothing until a section is selected.
         *
         * @return the log with the options set so far
         * @throws IllegalStateException when no TLS context was given and the JVM has no default
         */
        public RemoteNotificationLog build() {
            return new RemoteNotificationLog(checked());
        }

        private Builder checked() {
            if (sslContext == null) {
                try {
                    sslContext = SSLContext.getDefault();
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("The JVM has no default TLS context", e);
                }
            }
            return this;
        }
    }
}
