package ua.hromada.crm.service.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.CaseStatus;
import ua.hromada.crm.api.CaseStep;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.FeeKind;
import ua.hromada.crm.api.HandoverRefused;
import ua.hromada.crm.api.ProviderKind;
import ua.hromada.crm.api.Scan;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.portal.api.PortalException.Reason;

/** A case's way from hand-over to issue, scans by content, the printouts and the reminders. */
class CaseFlowTest {
    @AutoClose
    private final CrmTestSetup setup = new CrmTestSetup();
    private final CaseFixture fixture = new CaseFixture(setup);

    private List<String> actions(long caseId) {
        return setup.cases().journal(setup.head, caseId).stream().map(CaseStep::action).toList();
    }

    @Test
    void handedOverTakenReadyAndIssuedEachStepByItsRoleAndJournalled() {
        ServiceCase v = fixture.open(fixture.landCard(FeeKind.FREE, 5), "Коваленко");
        assertEquals(Reason.FORBIDDEN, assertThrows(CrmException.class,
                () -> setup.cases().handOver(setup.executor, v.id(), v.version())).reason());
        ServiceCase handed = setup.cases().handOver(setup.administrator, v.id(), v.version());
        assertEquals(CaseStatus.IN_BACK_OFFICE, handed.status());
        assertEquals(Reason.CONFLICT, assertThrows(CrmException.class,
                () -> setup.cases().issue(setup.administrator, v.id(), handed.version())).reason(), "not ready yet");
        assertEquals(Reason.FORBIDDEN, assertThrows(CrmException.class,
                () -> setup.cases().take(setup.administrator, v.id(), handed.version())).reason());
        ServiceCase taken = setup.cases().take(setup.executor, v.id(), handed.version());
        assertEquals("executor", taken.executor());
        CrmException noGround = assertThrows(CrmException.class,
                () -> setup.cases().refusalReady(setup.executor, v.id(), " ", taken.version()));
        assertEquals(Map.of("ground", "crm.case.error.ground"), noGround.fieldErrors());
        ServiceCase ready = setup.cases().resultReady(setup.executor, v.id(), taken.version());
        assertEquals(CaseStatus.RESULT_READY, ready.status());
        assertEquals(Reason.FORBIDDEN, assertThrows(CrmException.class,
                () -> setup.cases().issue(setup.executor, v.id(), ready.version())).reason());
        ServiceCase issued = setup.cases().issue(setup.administrator, v.id(), ready.version());
        assertEquals(CaseStatus.ISSUED, issued.status());
        assertTrue(issued.issuedAt() != null);
        assertEquals(Reason.CONFLICT, assertThrows(CrmException.class,
                () -> setup.cases().cancel(setup.administrator, v.id(), "передумав", issued.version())).reason());
        assertEquals(List.of("registered", "not-verified", "handed-over", "taken", "result-ready", "issued"), actions(v.id()));
        List<CaseStep> journal = setup.cases().journal(setup.head, v.id());
        assertEquals("Справу передано до бек-офісу: Управління земельних відносин (роль zemelnyi)", journal.get(2).detail());
        assertEquals("Справу взяв у роботу Петро Виконавець", journal.get(3).detail());
        assertEquals("executor", journal.get(3).user());
    }

    @Test
    void theRealVerificationHoldsTheHandOverUntilAMissingDocumentIsOverriddenWithAReason() {
        setup.cases().bindVerification(setup.verification());
        ServiceCase v = fixture.open(fixture.landCard(FeeKind.FREE, 5), "Коваленко");
        // checklist for a person in person: the application, the passport, the receipt; the passport is not brought
        assertEquals(List.of("Заява встановленого зразка", "Паспорт громадянина України", "Квитанція про сплату"),
                v.documents().stream().map(ua.hromada.crm.api.CaseDocument::name).toList());
        v = setup.cases().markReceived(setup.administrator, v.id(), v.documents().get(0).id(), true, v.version());
        ServiceCase received = setup.cases().markReceived(setup.administrator, v.id(), v.documents().get(2).id(), true,
                v.version());

        HandoverRefused refused = assertThrows(HandoverRefused.class,
                () -> setup.cases().handOver(setup.administrator, received.id(), received.version()));
        assertEquals("crm.case.error.unresolved", refused.messageKey());
        assertEquals(List.of("missing-document:Паспорт громадянина України"),
                refused.findings().stream().map(f -> f.rule() + ":" + f.subject()).toList());
        assertTrue(refused.findings().get(0).message().contains("«Паспорт громадянина України»"),
                refused.findings().get(0).message());
        assertEquals(CaseStatus.REGISTERED, setup.cases().get(setup.head, v.id()).orElseThrow().status());
        CaseStep held = setup.cases().journal(setup.head, v.id()).stream()
                .filter(s -> s.action().equals("handover-refused")).findFirst().orElseThrow();
        assertTrue(held.detail().contains("«Паспорт громадянина України»"), held.detail());

        setup.verification().override(setup.administrator, v.id(), "missing-document", "Паспорт громадянина України",
                "Паспорт пред’явлено в застосунку Дія, паперову копію принесе завтра");
        // the form's version still holds: checks and overrides do not change the case itself
        ServiceCase handed = setup.cases().handOver(setup.administrator, received.id(), received.version());
        assertEquals(CaseStatus.IN_BACK_OFFICE, handed.status());
        List<String> actions = actions(v.id());
        assertTrue(actions.containsAll(List.of("check-fired", "verified", "handover-refused", "override", "handed-over")),
                actions.toString());
        assertTrue(!actions.contains("not-verified"), "verified, so never marked as not verified: " + actions);
        assertEquals("handed-over", actions.get(actions.size() - 1));
    }

    @Test
    void aRefusalNeedsAGroundAndTheApplicantMayWithdraw() {
        ServiceCard card = fixture.landCard(FeeKind.FREE, 5);
        ServiceCase v = setup.cases().handOver(setup.administrator, fixture.open(card, "Коваленко").id(), 0);
        List<String> grounds = setup.cases().refusalGrounds(setup.executor, v.id());
        assertEquals(List.of("Подання неповного пакета документів", "Виявлення недостовірних відомостей"), grounds);
        ServiceCase refused = setup.cases().refusalReady(setup.executor, v.id(), grounds.get(0), v.version());
        assertEquals(CaseStatus.REFUSAL_READY, refused.status());
        assertEquals("Подання неповного пакета документів", refused.refusalReason());
        assertEquals("executor", refused.executor(), "who prepared the refusal is its executor");
        assertEquals(CaseStatus.ISSUED, setup.cases().issue(setup.administrator, v.id(), refused.version()).status());
        assertEquals("Відмову видано заявнику", setup.cases().journal(setup.head, v.id()).get(4).detail());

        ServiceCase other = fixture.open(card, "Шевченко");
        assertEquals(Map.of("reason", "crm.case.error.reason"), assertThrows(CrmException.class,
                () -> setup.cases().cancel(setup.administrator, other.id(), "", other.version())).fieldErrors());
        ServiceCase cancelled = setup.cases().cancel(setup.administrator, other.id(), "Заявник відкликав заяву особисто",
                other.version());
        assertEquals(CaseStatus.CANCELLED, cancelled.status());
        assertEquals("Заявник відкликав заяву. Причина: Заявник відкликав заяву особисто",
                setup.cases().journal(setup.head, other.id()).get(1).detail());
    }

    @Test
    void aStateBodysCaseIsHandedOverToTheBodyByNameAndMovedByTheAdministrator() {
        ServiceCard passport = fixture.card("Оформлення паспорта громадянина України у формі картки",
                ProviderKind.STATE_BODY, "Державна міграційна служба України", "", FeeKind.AMOUNT, 20);
        ServiceCase v = fixture.open(passport, "Коваленко");
        ServiceCase handed = setup.cases().handOver(setup.administrator, v.id(), v.version());
        assertEquals("", handed.backOfficeRole());
        assertEquals("Справу передано до органу державної влади: Державна міграційна служба України",
                setup.cases().journal(setup.head, v.id()).get(2).detail());
        assertEquals(List.of(), setup.cases().find(setup.executor, ua.hromada.crm.api.CaseQuery.all(), 0, 10));
        assertEquals(CaseStatus.RESULT_READY, setup.cases().resultReady(setup.administrator, v.id(), handed.version()).status());
    }

    @Test
    void scansAreCheckedByContentSizeAndCount() {
        CasesImpl cases = setup.cases(setup.caseSettings(Map.of("scan.max.mb", "1", "scan.max.per.document", "2")));
        ServiceCase v = fixture.open(fixture.landCard(FeeKind.FREE, 5), "Коваленко");
        long passport = v.documents().get(1).id();
        byte[] png = pngBytes();
        Scan scan = cases.attachScan(setup.administrator, v.id(), passport, "pasport.pdf", png);
        assertEquals("image/png", scan.contentType(), "the content decides, not the name");
        assertEquals(List.of(scan.id()), cases.get(setup.administrator, v.id()).orElseThrow().documents().get(1).scanIds());
        assertEquals(List.of(scan), cases.scans(setup.head, v.id()));
        assertTrue(java.util.Arrays.equals(png, cases.scanContent(setup.head, scan.id())));

        CrmException text = assertThrows(CrmException.class, () -> cases.attachScan(setup.administrator, v.id(), passport,
                "scan.jpg", "це не зображення".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("crm.case.error.scanType", text.messageKey());
        byte[] big = new byte[1024 * 1024 + 1];
        System.arraycopy("%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, big, 0, 8);
        assertEquals("crm.case.error.scanSize", assertThrows(CrmException.class,
                () -> cases.attachScan(setup.administrator, v.id(), passport, "big.pdf", big)).messageKey());
        cases.attachScan(setup.administrator, v.id(), passport, "page2.png", png);
        assertEquals("crm.case.error.scanCount", assertThrows(CrmException.class,
                () -> cases.attachScan(setup.administrator, v.id(), passport, "page3.png", png)).messageKey());
        assertEquals(Reason.FORBIDDEN, assertThrows(CrmException.class,
                () -> cases.scanContent(setup.stranger, scan.id())).reason());
        assertEquals(Reason.NOT_FOUND, assertThrows(CrmException.class,
                () -> cases.scanContent(setup.executor, scan.id())).reason(), "not handed over to the back office");
    }

    private static byte[] pngBytes() {
        try {
            var image = new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theInventoryAndTheReceiptPrintTheCaseInUkrainian() throws IOException {
        fixture.at(LocalDate.of(2027, 4, 29), LocalTime.of(10, 15));
        ServiceCase v = setup.cases().open(setup.administrator,
                CaseFixture.draft(fixture.person("Коваленко"), fixture.landCard(FeeKind.AMOUNT, 3), true, false));
        v = setup.cases().markReceived(setup.administrator, v.id(), v.documents().get(0).id(), true, v.version());
        String inventory = text(setup.printouts().inventory(setup.administrator, v.id()));
        for (String expected : List.of("ОПИС ВХІДНОГО ПАКЕТА ДОКУМЕНТІВ", "Справа № " + v.number() + " від 29.04.2027 10:15",
                "Суб’єкт звернення: Коваленко Олена Петрівна", "(інформаційна картка, версія 1)",
                "Заява встановленого зразка", "Довіреність представника", "Квитанція про сплату", "оригінал", "копія",
                "Заяву подано через представника", "Документи прийняв адміністратор ЦНАП: Марія Адміністраторка",
                "Підпис суб’єкта звернення")) {
            assertTrue(inventory.contains(expected), expected + " in:\n" + inventory);
        }
        assertTrue(inventory.matches("(?s).*Заява встановленого зразка\\s+оригінал\\s+так.*"), inventory);
        assertTrue(inventory.matches("(?s).*Квитанція про сплату\\s+копія\\s+ні.*"), inventory);

        String receipt = text(setup.printouts().receipt(setup.administrator, v.id()));
        for (String expected : List.of("РОЗПИСКА", "Справа № " + v.number(), "Надання витягу з технічної документації",
                "Граничний строк надання послуги: 04.05.2027", "Результат: Витяг з технічної документації",
                "Центр надання адміністративних послуг", "вул. Соборності, 36", "пред’явіть цю розписку",
                "Документи прийняв адміністратор ЦНАП: Марія Адміністраторка")) {
            assertTrue(receipt.contains(expected), expected + " in:\n" + receipt);
        }
        long id = v.id();
        assertEquals(Reason.NOT_FOUND, assertThrows(CrmException.class,
                () -> setup.printouts().receipt(setup.executor, id)).reason());
    }

    private static String text(byte[] pdf) throws IOException {
        assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"));
        try (PDDocument doc = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void aReminderIsJournalledAndSentOnceNWorkingDaysBeforeTheDeadline() {
        RecordingNotifications notifications = new RecordingNotifications();
        CaseSettings settings = setup.caseSettings(Map.of("reminder.days", "2", "reminder.interval.minutes", "0",
                "holidays", "2027-03-08"));
        CaseReminders reminders = new CaseReminders(setup.database(), setup.audit(), settings, setup.communities(),
                notifications, setup.pools().forModule("crm"));
        CasesImpl cases = setup.cases(settings);
        ServiceCard card = fixture.landCard(FeeKind.FREE, 5);
        // Monday 1 March: Tue 2 … Fri 5, (Mon 8 holiday), Tue 9 is the deadline
        fixture.at(LocalDate.of(2027, 3, 1), LocalTime.of(9, 0));
        ServiceCase desk = cases.open(setup.administrator, CaseFixture.draft(fixture.person("Коваленко"), card, false, true));
        ServiceCase back = cases.open(setup.administrator, CaseFixture.draft(fixture.person("Шевченко"), card, false, true));
        back = cases.handOver(setup.administrator, back.id(), back.version());
        cases.take(setup.executor, back.id(), back.version());
        assertEquals(LocalDate.of(2027, 3, 9), desk.deadline());
        fixture.at(LocalDate.of(2027, 3, 3), LocalTime.of(18, 0));
        assertEquals(0, reminders.remind());
        // Thursday 4 March: two working days are left (Fri 5, Tue 9)
        fixture.at(LocalDate.of(2027, 3, 4), LocalTime.of(8, 0));
        assertEquals(2, reminders.remind());
        assertEquals(0, reminders.remind(), "once");
        assertEquals(List.of("user admin1: Справа " + desk.number() + " («" + card.name() + "»): строк спливає 09.03.2027",
                "user executor: Справа " + back.number() + " («" + card.name() + "»): строк спливає 09.03.2027"),
                notifications.sent);
        List<CaseStep> journal = cases.journal(setup.head, desk.id());
        CaseStep last = journal.get(journal.size() - 1);
        assertEquals("reminder", last.action());
        assertEquals("system", last.user());
        assertEquals("Нагадування: до кінця строку (09.03.2027) залишилося 2 робочих дн.", last.detail());
    }
}
