package ua.hromada.docsearch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.BulkImport;
import ua.hromada.docsearch.api.FileUpload;
import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.LinkType;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.api.SearchResult;
import ua.hromada.docsearch.api.ValidationException;
import ua.hromada.portal.api.community.CommunityScope;
import ua.hromada.portal.api.jobs.JobProgress;
import ua.hromada.portal.testing.CommunityIsolationCheck;

/**
 * Regional hosting (issue 18): community "a" fills every table of the docsearch schema through the
 * real services; PostgreSQL keeps those rows from "b" (checked table by table from the catalog),
 * b's search (its own index) finds none of a's acts, and b registers an act under a's number;
 * b cannot hang its tags, files or links on an act of a.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocsearchCommunityIsolationTest {
    private static final String WORD = "водовідведення";
    private TestSetup setup;
    private Path indexDir;
    private LegalActRegistryImpl service;
    private LegalAct amended;
    private LegalAct amending;

    @BeforeAll
    void start() {
        setup = new TestSetup();
        indexDir = setup.newDir();
        service = setup.service(indexDir, 1024 * 1024);
        setup.communities.runAs("a", () -> {
            amended = service.create(draft("42", "Про правила благоустрою", List.of()),
                    List.of(new FileUpload("rules.txt", ("Правила " + WORD + " і благоустрою території громади")
                            .getBytes(StandardCharsets.UTF_8))), Fixtures.editor("olena"));
            amending = service.create(draft("43", "Про зміни до правил благоустрою",
                    List.of(new ActDraft.Link(amended.id(), LinkType.AMENDS))), List.of(), Fixtures.editor("olena"));
        });
    }

    private static ActDraft draft(String number, String title, List<ActDraft.Link> links) {
        return new ActDraft("council-decision", number, LocalDate.of(2025, 5, 20), title, "Міська рада", 8, 12,
                ActStatus.IN_FORCE, Set.of("благоустрій"), links);
    }

    @AfterAll
    void stop() {
        setup.close();
    }

    @Test
    void everyTableKeepsTheRowsOfAFromB() {
        // what a wrote: its kinds (given at first use), acts, a file, tags and a link
        setup.communities.runAs("a", () -> {
            assertEquals(1, service.find(amended.id()).orElseThrow().files().size());
            assertEquals(1, service.find(amending.id()).orElseThrow().links().size());
            assertEquals(7, service.kinds().size());
        });
        CommunityIsolationCheck.assertIsolated(setup.db.dataSource(), "docsearch", "a", "b");
    }

    @Test
    void bSeesNoneOfAsActsNorTheirText() {
        setup.communities.runAs("b", () -> {
            assertEquals(0, service.count());
            assertTrue(service.find(amended.id()).isEmpty());
            long fileId = setup.communities.callAs("a", () -> service.find(amended.id()).orElseThrow()).files().get(0).id();
            assertTrue(service.fileContent(fileId).isEmpty());
            assertEquals(0, service.search(SearchQuery.text(WORD)).total(), "full text: b's index has none of a's acts");
            assertEquals(0, service.search(SearchQuery.text("")).total());
            assertEquals(0, service.search(SearchQuery.text("42")).total(), "nor by number");
            assertTrue(service.issuingBodies().isEmpty());
            assertEquals(7, service.kinds().size(), "b has the shipped catalogue of its own");
            assertThrows(NoSuchElementException.class, () -> service.update(amended.id(), amended.version(),
                    draft("42", "Чуже", List.of()), Fixtures.editor("petro")));
            assertThrows(NoSuchElementException.class, () -> service.delete(amended.id(), Fixtures.editor("petro")));
            assertThrows(ValidationException.class, () -> service.create(draft("44", "Посилання на чуже",
                    List.of(new ActDraft.Link(amended.id(), LinkType.CANCELS))), List.of(), Fixtures.editor("petro")),
                    "an act of another community is no link target");
        });
        setup.communities.runAs("a", () -> {
            assertEquals(2, service.count(), "a's acts are untouched");
            assertEquals(List.of(amended.id()), ids(service.search(SearchQuery.text(WORD))));
        });
        assertEquals(0, service.count(), "the default community sees neither");
        assertEquals(0, service.search(SearchQuery.text(WORD)).total());
    }

    @Test
    void bCannotHangItsRowsOnAnActOfA() {
        // row-level security hides a's act from b, but a foreign key check does not go through it:
        // the keys carry the community (V5), so b's row naming a's act id is refused as for no act
        String tag = "INSERT INTO docsearch.act_tag (act_id, tag) VALUES (?, 'чуже')";
        String file = "INSERT INTO docsearch.act_file (act_id, file_name, media_type, size_bytes, sha256, content,"
                + " extraction_status, created_at) VALUES (?, 'x.txt', 'text/plain', 0, repeat('0', 64), '', 'EMPTY', now())";
        String link = "INSERT INTO docsearch.act_link (source_id, target_id, link_type) VALUES (?, ?, 'CANCELS')";
        LegalAct own = setup.communities.callAs("b", () -> service.create(draft("45", "Про власне", List.of()),
                List.of(), Fixtures.editor("petro")));
        try {
            assertEquals(ACCEPTED, insertAs("b", tag, own.id()), "the statements are sound: b's own act takes them");
            assertEquals(ACCEPTED, insertAs("b", file, own.id()));
            assertEquals(ACCEPTED, insertAs("a", link, amending.id(), amended.id()));
            assertEquals(NO_SUCH_ACT, insertAs("b", tag, amended.id()), "b's tag on a's act");
            assertEquals(NO_SUCH_ACT, insertAs("b", file, amended.id()), "b's file on a's act");
            assertEquals(NO_SUCH_ACT, insertAs("b", link, own.id(), amended.id()), "b's act linking to a's");
            assertEquals(NO_SUCH_ACT, insertAs("b", link, amended.id(), own.id()), "a's act linking to b's");
        } finally {
            setup.communities.runAs("b", () -> service.delete(own.id(), Fixtures.editor("petro")));
        }
        setup.communities.runAs("a", () -> {
            LegalAct untouched = service.find(amended.id()).orElseThrow();
            assertEquals(Set.of("благоустрій"), untouched.tags());
            assertEquals(1, untouched.files().size());
        });
    }

    private static final String ACCEPTED = "accepted";
    /** PostgreSQL's foreign_key_violation. */
    private static final String NO_SUCH_ACT = "23503";

    /** Runs one insert as the community, rolled back; "accepted" or the SQL state it was refused with. */
    private String insertAs(String community, String sql, long... ids) {
        try (CommunityScope scope = setup.communities.enter(community); Connection c = setup.data.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < ids.length; i++) {
                    ps.setLong(i + 1, ids[i]);
                }
                ps.executeUpdate();
                return ACCEPTED;
            } catch (SQLException e) {
                return e.getSQLState();
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bMayRegisterAnActUnderAsNumberAndEachFindsOnlyItsOwn() {
        LegalAct own = setup.communities.callAs("b", () -> service.create(draft("42", "Про правила благоустрою",
                List.of()), List.of(new FileUpload("b.txt", "Порядок прибирання снігу".getBytes(StandardCharsets.UTF_8))),
                Fixtures.editor("petro")));
        try {
            assertNotEquals(amended.id(), own.id());
            setup.communities.runAs("b", () -> {
                assertEquals(List.of(own.id()), ids(service.search(SearchQuery.text("42"))));
                assertEquals(List.of(own.id()), ids(service.search(SearchQuery.text("благоустрою"))));
                assertEquals(1, service.reindex(JobProgress.NONE), "b's reindex rebuilds b's index from b's acts");
                assertEquals(List.of(own.id()), ids(service.search(SearchQuery.text("снігу"))));
            });
            setup.communities.runAs("a", () -> {
                assertEquals(0, service.search(SearchQuery.text("снігу")).total());
                assertEquals(List.of(amended.id()), ids(service.search(SearchQuery.text("42"))));
                assertEquals(2, service.reindex(JobProgress.NONE));
            });
            assertTrue(Files.isDirectory(indexDir.resolve("a")) && Files.isDirectory(indexDir.resolve("b")),
                    "one index folder per community");
        } finally {
            setup.communities.runAs("b", () -> service.delete(own.id(), Fixtures.editor("petro")));
        }
    }

    @Test
    void anImportRunsInTheCommunityOfItsCaller() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("metadata.csv", "file,kind,number,date,title\nb1.txt,other,Б-1,2025-03-01,Імпорт громади Б\n"
                .getBytes(StandardCharsets.UTF_8));
        entries.put("b1.txt", "Текст імпорту".getBytes(StandardCharsets.UTF_8));
        BulkImportImpl importer = new BulkImportImpl(service, setup.communities);
        BulkImport.ImportReport report = setup.communities.callAs("b", () -> importer.importZip(
                new ByteArrayInputStream(Fixtures.zip(entries)), null, Fixtures.editor("petro")));
        long id = report.results().get(0).actId();
        try {
            assertEquals(1, report.created());
            setup.communities.runAs("b", () -> assertEquals(List.of(id), ids(service.search(SearchQuery.text("імпорт")))));
            setup.communities.runAs("a", () -> assertTrue(service.find(id).isEmpty()));
        } finally {
            setup.communities.runAs("b", () -> service.delete(id, Fixtures.editor("petro")));
        }
    }

    @Test
    void theStartCheckOpensAndFillsEveryCommunitysIndex() {
        // a lost index folder: a new service (as at the portal's start) checks each community's index
        Path fresh = setup.newDir();
        LegalActRegistryImpl restarted = setup.service(fresh, 1024 * 1024);
        restarted.checkAtStart(JobProgress.NONE);
        assertTrue(Files.isDirectory(fresh.resolve("default")) && Files.isDirectory(fresh.resolve("a"))
                && Files.isDirectory(fresh.resolve("b")));
        setup.communities.runAs("a", () -> assertEquals(List.of(amended.id()),
                ids(restarted.search(SearchQuery.text(WORD)))));
    }

    @Test
    void theIndexFromBeforeRegionalHostingMakesWayForEachCommunitys() throws Exception {
        // one community's index lived directly in index.dir (gen-<n>); it is rebuilt per community
        Path old = setup.newDir();
        Files.createDirectories(old.resolve("gen-0001764800000000"));
        Files.writeString(old.resolve("gen-0001764800000000").resolve("segments_1"), "old");
        LegalActRegistryImpl upgraded = setup.service(old, 1024 * 1024);
        assertTrue(Files.notExists(old.resolve("gen-0001764800000000")), "the old index is removed");
        setup.communities.runAs("a", () -> assertEquals(List.of(amended.id()),
                ids(upgraded.search(SearchQuery.text(WORD)))));
        assertTrue(Files.isDirectory(old.resolve("a")));
    }

    private static List<Long> ids(SearchResult r) {
        return r.hits().stream().map(SearchResult.Hit::id).toList();
    }
}
