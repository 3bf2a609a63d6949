package dev.eventsourcing.system;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.SectionJson;
import dev.eventsourcing.application.fixtures.LeaderServer;
import dev.eventsourcing.persistence.AesGcmCipher;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.RecordingProjection;
import dev.eventsourcing.system.transfers.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Remote leaders configured by settings: the log's URL, credentials per followed leader, the
 * request timeout and section cap; and no setting's secret in any message.
 */
class RemoteLeadersTest {

    private static final String PASSWORD = "pa55-w0rd-not-shown";
    private static final String TOKEN = "bearer-token-not-shown";

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);
    private final Bank bank = new Bank(Settings.empty());
    private final RecordingProjection follower = new RecordingProjection("view");
    private LeaderServer server;
    private MultiThreadedRunner runner;

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.stop();
        }
        executor.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aFollowerSendsHttpBasicCredentialsFromItsSettings() throws IOException {
        serveWithCredentials();
        follow(Map.of("view.follow.Bank.url", server.url().toString(), "view.follow.Bank.username", "ledger",
                "view.follow.Bank.password", PASSWORD));

        runner.waitFor("view", "Bank", bank.lastId(), Duration.ofSeconds(10));

        assertEquals(List.of(1L, 2L), follower.handled());
    }

    @Test
    void aFollowerSendsABearerTokenFromItsSettings() throws IOException {
        serveWithCredentials();
        follow(Map.of("view.follow.Bank.url", server.url().toString(), "view.follow.Bank.bearer-token", TOKEN));

        runner.waitFor("view", "Bank", bank.lastId(), Duration.ofSeconds(10));

        assertEquals(List.of(1L, 2L), follower.handled());
    }

    @Test
    void aFollowerWithoutCredentialsIsRefusedAndDoesNotMove() throws IOException, InterruptedException {
        serveWithCredentials();
        follow(Map.of("view.follow.Bank.url", server.url().toString(), "projection.poll-interval", "20"));

        // The worker records the refusal after the server has counted the request: wait for the
        // status itself, not for a fixed time after the request.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!runner.statuses().get(0).failing() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        ReaderStatus status = runner.statuses().get(0);
        assertTrue(server.requests() > 0);
        assertEquals(0, status.position());
        assertTrue(status.failing() && status.failure().contains("answered 401"), status.failure());
    }

    @Test
    void aUrlWithUserInformationIsRefusedWithoutShowingThePassword() {
        String message = failure(Map.of("view.follow.Bank.url", "http://ledger:" + PASSWORD + "@bank.example/log"));

        assertFalse(message.contains(PASSWORD), message);
        assertTrue(message.contains("'http://bank.example/log'") && message.contains("view.follow.Bank.password"),
                message);
    }

    @Test
    void aUrlThatIsNoUrlIsShownWithoutWhatMayBeAPassword() {
        String message = failure(Map.of("view.follow.Bank.url", "http://ledger:" + PASSWORD + " @bank.example/log"));

        assertFalse(message.contains(PASSWORD), message);
        assertTrue(message.contains("'http://***@bank.example/log'"), message);
    }

    @Test
    void halfOfHttpBasicIsRefusedNamingTheMissingKeyAndNoValue() {
        String message = failure(Map.of("view.follow.Bank.url", "http://bank.example/log",
                "view.follow.Bank.password", PASSWORD));

        assertEquals("Setting 'view.follow.Bank.password' needs 'view.follow.Bank.username' as well", message);
    }

    @Test
    void httpBasicAndABearerTokenTogetherAreRefused() {
        String message = failure(Map.of("view.follow.Bank.url", "http://bank.example/log",
                "view.follow.Bank.username", "ledger", "view.follow.Bank.password", PASSWORD,
                "view.follow.Bank.bearer-token", TOKEN));

        assertTrue(message.contains("not both"), message);
        assertFalse(message.contains(PASSWORD) || message.contains(TOKEN), message);
    }

    @Test
    void credentialsForALeaderWithoutAUrlAreRefused() {
        String message = failure(Map.of("view.follow.Bnak.bearer-token", TOKEN));

        assertEquals("Setting 'view.follow.Bnak.bearer-token' has no 'view.follow.Bnak.url' beside it, which names"
                + " the log it is for", message);
    }

    @Test
    void aTimeoutOrSectionCapThatIsNoPositiveNumberIsRefusedNamingTheKey() {
        String message = failure(Map.of("view.follow.Bank.url", "http://bank.example/log",
                RemoteLeaders.REQUEST_TIMEOUT, "soon"));
        assertEquals("Setting 'follow.request-timeout' must be a positive whole number, was 'soon'", message);

        message = failure(Map.of("view.follow.Bank.url", "http://bank.example/log",
                "view." + RemoteLeaders.MAX_SECTION_BYTES, "0"));
        assertEquals("Setting 'follow.max-section-bytes' must be a positive whole number, was '0'", message);
    }

    @Test
    void theFollowersSectionCapIsUsed() throws IOException {
        bank.open(1);
        server = LeaderServer.http().answer((exchange, start, limit) -> LeaderServer.send(exchange, 200,
                SectionJson.write(bank.notificationLog().select(start, limit))));
        follow(Map.of("view.follow.Bank.url", server.url().toString(), "view." + RemoteLeaders.MAX_SECTION_BYTES, "50"));

        assertTrue(firstFailure().contains("a body of more than 50 bytes"));
    }

    @Test
    void theFollowersRequestTimeoutIsUsed() throws IOException {
        server = LeaderServer.http().answer((exchange, start, limit) -> {
            exchange.sendResponseHeaders(200, 0);
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        follow(Map.of("view.follow.Bank.url", server.url().toString(), RemoteLeaders.REQUEST_TIMEOUT, "300"));

        assertTrue(firstFailure().contains("took longer than 300 ms"));
    }

    @Test
    void encryptedEventsOfARemoteLeaderAreReadBoundToItsNameByProjectionsAndProcessApplicationsAlike() throws IOException {
        String key = AesGcmCipher.generateKey();
        Bank encrypting = new Bank(Settings.of(Map.of("cipher.key", key)));
        encrypting.open(1);
        encrypting.open(2);
        server = LeaderServer.http().answer((exchange, start, limit) -> LeaderServer.send(exchange, 200,
                SectionJson.write(encrypting.notificationLog().select(start, limit))));
        Map<String, String> values = Map.of("cipher.key", key, "view.follow.Bank.url", server.url().toString(),
                "Auditor.follow.Bank.url", server.url().toString());
        Settings settings = Settings.of(values);
        Auditor auditor = new Auditor(settings);
        MultiThreadedRunner.Builder builder = MultiThreadedRunner.builder().application(auditor).projection(follower)
                .executor(executor);
        RemoteLeaders.follow(builder, Map.of("Auditor", auditor), Set.of("view"), values.keySet(), settings,
                Set.of(Account.class), false);
        runner = builder.settings(settings).build();
        runner.start();

        runner.waitFor("view", "Bank", 2, Duration.ofSeconds(10));
        runner.waitFor("Auditor", "Bank", 2, Duration.ofSeconds(10));

        assertEquals(List.of(1L, 2L), follower.handled());
        assertEquals(2, auditor.seen.size(), "decrypted as the Bank's, not the Auditor's");
        assertEquals(List.of(), runner.parked(null, null, 10));
    }

    /** A process application that only notes the leader's events it decoded. */
    static final class Auditor extends ProcessApplication {
        final List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        Auditor(Settings settings) {
            super(settings);
        }

        @Override
        protected Set<Class<?>> domainClasses() {
            return Set.of(Account.class);
        }

        @Override
        protected void policy(dev.eventsourcing.domain.DomainEvent<?> event, ProcessingEvent processing) {
            seen.add(event.payload());
        }
    }

    private String firstFailure() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!runner.statuses().get(0).failing() && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
        String failure = runner.statuses().get(0).failure();
        assertTrue(failure != null, "the follower failed within 10 s");
        return failure;
    }

    private void serveWithCredentials() throws IOException {
        bank.open(1);
        bank.open(2);
        String basic = "Basic " + Base64.getEncoder().encodeToString(("ledger:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        server = LeaderServer.http().answer((exchange, start, limit) -> {
            String given = exchange.getRequestHeaders().getFirst("Authorization");
            if (basic.equals(given) || ("Bearer " + TOKEN).equals(given)) {
                LeaderServer.send(exchange, 200, SectionJson.write(bank.notificationLog().select(start, limit)));
            } else {
                LeaderServer.send(exchange, 401, "{\"error\":\"who are you?\"}");
            }
        });
    }

    private void follow(Map<String, String> values) {
        MultiThreadedRunner.Builder builder = MultiThreadedRunner.builder().projection(follower).executor(executor);
        Settings settings = Settings.of(values);
        RemoteLeaders.follow(builder, Map.<String, Application>of(), Set.of("view"), values.keySet(), settings,
                Set.of(Account.class), false);
        runner = builder.settings(settings).build();
        runner.start();
    }

    private String failure(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> RemoteLeaders.follow(MultiThreadedRunner.builder().projection(follower), Map.of(), Set.of("view"),
                        all.keySet(), Settings.of(all), Set.of(Account.class), false));
        return error.getMessage();
    }
}
