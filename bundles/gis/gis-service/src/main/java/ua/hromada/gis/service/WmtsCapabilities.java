package ua.hromada.gis.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.w3c.dom.Element;

import ua.hromada.gis.api.ExternalLayerKind;
import ua.hromada.gis.api.ServiceCapabilities;
import ua.hromada.gis.api.ServiceCapabilities.Entry;
import ua.hromada.gis.api.ServiceCapabilities.TileMatrixSet;
import ua.hromada.portal.api.map.BoundingBox;

/**
 * A WMTS 1.0.0 {@code Capabilities} document: its layers (identifier, title, abstract, WGS 84
 * extent, styles, formats, linked tile matrix sets, whose CRS are the layer's) and tile matrix sets.
 */
final class WmtsCapabilities {
    private WmtsCapabilities() {
    }

    static ServiceCapabilities read(Element root) {
        Element contents = Xml.child(root, "Contents");
        if (contents == null) {
            throw CapabilitiesReader.invalid("gis.error.capabilities.notCapabilities");
        }
        Element service = Xml.child(root, "ServiceIdentification");
        String title = service == null ? null : Xml.text(service, "Title");
        Map<String, String> setCrs = new TreeMap<>();
        List<TileMatrixSet> sets = new ArrayList<>();
        for (Element set : Xml.children(contents, "TileMatrixSet")) {
            String id = Xml.text(set, "Identifier");
            if (id != null) {
                String crs = Xml.text(set, "SupportedCRS");
                setCrs.put(id, crs);
                sets.add(new TileMatrixSet(id, crs));
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Element layer : Xml.children(contents, "Layer")) {
            String id = Xml.text(layer, "Identifier");
            if (id == null) {
                continue;
            }
            List<String> styles = new ArrayList<>();
            Xml.children(layer, "Style").forEach(s -> {
                String name = Xml.text(s, "Identifier");
                if (name != null) {
                    styles.add(name);
                }
            });
            List<String> formats = Xml.children(layer, "Format").stream().map(e -> e.getTextContent().strip()).toList();
            List<String> links = new ArrayList<>();
            Set<String> crs = new LinkedHashSet<>();
            for (Element link : Xml.children(layer, "TileMatrixSetLink")) {
                String set = Xml.text(link, "TileMatrixSet");
                if (set != null) {
                    links.add(set);
                    if (setCrs.get(set) != null) {
                        crs.add(setCrs.get(set));
                    }
                }
            }
            entries.add(new Entry(id, Xml.text(layer, "Title"), Xml.text(layer, "Abstract"), List.copyOf(crs),
                    bbox(layer), styles, formats, links));
        }
        return new ServiceCapabilities(ExternalLayerKind.WMTS, root.getAttribute("version"), title, entries, sets);
    }

    private static BoundingBox bbox(Element layer) {
        Element box = Xml.child(layer, "WGS84BoundingBox");
        if (box == null) {
            return null;
        }
        double[] lower = corner(Xml.text(box, "LowerCorner"));
        double[] upper = corner(Xml.text(box, "UpperCorner"));
        return lower == null || upper == null ? null : Xml.box(lower[1], lower[0], upper[1], upper[0]);
    }

    /** "lon lat" (the WGS84BoundingBox's axis order). */
    private static double[] corner(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            return null;
        }
        Double lon = Xml.number(parts[0]);
        Double lat = Xml.number(parts[1]);
        return lon == null || lat == null ? null : new double[] {lon, lat};
    }
}
