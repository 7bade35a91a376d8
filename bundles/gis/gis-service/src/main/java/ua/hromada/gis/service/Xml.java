package ua.hromada.gis.service;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import ua.hromada.portal.api.map.BoundingBox;

/** Reading capabilities documents by local element names (WMS, WMTS and OWS namespaces alike). */
final class Xml {
    private Xml() {
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName() == null ? e.getNodeName() : e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element parent, String localName) {
        List<Element> all = children(parent, localName);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The child's text, stripped; null when absent or blank. */
    static String text(Element parent, String localName) {
        Element e = child(parent, localName);
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    static Double number(Element parent, String localName) {
        return number(text(parent, localName));
    }

    static Double number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A WGS 84 box, or null when a number is missing or the box is not one (a service's mistake). */
    static BoundingBox box(Double south, Double west, Double north, Double east) {
        if (south == null || west == null || north == null || east == null) {
            return null;
        }
        try {
            return new BoundingBox(south, west, north, east);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
