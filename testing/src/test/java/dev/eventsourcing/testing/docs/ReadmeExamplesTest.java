package dev.eventsourcing.testing.docs;

import dev.eventsourcing.docs.SnippetCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compiles every complete Java class of the README (the blocks that start with imports) against
 * this module and runs the test methods of its {@code DogTest}, so that the documentation cannot
 * drift from the fixtures.
 */
class ReadmeExamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(import .*?)```", Pattern.DOTALL);
    private static final Pattern TYPE = Pattern.compile("^(?:public )?(?:final )?class (\\w+)", Pattern.MULTILINE);

    @Test
    void theReadmesDogTestCompilesAndPasses(@TempDir Path work) throws Exception {
        List<Path> sources = writeSources(Files.readString(Path.of("README.md")), Files.createDirectories(work.resolve("src")));
        assertTrue(sources.size() >= 2, "expected the Dog and DogTest blocks, found " + sources.size());

        SnippetCompiler compiled = SnippetCompiler.compile(sources, work.resolve("classes"));

        assertEquals(3, compiled.runTests("DogTest"));
    }

    private static List<Path> writeSources(String readme, Path directory) throws Exception {
        List<Path> sources = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(readme);
        while (block.find()) {
            Matcher type = TYPE.matcher(block.group(1));
            assertTrue(type.find(), "a README block that starts with imports declares no class:\n" + block.group(1));
            sources.add(Files.writeString(directory.resolve(type.group(1) + ".java"), block.group(1)));
        }
        return sources;
    }
}
