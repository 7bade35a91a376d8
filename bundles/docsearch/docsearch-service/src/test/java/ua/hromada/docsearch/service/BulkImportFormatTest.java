package ua.hromada.docsearch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.docsearch.api.BulkImport;
import ua.hromada.docsearch.api.BulkImport.ImportReport;
import ua.hromada.docsearch.api.BulkImport.RowResult;
import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.ValidationException;

/**
 * The import format as docs/docsearch.md shows it (issue 20, item 17): columns separated by ';'
 * (multi-value cells quoted) or by ','; unreadable files refused with the real reason. And the
 * import run twice, or twice at once (item 18): nothing is created twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkImportFormatTest {
    private static final long MB = 1024 * 1024;
    private TestSetup setup;
    private LegalActRegistryImpl service;
    private BulkImport importer;

    @BeforeAll
    void start() {
        setup = new TestSetup();
        service = setup.service(20 * MB);
        importer = new BulkImportImpl(service, setup.communities);
    }

    @AfterAll
    void stop() {
        setup.close();
    }

    @AfterEach
    void clean() {
        service.search(ua.hromada.docsearch.api.SearchQuery.text("")).hits()
                .forEach(h -> service.delete(h.id(), Fixtures.editor("test")));
    }

    private static byte[] archive(String csv, Charset charset) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("metadata.csv", csv.getBytes(charset));
        entries.put("a.txt", "Про благоустрій скверу на вулиці Соборності".getBytes(StandardCharsets.UTF_8));
        entries.put("b.txt", "Схема озеленення скверу".getBytes(StandardCharsets.UTF_8));
        entries.put("c.txt", "Положення про утримання скверів".getBytes(StandardCharsets.UTF_8));
        return Fixtures.zip(entries);
    }

    private ImportReport run(byte[] zip) {
        return importer.importZip(new ByteArrayInputStream(zip), null, Fixtures.editor("import"));
    }

    private static String message(ValidationException e) {
        return e.fieldErrors().get("file");
    }

    @Test
    void semicolonSeparatedAsDocumentedWithQuotedMultiValues() {
        String csv = "\uFEFFfile;kind;number;date;title;issuing_body;status;convocation;session;tags\n"
                + "\"a.txt;b.txt\";Рішення виконавчого комітету;№ 55;01.02.2025;Про благоустрій скверу;"
                + "Виконавчий комітет;чинний;;;\"благоустрій;сквер\"\n"
                + "c.txt;regulation;56;2025-02-05;Положення про сквери;Виконавчий комітет;IN_FORCE;8;2;\n";
        ImportReport report = run(archive(csv, StandardCharsets.UTF_8));
        assertEquals(2, report.created(), () -> report.results().toString());
        LegalAct first = service.find(report.results().get(0).actId()).orElseThrow();
        assertEquals("executive-decision", first.kind().code());
        assertEquals(2, first.files().size());
        assertEquals(Set.of("благоустрій", "сквер"), first.tags());
        assertEquals(8, service.find(report.results().get(1).actId()).orElseThrow().convocation());
    }

    /** The archive of this metadata.csv (UTF-8) creates one act: that act as stored. */
    private LegalAct theOneImported(String csv) {
        ImportReport report = run(archive(csv, StandardCharsets.UTF_8));
        assertEquals(1, report.created(), () -> report.results().toString());
        return service.find(report.results().get(0).actId()).orElseThrow();
    }

    @Test
    void semicolonSeparatedWithoutQuotesTakesEveryColumn() {
        String csv = "file;kind;number;date;title;issuing_body;tags\n"
                + "a.txt;executive-decision;57;03.02.2025;Про сквер;Виконавчий комітет;сквер, благоустрій\n";
        LegalAct act = theOneImported(csv);
        assertEquals("57", act.number());
        assertEquals("Виконавчий комітет", act.issuingBody());
        assertEquals(Set.of("сквер", "благоустрій"), act.tags());
    }

    @Test
    void commaSeparatedStillWorks() {
        String csv = "file,kind,number,date,title,tags\n"
                + "a.txt;b.txt,executive-decision,58,04.02.2025,\"Про сквер, фонтан\",благоустрій;сквер\n";
        LegalAct act = theOneImported(csv);
        assertEquals("Про сквер, фонтан", act.title());
        assertEquals(2, act.files().size());
        assertEquals(Set.of("благоустрій", "сквер"), act.tags());
    }

    @Test
    void unreadableFilesAreRefusedWithTheRealReason() {
        String good = "file;kind;number;date;title\na.txt;executive-decision;59;05.02.2025;Про сквер на площі\n";
        ValidationException encoding = assertThrows(ValidationException.class,
                () -> run(archive(good, Charset.forName("windows-1251"))));
        assertEquals(MessageKeys.IMPORT_CSV_ENCODING, message(encoding));

        ValidationException quote = assertThrows(ValidationException.class, () -> run(archive(
                "file;kind;number;date;title\na.txt;executive-decision;60;05.02.2025;Про сквер\n"
                        + "\"a.txt;b.txt\"x;executive-decision;61;05.02.2025;Про фонтан\n", StandardCharsets.UTF_8)));
        assertEquals(MessageKeys.IMPORT_CSV_SYNTAX, message(quote));
        assertEquals("3", quote.args("file")[0], "the line with the stray character");

        ValidationException columns = assertThrows(ValidationException.class, () -> run(archive(
                "файл|вид|номер\na.txt|executive-decision|62\n", StandardCharsets.UTF_8)));
        assertEquals(MessageKeys.IMPORT_CSV_COLUMNS, message(columns));
        assertEquals("kind, number, date, title", columns.args("file")[0]);
        assertTrue(String.valueOf(columns.args("file")[1]).contains("«файл|вид|номер»"), "the header as read");
        assertEquals(0, service.count(), "nothing imported");
    }

    @Test
    void theSameArchiveImportedAgainCreatesNothingAndLeadsToTheActs() {
        String csv = "file;kind;number;date;title\n"
                + "a.txt;executive-decision;63;06.02.2025;Про сквер біля школи\n"
                + "b.txt;executive-decision;64;06.02.2025;Про фонтан біля школи\n";
        byte[] zip = archive(csv, StandardCharsets.UTF_8);
        ImportReport first = run(zip);
        assertEquals(2, first.created());
        ImportReport again = run(zip);
        assertEquals(0, again.created());
        assertEquals(2, service.count());
        RowResult row = again.results().get(0);
        assertFalse(row.ok());
        assertEquals(MessageKeys.IMPORT_DUPLICATE, row.messageKey());
        assertEquals(first.results().get(0).actId(), row.actId(), "the row leads to the act already registered");
        assertEquals(List.of("63", "06.02.2025", "Про сквер біля школи", String.valueOf(row.actId())), row.args());
    }

    @Test
    void aSecondImportWhileOneRunsIsRefused() throws Exception {
        String csv = "file;kind;number;date;title\na.txt;executive-decision;65;07.02.2025;Про сквер біля ринку\n";
        byte[] zip = archive(csv, StandardCharsets.UTF_8);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the first import waits inside its archive until the second one has been tried
        InputStream slow = new ByteArrayInputStream(zip) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                reading.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.read(b, off, len);
            }
        };
        ImportReport[] firstReport = new ImportReport[1];
        Thread first = new Thread(() -> firstReport[0] = importer.importZip(slow, null, Fixtures.editor("olena")));
        first.start();
        assertTrue(reading.await(10, TimeUnit.SECONDS));
        assertTrue(importer.running());
        ValidationException refused = assertThrows(ValidationException.class, () -> run(zip));
        assertEquals(MessageKeys.IMPORT_RUNNING, message(refused));
        release.countDown();
        first.join(30_000);
        assertEquals(1, firstReport[0].created());
        assertFalse(importer.running());
        assertEquals(1, service.count());
    }

    @Test
    void theDelimiterIsTheHeadersMoreFrequentSeparator() throws IOException {
        assertEquals(';', MetadataCsv.delimiter("file;kind;number;date;title"));
        assertEquals(',', MetadataCsv.delimiter("file,kind,number,date,title"));
        assertEquals(';', MetadataCsv.delimiter("\"file,name\";kind;number"));
        assertEquals(',', MetadataCsv.delimiter("file"));
    }
}
