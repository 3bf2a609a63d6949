package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.persistence.ProgrammingException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JpaSchemaTest {

    @Test
    void aScriptSplitsAtLineEndingSemicolonsKeepingDollarQuotedBodiesWhole() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE a (x INT);

                CREATE FUNCTION f() RETURNS INT LANGUAGE plpgsql AS $$
                BEGIN
                    RETURN 1;
                END $$;
                CREATE TABLE b (y INT)
                """;

        List<String> statements = JpaSchema.split(script);

        assertEquals(3, statements.size(), statements.toString());
        assertEquals("CREATE TABLE a (x INT)", statements.get(0));
        assertTrue(statements.get(1).contains("RETURN 1;") && statements.get(1).endsWith("END $$"), statements.get(1));
        assertEquals("CREATE TABLE b (y INT)", statements.get(2));
    }

    @Test
    void everyShippedScriptIsOnTheClassPath() {
        for (DatabaseStrategy database : List.of(DatabaseStrategy.postgresql(), DatabaseStrategy.postgresqlSerialised(),
                DatabaseStrategy.mariadb(), DatabaseStrategy.h2())) {
            assertTrue(JpaSchema.statements(database.schema().ddlResource(), JpaSchema.class.getClassLoader()).size() >= 4,
                    database.schema().ddlResource());
        }
        // Each statement of the script starts a line with its keyword, and the bodies of its
        // functions never do: the count shows that no body was split at its semicolons.
        String script = "META-INF/eventsourcing/postgresql.sql";
        assertEquals(statementStarts(script), JpaSchema.statements(script, JpaSchema.class.getClassLoader()).size());
    }

    private static long statementStarts(String resource) {
        try (var in = JpaSchema.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> line.matches("^(CREATE|ALTER|DO|INSERT|DROP)\\b.*")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMissingScriptIsAProgrammingError() {
        assertThrows(ProgrammingException.class, () -> JpaSchema.statements("META-INF/eventsourcing/oracle.sql", JpaSchema.class.getClassLoader()));
    }

    @Test
    void databasesAreNamedAsInConfiguration() {
        assertEquals("postgresql", DatabaseStrategy.named("PostgreSQL").toString());
        assertEquals("postgresql-serialised", DatabaseStrategy.named("postgresql-serialised").toString());
        assertEquals("mariadb", DatabaseStrategy.named(" mariadb ").toString());
        var error = assertThrows(IllegalArgumentException.class, () -> DatabaseStrategy.named("oracle"));
        assertTrue(error.getMessage().contains("postgresql, postgresql-serialised, mariadb, h2"), error.getMessage());
    }
}
