package ua.hromada.docsearch.service.extract;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.tika.detect.CompositeEncodingDetector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.HtmlEncodingDetector;
import org.apache.tika.parser.html.HtmlParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.txt.TXTParser;
import org.apache.tika.parser.txt.UniversalEncodingDetector;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.docsearch.api.ExtractionStatus;

/**
 * Text of a file with Apache Tika. The parsers are built explicitly per format (no ServiceLoader
 * discovery, which does not see embedded jars reliably in OSGi), and the thread context class
 * loader is this bundle's while parsing (XMLBeans and friends look classes up through it).
 */
public final class TextExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(TextExtractor.class);
    /** Characters kept per file; the rest of a huge file is not indexed. */
    static final int MAX_CHARS = 10_000_000;

    private final Map<FileFormat, Parser> parsers = new EnumMap<>(FileFormat.class);

    public TextExtractor() {
        EncodingDetector text = new CompositeEncodingDetector(List.of(new UniversalEncodingDetector()));
        EncodingDetector html = new CompositeEncodingDetector(List.of(new HtmlEncodingDetector(),
                new UniversalEncodingDetector()));
        parsers.put(FileFormat.PDF, new PDFParser());
        parsers.put(FileFormat.DOCX, new OOXMLParser());
        parsers.put(FileFormat.ODT, new OpenDocumentParser());
        parsers.put(FileFormat.RTF, new RTFParser());
        parsers.put(FileFormat.TXT, new TXTParser(text));
        parsers.put(FileFormat.HTML, new HtmlParser(html));
    }

    /** What came out of a file. {@code text} is null when extraction failed. */
    public record Extraction(ExtractionStatus status, String text, String error) {
    }

    /** Never throws for bad content: a file that cannot be parsed comes back FAILED with the reason. */
    public Extraction extract(FileFormat format, String fileName, byte[] content) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TextExtractor.class.getClassLoader());
        BodyContentHandler handler = new BodyContentHandler(MAX_CHARS);
        try (InputStream in = new ByteArrayInputStream(content)) {
            Metadata metadata = new Metadata();
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
            metadata.set(Metadata.CONTENT_TYPE, format.mediaType());
            parsers.get(format).parse(in, handler, metadata, new ParseContext());
            return result(handler.toString());
        } catch (Exception | LinkageError | StackOverflowError e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                return result(handler.toString());
            }
            LOG.warn("Text extraction failed for {} ({}): {}", fileName, format, e.toString());
            String message = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Extraction(ExtractionStatus.FAILED, null, truncate(message, 2000));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Extraction result(String raw) {
        String text = clean(raw);
        return text.isEmpty() ? new Extraction(ExtractionStatus.EMPTY, "", null)
                : new Extraction(ExtractionStatus.OK, text, null);
    }

    /** Text as stored: PostgreSQL text cannot hold NUL; runs of blank lines collapsed. */
    public static String clean(String raw) {
        return raw.replace("\u0000", "").replaceAll("[ \\t\\x0B\\f\\r]+\\n", "\n").replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
