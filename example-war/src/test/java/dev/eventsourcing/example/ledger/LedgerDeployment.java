package dev.eventsourcing.example.ledger;

import dev.eventsourcing.example.bank.TestUser;
import dev.eventsourcing.example.bank.domainmodel.Account;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the ledger's WAR: the ledger's classes, the bank's domain model (whose events it
 * decodes), and the libraries of the packaged bank WAR, which holds the event sourcing library,
 * its JPA store and the PostgreSQL driver.
 */
public final class LedgerDeployment {

    private LedgerDeployment() {
    }

    /**
     * Writes {@code ledger.war} into {@code folder} and returns its path.
     *
     * @param bankWar           the packaged bank WAR built for PostgreSQL
     * @param bankNotifications the URL of the bank's notification log
     * @param bankUser          the name and password of a user of the bank with the auditor role,
     *                          as which the ledger reads the log
     * @param jdbcUrl           the ledger's own PostgreSQL database
     */
    public static Path write(Path bankWar, URI bankNotifications, TestUser bankUser, String jdbcUrl, String user,
                             String password, Path folder) {
        WebArchive bank = ShrinkWrap.createFromZipFile(WebArchive.class, bankWar.toFile());
        WebArchive ledger = ShrinkWrap.create(WebArchive.class, "ledger.war")
                .addClasses(Ledger.class, AccountActivity.class, LedgerResource.class, LedgerApi.class,
                        LedgerPersistence.class, Balances.class, BalanceRow.class, LedgerSchema.class)
                .addPackage(Account.class.getPackage())
                .addAsResource(new StringAsset(resource("persistence.xml", Map.of())), "META-INF/persistence.xml")
                .addAsResource(new StringAsset(resource("microprofile-config.properties",
                        Map.of("@bank.notifications@", bankNotifications.toString(), "@bank.username@", bankUser.name(),
                                "@bank.password@", bankUser.password()))),
                        "META-INF/microprofile-config.properties")
                .setWebXML(new StringAsset(resource("web.xml",
                        Map.of("@url@", jdbcUrl, "@user@", user, "@password@", password))))
                .addAsWebInfResource(bank.get("/WEB-INF/beans.xml").getAsset(), "beans.xml");
        for (Map.Entry<ArchivePath, Node> entry : bank.getContent().entrySet()) {
            String path = entry.getKey().get();
            if (path.startsWith("/WEB-INF/lib/") && path.endsWith(".jar")) {
                ledger.add(entry.getValue().getAsset(), path);
            }
        }
        Path war = folder.resolve("ledger.war");
        ledger.as(ZipExporter.class).exportTo(war.toFile(), true);
        return war;
    }

    private static String resource(String name, Map<String, String> replacements) {
        try (InputStream in = LedgerDeployment.class.getResourceAsStream("/ledger/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource ledger/" + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                text = text.replace(replacement.getKey(), replacement.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
