package ua.hromada.crm.service.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.CardFileFormat;
import ua.hromada.crm.api.CardImport;
import ua.hromada.crm.api.CardImportProblem;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.FeeKind;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.portal.api.PortalException.Reason;

/** Import and export of the cards on a real PostgreSQL: round trips in both formats, row problems, all or nothing. */
class CardTransferImplTest {
    private CrmTestSetup setup;
    private CardTransferImpl transfer;

    @BeforeEach
    void start() {
        setup = new CrmTestSetup();
        transfer = setup.cardTransfer();
    }

    @AfterEach
    void stop() {
        setup.close();
    }

    private List<ServiceCard> all() {
        return setup.cards().find(setup.head, "", false, 0, 100);
    }

    @Test
    void theShippedCardsGoRoundTripThroughCsvAndXlsx() {
        for (CardFileFormat format : CardFileFormat.values()) {
            try (CrmTestSetup source = new CrmTestSetup(); CrmTestSetup target = new CrmTestSetup()) {
                source.seededDatabase().read(c -> null);
                List<ServiceCard> shipped = source.cards().find(source.head, "", false, 0, 100);
                assertEquals(ShippedCards.size(), shipped.size());
                byte[] file = source.cardTransfer().export(source.head, format);

                CardImport preview = target.cardTransfer().preview(target.head, "cards." + format.extension(), file);
                assertEquals(List.of(), preview.problems(), format.name());
                assertEquals(ShippedCards.size(), preview.created());
                assertEquals(ShippedCards.size(), target.cardTransfer().apply(target.head, preview));
                List<ServiceCard> imported = target.cards().find(target.head, "", false, 0, 100);
                assertEquals(shipped.stream().map(CardTransferImplTest::content).toList(),
                        imported.stream().map(CardTransferImplTest::content).toList(), format.name());

                // the same file again: every card matched by its code, nothing new, nothing changed
                CardImport again = target.cardTransfer().preview(target.head, "cards." + format.extension(), file);
                assertEquals(0, again.created());
                assertEquals(ShippedCards.size(), again.updated());
                target.cardTransfer().apply(target.head, again);
                assertTrue(target.cards().find(target.head, "", false, 0, 100).stream()
                        .allMatch(s -> s.cardVersion() == 1));
            }
        }
    }

    /** What a card says, without the ids and versions of its database. */
    private static ServiceCard content(ServiceCard s) {
        return new ServiceCard(0, s.nationalId(), s.localCode(), s.name(), s.providerKind(), s.provider(),
                s.providerRole(), s.legalBasis(), s.legalActId(), s.feeKind(),
                s.feeAmount() == null ? null : s.feeAmount().stripTrailingZeros(), s.feeFormula(), s.termDays(),
                s.result(), s.refusalGrounds(), s.channels(), s.queueGroup(), s.documents(), s.active(), 0, 0);
    }

    @Test
    void aChangedRowIsANewVersionOfItsCard() {
        ServiceCard v1 = setup.cards().save(setup.head, CardsTestData.landCard("ZV-01"));
        String csv = "local_code;name;provider_kind;provider;provider_role;fee_kind;fee_amount;term_days;channels;documents\n"
                + "ZV-01;Дозвіл на проєкт землеустрою;COUNCIL_UNIT;Управління земельних відносин;zemelnyi;AMOUNT;"
                + "\"120,50\";25;IN_PERSON, DIIA;\"Клопотання|OTHER|ALWAYS|original; Довіреність|PROXY|BY_PROXY|copy\"\n"
                + "NEW-1;Нова послуга;STATE_BODY;ДМС;;FREE;;3;IN_PERSON;\n";
        CardImport preview = transfer.preview(setup.head, "cards.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), preview.problems());
        assertEquals(1, preview.created());
        assertEquals(1, preview.updated());
        assertEquals(2, transfer.apply(setup.head, preview));
        ServiceCard v2 = setup.cards().get(setup.head, v1.id()).orElseThrow();
        assertEquals(2, v2.cardVersion());
        assertEquals(FeeKind.AMOUNT, v2.feeKind());
        assertEquals(0, new BigDecimal("120.50").compareTo(v2.feeAmount()));
        assertEquals(2, v2.documents().size());
        assertFalse(v2.documents().get(1).original());
        assertEquals(22, setup.cards().version(setup.head, v1.id(), 1).orElseThrow().termDays());
        assertTrue(setup.audit().entries().stream().anyMatch(e -> e.action().equals("import")));
    }

    @Test
    void everyBadRowIsNamedAndNothingIsApplied() {
        String csv = "local_code,name,provider_kind,provider,provider_role,fee_kind,fee_amount,term_days,channels,documents\n"
                + "A-1,Перша,COUNCIL_UNIT,Відділ,zemelnyi,FREE,,5,IN_PERSON,Заява|OTHER|ALWAYS|original\n"
                + "A-2,Друга,COUNCIL_UNIT,Відділ,,FREE,,5,IN_PERSON,\n"
                + "A-3,Третя,ORGAN,Відділ,zemelnyi,AMOUNT,,п’ять,FAX,Заява|OTHER\n"
                + "A-1,Перша знову,STATE_BODY,ДМС,,FREE,,5,IN_PERSON,\n";
        CardImport preview = transfer.preview(setup.head, "cards.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertFalse(preview.applicable());
        assertEquals(List.of(
                new CardImportProblem(3, "provider_role", "crm.card.error.providerRole", List.of()),
                new CardImportProblem(4, "provider_kind", "crm.card.import.badChoice",
                        List.of("ORGAN", "COUNCIL_UNIT, STATE_BODY")),
                new CardImportProblem(4, "term_days", "crm.card.import.badNumber", List.of("п’ять")),
                new CardImportProblem(4, "channels", "crm.card.import.badChoice",
                        List.of("FAX", "IN_PERSON, DIIA, EMAIL")),
                new CardImportProblem(4, "documents", "crm.card.import.badDocument", List.of("Заява|OTHER"))),
                preview.problems().subList(0, 5));
        assertTrue(preview.problems().contains(new CardImportProblem(5, "local_code", "crm.card.import.duplicate",
                List.of("A-1"))));
        CrmException e = assertThrows(CrmException.class, () -> transfer.apply(setup.head, preview));
        assertEquals(Reason.INVALID, e.reason());
        assertEquals(0, all().size());
    }

    @Test
    void aFileThatIsNoTableIsRefusedAsAWhole() {
        assertEquals("crm.card.import.empty", transfer.preview(setup.head, "x.csv", new byte[0]).problems().get(0)
                .messageKey());
        assertEquals("crm.card.import.unreadable", transfer.preview(setup.head, "x.xlsx",
                new byte[] {'P', 'K', 3, 4, 0, 0, 0}).problems().get(0).messageKey());
        assertEquals("crm.card.import.noRows", transfer.preview(setup.head, "x.csv",
                "local_code;name\n".getBytes(StandardCharsets.UTF_8)).problems().get(0).messageKey());
        CardImportProblem missing = transfer.preview(setup.head, "x.csv",
                "local_code;name\nA;B\n".getBytes(StandardCharsets.UTF_8)).problems().get(0);
        assertEquals(new CardImportProblem(0, null, "crm.card.import.missingColumns",
                List.of("provider_kind, provider, term_days")), missing);
    }

    @Test
    void aRowChangedSinceThePreviewStopsTheWholeImport() {
        String csv = "local_code;name;provider_kind;provider;provider_role;term_days;channels\n"
                + "B-1;Перша;COUNCIL_UNIT;Відділ;zemelnyi;5;IN_PERSON\n"
                + "ZV-01;Друга;COUNCIL_UNIT;Відділ;zemelnyi;5;IN_PERSON\n";
        CardImport preview = transfer.preview(setup.head, "cards.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertTrue(preview.applicable());
        // meanwhile someone links the other card to an act the registry does not know
        setup.cards().bindActs(new KnownActs(java.util.Set.of()));
        CardImport stale = new CardImport(preview.fileName(), List.of(preview.cards().get(0),
                CardsTestData.withAct(preview.cards().get(1), "5")), 2, 0, List.of());
        CrmException e = assertThrows(CrmException.class, () -> transfer.apply(setup.head, stale));
        assertEquals(Reason.CONFLICT, e.reason());
        assertEquals(0, all().size(), "the first row rolled back with the second");
    }

    @Test
    void onlyTheHeadImports() {
        assertThrows(CrmException.class, () -> transfer.preview(setup.administrator, "x.csv", new byte[] {1}));
        assertTrue(transfer.export(setup.administrator, CardFileFormat.CSV).length > 0, "the centre reads the export");
        assertThrows(CrmException.class, () -> transfer.export(setup.stranger, CardFileFormat.CSV));
    }
}
