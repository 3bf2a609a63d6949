package dev.eventsourcing.persistence;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicRegistryTest {

    @Test
    void aClassIsNamedByItsBinaryNameAndFoundByIt() {
        TopicRegistry topics = new TopicRegistry();
        assertEquals("dev.eventsourcing.persistence.Account$Deposited", topics.topicOf(Account.Deposited.class));
        assertSame(Account.Deposited.class, topics.resolve("dev.eventsourcing.persistence.Account$Deposited"));
    }

    @Test
    void anOldTopicReadsAsTheClassItIsRegisteredFor() {
        TopicRegistry topics = new TopicRegistry().register("bank.Deposited", Account.Deposited.class);
        assertSame(Account.Deposited.class, topics.resolve("bank.Deposited"));
        assertEquals(Account.Deposited.class.getName(), topics.topicOf(Account.Deposited.class));
    }

    @Test
    void anOldTopicCannotBeRegisteredForTwoClasses() {
        TopicRegistry topics = new TopicRegistry().register("bank.Deposited", Account.Deposited.class);
        topics.register("bank.Deposited", Account.Deposited.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> topics.register("bank.Deposited", Account.Opened.class));
        assertTrue(e.getMessage().contains("registered already for " + Account.Deposited.class.getName()), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> topics.register(" ", Account.Opened.class));
    }

    @Test
    void anUnknownTopicFailsWithAnErrorNamingIt() {
        UnknownTopicException e = assertThrows(UnknownTopicException.class, () -> new TopicRegistry().resolve("no.such.Event"));
        assertEquals("no.such.Event", e.topic());
        assertTrue(e.getMessage().startsWith("Unknown topic 'no.such.Event'"), e.getMessage());
    }

    @Test
    void aClassWhoseNameIsAnotherClassesOldTopicCannotBeWritten() {
        TopicRegistry topics = new TopicRegistry().register(Account.Opened.class.getName(), Account.Deposited.class);
        MapperException e = assertThrows(MapperException.class, () -> topics.topicOf(Account.Opened.class));
        assertTrue(e.getMessage().contains("registered as the old topic of " + Account.Deposited.class.getName()), e.getMessage());
    }

    @Test
    void classesWithoutAStableNameHaveNoTopic() {
        Object anonymous = new Object() { };
        record Local(int x) { }
        Runnable lambda = () -> { };
        TopicRegistry topics = new TopicRegistry();
        assertThrows(MapperException.class, () -> topics.topicOf(anonymous.getClass()));
        assertThrows(MapperException.class, () -> topics.topicOf(Local.class));
        assertThrows(MapperException.class, () -> topics.topicOf(lambda.getClass()));
    }

    @Test
    void unregisteredTopicsAreLoadedWithTheGivenClassLoader() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            TopicRegistry isolated = new TopicRegistry(empty);
            assertThrows(UnknownTopicException.class, () -> isolated.resolve(Account.class.getName()));
            assertSame(String.class, isolated.resolve("java.lang.String"));
        }
    }
}
