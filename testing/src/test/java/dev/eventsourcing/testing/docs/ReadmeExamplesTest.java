package dev.eventsourcing.testing.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.reflect.Constructor;
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
        Path classes = Files.createDirectories(work.resolve("classes"));
        compile(sources, classes);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            assertEquals(3, runTests(loader.loadClass("DogTest")));
        }
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

    private static void compile(List<Path> sources, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path") + File.pathSeparator + classes));
        sources.forEach(source -> arguments.add(source.toString()));
        int status = compiler.run(null, null, errors, arguments.toArray(String[]::new));
        assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));
    }

    // The README's test methods, run as JUnit would: a new instance for each.
    private static int runTests(Class<?> testClass) throws Exception {
        int ran = 0;
        Constructor<?> constructor = testClass.getDeclaredConstructor();
        constructor.setAccessible(true);
        for (Method method : testClass.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Test.class)) {
                method.setAccessible(true);
                method.invoke(constructor.newInstance());
                ran++;
            }
        }
        return ran;
    }
}
