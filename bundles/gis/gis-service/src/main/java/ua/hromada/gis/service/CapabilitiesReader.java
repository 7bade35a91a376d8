package ua.hromada.gis.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import ua.hromada.gis.api.ExternalLayerKind;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.ServiceCapabilities;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.outbound.OutboundHttp;
import ua.hromada.portal.api.outbound.OutboundPolicy;
import ua.hromada.portal.api.outbound.OutboundRefusedException;

/**
 * Fetches a WMS or WMTS GetCapabilities document through the portal's outbound HTTP under the GIS's
 * allowed networks (a public address, else one {@code allowed.networks} lists; redirects checked the
 * same way), within a time and a size limit, and parses it with the JDK's parser closed to DOCTYPEs
 * and external entities (a document from another server must not make the portal read its files or
 * other addresses). Every failure is a {@link GisException} INVALID whose message says why in words
 * an administrator can act on.
 */
final class CapabilitiesReader {
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final OutboundHttp http;
    private final OutboundPolicy policy;
    private final Duration timeout;
    private final long maxBytes;

    /** @param policy the GIS's allowed networks ({@link GisMapServersImpl}); the reader sets its bounds */
    CapabilitiesReader(OutboundHttp http, OutboundPolicy policy, Duration timeout, long maxBytes) {
        this.http = http;
        this.policy = policy.withConnectTimeout(timeout).withTimeout(timeout).withMaxBytes(maxBytes);
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    ServiceCapabilities read(ExternalLayerKind kind, String url) {
        if (kind == null || kind == ExternalLayerKind.XYZ) {
            throw invalid("gis.error.capabilities.kind");
        }
        String urlError = ExternalLayerRules.urlError(url);
        if (urlError != null) {
            throw invalid(urlError);
        }
        byte[] body = fetch(requestUri(kind, url.strip()));
        return parse(kind, body);
    }

    /** The address with SERVICE/REQUEST/VERSION added unless it already asks for capabilities. */
    static URI requestUri(ExternalLayerKind kind, String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.contains("request=getcapabilities") || lower.endsWith(".xml")) {
            return URI.create(url);
        }
        String version = kind == ExternalLayerKind.WMS ? "1.3.0" : "1.0.0";
        String separator = url.contains("?") ? (url.endsWith("?") || url.endsWith("&") ? "" : "&") : "?";
        return URI.create(url + separator + "SERVICE=" + kind.name() + "&REQUEST=GetCapabilities&VERSION=" + version);
    }

    /** The body of a 200 answer within the reader's deadline and size limit (another answer's is not read). */
    private byte[] fetch(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/xml, text/xml;q=0.9, */*;q=0.1").build();
        try {
            HttpResponse<InputStream> response = http.send(request, policy);
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw invalid("gis.error.capabilities.status", Integer.toString(response.statusCode()));
                }
                return body.readAllBytes();
            }
        } catch (OutboundRefusedException e) {
            throw switch (e.reason()) {
                case TOO_LARGE -> invalid("gis.error.capabilities.tooLarge",
                        Long.toString(Math.max(1, maxBytes / 1024 / 1024)));
                case NOT_PUBLIC -> invalid("gis.error.capabilities.notPublic", e.host());
                // a user name in the address, or more redirects than allowed: as the JDK client failed before
                case NOT_HTTP -> invalid("gis.error.external.url");
                case REDIRECTS -> invalid("gis.error.capabilities.unreachable", uri.getHost());
            };
        } catch (HttpConnectTimeoutException e) {
            throw invalid("gis.error.capabilities.unreachable", uri.getHost());
        } catch (HttpTimeoutException e) {
            throw invalid("gis.error.capabilities.timeout", Long.toString(Math.max(1, timeout.toSeconds())));
        } catch (IOException e) {
            throw invalid("gis.error.capabilities.unreachable", uri.getHost());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw invalid("gis.error.capabilities.unreachable", uri.getHost());
        }
    }

    static ServiceCapabilities parse(ExternalLayerKind kind, byte[] body) {
        Document doc;
        try {
            doc = parser().parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException e) {
            // a DOCTYPE (refused: no entities from elsewhere) lands here too
            throw invalid("gis.error.capabilities.notCapabilities");
        }
        Element root = doc.getDocumentElement();
        String name = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
        if (name.equals("ServiceExceptionReport") || name.equals("ExceptionReport")) {
            String text = root.getTextContent().strip();
            throw invalid("gis.error.capabilities.serviceError", text.length() > 300 ? text.substring(0, 300) : text);
        }
        if (kind == ExternalLayerKind.WMS && (name.equals("WMS_Capabilities") || name.equals("WMT_MS_Capabilities"))) {
            return WmsCapabilities.read(root);
        }
        if (kind == ExternalLayerKind.WMTS && name.equals("Capabilities")) {
            return WmtsCapabilities.read(root);
        }
        throw invalid("gis.error.capabilities.notCapabilities");
    }

    static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // fatal errors throw, nothing printed
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a hardening feature", e);
        }
    }

    static GisException invalid(String key, Object... args) {
        return new GisException(Reason.INVALID, key, args);
    }
}
