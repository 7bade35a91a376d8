package ua.hromada.crm.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.Finding;
import ua.hromada.crm.api.FindingSeverity;
import ua.hromada.crm.api.ScanReader;
import ua.hromada.crm.api.ScanText;
import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.crm.service.verification.VerificationFixture;
import ua.hromada.crm.service.verification.VerificationImpl;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * Verification of cases whose identity-document scans the test draws (printed-and-scanned quality)
 * and the real tesseract reads: the typed applicant matching the scan fires nothing; a different
 * РНОКПП or document number is a mismatch naming both values, with the line read and its region;
 * a PDF scan likewise; a scan is read once; no tesseract is a warning, not a failure.
 */
class ScanVerificationTest {
    private static final LocalDate BORN = LocalDate.of(1985, 3, 15);
    private static final String TAX = VerificationFixture.taxNumber(BORN, "0123");
    private static final String OTHER_TAX = VerificationFixture.taxNumber(BORN, "0456");

    private CrmTestSetup setup;
    private VerificationFixture fx;
    private final AtomicInteger reads = new AtomicInteger();
    private VerificationImpl verification;
    private long card;

    @BeforeEach
    void setUp() {
        setup = new CrmTestSetup();
        fx = new VerificationFixture(setup);
        ScanReader tesseract = new TesseractScanReader(OcrSettings.defaults("tesseract"));
        // the real reader, counted: a scan read once is not read again
        verification = setup.verification(new ScanReader() {
            @Override
            public ScanText read(byte[] content, String contentType) {
                reads.incrementAndGet();
                return tesseract.read(content, contentType);
            }

            @Override
            public String engine() {
                return tesseract.engine();
            }
        });
        card = fx.card("RM-01", "Реєстрація місця проживання особи", "reiestratsiia", null);
    }

    @AfterEach
    void tearDown() {
        setup.close();
    }

    /** A case of a person typed with this РНОКПП and ID card, its ID card scanned as given. */
    private long caseWithScan(String typedTax, String typedDocument, String typedLastName, byte[] scan, String type) {
        long applicant = fx.person(typedLastName, "Олена", BORN, typedTax, "ID_CARD", typedDocument,
                setup.settings().today().plusYears(3), "19850315-01234");
        long c = fx.caseOf(applicant, card, "", false, false, "REGISTERED");
        long d = fx.document(c, "Паспорт громадянина України", "IDENTITY", "ALWAYS", true);
        fx.scan(c, d, type.equals("application/pdf") ? "id-karta.pdf" : "id-karta.png", type, scan);
        return c;
    }

    private static byte[] idCardPng(String tax, String document) throws Exception {
        return ScanImages.png(ScanImages.page(ScanImages.idCard("ШЕВЧЕНКО", "ОЛЕНА", "15.03.1985", tax, document,
                "19850315-01234"), 3));
    }

    @Test
    void aMatchingScanFiresNothingAndIsReadOnce() throws Exception {
        long c = caseWithScan(TAX, "001234567", "Шевченко", idCardPng(TAX, "001234567"), "image/png");
        assertEquals(List.of(), verification.verify(setup.administrator, c));
        assertEquals(List.of(), verification.verify(setup.administrator, c));
        assertEquals(1, reads.get(), "the second run compares the stored reading");
        assertEquals(1L, (long) setup.database().read(con -> Statements.first(con,
                "SELECT count(*) FROM crm.scan_reading", rs -> rs.getLong(1)).orElseThrow()));
    }

    @Test
    void aDifferentTaxNumberIsAMismatchWithBothValuesAndTheRegion() throws Exception {
        long c = caseWithScan(OTHER_TAX, "001234567", "Шевченко", idCardPng(TAX, "001234567"), "image/png");
        List<Finding> found = verification.verify(setup.administrator, c);
        assertEquals(1, found.size(), found.toString());
        Finding f = found.get(0);
        assertEquals("scan-mismatch", f.rule());
        assertEquals(FindingSeverity.ERROR, f.severity());
        assertEquals("У скані «id-karta.png» РНОКПП " + TAX + ", у заяві " + OTHER_TAX, f.message());
        assertTrue(f.evidence().contains("РНОКПП") && f.evidence().contains(TAX), f.evidence());
        assertNotNull(f.scanId());
        assertNotNull(f.region());
        assertEquals(1, f.region().page());
        assertTrue(Math.abs(f.region().top() - ScanImages.lineTop(5)) < ScanImages.lineHeight(), f.region().toString());
        assertEquals(List.of(f), verification.unresolved(setup.administrator, c), "it holds the hand-over");
    }

    @Test
    void aPdfScanWithAnotherDocumentNumber() throws Exception {
        byte[] pdf = ScanImages.pdf(ScanImages.page(ScanImages.idCard("ШЕВЧЕНКО", "ОЛЕНА", "15.03.1985", TAX,
                "009876543", "19850315-01234"), 5));
        long c = caseWithScan(TAX, "001234567", "Шевченко", pdf, "application/pdf");
        Finding f = verification.verify(setup.administrator, c).get(0);
        assertEquals("scan-mismatch", f.rule());
        assertEquals("У скані «id-karta.pdf» номер документа 009876543, у заяві 001234567", f.message());
        assertTrue(Math.abs(f.region().top() - ScanImages.lineTop(6)) < ScanImages.lineHeight(), f.region().toString());
    }

    @Test
    void aSurnameNotOnTheScanIsAWarning() throws Exception {
        long c = caseWithScan(TAX, "001234567", "Коваленко", idCardPng(TAX, "001234567"), "image/png");
        Finding f = verification.verify(setup.administrator, c).get(0);
        assertEquals("scan-mismatch", f.rule());
        assertEquals(FindingSeverity.WARNING, f.severity());
        assertTrue(f.message().contains("прізвище") && f.message().contains("Коваленко"), f.message());
        assertEquals(List.of(), verification.unresolved(setup.administrator, c));
    }

    @Test
    void withoutTesseractTheScanIsReportedNotRead() throws Exception {
        VerificationImpl noProgram = setup.verification(new TesseractScanReader(OcrSettings.defaults("no-tesseract-here")));
        long c = caseWithScan(TAX, "001234567", "Шевченко", idCardPng(TAX, "001234567"), "image/png");
        Finding f = noProgram.verify(setup.administrator, c).get(0);
        assertEquals("scan-unreadable", f.rule());
        assertEquals(FindingSeverity.WARNING, f.severity());
        assertTrue(f.message().contains("скан не прочитано: на сервері немає tesseract"), f.message());
        // installed later: the next run reads it (a failed reading is not kept)
        assertEquals(List.of(), verification.verify(setup.administrator, c));
    }
}
