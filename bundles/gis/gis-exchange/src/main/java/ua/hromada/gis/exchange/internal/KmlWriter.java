package ua.hromada.gis.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import ua.hromada.gis.exchange.ExportColumn;
import ua.hromada.gis.exchange.ExportFeature;
import ua.hromada.gis.exchange.ExportLayer;

/**
 * KML 2.2: one Placemark per feature, named by its first attribute's value, with every attribute as
 * ExtendedData (name + display name = the label), multi-part geometries as MultiGeometry.
 */
final class KmlWriter {
    private static final String KML = "http://www.opengis.net/kml/2.2";

    void write(ExportLayer layer, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("kml");
            xml.writeDefaultNamespace(KML);
            xml.writeStartElement("Document");
            element(xml, "name", layer.title());
            for (ExportFeature f : layer.features()) {
                placemark(xml, layer, f);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        out.write("\n".getBytes(StandardCharsets.UTF_8));
    }

    private static void placemark(XMLStreamWriter xml, ExportLayer layer, ExportFeature f) throws XMLStreamException {
        xml.writeStartElement("Placemark");
        if (!layer.columns().isEmpty()) {
            element(xml, "name", ExportValues.text(f.values().get(layer.columns().get(0).name())));
        }
        xml.writeStartElement("ExtendedData");
        for (ExportColumn c : layer.columns()) {
            xml.writeStartElement("Data");
            xml.writeAttribute("name", c.name());
            element(xml, "displayName", c.label());
            element(xml, "value", ExportValues.text(f.values().get(c.name())));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        Geometry g = ExportValues.geometry(f.geometry());
        if (g != null) {
            geometry(xml, g);
        }
        xml.writeEndElement();
    }

    private static void geometry(XMLStreamWriter xml, Geometry g) throws XMLStreamException {
        if (g instanceof Point p) {
            xml.writeStartElement("Point");
            coordinates(xml, p.getCoordinates());
            xml.writeEndElement();
        } else if (g instanceof LineString l) {
            xml.writeStartElement("LineString");
            coordinates(xml, l.getCoordinates());
            xml.writeEndElement();
        } else if (g instanceof Polygon p) {
            xml.writeStartElement("Polygon");
            ring(xml, "outerBoundaryIs", p.getExteriorRing());
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                ring(xml, "innerBoundaryIs", p.getInteriorRingN(i));
            }
            xml.writeEndElement();
        } else {
            xml.writeStartElement("MultiGeometry");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                geometry(xml, g.getGeometryN(i));
            }
            xml.writeEndElement();
        }
    }

    private static void ring(XMLStreamWriter xml, String boundary, LinearRing ring) throws XMLStreamException {
        xml.writeStartElement(boundary);
        xml.writeStartElement("LinearRing");
        coordinates(xml, ring.getCoordinates());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void coordinates(XMLStreamWriter xml, Coordinate[] cs) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        for (Coordinate c : cs) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(ExportValues.number(c.x)).append(',').append(ExportValues.number(c.y));
            if (!Double.isNaN(c.getZ())) {
                text.append(',').append(ExportValues.number(c.getZ()));
            }
        }
        element(xml, "coordinates", text.toString());
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }
}
