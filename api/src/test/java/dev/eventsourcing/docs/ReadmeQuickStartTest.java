package dev.eventsourcing.docs;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.Aggregates;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
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
        Path classes = Files.createDirectories(work.resolve("classes"));
        compile(sources, classes);

        String output = runMain(classes, "QuickStart");
        assertTrue(output.contains("[roll over, play dead]"), output);
        assertTrue(output.contains("1 Dog$Registered"), output);
        assertTrue(output.contains("3 Dog$TrickAdded"), output);

        String running = runMain(classes, "RunningTheSchool");
        assertTrue(running.contains("1 trick counted"), running);

        String forgetting = runMain(classes, "ForgettingAMember");
        assertTrue(forgetting.contains("gone: true"), forgetting);
        assertTrue(forgetting.contains("1 Member$Joined shredded"), forgetting);
        assertTrue(forgetting.contains("2 Member$Visited\n"), forgetting);
        assertTrue(forgetting.contains("3 dev.eventsourcing.application.Shredding$SubjectShredded"), forgetting);

        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()},
                ReadmeQuickStartTest.class.getClassLoader())) {
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

    private static void compile(List<Path> sources, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), "-Xlint:none"));
        sources.forEach(source -> args.add(source.toString()));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, args.toArray(String[]::new));
        assertEquals(0, status, "README code does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
    }

    private static String runMain(Path classes, String className) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()},
                ReadmeQuickStartTest.class.getClassLoader())) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Thread.currentThread().setContextClassLoader(loader);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
            Thread.currentThread().setContextClassLoader(ReadmeQuickStartTest.class.getClassLoader());
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    static {
        // Surefire may run with a manifest-only jar as class path; the compiler needs the real one.
        String path = System.getProperty("java.class.path");
        if (path != null && path.split(File.pathSeparator).length == 1 && path.endsWith(".jar")) {
            System.setProperty("java.class.path", System.getProperty("surefire.test.class.path", path));
        }
    }
}
