package ua.hromada.oks.open311;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import ua.hromada.oks.open311.Document.Node;
import ua.hromada.oks.open311.Document.NodeList;
import ua.hromada.oks.open311.Document.ValueList;

/** The two formats of the spec, chosen by the resource's extension; both UTF-8. */
public enum Format {

    XML("xml", "text/xml; charset=utf-8") {
        @Override
        public byte[] write(Document document) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                // the JDK's own StAX, not whatever implementation the container's class path offers
                XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(w);
                xml.writeStartDocument("utf-8", "1.0");
                xml.writeStartElement(document.root());
                if (document.isList()) {
                    for (Node node : document.entries()) {
                        writeXml(xml, document.item(), node);
                    }
                } else {
                    writeFields(xml, document.entries().get(0));
                }
                xml.writeEndElement();
                xml.writeEndDocument();
                xml.close();
            } catch (XMLStreamException e) {
                throw new IllegalStateException("XML output failed", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        private void writeXml(XMLStreamWriter xml, String name, Node node) throws XMLStreamException {
            xml.writeStartElement(name);
            writeFields(xml, node);
            xml.writeEndElement();
        }

        private void writeFields(XMLStreamWriter xml, Node node) throws XMLStreamException {
            for (Map.Entry<String, Object> field : node.fields().entrySet()) {
                Object value = field.getValue();
                if (value == null) {
                    xml.writeEmptyElement(field.getKey());
                } else if (value instanceof ValueList list) {
                    xml.writeStartElement(field.getKey());
                    for (String item : list.values()) {
                        xml.writeStartElement(list.item());
                        xml.writeCharacters(cleanText(item));
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                } else if (value instanceof NodeList list) {
                    if (list.nodes().isEmpty()) {
                        xml.writeEmptyElement(field.getKey());
                    } else {
                        xml.writeStartElement(field.getKey());
                        for (Node child : list.nodes()) {
                            writeXml(xml, list.item(), child);
                        }
                        xml.writeEndElement();
                    }
                } else {
                    xml.writeStartElement(field.getKey());
                    xml.writeCharacters(xmlText(value));
                    xml.writeEndElement();
                }
            }
        }
    },

    JSON("json", "application/json; charset=utf-8") {
        private final JsonFactory factory = new JsonFactory();

        @Override
        public byte[] write(Document document) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator json = factory.createGenerator(out)) {
                if (document.isList()) {
                    json.writeStartArray();
                    for (Node node : document.entries()) {
                        writeObject(json, node);
                    }
                    json.writeEndArray();
                } else {
                    writeObject(json, document.entries().get(0));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        private void writeObject(JsonGenerator json, Node node) throws IOException {
            json.writeStartObject();
            for (Map.Entry<String, Object> field : node.fields().entrySet()) {
                json.writeFieldName(field.getKey());
                Object value = field.getValue();
                if (value == null) {
                    json.writeNull();
                } else if (value instanceof ValueList list) {
                    json.writeStartArray();
                    for (String item : list.values()) {
                        json.writeString(cleanText(item));
                    }
                    json.writeEndArray();
                } else if (value instanceof NodeList list) {
                    json.writeStartArray();
                    for (Node child : list.nodes()) {
                        writeObject(json, child);
                    }
                    json.writeEndArray();
                } else if (value instanceof Boolean b) {
                    json.writeBoolean(b);
                } else if (value instanceof Long || value instanceof Integer) {
                    json.writeNumber(((Number) value).longValue());
                } else if (value instanceof Number n) {
                    json.writeNumber(new BigDecimal(n.toString()));
                } else {
                    json.writeString(cleanText(value.toString()));
                }
            }
            json.writeEndObject();
        }
    };

    private final String extension;
    private final String contentType;

    Format(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The document as UTF-8 bytes of this format. */
    public abstract byte[] write(Document document);

    public static Optional<Format> ofExtension(String extension) {
        String e = extension == null ? "" : extension.toLowerCase(Locale.ROOT);
        for (Format f : values()) {
            if (f.extension.equals(e)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static String xmlText(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).toPlainString();
        }
        return cleanText(value.toString());
    }

    /**
     * Drops the characters XML 1.0 cannot carry at all (control characters other than tab and line
     * breaks, lone surrogates): StAX escapes markup but writes those as they are, which no parser
     * accepts. JSON gets the same text so both formats say the same.
     */
    static String cleanText(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (b != null) {
                        b.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
            }
            if (!ok && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            } else if (ok && b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
