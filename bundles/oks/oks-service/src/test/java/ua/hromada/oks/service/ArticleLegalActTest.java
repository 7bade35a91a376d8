package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.LegalArticle;

/** A legal article names its act of document search (issue 16): kept, changed, cleared; the act's page finds it. */
class ArticleLegalActTest {
    private static OksTestSetup oks;
    private static DocumentRegisterImpl register;

    @BeforeAll
    static void setUp() {
        oks = new OksTestSetup();
        register = new DocumentRegisterImpl(oks.database(), oks.violations(), ZoneId.of("Europe/Kyiv"));
    }

    @AfterAll
    static void tearDown() {
        oks.close();
    }

    private static List<String> citing(long actId) {
        return register.articlesCiting(actId).stream().map(LegalArticle::code).toList();
    }

    @Test
    void theActIsKeptChangedAndCleared() {
        LegalArticle rule = register.saveArticle(oks.admin, new LegalArticle(0, "п. 7.2 Правил благоустрою",
                "Утримання зелених насаджень", true, 0, 790L));
        assertEquals(790L, rule.actId());
        assertEquals(List.of("п. 7.2 Правил благоустрою"), citing(790));
        // an article without an act, as the shipped ones are
        assertNull(register.articles(true).stream().filter(a -> a.code().equals("ст. 152 КУпАП")).findFirst()
                .orElseThrow().actId());

        LegalArticle moved = register.saveArticle(oks.admin, new LegalArticle(rule.id(), rule.code(), rule.title(),
                true, rule.version(), 12L));
        assertEquals(List.of(), citing(790));
        assertEquals(List.of("п. 7.2 Правил благоустрою"), citing(12));

        LegalArticle cleared = register.saveArticle(oks.admin, new LegalArticle(moved.id(), moved.code(),
                moved.title(), true, moved.version(), null));
        assertNull(cleared.actId());
        assertEquals(List.of(), citing(12));
    }
}
