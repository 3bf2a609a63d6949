package dev.eventsourcing.docs;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.Aggregates;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compiles every Java block of the README against this module, runs its {@code QuickStart},
 * {@code RunningTheSchool} and {@code ForgettingAMember} classes and checks the topics of its
 * {@code Cat}, so that the documentation cannot drift from the code.
 */
class ReadmeQuickStartTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PUBLIC_TYPE = Pattern.compile("public (?:final )?(?:class|record|interface) (\\w+)");

    @Test
    void quickStartCompilesAndPrintsTheTricks(@TempDir Path work) throws Exception {
        List<Path> sources = writeSources(readme(), work.resolve("src"));
        assertTrue(sources.size() >= 3, "expected the quick start's Java blocks, found " + sources.size());
        SnippetCompiler compiled = SnippetCompiler.compile(sources, work.resolve("classes"));

        String output = compiled.runMain("QuickStart");
        assertTrue(output.contains("[roll over, play dead]"), output);
        assertTrue(output.contains("1 Dog$Registered"), output);
        assertTrue(output.contains("3 Dog$TrickAdded"), output);

        String running = compiled.runMain("RunningTheSchool");
        assertTrue(running.contains("1 trick counted"), running);

        String forgetting = compiled.runMain("ForgettingAMember");
        assertTrue(forgetting.contains("gone: true"), forgetting);
        assertTrue(forgetting.contains("1 Member$Joined shredded"), forgetting);
        assertTrue(forgetting.contains("2 Member$Visited\n"), forgetting);
        assertTrue(forgetting.contains("3 dev.eventsourcing.application.Shredding$SubjectShredded"), forgetting);

        try (URLClassLoader loader = compiled.loader()) {
            Aggregate cat = (Aggregate) loader.loadClass("Cat").getMethod("adopt", String.class).invoke(null, "Tom");
            StoredEvent adopted = Mapper.create().toStoredEvent(cat.collectEvents().get(0));
            assertEquals("school.CatAdopted", adopted.topic());
            assertEquals("school.Cat", Mapper.create().toStoredEvent(Aggregates.snapshotOf(cat)).topic());
        }
    }

    private static String readme() throws IOException {
        Path path = Path.of("README.md");
        if (!Files.exists(path)) {
            path = Path.of("..", "README.md");
        }
        return Files.readString(path);
    }

    private static List<Path> writeSources(String readme, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> sources = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(readme);
        while (block.find()) {
            Matcher type = PUBLIC_TYPE.matcher(block.group(1));
            assertTrue(type.find(), "a README Java block declares no public type:\n" + block.group(1));
            Path file = dir.resolve(type.group(1) + ".java");
            Files.writeString(file, block.group(1));
            sources.add(file);
        }
        return sources;
    }
}
