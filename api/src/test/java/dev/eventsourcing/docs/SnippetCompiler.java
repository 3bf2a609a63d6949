package dev.eventsourcing.docs;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Compiles documentation code against the test classpath of the module running the test, and
 * runs a compiled class's {@code main}, capturing what it prints. Shared (through {@code api}'s
 * test-jar) by every test of documentation code.
 */
public final class SnippetCompiler {

    static {
        // Surefire may run with a manifest-only jar as class path; the compiler needs the real one.
        String path = System.getProperty("java.class.path");
        if (path != null && path.split(File.pathSeparator).length == 1 && path.endsWith(".jar")) {
            System.setProperty("java.class.path", System.getProperty("surefire.test.class.path", path));
        }
    }

    private final Path classes;

    private SnippetCompiler(Path classes) {
        this.classes = classes;
    }

    /**
     * Compiles the sources into {@code classes}.
     *
     * @throws AssertionError with the compiler's messages when they do not compile
     */
    public static SnippetCompiler compile(Collection<Path> sources, Path classes) throws IOException {
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), "-proc:none", "-Xlint:none"));
        sources.forEach(source -> args.add(source.toString()));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, args.toArray(String[]::new));
        if (status != 0) {
            throw new AssertionError("documentation code does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }
        return new SnippetCompiler(classes);
    }

    /** A class loader over the compiled classes, whose parent is the test's; the caller closes it. */
    public URLClassLoader loader() throws IOException {
        return new URLClassLoader(new URL[]{classes.toUri().toURL()}, SnippetCompiler.class.getClassLoader());
    }

    /**
     * Runs each method of {@code className} annotated with JUnit's {@code @Test}, on a new instance
     * made through its no-argument constructor, as a plain unit test without lifecycle methods or
     * extensions.
     *
     * @return how many test methods ran
     * @throws Exception what the first failing test method threw
     */
    public int runTests(String className) throws Exception {
        int ran = 0;
        try (URLClassLoader loader = loader()) {
            Class<?> type = loader.loadClass(className);
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(org.junit.jupiter.api.Test.class)) {
                    Constructor<?> constructor = type.getDeclaredConstructor();
                    constructor.setAccessible(true);
                    method.setAccessible(true);
                    try {
                        method.invoke(constructor.newInstance());
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof Exception cause ? cause : e;
                    }
                    ran++;
                }
            }
        }
        return ran;
    }

    /**
     * Runs {@code className}'s {@code main} with no arguments and returns what it printed.
     *
     * @throws Exception what {@code main} threw
     */
    public String runMain(String className) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        try (URLClassLoader loader = loader()) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            thread.setContextClassLoader(loader);
            main.invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            System.setOut(original);
            thread.setContextClassLoader(context);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
