package dev.eventsourcing.application;

import com.sun.net.httpserver.HttpExchange;
import dev.eventsourcing.EventSourcingException;
import dev.eventsourcing.application.fixtures.LeaderServer;
import dev.eventsourcing.application.fixtures.SelfSignedCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static dev.eventsourcing.application.fixtures.LeaderServer.section;
import static dev.eventsourcing.application.fixtures.LeaderServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A remote notification log does not trust its leader: bodies are capped, requests end within
 * their timeout, every section is checked against its request, credentials are sent and never
 * shown, and HTTPS works with a trust store of one's own.
 */
class MisbehavingLeaderTest {

    private static final String PASSWORD = "s3cret-pa55word";
    private static final String TOKEN = "tok-1234567890-abcdef";

    private LeaderServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private RemoteNotificationLog.Builder log() {
        return RemoteNotificationLog.builder(server.url()).sectionSize(10).timeout(Duration.ofSeconds(5));
    }

    @Test
    void aValidSectionIsReturned() throws IOException {
        server = LeaderServer.http().answer((exchange, start, limit) -> send(exchange, 200, section(4L, 1, 2, 3)));

        Section section = log().build().select(1, 10);

        assertEquals(List.of(1L, 2L, 3L), section.items().stream().map(n -> n.id()).toList());
        assertEquals(4L, section.next());
    }

    @Test
    void aBodyLargerThanTheCapIsRefusedAfterReadingNoMoreThanTheCap() throws IOException {
        long huge = 24L * 1024 * 1024;
        server = LeaderServer.http().answer((exchange, start, limit) -> streamSection(exchange, huge, false));
        RemoteNotificationLog log = log().maxSectionBytes(1024 * 1024).build();

        EventSourcingException error = assertThrows(EventSourcingException.class, () -> log.select(1, 10));

        assertTrue(error.getMessage().contains("a body of more than 1048576 bytes"), error.getMessage());
        assertTrue(error.getMessage().contains(server.url().toString()), error.getMessage());
    }

    @Test
    void aBodyAnnouncedLargerThanTheCapIsRefusedUnread() throws IOException {
        long huge = 24L * 1024 * 1024;
        server = LeaderServer.http().answer((exchange, start, limit) -> streamSection(exchange, huge, true));
        RemoteNotificationLog log = log().maxSectionBytes(1024 * 1024).build();

        EventSourcingException error = assertThrows(EventSourcingException.class, () -> log.select(1, 10));

        assertTrue(error.getMessage().contains("a body of more than 1048576 bytes"), error.getMessage());
    }

    @Test
    void aBodyDrippedSlowlyAfterTheHeadersEndsAtTheTimeout() throws IOException {
        server = LeaderServer.http().answer((exchange, start, limit) -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (byte b : "{\"items\":[],\"next\":null}".getBytes(StandardCharsets.UTF_8)) {
                out.write(b);
                out.flush();
                pause(300);
            }
            out.close();
        });
        RemoteNotificationLog log = log().timeout(Duration.ofSeconds(1)).build();

        long began = System.nanoTime();
        EventSourcingException error = assertThrows(EventSourcingException.class, () -> log.select(1, 10));

        long millis = Duration.ofNanos(System.nanoTime() - began).toMillis();
        assertTrue(error.getMessage().contains("took longer than 1000 ms"), error.getMessage());
        assertTrue(millis < 4000, "ended after " + millis + " ms");
    }

    @Test
    void descendingIdsAreRefusedNamingTheLeader() throws IOException {
        server = LeaderServer.http().answer((exchange, start, limit) -> send(exchange, 200, section(4L, 3, 2)));

        WireFormatException error = assertThrows(WireFormatException.class, () -> log().build().select(1, 10));

        assertTrue(error.getMessage().contains(server.url() + " (start=1, limit=10)"), error.getMessage());
        assertTrue(error.getMessage().contains("ascend"), error.getMessage());
    }

    @Test
    void idsBelowTheStartAreRefused() throws IOException {
        server = LeaderServer.http().answer((exchange, start, limit) -> send(exchange, 200, section(8L, 3, 4, 7)));

        WireFormatException error = assertThrows(WireFormatException.class, () -> log().build().select(5, 10));

        assertTrue(error.getMessage().contains("id 3 is below the start 5"), error.getMessage());
    }

    @Test
    void idsBeyondTheRequestedWindowAreRefused() throws IOException {
        server = LeaderServer.http().answer((exchange, start, limit) -> send(exchange, 200, section(16L, 5, 15)));

        WireFormatException error = assertThrows(WireFormatException.class, () -> log().build().select(5, 10));

        assertTrue(error.getMessage().contains("id 15 is beyond the requested ids 5 to 14"), error.getMessage());
    }

    @Test
    void aForgedIdNearTheEndOfTheLongRangeIsRefused() throws IOException {
        long forged = 9_000_000_000_000_000_000L;
        server = LeaderServer.http().answer((exchange, start, limit) -> send(exchange, 200, section(forged + 1, 1, forged)));

        WireFormatException error = assertThrows(WireFormatException.class, () -> log().build().select(1, 10));

        assertTrue(error.getMessage().contains("id " + forged + " is beyond"), error.getMessage());
    }

    @Test
    void aNextThatDoesNotMoveForwardIsRefused() throws IOException {
        server = LeaderServer.http().answer((exchange, start, limit) -> send(exchange, 200, section(2L, 1, 2)));
        WireFormatException error = assertThrows(WireFormatException.class, () -> log().build().select(1, 10));
        assertTrue(error.getMessage().contains("'next' 2 does not move forward from the last id 2"), error.getMessage());

        server.answer((exchange, start, limit) -> send(exchange, 200, section(3L)));
        error = assertThrows(WireFormatException.class, () -> log().build().select(5, 10));
        assertTrue(error.getMessage().contains("'next' 3 does not move forward from the start 5"), error.getMessage());
    }

    @Test
    void aNextThatSkipsBeyondTheRequestedWindowIsRefused() throws IOException {
        server = LeaderServer.http().answer((exchange, start, limit) -> send(exchange, 200, section(1_000_000L)));

        WireFormatException error = assertThrows(WireFormatException.class, () -> log().build().select(1, 10));

        assertTrue(error.getMessage().contains("'next' 1000000 skips ids beyond the requested ids 1 to 10"),
                error.getMessage());
    }

    @Test
    void anEmptySectionThatCrossesAGapUpToTheWindowsEndIsValid() throws IOException {
        server = LeaderServer.http().answer((exchange, start, limit) -> send(exchange, 200, section(11L)));

        Section section = log().build().select(1, 10);

        assertTrue(section.items().isEmpty());
        assertEquals(11L, section.next());
    }

    @Test
    void aLeaderThatWantsCredentialsRefusesARequestWithoutThem() throws IOException {
        server = LeaderServer.http().answer(MisbehavingLeaderTest::authenticated);

        EventSourcingException error = assertThrows(EventSourcingException.class, () -> log().build().select(1, 10));

        assertTrue(error.getMessage().contains("answered 401"), error.getMessage());
    }

    @Test
    void httpBasicCredentialsAreSent() throws IOException {
        server = LeaderServer.http().answer(MisbehavingLeaderTest::authenticated);

        Section section = log().credentials(HttpCredentials.basic("ledger", PASSWORD)).build().select(1, 10);

        assertEquals(1, section.items().size());
    }

    @Test
    void aBearerTokenIsSent() throws IOException {
        server = LeaderServer.http().answer(MisbehavingLeaderTest::authenticated);

        Section section = log().credentials(HttpCredentials.bearer(TOKEN)).build().select(1, 10);

        assertEquals(1, section.items().size());
    }

    @Test
    void credentialsAppearInNoMessageEvenWhenTheLeaderEchoesThem() throws IOException {
        server = LeaderServer.http().answer((exchange, start, limit) -> send(exchange, 403,
                "forbidden for " + exchange.getRequestHeaders().getFirst("Authorization")));
        HttpCredentials basic = HttpCredentials.basic("ledger", PASSWORD);
        RemoteNotificationLog withBasic = log().credentials(basic).build();
        RemoteNotificationLog withToken = log().credentials(HttpCredentials.bearer(TOKEN)).build();

        String basicMessage = assertThrows(EventSourcingException.class, () -> withBasic.select(1, 10)).getMessage();
        String tokenMessage = assertThrows(EventSourcingException.class, () -> withToken.select(1, 10)).getMessage();

        String encoded = Base64.getEncoder().encodeToString(("ledger:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String shown : List.of(basicMessage, tokenMessage, withBasic.toString(), withToken.toString(),
                basic.toString())) {
            assertFalse(shown.contains(PASSWORD) || shown.contains(encoded) || shown.contains(TOKEN), shown);
        }
        assertTrue(basicMessage.contains("answered 403: forbidden for Basic ***"), basicMessage);
        assertTrue(tokenMessage.contains("answered 403: forbidden for Bearer ***"), tokenMessage);
    }

    @Test
    void aUrlWithUserInformationIsRefusedWithoutShowingIt() {
        URI url = URI.create("http://ledger:" + PASSWORD + "@localhost:8080/log/notifications?token=" + TOKEN);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RemoteNotificationLog.builder(url));

        assertFalse(error.getMessage().contains(PASSWORD) || error.getMessage().contains(TOKEN), error.getMessage());
        assertTrue(error.getMessage().contains("http://localhost:8080/log/notifications?…"), error.getMessage());
    }

    @Test
    void aQueryInTheUrlIsKeptInRequestsButLeftOutOfMessages() throws IOException {
        server = LeaderServer.http().answer((exchange, start, limit) -> send(exchange, 500, "down"));
        URI url = URI.create(server.url() + "?key=" + TOKEN);

        String message = assertThrows(EventSourcingException.class,
                () -> RemoteNotificationLog.builder(url).build().select(1, 10)).getMessage();

        assertFalse(message.contains(TOKEN), message);
        assertTrue(message.contains(server.url() + "?… (start=1, limit=10) answered 500: down"), message);
    }

    @Test
    void httpsWorksWithATrustStoreGivenThroughAnSslContext(@TempDir Path directory) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(directory);
        server = LeaderServer.https(certificate.serverContext())
                .answer((exchange, start, limit) -> send(exchange, 200, section(null, 1)));

        Section section = log().sslContext(certificate.clientContext()).build().select(1, 10);

        assertEquals(1, section.items().size());
        assertNull(section.next());
        // The JVM's default trust store does not know the certificate.
        EventSourcingException error = assertThrows(EventSourcingException.class, () -> log().build().select(1, 10));
        assertTrue(error.getMessage().startsWith("Cannot read notification log https://localhost:"), error.getMessage());
    }

    private static void authenticated(HttpExchange exchange, long start, int limit) throws IOException {
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        String basic = "Basic " + Base64.getEncoder().encodeToString(("ledger:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (basic.equals(given) || ("Bearer " + TOKEN).equals(given)) {
            send(exchange, 200, section(null, 1));
        } else {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"log\"");
            send(exchange, 401, "{\"error\":\"unauthorized\"}");
        }
    }

    /** A valid section whose one state is {@code size} bytes of base64, streamed. */
    private static void streamSection(HttpExchange exchange, long size, boolean announce) throws IOException {
        String head = "{\"items\":[{\"id\":1,\"originator_id\":\"5c9b8b3e-1111-4a5e-9d5f-2f6f0d6f7a10\","
                + "\"originator_version\":1,\"topic\":\"t\",\"state\":\"";
        String tail = "\"}],\"next\":null}";
        exchange.sendResponseHeaders(200, announce ? head.length() + size + tail.length() : 0);
        byte[] chunk = "AAAA".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < size; written += chunk.length) {
                out.write(chunk);
            }
            out.write(tail.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
