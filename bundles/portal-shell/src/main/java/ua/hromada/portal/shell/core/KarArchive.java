package ua.hromada.portal.shell.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What a KAR archive installs: the Hromada modules ({@code hromada-<key>} features) of the
 * feature repositories it carries under {@code repository/}. Read before the archive is handed to
 * Karaf, so an upload that is no module is refused with a message, and so the modules view can
 * show the module as installing while Karaf's deployer works on it.
 */
final class KarArchive {

    static final String FEATURE_PREFIX = "hromada-";

    private KarArchive() {
    }

    /**
     * The keys of the modules the archive installs: its {@code hromada-*} features that no other
     * feature of the archive includes (a module's KAR may carry the platform's features it needs
     * too; those are not what it installs). Empty when it is no zip or has no such feature.
     */
    static Set<String> moduleKeys(InputStream kar) throws IOException {
        Set<String> all = new LinkedHashSet<>();
        Set<String> included = new LinkedHashSet<>();
        try (ZipInputStream zip = new ZipInputStream(kar)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory() && entry.getName().startsWith("repository/") && entry.getName().endsWith(".xml")) {
                    readFeatures(zip.readAllBytes(), all, included);
                }
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String name : all) {
            if (!included.contains(name)) {
                keys.add(name.substring(FEATURE_PREFIX.length()));
            }
        }
        return keys;
    }

    static Set<String> moduleKeys(byte[] kar) {
        try {
            return moduleKeys(new ByteArrayInputStream(kar));
        } catch (IOException e) {
            return Set.of();
        }
    }

    private static void readFeatures(byte[] xml, Set<String> all, Set<String> included) {
        Document doc;
        try {
            doc = parser().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return; // not a features file: a KAR may carry other XML (a POM)
        }
        if (!"features".equals(localName(doc.getDocumentElement()))) {
            return;
        }
        NodeList children = doc.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            if (node instanceof Element feature && "feature".equals(localName(feature))) {
                String name = feature.getAttribute("name");
                if (name.startsWith(FEATURE_PREFIX)) {
                    all.add(name);
                }
                NodeList deps = feature.getChildNodes();
                for (int j = 0; j < deps.getLength(); j++) {
                    if (deps.item(j) instanceof Element dep && "feature".equals(localName(dep))) {
                        included.add(dep.getTextContent().trim());
                    }
                }
            }
        }
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // an uploaded file: no external entities, no DTDs
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }
}
