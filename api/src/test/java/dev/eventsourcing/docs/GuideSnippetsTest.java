package dev.eventsourcing.docs;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guide's pages that need only {@code api} compile and print what they show; and no page escapes. */
class GuideSnippetsTest {

    @TestFactory
    Stream<DynamicTest> pagesCompiledInApiCompileAndPrintWhatTheyShow() {
        return GuideSnippets.testsFor("api");
    }

    @Test
    void everyPageNamesAModuleWhoseTestCompilesItsPages() throws IOException {
        List<GuidePage> pages = GuideSnippets.pages();
        assertTrue(pages.size() >= 10, "expected the guide's pages, found " + pages.size());
        for (GuidePage page : pages) {
            assertTrue(GuideSnippets.MODULES.contains(page.module()),
                    page.path() + " is compiled in '" + page.module() + "', which is not one of " + GuideSnippets.MODULES);
            assertTrue(hasGuideTest(page.module()), page.module() + " has no " + GuideSnippets.TEST_CLASS
                    + " calling testsFor(\"" + page.module() + "\"), so " + page.path() + " would not be compiled");
        }
    }

    @Test
    void theGuideShowsJavaThatIsCompiled() {
        long blocks = GuideSnippets.pages().stream().mapToLong(page -> page.blocks().size()).sum();
        assertTrue(blocks >= 10, "expected the guide's Java blocks, found " + blocks);
    }

    private static boolean hasGuideTest(String module) throws IOException {
        Path tests = GuideSnippets.docs().getParent().resolve(module).resolve("src/test/java");
        try (Stream<Path> files = Files.walk(tests)) {
            return files.filter(f -> f.getFileName().toString().equals(GuideSnippets.TEST_CLASS))
                    .anyMatch(f -> read(f).contains("GuideSnippets.testsFor(\"" + module + "\")"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
