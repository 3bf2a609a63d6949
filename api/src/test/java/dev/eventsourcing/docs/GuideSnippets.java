package dev.eventsourcing.docs;

import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compiles and runs the Java blocks of the user guide ({@code docs/}) by the convention of
 * {@link GuidePage}: each module whose test classpath a page needs has one small test that
 * returns {@link #testsFor(String)} for its own name, and {@code api}'s test also checks that
 * every page names a module with such a test, so that no page escapes.
 */
public final class GuideSnippets {

    /** The modules whose tests compile guide pages, each with a {@value #TEST_CLASS}. */
    public static final List<String> MODULES = List.of("api", "jpa-store", "cdi-extension", "example-war");
    static final String TEST_CLASS = "GuideSnippetsTest.java";

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:final |abstract |sealed |non-sealed )*(?:class|record|interface|enum|@interface) (\\w+)",
            Pattern.MULTILINE);
    private static final Pattern UNSUPPORTED_JUNIT = Pattern.compile(
            "@(BeforeEach|AfterEach|BeforeAll|AfterAll|ExtendWith|RegisterExtension|Nested|TestFactory|ParameterizedTest|RepeatedTest|Disabled)\\b");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

    private GuideSnippets() {
    }

    /** The guide's folder: {@code docs/} of the reactor's root. */
    public static Path docs() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("docs")) && Files.exists(here.resolve("api")) ? here.resolve("docs")
                : here.getParent().resolve("docs");
    }

    /** Every page of the guide, in a stable order. */
    public static List<GuidePage> pages() {
        try (Stream<Path> files = Files.walk(docs())) {
            List<GuidePage> pages = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                pages.add(GuidePage.read(file));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One test per page with Java that is compiled in {@code module}: its blocks compile, and those
     * with a main run as shown.
     */
    public static Stream<DynamicTest> testsFor(String module) {
        List<GuidePage> pages = pages().stream()
                .filter(page -> page.module().equals(module) && !page.blocks().isEmpty()).toList();
        assertTrue(MODULES.contains(module), "no guide page can name " + module);
        return pages.stream().map(page -> DynamicTest.dynamicTest(docs().relativize(page.path()).toString(),
                () -> check(page)));
    }

    private static void check(GuidePage page) throws Exception {
        Path work = Files.createTempDirectory("guide-snippets");
        Map<String, Path> sources = new LinkedHashMap<>();
        for (Path used : page.uses()) {
            assertTrue(Files.exists(used), page.path() + " uses " + used + ", which does not exist");
            write(GuidePage.read(used), work, sources);
        }
        write(page, work, sources);
        SnippetCompiler compiler = SnippetCompiler.compile(sources.values(), work.resolve("classes"));
        for (GuidePage.JavaBlock block : page.blocks()) {
            String name = qualifiedName(block);
            if (block.hasMain()) {
                String printed = compiler.runMain(name);
                block.output().ifPresent(expected -> assertEquals(normalise(expected), normalise(printed),
                        page.path() + ":" + block.line() + " prints other than the page shows"));
            } else if (name.endsWith("Test") && block.source().contains("@Test")) {
                Matcher unsupported = UNSUPPORTED_JUNIT.matcher(block.source());
                if (unsupported.find()) {
                    fail(page.path() + ":" + block.line() + " uses " + unsupported.group()
                            + ", which the guide's test does not run; keep guide tests to plain @Test methods");
                }
                assertTrue(compiler.runTests(name) > 0, page.path() + ":" + block.line() + " ran no test");
            }
        }
    }

    private static void write(GuidePage page, Path work, Map<String, Path> sources) throws IOException {
        for (GuidePage.JavaBlock block : page.blocks()) {
            String name = qualifiedName(block);
            Path file = work.resolve("src").resolve(name.replace('.', '/') + ".java");
            assertTrue(!sources.containsKey(name), page.path() + ":" + block.line() + " declares " + name
                    + " a second time in the same compilation");
            Files.createDirectories(file.getParent());
            Files.writeString(file, block.source());
            sources.put(name, file);
        }
    }

    private static String qualifiedName(GuidePage.JavaBlock block) {
        Matcher type = PUBLIC_TYPE.matcher(block.source());
        assertTrue(type.find(), "line " + block.line() + ": a Java block must be a compilation unit with a public"
                + " top-level type:\n" + block.source());
        Matcher pkg = PACKAGE.matcher(block.source());
        return pkg.find() ? pkg.group(1) + "." + type.group(1) : type.group(1);
    }

    private static String normalise(String text) {
        return text.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }
}
