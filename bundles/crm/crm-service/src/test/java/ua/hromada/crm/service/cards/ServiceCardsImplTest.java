package ua.hromada.crm.service.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.CardRevision;
import ua.hromada.crm.api.Channel;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.DocumentCondition;
import ua.hromada.crm.api.DocumentKind;
import ua.hromada.crm.api.FeeKind;
import ua.hromada.crm.api.ProviderKind;
import ua.hromada.crm.api.RequiredDocument;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.audit.AuditLog.AuditEntry;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.api.legal.LegalActLookup;

/** Service cards on a real PostgreSQL: every rule, versions kept whole, search, rights, audit. */
class ServiceCardsImplTest {
    private CrmTestSetup setup;
    private ServiceCardsImpl cards;

    @BeforeEach
    void start() {
        setup = new CrmTestSetup();
        cards = setup.cards();
    }

    @AfterEach
    void stop() {
        setup.close();
    }

    private CrmException refused(ServiceCard card) {
        CrmException e = assertThrows(CrmException.class, () -> cards.save(setup.head, card));
        assertEquals(Reason.INVALID, e.reason());
        return e;
    }

    @Test
    void aValidCardIsSavedAsVersionOne() {
        ServiceCard saved = cards.save(setup.head, CardsTestData.landCard("ZV-01"));
        assertNotEquals(0, saved.id());
        assertEquals(1, saved.cardVersion());
        assertEquals(3, saved.documents().size());
        assertEquals(Set.of(Channel.IN_PERSON, Channel.EMAIL), saved.channels());
        assertEquals(saved, cards.version(setup.executor, saved.id(), 1).orElseThrow());
        AuditEntry entry = setup.audit().entries().get(0);
        assertEquals("create", entry.action());
        assertTrue(entry.changes().contains("localCode: ZV-01"), entry.changes());
    }

    @Test
    void eachChangeIsANewVersionAndOldOnesReadAsTheyWere() {
        ServiceCard v1 = cards.save(setup.head, CardsTestData.landCard("ZV-01"));
        List<RequiredDocument> fewer = List.of(new RequiredDocument("Клопотання", DocumentKind.OTHER,
                DocumentCondition.ALWAYS, true));
        ServiceCard v2 = cards.save(setup.head, CardsTestData.with(v1, FeeKind.AMOUNT, new BigDecimal("150.50"), "", 30,
                fewer));
        assertEquals(2, v2.cardVersion());
        assertEquals(v1.version() + 1, v2.version());
        // the same again changes nothing: no new version
        assertEquals(v2, cards.save(setup.head, v2));

        ServiceCard old = cards.version(setup.administrator, v1.id(), 1).orElseThrow();
        assertEquals(22, old.termDays());
        assertEquals(FeeKind.FREE, old.feeKind());
        assertEquals(v1.documents(), old.documents());
        assertEquals(1, old.cardVersion());
        ServiceCard current = cards.get(setup.administrator, v1.id()).orElseThrow();
        assertEquals(0, new BigDecimal("150.50").compareTo(current.feeAmount()));
        assertEquals(fewer, current.documents());
        assertEquals(current, cards.version(setup.administrator, v1.id(), 2).orElseThrow());
        assertEquals(Optional.empty(), cards.version(setup.administrator, v1.id(), 3));
        assertEquals(List.of(2, 1), cards.history(setup.executor, v1.id()).stream().map(CardRevision::cardVersion).toList());
        assertEquals("head", cards.history(setup.executor, v1.id()).get(0).savedBy());
        AuditEntry entry = setup.audit().entries().get(setup.audit().entries().size() - 1);
        assertEquals("update", entry.action());
        assertTrue(entry.changes().contains("termDays: 22 -> 30"), entry.changes());
        assertTrue(entry.changes().contains("cardVersion: 2"), entry.changes());
        // a form opened at version 1 cannot overwrite version 2
        assertThrows(EditConflictException.class, () -> cards.save(setup.head,
                CardsTestData.with(v1, FeeKind.FREE, null, "", 10, v1.documents())));
    }

    @Test
    void nameCodeTermAndChannelsAreRequired() {
        ServiceCard blank = CardsTestData.named(CardsTestData.with(CardsTestData.landCard(" "), FeeKind.FREE, null, "", 0,
                List.of()), " ", ProviderKind.COUNCIL_UNIT, "zemelnyi", Set.of());
        CrmException e = refused(blank);
        assertEquals(Map.of("name", "crm.card.error.name", "localCode", "crm.card.error.localCode", "termDays",
                "crm.card.error.termDays", "channels", "crm.card.error.channels"), e.fieldErrors());
        ServiceCard base = CardsTestData.landCard("ZV-01");
        assertEquals("crm.card.error.termDays", refused(CardsTestData.with(base, FeeKind.FREE, null, "", 366,
                base.documents())).fieldErrors().get("termDays"));
        cards.save(setup.head, CardsTestData.with(base, FeeKind.FREE, null, "", 365, base.documents()));
    }

    @Test
    void theLocalCodeIsUniqueInTheCommunity() {
        cards.save(setup.head, CardsTestData.landCard("ZV-01"));
        CrmException e = refused(CardsTestData.landCard("zv-01"));
        assertEquals(Map.of("localCode", "crm.card.error.localCodeTaken"), e.fieldErrors());
    }

    @Test
    void theFeeNeedsItsAmountOrFormula() {
        ServiceCard base = CardsTestData.landCard("ZV-01");
        assertEquals("crm.card.error.feeAmount", refused(CardsTestData.with(base, FeeKind.AMOUNT, null, "", 5,
                base.documents())).fieldErrors().get("feeAmount"));
        assertEquals("crm.card.error.feeAmount", refused(CardsTestData.with(base, FeeKind.AMOUNT,
                new BigDecimal("10.005"), "", 5, base.documents())).fieldErrors().get("feeAmount"));
        assertEquals("crm.card.error.feeAmount", refused(CardsTestData.with(base, FeeKind.AMOUNT, BigDecimal.ZERO, "",
                5, base.documents())).fieldErrors().get("feeAmount"));
        assertEquals("crm.card.error.feeFormula", refused(CardsTestData.with(base, FeeKind.FORMULA, null, " ", 5,
                base.documents())).fieldErrors().get("feeFormula"));
        ServiceCard formula = cards.save(setup.head, CardsTestData.with(base, FeeKind.FORMULA, new BigDecimal("5"),
                "0,025 прожиткового мінімуму", 5, base.documents()));
        assertEquals(null, formula.feeAmount(), "an amount does not stay on a formula fee");
        ServiceCard free = cards.save(setup.head, CardsTestData.with(formula, FeeKind.FREE, null, "ще формула", 5,
                base.documents()));
        assertEquals("", free.feeFormula());
    }

    @Test
    void aCouncilUnitNeedsTheRoleOfItsBackOfficeAStateBodyNone() {
        ServiceCard base = CardsTestData.landCard("ZV-01");
        assertEquals("crm.card.error.providerRole", refused(CardsTestData.named(base, base.name(),
                ProviderKind.COUNCIL_UNIT, "", base.channels())).fieldErrors().get("providerRole"));
        assertEquals("crm.card.error.providerRole", refused(CardsTestData.named(base, base.name(),
                ProviderKind.COUNCIL_UNIT, "Земельний відділ", base.channels())).fieldErrors().get("providerRole"));
        ServiceCard state = cards.save(setup.head, CardsTestData.named(base, base.name(), ProviderKind.STATE_BODY,
                "zemelnyi", base.channels()));
        assertEquals("", state.providerRole());
        assertEquals("crm.card.error.providerKind", refused(CardsTestData.named(CardsTestData.landCard("X-1"),
                base.name(), null, "", base.channels())).fieldErrors().get("providerKind"));
    }

    @Test
    void documentsAreNamedOnceWithKindAndCondition() {
        ServiceCard base = CardsTestData.landCard("ZV-01");
        RequiredDocument passport = base.documents().get(1);
        assertEquals("crm.card.error.documentTwice", refused(CardsTestData.with(base, FeeKind.FREE, null, "", 5,
                List.of(passport, new RequiredDocument(" паспорт громадянина україни ", DocumentKind.IDENTITY,
                        DocumentCondition.PERSON, false)))).fieldErrors().get("documents"));
        assertEquals("crm.card.error.documentName", refused(CardsTestData.with(base, FeeKind.FREE, null, "", 5,
                List.of(new RequiredDocument("Заява | копія", DocumentKind.OTHER, DocumentCondition.ALWAYS, true))))
                .fieldErrors().get("documents"));
        assertEquals("crm.card.error.documentName", refused(CardsTestData.with(base, FeeKind.FREE, null, "", 5,
                List.of(new RequiredDocument("", DocumentKind.OTHER, DocumentCondition.ALWAYS, true))))
                .fieldErrors().get("documents"));
        assertEquals("crm.card.error.documentKind", refused(CardsTestData.with(base, FeeKind.FREE, null, "", 5,
                List.of(new RequiredDocument("Заява", null, DocumentCondition.ALWAYS, true))))
                .fieldErrors().get("documents"));
        // a service may ask for no document at all (an information request)
        assertEquals(List.of(), cards.save(setup.head, CardsTestData.with(base, FeeKind.FREE, null, "", 5, List.of()))
                .documents());
    }

    @Test
    void theLegalActIsCheckedWhileDocumentSearchIsInstalled() {
        ServiceCard base = CardsTestData.landCard("ZV-01");
        assertEquals("crm.card.error.legalActId", refused(CardsTestData.withAct(base, "рішення 790"))
                .fieldErrors().get("legalActId"));
        // without the module the id is kept as typed
        ServiceCard kept = cards.save(setup.head, CardsTestData.withAct(base, "790"));
        assertEquals("790", kept.legalActId());
        LegalActLookup registry = new KnownActs(Set.of(790L));
        cards.bindActs(registry);
        assertEquals("crm.card.error.legalActUnknown", refused(CardsTestData.withAct(CardsTestData.landCard("ZV-02"),
                "791")).fieldErrors().get("legalActId"));
        cards.save(setup.head, CardsTestData.withAct(CardsTestData.landCard("ZV-02"), "790"));
        cards.unbindActs(registry);
        cards.save(setup.head, CardsTestData.withAct(CardsTestData.landCard("ZV-03"), "791"));
    }

    @Test
    void theCardsCitingAnActAreListedForItsPage() {
        ServiceCard land = CardsTestData.landCard("ZV-11");
        cards.save(setup.head, CardsTestData.named(CardsTestData.withAct(land, "790"), "Надання земельної ділянки",
                ProviderKind.COUNCIL_UNIT, "zemelnyi", land.channels()));
        cards.save(setup.head, CardsTestData.named(CardsTestData.withAct(CardsTestData.landCard("ZV-12"), "790"),
                "Відведення ділянки", ProviderKind.COUNCIL_UNIT, "zemelnyi", land.channels()));
        cards.save(setup.head, CardsTestData.withAct(CardsTestData.landCard("ZV-13"), "7900"));
        cards.save(setup.head, CardsTestData.landCard("ZV-14"));
        assertEquals(List.of("Відведення ділянки", "Надання земельної ділянки"),
                cards.citingAct(setup.executor, 790).stream().map(ServiceCard::name).toList());
        assertEquals(List.of(), cards.citingAct(setup.executor, 791));
        assertThrows(CrmException.class, () -> cards.citingAct(null, 790));
    }

    @Test
    void searchAndPagingByNameCodeAndNationalId() {
        for (String code : List.of("A-1", "A-2", "A-3", "B-1")) {
            ServiceCard c = CardsTestData.landCard(code);
            cards.save(setup.head, CardsTestData.named(c, "Послуга " + code, ProviderKind.COUNCIL_UNIT, "zemelnyi",
                    c.channels()));
        }
        ServiceCard inactive = CardsTestData.landCard("C-1");
        cards.save(setup.head, new ServiceCard(0, "99999", "C-1", "Архівна послуга", inactive.providerKind(),
                inactive.provider(), inactive.providerRole(), "", "", FeeKind.FREE, null, "", 5, "", "",
                inactive.channels(), "", List.of(), false, 0, 0));
        assertEquals(5, cards.count(setup.administrator, "", false));
        assertEquals(4, cards.count(setup.administrator, "", true));
        assertEquals(3, cards.count(setup.administrator, "a-", false));
        assertEquals(1, cards.count(setup.administrator, "99999", false));
        assertEquals(List.of("Послуга A-2", "Послуга A-3"), cards.find(setup.executor, "послуга a", false, 1, 5).stream()
                .map(ServiceCard::name).toList());
        assertEquals(3, cards.find(setup.head, "", true, 0, 3).size());
    }

    @Test
    void theHeadSavesTheCentreReadsOthersNothing() {
        CrmException e = assertThrows(CrmException.class, () -> cards.save(setup.administrator,
                CardsTestData.landCard("ZV-01")));
        assertEquals(Reason.FORBIDDEN, e.reason());
        assertThrows(CrmException.class, () -> cards.find(setup.stranger, "", false, 0, 10));
        assertThrows(CrmException.class, () -> cards.version(setup.stranger, 1, 1));
        assertThrows(CrmException.class, () -> cards.history(null, 1));
        assertEquals(0, cards.count(setup.executor, "", false));
    }
}
