package ua.hromada.docsearch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import ua.hromada.docsearch.api.ExtractionStatus;
import ua.hromada.docsearch.service.extract.FileFormat;
import ua.hromada.docsearch.service.extract.TextExtractor;
import ua.hromada.docsearch.service.extract.TextExtractor.Extraction;

class ExtractionTest {
    private static final String UK = "Про регіональну програму інформатизації «Цифрова Полтавщина» та м’ясо ґанок";
    private final TextExtractor extractor = new TextExtractor();

    private Extraction extract(String name, byte[] content) {
        FileFormat format = FileFormat.ofFileName(name).orElseThrow();
        assertTrue(format.matches(content), name + " passes its content check");
        return extractor.extract(format, name, content);
    }

    private void assertText(Extraction e, String expected) {
        assertEquals(ExtractionStatus.OK, e.status(), () -> "error: " + e.error());
        assertTrue(e.text().contains(expected), () -> e.text());
        assertNull(e.error());
    }

    @Test
    void pdf() {
        assertText(extract("a.pdf", Fixtures.pdf("Open data programme 2024-2026")), "Open data programme 2024-2026");
    }

    @Test
    void docx() {
        assertText(extract("a.docx", Fixtures.docx(UK)), UK);
    }

    @Test
    void odt() {
        assertText(extract("a.odt", Fixtures.odt(UK)), UK);
    }

    @Test
    void rtf() {
        assertText(extract("a.rtf", Fixtures.rtf(UK)), UK);
    }

    @Test
    void txtInUtf8AndWindows1251() {
        String longer = UK + ". " + "Полтавська міська рада затвердила положення про відділ цифрового розвитку.";
        assertText(extract("a.txt", Fixtures.txt(longer, StandardCharsets.UTF_8)), UK);
        assertText(extract("b.TXT", Fixtures.txt(longer, Charset.forName("windows-1251"))), "Полтавська міська рада");
    }

    @Test
    void htmlWithoutMarkupOrScripts() {
        Extraction e = extract("a.htm", Fixtures.html(UK));
        assertText(e, UK);
        assertTrue(e.text().contains("«Цифрова» громада"));
        assertFalse(e.text().contains("hidden"));
        assertFalse(e.text().contains("<h1>"));
    }

    @Test
    void corruptPdfIsFailedWithTheReasonNotAnException() {
        byte[] bad = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> broken beyond repair".getBytes(StandardCharsets.US_ASCII);
        Extraction e = extract("bad.pdf", bad);
        assertEquals(ExtractionStatus.FAILED, e.status());
        assertNotNull(e.error());
        assertNull(e.text());
    }

    @Test
    void pdfWithoutTextIsEmpty() {
        Extraction e = extract("scan.pdf", Fixtures.pdf(""));
        assertEquals(ExtractionStatus.EMPTY, e.status());
    }

    @Test
    void contentMustMatchTheExtension() {
        byte[] text = "просто текст".getBytes(StandardCharsets.UTF_8);
        assertFalse(FileFormat.PDF.matches(text));
        assertFalse(FileFormat.DOCX.matches(text));
        assertFalse(FileFormat.ODT.matches(text));
        assertFalse(FileFormat.RTF.matches(text));
        assertFalse(FileFormat.TXT.matches(Fixtures.pdf("x")));
        assertFalse(FileFormat.HTML.matches(Fixtures.docx("x")));
        assertTrue(FileFormat.ofFileName("a.exe").isEmpty());
        assertTrue(FileFormat.ofFileName("noextension").isEmpty());
        assertEquals(FileFormat.HTML, FileFormat.ofFileName("A.HTML").orElseThrow());
    }
}
