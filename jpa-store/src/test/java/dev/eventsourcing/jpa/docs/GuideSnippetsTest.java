package dev.eventsourcing.jpa.docs;

import dev.eventsourcing.docs.GuideSnippets;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** The guide's pages compiled in this module (see docs/README.md) compile and print what they show. */
class GuideSnippetsTest {

    @TestFactory
    Stream<DynamicTest> pagesCompiledHereCompileAndPrintWhatTheyShow() {
        return GuideSnippets.testsFor("jpa-store");
    }
}
