package ua.hromada.crm.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.ReadWord;
import ua.hromada.crm.api.ScanText;
import ua.hromada.crm.service.verification.VerificationFixture;

/**
 * The machine's tesseract (Debian tesseract-ocr + tesseract-ocr-ukr, as CI installs them) reading
 * scans the test draws: the words and their boxes from an image and from a two-page PDF, and every
 * way of not reading one answered with its reason, never thrown.
 */
class TesseractScanReaderTest {
    static final String TAX = VerificationFixture.taxNumber(LocalDate.of(1985, 3, 15), "0123");
    private static byte[] png;
    private static java.awt.image.BufferedImage image;
    private final TesseractScanReader reader = new TesseractScanReader(OcrSettings.defaults("tesseract"));

    @BeforeAll
    static void draw() throws Exception {
        image = ScanImages.page(ScanImages.idCard("ШЕВЧЕНКО", "ОЛЕНА", "15.03.1985", TAX, "001234567", "19850315-01234"), 7);
        png = ScanImages.png(image);
    }

    private static ReadWord word(ScanText text, String value) {
        return text.words().stream().filter(w -> w.text().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError(value + " not read in:\n" + text.text()));
    }

    @Test
    void readsUkrainianTextWithWordBoxes() {
        ScanText text = reader.read(png, "image/png");
        assertTrue(text.readable(), text.problem());
        assertEquals(1, text.pages());
        word(text, "ШЕВЧЕНКО");
        word(text, "ОЛЕНА");
        word(text, "15.03.1985");
        ReadWord tax = word(text, TAX);
        // the sixth line (РНОКПП), within a line's height of where it was drawn, right of the label
        assertTrue(Math.abs(tax.top() - ScanImages.lineTop(5)) < ScanImages.lineHeight(), tax.toString());
        assertTrue(tax.left() > 300 && tax.width() > 200 && tax.height() > 20, tax.toString());
        assertEquals(1, tax.page());
        ReadWord label = word(text, "РНОКПП:");
        assertEquals(label.line(), tax.line(), "the label and the number share their line");
    }

    @Test
    void readsEachPageOfAPdfScan() throws Exception {
        var second = ScanImages.page(List.of("Запис №: 19850315-01234", "Місце проживання: м. Полтава"), 8);
        ScanText text = reader.read(ScanImages.pdf(image, second), "application/pdf");
        assertTrue(text.readable(), text.problem());
        assertEquals(2, text.pages());
        assertEquals(1, word(text, TAX).page());
        assertEquals(2, word(text, "Полтава").page());
    }

    @Test
    void aMissingProgramIsExplained() {
        ScanText text = new TesseractScanReader(OcrSettings.defaults("/nonexistent/tesseract")).read(png, "image/png");
        assertFalse(text.readable());
        assertTrue(text.problem().startsWith("скан не прочитано: на сервері немає tesseract"), text.problem());
        assertTrue(text.words().isEmpty());
    }

    @Test
    void missingLanguageDataIsExplained() {
        ScanText text = new TesseractScanReader(new OcrSettings(List.of("tesseract"), "zzz", Duration.ofSeconds(60), 300, 10))
                .read(png, "image/png");
        assertFalse(text.readable());
        assertTrue(text.problem().contains("мовних даних «zzz»"), text.problem());
    }

    @Test
    void aTimeoutIsExplained() {
        // a "program" that takes longer than the timeout allows (sh ignores the image arguments)
        ScanText text = new TesseractScanReader(new OcrSettings(List.of("sh", "-c", "sleep 20"), "ukr+eng",
                Duration.ofSeconds(1), 300, 10)).read(png, "image/png");
        assertFalse(text.readable());
        assertTrue(text.problem().contains("не впорався за 1 с"), text.problem());
    }

    @Test
    void whatIsNoImageIsExplained() {
        assertTrue(reader.read("просто текст".getBytes(), "text/plain").problem().contains("не є зображенням чи PDF"));
        ScanText broken = reader.read(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}, "image/png");
        assertFalse(broken.readable());
        ScanText brokenPdf = reader.read("%PDF-1.4 broken".getBytes(), "application/pdf");
        assertFalse(brokenPdf.readable());
        assertTrue(brokenPdf.problem().startsWith("скан не прочитано"), brokenPdf.problem());
    }
}
