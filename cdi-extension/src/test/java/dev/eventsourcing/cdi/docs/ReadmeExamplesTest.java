package dev.eventsourcing.cdi.docs;

import dev.eventsourcing.cdi.jpa.DepositRow;
import dev.eventsourcing.cdi.support.Deployments;
import dev.eventsourcing.cdi.support.TestDatabase;
import dev.eventsourcing.system.Readers;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Java blocks are verbatim excerpts of this package's sources, and this test runs
 * them: so the documentation cannot drift from code that compiles and works.
 */
class ReadmeExamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Path SOURCES = Path.of("src", "test", "java", "dev", "eventsourcing", "cdi", "docs");

    @Test
    void everyJavaBlockOfTheReadmeIsAnExcerptOfCodeThatIsCompiledHere() throws IOException {
        String code;
        try (Stream<Path> files = Files.list(SOURCES)) {
            code = normalise(String.join("\n", files.map(ReadmeExamplesTest::read).toList()));
        }
        List<String> blocks = new ArrayList<>();
        Matcher matcher = JAVA_BLOCK.matcher(Files.readString(Path.of("README.md")));
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        assertTrue(blocks.size() >= 3, "expected the README's examples, found " + blocks.size());
        for (String block : blocks) {
            assertTrue(code.contains(normalise(block)), () -> "not in " + SOURCES + ":\n" + block);
        }
    }

    @Test
    void theExamplesRunOnTheJpaStore() throws Exception {
        TestDatabase database = TestDatabase.h2();
        database.execute(DepositRow.DDL);
        WeldContainer container = Deployments.start(Map.of(
                "eventsourcing.persistence.module", "jpa",
                "eventsourcing.jpa.url", database.url(),
                "eventsourcing.jpa.user", database.user()), Accounts.class, Deposits.class);
        try {
            Accounts accounts = container.select(Accounts.class).get();
            Readers projections = container.select(Readers.class).get();
            UUID id = accounts.open("Alice", "alice@example.com");

            long position = accounts.deposit(id, new BigDecimal("10.00"));
            projections.waitFor("deposits", "Application", position, Duration.ofSeconds(5));

            assertEquals(1, database.count("SELECT COUNT(*) FROM deposit_view WHERE account_id = '" + id + "'"));
        } finally {
            container.shutdown();
            database.drop();
        }
    }

    @Test
    void theDcbExamplesRunOnTheJpaStore() throws Exception {
        TestDatabase database = TestDatabase.h2();
        database.execute(RosterRow.DDL);
        WeldContainer container = Deployments.start(Map.of(
                "eventsourcing.persistence.module", "jpa",
                "eventsourcing.jpa.url", database.url(),
                "eventsourcing.jpa.user", database.user()), Registrar.class, Rosters.class);
        try {
            long position = container.select(Registrar.class).get().join("course:1", "student:1");
            container.select(Readers.class).get().waitFor("rosters", "Courses", position, Duration.ofSeconds(5));

            assertEquals(1, database.count("SELECT COUNT(*) FROM docs_roster_view WHERE course = 'course:1'"
                    + " AND decision_position = " + position));
        } finally {
            container.shutdown();
            database.drop();
        }
    }

    @Test
    void anApplicationSubclassIsTheApplicationThatBeansGet() {
        WeldContainer container = Deployments.start(Map.of(), Accounts.class, Bank.class);
        try {
            Bank bank = container.select(Bank.class).get();
            UUID id = container.select(Accounts.class).get().open("Bob", "bob@example.com");

            assertEquals("Bank", bank.name());
            assertEquals(id, bank.recorder().selectNotifications(1, 10).get(0).originatorId());
        } finally {
            container.shutdown();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String normalise(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
