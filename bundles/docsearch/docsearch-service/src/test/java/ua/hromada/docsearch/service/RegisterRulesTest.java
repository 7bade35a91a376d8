package ua.hromada.docsearch.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.BulkImport;
import ua.hromada.docsearch.api.DocsearchException;
import ua.hromada.docsearch.api.DuplicateActException;
import ua.hromada.docsearch.api.FileUpload;
import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.ValidationException;
import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.api.jdbc.EditConflictException;

/**
 * The register's rules on PostgreSQL (issue 20): one act per kind + number + date (item 18), a
 * save over a newer version refused with nothing changed (item 33), and a refused file named with
 * the limit (item 22).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterRulesTest {
    private static final long MB = 1024 * 1024;
    private TestSetup setup;
    private LegalActRegistryImpl service;

    @BeforeAll
    void start() {
        setup = new TestSetup();
        service = setup.service(MB);
    }

    @AfterAll
    void stop() {
        setup.close();
    }

    private static ActDraft draft(String kind, String number, LocalDate date, String title) {
        return new ActDraft(kind, number, date, title, "Виконавчий комітет", null, null, ActStatus.IN_FORCE, Set.of(),
                List.of());
    }

    @Test
    void aSecondActWithTheSameKindNumberAndDateIsRefusedNamingTheFirst() {
        LocalDate day = LocalDate.of(2025, 4, 7);
        LegalAct first = service.create(draft("executive-decision", "№ 301", day, "Про ремонт мосту"), List.of(), Fixtures.editor("olena"));
        long count = service.count();
        // the same number written another way is the same number
        DuplicateActException e = assertThrows(DuplicateActException.class, () -> service.create(
                draft("executive-decision", "N301", day, "Про ремонт мосту (копія)"), List.of(), Fixtures.editor("petro")));
        assertEquals(first.id(), e.existingActId());
        assertEquals(DuplicateActException.MESSAGE_KEY, e.fieldErrors().get("number"));
        assertArrayEquals(new Object[] {"№ 301", "07.04.2025", "Про ремонт мосту", Long.toString(first.id())},
                e.args("number"));
        assertEquals(count, service.count(), "nothing saved");

        // another kind, or another date, is another act
        LegalAct otherKind = service.create(draft("mayor-order", "301", day, "Розпорядження"), List.of(), Fixtures.editor("olena"));
        LegalAct otherDay = service.create(draft("executive-decision", "301", day.plusDays(1), "Інше"), List.of(), Fixtures.editor("olena"));
        // an edit that would make an act a copy of another is refused too; saving itself is not
        assertThrows(DuplicateActException.class, () -> service.update(otherDay.id(), otherDay.version(),
                draft("executive-decision", "301", day, "Інше"), Fixtures.editor("olena")));
        LegalAct same = service.update(first.id(), first.version(), draft("executive-decision", "№ 301", day,
                "Про ремонт мосту через Ворсклу"), Fixtures.editor("olena"));
        assertEquals("Про ремонт мосту через Ворсклу", same.title());
        List.of(first, otherKind, otherDay).forEach(a -> service.delete(a.id(), Fixtures.editor("olena")));
    }

    @Test
    void aSaveOverANewerVersionIsRefusedAndChangesNothing() {
        LegalAct loaded = service.create(draft("regulation", "П-17", LocalDate.of(2025, 5, 5), "Положення про архів"),
                List.of(), Fixtures.editor("olena"));
        // two employees open the same act; the first saves
        LegalAct saved = service.update(loaded.id(), loaded.version(), draft("regulation", "П-17",
                LocalDate.of(2025, 5, 5), "Положення про архів міської ради"), Fixtures.editor("olena"));
        assertEquals(loaded.version() + 1, saved.version());
        int audited = setup.audit.entries().size();

        // the second saves what they loaded before: refused, the first one's change stays
        EditConflictException e = assertThrows(EditConflictException.class, () -> service.update(loaded.id(),
                loaded.version(), draft("regulation", "П-17", LocalDate.of(2025, 5, 5), "Положення про архів (старе)"),
                Fixtures.editor("petro")));
        assertEquals(loaded.id(), e.id());
        LegalAct now = service.find(loaded.id()).orElseThrow();
        assertEquals("Положення про архів міської ради", now.title());
        assertEquals(saved.version(), now.version());
        assertEquals(audited, setup.audit.entries().size(), "nothing recorded");
        assertEquals(0, service.search(ua.hromada.docsearch.api.SearchQuery.text("старе")).total());

        // adding files to a stale act is refused the same way, no file is stored
        byte[] text = "Текст додатка".getBytes(StandardCharsets.UTF_8);
        assertThrows(EditConflictException.class, () -> service.addFiles(loaded.id(), loaded.version(),
                List.of(new FileUpload("dodatok.txt", text)), Fixtures.editor("petro")));
        assertTrue(service.find(loaded.id()).orElseThrow().files().isEmpty());
        LegalAct withFile = service.addFiles(loaded.id(), now.version(), List.of(new FileUpload("dodatok.txt", text)),
                Fixtures.editor("olena"));
        assertEquals(now.version() + 1, withFile.version(), "a file moves the version on");
        service.delete(loaded.id(), Fixtures.editor("olena"));
    }

    @Test
    void aFileOverTheLimitIsRefusedByNameWithTheLimit() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(
                draft("report", "З-1", LocalDate.of(2025, 1, 9), "Звіт"),
                List.of(new FileUpload("C:\\Документи\\zvit.txt", new byte[(int) MB + 1])), Fixtures.editor("olena")));
        assertEquals(MessageKeys.FILE_TOO_LARGE, e.fieldErrors().get("file"));
        assertArrayEquals(new Object[] {"zvit.txt", "1"}, e.args("file"));
    }

    /** The service checks the right itself (issue 19): a reader, or nobody, changes nothing. */
    @Test
    void aChangeWithoutTheEditRightIsRefusedAndLeavesNothing() {
        long acts = service.count();
        int audits = setup.audit.entries().size();
        ActDraft draft = draft("executive-decision", "Д-1", LocalDate.of(2025, 2, 3), "Без права");
        for (var user : java.util.Arrays.asList(Fixtures.reader("ivan"), null)) {
            DocsearchException e = assertThrows(DocsearchException.class, () -> service.create(draft, List.of(), user));
            assertEquals(PortalException.Reason.FORBIDDEN, e.reason());
            assertEquals(DocsearchException.FORBIDDEN_KEY, e.messageKey());
        }
        LegalAct act = service.create(draft, List.of(), Fixtures.editor("olena"));
        DocsearchException e = assertThrows(DocsearchException.class,
                () -> service.update(act.id(), act.version(), draft, Fixtures.reader("ivan")));
        assertEquals(PortalException.Reason.FORBIDDEN, e.reason());
        assertThrows(DocsearchException.class, () -> service.delete(act.id(), Fixtures.reader("ivan")));
        assertThrows(DocsearchException.class, () -> service.removeFile(act.id(), 1, Fixtures.reader("ivan")));
        assertThrows(DocsearchException.class, () -> service.addFiles(act.id(), act.version(),
                List.of(new FileUpload("a.txt", "текст".getBytes(StandardCharsets.UTF_8))), Fixtures.reader("ivan")));
        BulkImport importer = new BulkImportImpl(service, setup.communities);
        DocsearchException refused = assertThrows(DocsearchException.class, () -> importer.importZip(
                new java.io.ByteArrayInputStream(new byte[0]), null, Fixtures.reader("ivan")));
        assertEquals(PortalException.Reason.FORBIDDEN, refused.reason());
        assertEquals(act.version(), service.find(act.id()).orElseThrow().version());
        assertEquals(acts + 1, service.count());
        assertEquals(audits + 1, setup.audit.entries().size());
        service.delete(act.id(), Fixtures.editor("olena"));
    }

    /** A refusal is a PortalException of the module: invalid input, or a conflict for a duplicate. */
    @Test
    void refusalsShareThePortalBase() {
        ValidationException invalid = assertThrows(ValidationException.class, () -> service.create(
                draft("report", "", LocalDate.of(2025, 1, 9), "Звіт"), List.of(), Fixtures.editor("olena")));
        assertEquals(PortalException.Reason.INVALID, invalid.reason());
        LegalAct first = service.create(draft("report", "Р-5", LocalDate.of(2025, 1, 9), "Звіт"), List.of(),
                Fixtures.editor("olena"));
        DuplicateActException dup = assertThrows(DuplicateActException.class, () -> service.create(
                draft("report", "Р-5", LocalDate.of(2025, 1, 9), "Звіт ще раз"), List.of(), Fixtures.editor("olena")));
        assertEquals(PortalException.Reason.CONFLICT, dup.reason());
        assertEquals(DuplicateActException.MESSAGE_KEY, dup.messageKey());
        service.delete(first.id(), Fixtures.editor("olena"));
    }
}
