package dev.eventsourcing.example.bank.postgresql.cluster;

import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A copy of the WAR built for PostgreSQL whose data source points at another database. The
 * build bakes the database URL into {@code WEB-INF/web.xml}; the copy differs from the
 * original in that one {@code <url>} only, so the cluster runs exactly the application that was
 * built, but on a database of its own.
 */
final class ClusterWar {

    /** The data source that the WAR's persistence unit names. */
    static final String DATA_SOURCE = "java:app/jdbc/bank";

    private static final ArchivePath WEB_XML = ArchivePaths.create("WEB-INF/web.xml");

    private ClusterWar() {
    }

    /**
     * Writes the copy to {@code target} (whose file name becomes the context root).
     *
     * @throws IllegalArgumentException when the WAR has no data source {@value #DATA_SOURCE} in
     *                                  its web.xml (it was not built with {@code -Ppostgresql})
     */
    static Path withDatabaseUrl(Path war, String jdbcUrl, Path target) throws Exception {
        return withDatabaseUrl(war, jdbcUrl, target, archive -> {
        });
    }

    /**
     * Writes the copy to {@code target}, with whatever {@code additions} puts into it besides
     * (a test's own classes and resources).
     *
     * @throws IllegalArgumentException when the WAR was not built for PostgreSQL
     */
    static Path withDatabaseUrl(Path war, String jdbcUrl, Path target, Consumer<WebArchive> additions) throws Exception {
        WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war.toFile());
        Node webXml = archive.get(WEB_XML);
        if (webXml == null) {
            throw notForPostgresql(war, "it has no WEB-INF/web.xml");
        }
        String rewritten;
        try (InputStream in = webXml.getAsset().openStream()) {
            rewritten = rewrite(in, jdbcUrl, war);
        }
        archive.delete(WEB_XML);
        archive.setWebXML(new StringAsset(rewritten));
        additions.accept(archive);
        Files.createDirectories(target.getParent());
        archive.as(ZipExporter.class).exportTo(target.toFile(), true);
        return target;
    }

    private static String rewrite(InputStream webXml, String jdbcUrl, Path war) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(webXml);
        NodeList dataSources = document.getElementsByTagNameNS("*", "data-source");
        for (int i = 0; i < dataSources.getLength(); i++) {
            Element dataSource = (Element) dataSources.item(i);
            if (DATA_SOURCE.equals(child(dataSource, "name").getTextContent().strip())) {
                child(dataSource, "url").setTextContent(jdbcUrl);
                StringWriter out = new StringWriter();
                var transformer = TransformerFactory.newInstance().newTransformer();
                transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
                transformer.transform(new DOMSource(document), new StreamResult(out));
                return out.toString();
            }
        }
        throw notForPostgresql(war, "its WEB-INF/web.xml defines no data source " + DATA_SOURCE);
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getElementsByTagNameNS("*", name);
        if (children.getLength() != 1) {
            throw new IllegalArgumentException("A <data-source> in web.xml has " + children.getLength()
                    + " <" + name + "> elements, expected one");
        }
        return (Element) children.item(0);
    }

    private static IllegalArgumentException notForPostgresql(Path war, String why) {
        return new IllegalArgumentException("The WAR " + war + " was not built for PostgreSQL (" + why
                + "); build it with -Ppostgresql");
    }
}
