package ua.hromada.opendata.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.OpendataException;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.legal.LegalActLookup;
import ua.hromada.portal.api.legal.LegalActSummary;

/** The community's open-data policy documents (issue 16) on PostgreSQL, with document search present or not. */
class PolicyDocumentsImplTest {
    private static final LegalActSummary DECISION = new LegalActSummary(790, "Рішення", "790",
            LocalDate.of(2024, 4, 26), "Про відкриті дані Полтавської міської територіальної громади", "dokumenty/790");
    private static final LegalActSummary LIST = new LegalActSummary(12, "Рішення", "12", LocalDate.of(2024, 5, 3),
            "Про перелік наборів даних, що підлягають оприлюдненню", "dokumenty/12");
    private static final LegalActSummary ORDER = new LegalActSummary(44, "Розпорядження", "44-р", null,
            "Про відповідальну особу за оприлюднення відкритих даних", "dokumenty/44");

    @AutoClose
    private final OpendataTestSetup setup = new OpendataTestSetup();
    private final PolicyDocumentsImpl documents = new PolicyDocumentsImpl(setup.database(), setup.auditLog());

    /** Document search with these acts. */
    private static LegalActLookup search(LegalActSummary... acts) {
        return new DocumentSearchForTests(acts);
    }

    @Test
    void aStewardNamesTheDocumentsInTheirOrderAndResidentsSeeThem() {
        documents.setActs(search(DECISION, LIST, ORDER));
        assertEquals(List.of(), documents.actIds(setup.viewer));
        assertEquals(List.of(), documents.published(), "nothing named yet: the public block stays hidden");

        documents.save(setup.steward, Arrays.asList(12L, 790L, null, 12L, 44L));
        assertEquals(List.of(12L, 790L, 44L), documents.actIds(setup.viewer), "repeats and empty rows dropped");
        assertEquals(List.of(LIST, DECISION, ORDER), documents.published(), "title, number, date and page, in order");
        assertTrue(setup.audit().stream().anyMatch(e -> e.entityType().equals("policy-documents")
                && e.actor().equals("steward") && e.changes().contains("12, 790, 44")), setup.audit().toString());

        int entries = setup.audit().size();
        documents.save(setup.steward, List.of(12L, 790L, 44L));
        assertEquals(entries, setup.audit().size(), "the same list again writes nothing");

        documents.save(setup.steward, List.of(44L));
        assertEquals(List.of(ORDER), documents.published());
        documents.save(setup.steward, List.of());
        assertEquals(List.of(), documents.published());
    }

    @Test
    void onlyEditorsChangeTheListAndItHasALimit() {
        OpendataException e = assertThrows(OpendataException.class, () -> documents.save(setup.viewer, List.of(790L)));
        assertEquals(Reason.FORBIDDEN, e.reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(OpendataException.class,
                () -> documents.actIds(setup.stranger)).reason());
        List<Long> many = LongStream.rangeClosed(1, PolicyDocumentsImpl.MAX + 1).boxed().toList();
        OpendataException tooMany = assertThrows(OpendataException.class, () -> documents.save(setup.steward, many));
        assertEquals("opendata.error.policy.tooMany", tooMany.messageKey());
        assertEquals(List.of(), documents.actIds(setup.viewer), "nothing of a refused save is kept");
    }

    @Test
    void withoutDocumentSearchOrWithAnActGoneThePublicBlockShowsWhatThereIs() {
        documents.save(setup.steward, List.of(790L, 12L));
        assertEquals(List.of(), documents.published(), "document search not installed: nothing, and nothing fails");
        assertEquals(List.of(790L, 12L), documents.actIds(setup.viewer), "the stewards' list is kept meanwhile");

        documents.setActs(search(LIST));
        assertEquals(List.of(LIST), documents.published(), "an act removed from document search is left out");

        documents.setActs(new LegalActLookup() {
            @Override
            public List<LegalActSummary> search(String text, int limit) {
                throw new IllegalStateException("document search stopping");
            }

            @Override
            public Optional<LegalActSummary> find(long id) {
                throw new IllegalStateException("document search stopping");
            }
        });
        assertEquals(List.of(), documents.published(), "document search failing does not fail the public page");
    }

    @Test
    void eachCommunityHasItsOwnList() {
        setup.communities().add("a", "a.test");
        documents.setActs(search(DECISION, LIST));
        documents.save(setup.steward, List.of(790L));
        setup.communities().runAs("a", () -> {
            assertEquals(List.of(), documents.published(), "a sees nothing of the default community's list");
            documents.save(setup.steward, List.of(12L, 790L));
            assertEquals(List.of(LIST, DECISION), documents.published());
        });
        assertEquals(List.of(DECISION), documents.published());
    }
}
