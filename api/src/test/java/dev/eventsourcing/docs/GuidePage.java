package dev.eventsourcing.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Markdown page of the user guide, read for its code: its fenced blocks and its two
 * directives. The convention, which {@code docs/README.md} states for writers too:
 * <ul>
 *   <li>every {@code ```java} block is a complete compilation unit; a page's blocks are compiled
 *       together, with those of the pages it names in {@code <!-- snippets use other.md -->};</li>
 *   <li>a page is compiled by the test of the module named in
 *       {@code <!-- snippets compile in cdi-extension -->}, else by {@code api}'s;</li>
 *   <li>directives stand on lines of their own; a line starting {@code <!-- snippets} that is
 *       neither is refused, so that a misspelt one cannot silently change what is compiled;</li>
 *   <li>a block with a {@code main} method is run, and when the next fenced block is a
 *       {@code ```text} block, what it prints must be that text;</li>
 *   <li>a class named {@code *Test} with JUnit {@code @Test} methods has each of them run, as a
 *       plain unit test (classes named {@code *IT}, which need a server, are only compiled).</li>
 * </ul>
 *
 * @param path   the page
 * @param module the module whose test compiles it
 * @param uses   the pages whose blocks compile with this page's
 * @param blocks the page's Java blocks, in order
 */
public record GuidePage(Path path, String module, List<Path> uses, List<JavaBlock> blocks) {

    private static final Pattern FENCE = Pattern.compile("^```([^\\n]*)\\n(.*?)^```[ \\t]*$",
            Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern COMPILE_IN = Pattern.compile("^<!-- snippets compile in ([\\w-]+) -->$", Pattern.MULTILINE);
    private static final Pattern USE = Pattern.compile("^<!-- snippets use ([\\w./-]+) -->$", Pattern.MULTILINE);
    private static final Pattern DIRECTIVE = Pattern.compile("^<!-- snippets.*$", Pattern.MULTILINE);

    public GuidePage {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(module, "module");
        uses = List.copyOf(uses);
        blocks = List.copyOf(blocks);
    }

    /**
     * A Java block and the output its {@code main} must print, if the page says.
     *
     * @param source the compilation unit
     * @param output the text of the {@code ```text} block right after it, if there is one
     * @param line   the line of the page where the block starts
     */
    public record JavaBlock(String source, Optional<String> output, int line) {

        /** Whether the block declares a {@code main} method to run. */
        public boolean hasMain() {
            return source.contains("public static void main(String[] args)");
        }
    }

    /**
     * Reads a page.
     *
     * @throws IllegalStateException when a block is marked as Java in any other way than
     *         {@code ```java}, so that no Java block escapes compilation
     */
    public static GuidePage read(Path path) throws IOException {
        String text = Files.readString(path);
        for (Matcher directive = DIRECTIVE.matcher(text); directive.find(); ) {
            if (!COMPILE_IN.matcher(directive.group()).matches() && !USE.matcher(directive.group()).matches()) {
                throw new IllegalStateException(path + ": not a snippets directive: " + directive.group());
            }
        }
        Matcher compileIn = COMPILE_IN.matcher(text);
        String module = compileIn.find() ? compileIn.group(1) : "api";
        List<Path> uses = new ArrayList<>();
        for (Matcher use = USE.matcher(text); use.find(); ) {
            uses.add(path.resolveSibling(use.group(1)).normalize());
        }
        return new GuidePage(path, module, uses, blocks(path, text));
    }

    private static List<JavaBlock> blocks(Path path, String text) {
        List<JavaBlock> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(text);
        String pending = null;
        int pendingLine = 0;
        while (fence.find()) {
            String info = fence.group(1).trim();
            int line = lineOf(text, fence.start());
            if (info.toLowerCase().startsWith("java") && !info.equals("java")) {
                throw new IllegalStateException(path + ":" + line + ": a block marked '" + info
                        + "' would not be compiled; mark Java blocks exactly ```java");
            }
            if (pending != null) {
                boolean output = info.equals("text") && isRunnable(pending);
                blocks.add(new JavaBlock(pending, output ? Optional.of(fence.group(2)) : Optional.empty(), pendingLine));
                pending = null;
                if (output) {
                    continue;
                }
            }
            if (info.equals("java")) {
                pending = fence.group(2);
                pendingLine = line;
            }
        }
        if (pending != null) {
            blocks.add(new JavaBlock(pending, Optional.empty(), pendingLine));
        }
        return blocks;
    }

    private static boolean isRunnable(String source) {
        return new JavaBlock(source, Optional.empty(), 0).hasMain();
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
