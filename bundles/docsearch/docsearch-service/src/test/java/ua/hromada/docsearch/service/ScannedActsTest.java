package ua.hromada.docsearch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.ActFile;
import ua.hromada.docsearch.api.ExtractionStatus;
import ua.hromada.docsearch.api.FileUpload;
import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.portal.api.ocr.Tesseract;
import ua.hromada.portal.jobs.JobPools;

/**
 * Scanned PDFs (issue 16): a page of known Ukrainian text drawn as an image (no text layer) is read
 * by the real tesseract in the background job and the act is found by a word of it; without the
 * program the act is kept, flagged as before, with the reason.
 */
class ScannedActsTest {
    private final TestSetup setup = new TestSetup();
    private final JobPools pools = new JobPools(Map.of(), setup.communities);

    @AfterEach
    void close() {
        pools.close();
        setup.close();
    }

    private LegalActRegistryImpl service(String program) {
        return setup.service(new ScanRecognition.Setup(new Tesseract(List.of(program), "ukr+eng", Duration.ofSeconds(120)),
                300, 10, pools.forModule("docsearch")));
    }

    private static LegalAct register(LegalActRegistryImpl service, String number) throws Exception {
        byte[] scan = ScanPdf.of("РІШЕННЯ", "Про капітальний ремонт міської бібліотеки",
                "на вулиці Соборності у 2025 році");
        return service.create(new ActDraft("executive-decision", number, LocalDate.of(2025, 2, 3),
                "Рішення № " + number, null, null, null, null, Set.of(), List.of()),
                List.of(new FileUpload("skan.pdf", scan)), Fixtures.editor("olena"));
    }

    /** The file once the background job has ended (it reads a page in seconds; the index follows the row). */
    private ActFile settled(LegalActRegistryImpl service, long id) throws InterruptedException {
        for (int i = 0; i < 1200 && !pools.active().isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertTrue(pools.active().isEmpty(), "the OCR job ended");
        return service.find(id).orElseThrow().files().get(0);
    }

    @Test
    void aScanIsReadByOcrAndTheActIsFoundByAWordOfIt() throws Exception {
        LegalActRegistryImpl service = service("tesseract");
        LegalAct act = register(service, "41");
        assertEquals(ExtractionStatus.OCR_QUEUED, act.files().get(0).extraction(), "waits for OCR after the save");
        assertFalse(service.search(SearchQuery.text("бібліотека")).hits().stream().anyMatch(h -> h.id() == act.id()),
                "no text before OCR");

        ActFile file = settled(service, act.id());
        assertEquals(ExtractionStatus.OCR, file.extraction(), () -> "note: " + file.extractionError());
        assertNull(file.extractionError());
        // in the act's history, written with the text (the core publishes it to the other nodes)
        assertTrue(setup.audit.entries().stream().anyMatch(e -> e.action().equals(ScanRecognition.ACTION)
                && e.actor().equals("system") && e.entityId().equals(Long.toString(act.id()))
                && e.changes().equals("file " + file.id() + ": OCR")), () -> setup.audit.entries().toString());
        // the nominative finds «бібліотеки», as for any text
        assertTrue(service.search(SearchQuery.text("бібліотека")).hits().stream().anyMatch(h -> h.id() == act.id()));
        assertTrue(service.search(SearchQuery.text("ремонт Соборності")).hits().stream().anyMatch(h -> h.id() == act.id()));
    }

    @Test
    void withoutTesseractTheActIsKeptAndFlaggedWithTheReason() throws Exception {
        LegalActRegistryImpl service = service("/nonexistent/tesseract");
        LegalAct act = register(service, "42");
        ActFile file = settled(service, act.id());
        assertEquals(ExtractionStatus.EMPTY, file.extraction());
        assertTrue(file.extractionError().startsWith("Текст не розпізнано: на сервері немає tesseract"),
                file.extractionError());
        assertEquals("Рішення № 42", service.find(act.id()).orElseThrow().title());
    }

    @Test
    void withOcrOffAScanIsFlaggedAsBefore() throws Exception {
        LegalAct act = register(setup.service(null), "43");
        assertEquals(ExtractionStatus.EMPTY, act.files().get(0).extraction());
    }
}
