package ua.hromada.docsearch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.ActKind;
import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.FileUpload;
import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.api.SearchResult;

/**
 * Kinds of documents in the reader's language (issue 20 item 31): the shipped kinds have English
 * names by code, a kind an administrator added keeps its catalogue name, Ukrainian is always the
 * catalogue's name (also after an administrator renamed a shipped kind).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KindNamesTest {
    private static final Locale UK = Locale.forLanguageTag("uk");
    private TestSetup setup;
    private LegalActRegistryImpl service;

    @BeforeAll
    void start() throws SQLException {
        setup = new TestSetup();
        try (Connection c = setup.db.dataSource().getConnection(); Statement s = c.createStatement()) {
            // an administrator's change in the database, as the owner: the default community's catalogue
            s.executeUpdate("INSERT INTO docsearch.act_kind (community, code, name, sort_order) VALUES"
                    + " ('default', 'land-lease', 'Договір оренди землі', 70)");
            s.executeUpdate("UPDATE docsearch.act_kind SET name = 'Звіт про роботу' WHERE code = 'report'");
        }
        service = setup.service(1024 * 1024);
    }

    @AfterAll
    void stop() {
        setup.close();
    }

    private Map<String, String> names(Locale locale) {
        return service.kinds().stream().collect(Collectors.toMap(ActKind::code, k -> k.name(locale)));
    }

    @Test
    void shippedKindsAreEnglishAndAnAddedOneKeepsItsName() {
        Map<String, String> english = names(Locale.ENGLISH);
        assertEquals("City council decision", english.get("council-decision"));
        assertEquals("Report", english.get("report"), "a renamed shipped kind is still named by its code");
        assertEquals("Договір оренди землі", english.get("land-lease"), "an added kind keeps its catalogue name");
        for (ActKind kind : service.kinds()) {
            if (!kind.code().equals("land-lease")) {
                assertNotEquals(kind.name(), kind.name(Locale.ENGLISH), "English name of the shipped " + kind.code());
            }
        }
        // a language without names of its own: the catalogue's
        assertEquals("Звіт про роботу", names(Locale.GERMAN).get("report"));
    }

    @Test
    void ukrainianIsTheCatalogueName() {
        Map<String, String> ukrainian = names(UK);
        assertEquals("Звіт про роботу", ukrainian.get("report"), "the administrator's name, not a shipped one");
        assertEquals("Рішення сесії міської ради", ukrainian.get("council-decision"));
        assertEquals("Договір оренди землі", ukrainian.get("land-lease"));
    }

    @Test
    void searchHitsAndFacetsNameTheKindInTheReadersLanguage() {
        LegalAct act = service.create(new ActDraft("regulation", "12", LocalDate.of(2025, 5, 5),
                "Положення про архівний відділ", null, null, null, ActStatus.IN_FORCE, Set.of(), List.of()),
                List.of(new FileUpload("polozhennia.txt", "Положення про архівний відділ".getBytes(StandardCharsets.UTF_8))),
                Fixtures.editor("olena"));
        SearchResult result = service.search(SearchQuery.text("архівний"));
        SearchResult.Hit hit = result.hits().stream().filter(h -> h.id() == act.id()).findFirst().orElseThrow();
        assertEquals("Regulation", ActKind.localName(hit.kindCode(), hit.kindName(), Locale.ENGLISH));
        assertEquals("Положення", ActKind.localName(hit.kindCode(), hit.kindName(), UK));
        assertEquals("Regulation", service.find(act.id()).orElseThrow().kind().name(Locale.ENGLISH));
    }
}
