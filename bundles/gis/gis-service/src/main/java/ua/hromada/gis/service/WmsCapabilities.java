package ua.hromada.gis.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.w3c.dom.Element;

import ua.hromada.gis.api.ExternalLayerKind;
import ua.hromada.gis.api.ServiceCapabilities;
import ua.hromada.gis.api.ServiceCapabilities.Entry;
import ua.hromada.portal.api.map.BoundingBox;

/**
 * A WMS 1.3.0 ({@code WMS_Capabilities}, CRS, EX_GeographicBoundingBox) or 1.1.1
 * ({@code WMT_MS_Capabilities}, SRS, LatLonBoundingBox) document's named layers. Nested layers
 * inherit their parents' coordinate systems, extent and styles, as the standard says.
 */
final class WmsCapabilities {
    private WmsCapabilities() {
    }

    static ServiceCapabilities read(Element root) {
        String version = root.getAttribute("version");
        Element service = Xml.child(root, "Service");
        String title = service == null ? null : Xml.text(service, "Title");
        Element capability = Xml.child(root, "Capability");
        if (capability == null) {
            throw CapabilitiesReader.invalid("gis.error.capabilities.notCapabilities");
        }
        List<Entry> entries = new ArrayList<>();
        for (Element layer : Xml.children(capability, "Layer")) {
            collect(layer, new LinkedHashSet<>(), null, new LinkedHashSet<>(), entries);
        }
        return new ServiceCapabilities(ExternalLayerKind.WMS, version, title, entries, List.of());
    }

    private static void collect(Element layer, Set<String> parentCrs, BoundingBox parentBox, Set<String> parentStyles,
            List<Entry> out) {
        Set<String> crs = new LinkedHashSet<>(parentCrs);
        Xml.children(layer, "CRS").forEach(e -> crs.add(e.getTextContent().strip()));
        Xml.children(layer, "SRS").forEach(e -> crs.add(e.getTextContent().strip()));
        BoundingBox box = bbox(layer);
        if (box == null) {
            box = parentBox;
        }
        Set<String> styles = new LinkedHashSet<>(parentStyles);
        for (Element style : Xml.children(layer, "Style")) {
            String name = Xml.text(style, "Name");
            if (name != null) {
                styles.add(name);
            }
        }
        String name = Xml.text(layer, "Name");
        if (name != null) {
            out.add(new Entry(name, Xml.text(layer, "Title"), Xml.text(layer, "Abstract"), List.copyOf(crs), box,
                    List.copyOf(styles), List.of(), List.of()));
        }
        for (Element child : Xml.children(layer, "Layer")) {
            collect(child, crs, box, styles, out);
        }
    }

    private static BoundingBox bbox(Element layer) {
        Element geo = Xml.child(layer, "EX_GeographicBoundingBox");
        if (geo != null) {
            return Xml.box(Xml.number(geo, "southBoundLatitude"), Xml.number(geo, "westBoundLongitude"),
                    Xml.number(geo, "northBoundLatitude"), Xml.number(geo, "eastBoundLongitude"));
        }
        Element latLon = Xml.child(layer, "LatLonBoundingBox");
        if (latLon != null) {
            return Xml.box(Xml.number(latLon.getAttribute("miny")), Xml.number(latLon.getAttribute("minx")),
                    Xml.number(latLon.getAttribute("maxy")), Xml.number(latLon.getAttribute("maxx")));
        }
        return null;
    }
}
