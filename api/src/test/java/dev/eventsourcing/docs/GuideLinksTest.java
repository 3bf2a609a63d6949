package dev.eventsourcing.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every relative link of the guide leads to a file that exists, and to a heading of it when it names one. */
class GuideLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#+ (.+)$", Pattern.MULTILINE);
    private static final Pattern CODE = Pattern.compile("^```.*?^```", Pattern.DOTALL | Pattern.MULTILINE);

    @Test
    void everyRelativeLinkOfTheGuideLeadsToAFileAndHeadingThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (GuidePage page : GuideSnippets.pages()) {
            Matcher link = LINK.matcher(CODE.matcher(Files.readString(page.path())).replaceAll(""));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                links++;
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                Path resolved = file.isEmpty() ? page.path() : page.path().resolveSibling(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(page.path().getFileName() + " -> " + target);
                } else if (target.contains("#") && !anchors(resolved).contains(target.substring(target.indexOf('#') + 1))) {
                    broken.add(page.path().getFileName() + " -> " + target + " (no such heading)");
                }
            }
        }
        assertTrue(links >= 20, "expected the guide's links, found " + links);
        assertEquals(List.of(), broken, "broken links in docs/");
    }

    /** The anchors GitHub makes of a Markdown file's headings. */
    private static List<String> anchors(Path file) throws IOException {
        List<String> anchors = new ArrayList<>();
        Matcher heading = HEADING.matcher(CODE.matcher(Files.readString(file)).replaceAll(""));
        while (heading.find()) {
            anchors.add(heading.group(1).trim().toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }
}
