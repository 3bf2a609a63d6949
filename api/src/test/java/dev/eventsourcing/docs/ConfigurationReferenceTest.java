package dev.eventsourcing.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps {@code docs/configuration.md} true to the code: every configuration key declared in the
 * library's sources is on the page, and every key in the page's tables is declared. Keys are
 * declared once, as {@code String} constants, in classes that deal with settings; the scan reads
 * every module of the reactor except the example application and the benchmarks (which are
 * users of the library), and in it every class whose source names {@code Settings} or
 * {@code Config}, so a key in a new class or a new module is found without listing it here. A
 * constant there whose value has the shape of a key but is not one is named in
 * {@link #NOT_KEYS}, with the reason.
 */
class ConfigurationReferenceTest {

    private static final Set<String> NOT_LIBRARY = Set.of("example-war", "benchmarks");
    private static final Map<String, String> NOT_KEYS = Map.ofEntries(
            Map.entry("CipherKey.DEFAULT_ID", "the id of the key given by cipher.key"),
            Map.entry("InfrastructureFactory.DEFAULT_MODULE", "the default value of persistence.module"),
            Map.entry("RemoteLeaders.URL", "the last part of <Follower>.follow.<Leader>.url"),
            Map.entry("RemoteLeaders.USERNAME", "the last part of <Follower>.follow.<Leader>.username"),
            Map.entry("RemoteLeaders.PASSWORD", "the last part of <Follower>.follow.<Leader>.password"),
            Map.entry("RemoteLeaders.BEARER_TOKEN", "the last part of <Follower>.follow.<Leader>.bearer-token"),
            Map.entry("JpaSettings.DEFAULT_PERSISTENCE_UNIT", "the default value of jpa.persistence-unit"),
            Map.entry("JpaWiring.ENTITY_MANAGER", "a class name"),
            Map.entry("BrowserSettings.DEFAULT_ROLE", "the default value of browser.role"),
            Map.entry("BrowserSettings.DEFAULT_OPERATOR_ROLE", "the default value of browser.operator-role"),
            Map.entry("WorkersCheck.NAME", "the name of a health check"));

    private static final Pattern CONSTANT = Pattern.compile(
            "^\\s*(?:(?:public|protected|private|static|final)\\s+)*String\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"\\s*;",
            Pattern.MULTILINE);
    private static final Pattern SETTINGS_CLASS = Pattern.compile("\\b\\w*(Settings|Config)\\w*\\b");
    private static final Pattern KEY_SHAPE = Pattern.compile("[a-z<][A-Za-z0-9<>._-]*");
    private static final Pattern INLINE_KEY = Pattern.compile(
            "(?i)\\b\\w*(?:settings|config)\\w*\\s*\\.\\s*(?:get|getBoolean|getInt|getLong|getOptionalValue|getValue)\\(\\s*\"");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern TABLE_KEY = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);

    private final Path root = GuideSnippets.docs().getParent();

    @Test
    void everyDeclaredKeyIsOnTheReferencePage() throws IOException {
        Map<String, String> keys = declaredKeys();
        String page = Files.readString(root.resolve("docs/configuration.md"));
        List<String> missing = keys.entrySet().stream()
                .filter(key -> !page.contains("`" + key.getKey() + "`"))
                .map(key -> key.getKey() + " (" + key.getValue() + ")").toList();
        assertEquals(List.of(), missing, "keys declared in code but missing from docs/configuration.md");
    }

    @Test
    void everyKeyInTheReferenceTablesIsDeclared() throws IOException {
        Set<String> keys = declaredKeys().keySet();
        Matcher row = TABLE_KEY.matcher(Files.readString(root.resolve("docs/configuration.md")));
        List<String> unknown = new ArrayList<>();
        while (row.find()) {
            if (!keys.contains(row.group(1))) {
                unknown.add(row.group(1));
            }
        }
        assertEquals(List.of(), unknown, "docs/configuration.md lists keys that no code declares");
    }

    @Test
    void theScanFindsTheKeysOfEveryLibraryModule() throws IOException {
        Set<String> keys = declaredKeys().keySet();
        for (String known : List.of("persistence.module", "cipher.keys", "projection.attempts",
                "<Follower>.follow.<Leader>.url", "jpa.create-tables", "application.name", "executor")) {
            assertTrue(keys.contains(known), "the scan missed " + known + ": " + keys);
        }
    }

    @Test
    void noKeyIsReadAsALiteralInsteadOfADeclaredConstant() throws IOException {
        List<String> inline = new ArrayList<>();
        for (Path file : librarySources()) {
            if (INLINE_KEY.matcher(Files.readString(file)).find()) {
                inline.add(root.relativize(file).toString());
            }
        }
        assertEquals(List.of(), inline, "these read a setting by a literal key; declare it as a constant");
    }

    /** Key to where it is declared ({@code Class.FIELD}). */
    private Map<String, String> declaredKeys() throws IOException {
        Map<String, String> keys = new TreeMap<>();
        for (Path file : librarySources()) {
            String source = Files.readString(file);
            if (!SETTINGS_CLASS.matcher(source).find()) {
                continue;
            }
            String type = file.getFileName().toString().replace(".java", "");
            Matcher constant = CONSTANT.matcher(source);
            while (constant.find()) {
                String field = type + "." + constant.group(1);
                if (KEY_SHAPE.matcher(constant.group(2)).matches() && !NOT_KEYS.containsKey(field)) {
                    keys.put(constant.group(2), field);
                }
            }
        }
        return keys;
    }

    private List<Path> librarySources() throws IOException {
        Set<String> modules = new TreeSet<>();
        Matcher module = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
        while (module.find()) {
            modules.add(module.group(1).trim());
        }
        modules.removeAll(NOT_LIBRARY);
        assertTrue(modules.contains("api") && modules.contains("jpa-store"), "no modules in the root pom: " + modules);
        List<Path> sources = new ArrayList<>();
        for (String name : modules) {
            Path main = root.resolve(name).resolve("src/main/java");
            if (Files.isDirectory(main)) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        }
        return sources;
    }
}
