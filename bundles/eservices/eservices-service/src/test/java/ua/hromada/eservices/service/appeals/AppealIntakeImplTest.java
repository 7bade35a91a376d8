package ua.hromada.eservices.service.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jakarta.mail.internet.MimeMessage;
import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.api.AppealForm;
import ua.hromada.eservices.api.AppealStep;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.FormTicket;
import ua.hromada.eservices.api.Receipt;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.audit.AuditLog;

class AppealIntakeImplTest extends AppealTest {
    AppealIntakeImplTest() {
        setup.mailServer();
    }

    private int rows(String table) {
        return setup.database().read(c -> ua.hromada.portal.api.jdbc.Statements.first(c,
                "SELECT count(*) FROM eservices." + table, rs -> rs.getInt(1)).orElseThrow());
    }

    @Test
    void registersNumbersRoutesStoresFilesByContentJournalsAuditsAndMails() throws Exception {
        LocalDate today = setup.settings().today();
        Receipt first = resident.submit(setup.intake(), "osvitlennia", "Olena@Example.org", true, List.of(
                resident.file("ліхтар.jpg", AppealFixture.png()), resident.file("C:\\docs\\scan.png", AppealFixture.pdf()),
                resident.file("", AppealFixture.jpeg())));
        assertEquals(today.getYear() + "-1", first.number());
        assertEquals(setup.appealSettings().workingDays().deadline(today, 5), first.deadline());
        assertEquals(today.getYear() + "-2", resident.submit("inshe", "other@example.org", false).number());

        Appeal appeal = setup.appeals().find(setup.manager, ua.hromada.eservices.api.AppealQuery.all(10)).stream()
                .filter(s -> s.number().equals(first.number())).map(s -> setup.appeals().get(setup.manager, s.id()))
                .findFirst().orElseThrow();
        assertEquals("Вуличне освітлення", appeal.topicName());
        assertEquals("Управління житлово-комунального господарства", appeal.unitName());
        assertEquals("olena@example.org", appeal.email());
        // the kind comes from the bytes: a PNG named .jpg, a PDF named .png, a JPEG without a name
        assertEquals(List.of("image/png", "application/pdf", "image/jpeg"),
                appeal.attachments().stream().map(Appeal.Attachment::contentType).toList());
        assertEquals(List.of("ліхтар.jpg", "scan.png", "file.jpg"),
                appeal.attachments().stream().map(Appeal.Attachment::fileName).toList());
        assertEquals(AppealFixture.pdf().length, setup.appeals().attachment(setup.manager, appeal.id(),
                appeal.attachments().get(1).id()).length);
        List<AppealStep> journal = setup.appeals().journal(setup.manager, appeal.id());
        assertEquals(List.of("REGISTERED", "ROUTED"), journal.stream().map(AppealStep::action).limit(2).toList());
        assertEquals("Управління житлово-комунального господарства", journal.get(1).details());

        AuditLog.AuditEntry entry = setup.audit().entries().stream().filter(e -> e.entityId().equals(String.valueOf(appeal.id())))
                .findFirst().orElseThrow();
        assertEquals("register", entry.action());
        assertEquals("appeal", entry.entityType());
        for (String personal : List.of("Олена", "Петренко", "olena@example.org", "123 45 67")) {
            assertFalse(entry.changes().contains(personal), entry.changes());
        }

        MimeMessage mail = AppealFixture.mailTo(setup, "olena@example.org", 1).get(0);
        assertEquals("Звернення № " + first.number() + " зареєстровано", mail.getSubject());
        String text = AppealFixture.text(mail);
        assertTrue(text.contains("Термін розгляду: до " + AppealMail.date(first.deadline())), text);
        assertTrue(text.contains("http://127.0.0.1:8181/zvernennia/kabinet?token="), text);
        assertTrue(setup.cabinet().open(AppealFixture.cabinetToken(mail)).isPresent());
        // the message the server took is journalled (the unit has no e-mail address: only the applicant's)
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<AppealStep> later = journal;
        while (later.stream().noneMatch(step -> step.action().equals("MAILED")) && System.nanoTime() < end) {
            Thread.sleep(50);
            later = setup.appeals().journal(setup.manager, appeal.id());
        }
        assertEquals(List.of("REGISTERED", "ROUTED", "MAILED"), later.stream().map(AppealStep::action).toList());
        assertEquals("заявнику", later.get(2).details());
    }

    @Test
    void theTopicsUnitIsToldByEmailWithoutTheApplicantsData() throws Exception {
        var unit = setup.units().find(resident.topic("transport").unitId()).orElseThrow();
        setup.units().save(setup.manager, new ua.hromada.eservices.api.Unit(unit.id(), unit.code(), unit.name(),
                unit.role(), "transport@rada.example", "0532 00 00 00", true, unit.version()));
        Receipt receipt = resident.submit("transport", "olena@example.org", false);
        MimeMessage told = AppealFixture.mailTo(setup, "transport@rada.example", 1).get(0);
        assertEquals("Нове звернення № " + receipt.number() + ": Громадський транспорт", told.getSubject());
        String text = AppealFixture.text(told);
        assertTrue(text.contains("Термін розгляду: до " + AppealMail.date(receipt.deadline())), text);
        assertFalse(text.contains("Петренко") || text.contains("olena@example.org"), text);
    }

    @Test
    void theDeadlineCountsWorkingDaysInTheCommunitysZoneSkippingConfiguredHolidays() {
        // Thursday 30 December 2027, 23:30 in Kyiv (21:30 UTC: still the 30th there, as the community counts)
        java.time.Instant received = java.time.ZonedDateTime.of(2027, 12, 30, 23, 30, 0, 0,
                java.time.ZoneId.of("Europe/Kyiv")).toInstant();
        setup.clock().advance(Duration.between(setup.clock().instant(), received).minusSeconds(30));
        var intake = setup.intake(setup.appealSettings(Map.of("holidays", "2027-12-31,2028-01-07")));
        // "osvitlennia": 5 working days — Mon 3, Tue 4, Wed 5, Thu 6 January, (Fri 7 a holiday), Mon 10
        Receipt receipt = resident.submit(intake, "osvitlennia", "a@example.org", true, List.of());
        assertEquals("2027-1", receipt.number());
        assertEquals(LocalDate.of(2028, 1, 10), receipt.deadline());
    }

    @Test
    void numbersRestartEachYearAndAreCountedPerCommunity() {
        setup.communities().add("lubny", "lubny.example");
        String year = String.valueOf(setup.settings().today().getYear());
        assertEquals(year + "-1", resident.submit("inshe", "a@example.org", true).number());
        setup.communities().runAs("lubny", () -> {
            setup.shipTopics();
            assertEquals(year + "-1", resident.submit("inshe", "a@example.org", true).number());
        });
        assertEquals(year + "-2", resident.submit("inshe", "b@example.org", true).number());
        setup.clock().advance(Duration.ofDays(366));
        assertEquals((Integer.parseInt(year) + 1) + "-1", resident.submit("inshe", "c@example.org", true).number());
    }

    @Test
    void refusesTokensSentTooSoonExpiredReusedForgedOrFromAnotherCommunity() {
        long topic = resident.topic("inshe").id();
        FormTicket soon = setup.intake().openForm(AppealFixture.ADDRESS);
        setup.clock().advance(Duration.ofSeconds(1));
        assertRefused(() -> setup.intake().submit(AppealFixture.form(soon, topic, "a@example.org", List.of(), true),
                AppealFixture.ADDRESS));

        FormTicket old = setup.intake().openForm(AppealFixture.ADDRESS);
        setup.clock().advance(Duration.ofHours(12).plusSeconds(1));
        assertRefused(() -> setup.intake().submit(AppealFixture.form(old, topic, "a@example.org", List.of(), true),
                AppealFixture.ADDRESS));

        FormTicket once = setup.intake().openForm(AppealFixture.ADDRESS);
        setup.clock().advance(Duration.ofSeconds(5));
        AppealForm form = AppealFixture.form(once, topic, "a@example.org", List.of(), true);
        setup.intake().submit(form, AppealFixture.ADDRESS);
        assertRefused(() -> setup.intake().submit(form, AppealFixture.ADDRESS));

        FormTicket genuine = setup.intake().openForm(AppealFixture.ADDRESS);
        setup.clock().advance(Duration.ofSeconds(5));
        String token = genuine.token();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertRefused(() -> setup.intake().submit(new AppealForm(tampered, "2", topic, "Текст звернення довгий", null,
                null, List.of(), "Ім’я", "a@example.org", null, true, true), AppealFixture.ADDRESS));
        // signed by another start of the intake (its key is random per start)
        FormTicket foreign = setup.intake(setup.appealSettings()).openForm(AppealFixture.ADDRESS);
        setup.clock().advance(Duration.ofSeconds(5));
        assertRefused(() -> setup.intake().submit(AppealFixture.form(foreign, topic, "a@example.org", List.of(), true),
                AppealFixture.ADDRESS));
        setup.communities().add("lubny", "lubny.example");
        FormTicket poltava = setup.intake().openForm(AppealFixture.ADDRESS);
        setup.clock().advance(Duration.ofSeconds(5));
        setup.communities().runAs("lubny", () -> assertRefused(() -> setup.intake().submit(
                AppealFixture.form(poltava, topic, "a@example.org", List.of(), true), AppealFixture.ADDRESS)));
        assertEquals(1, rows("appeal"));
        // a genuine token still works after all that
        setup.intake().submit(AppealFixture.form(genuine, topic, "a@example.org", List.of(), true), AppealFixture.ADDRESS);
        assertEquals(2, rows("appeal"));
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable submit) {
        EservicesException e = assertThrows(EservicesException.class, submit);
        assertEquals(Reason.FORBIDDEN, e.reason());
        assertEquals("eservices.appeal.tokenRefused", e.messageKey());
    }

    @Test
    void fieldErrorsNameEveryBrokenFieldAndTheWrongAnswer() {
        FormTicket ticket = setup.intake().openForm(AppealFixture.ADDRESS);
        setup.clock().advance(Duration.ofSeconds(5));
        AppealForm bad = new AppealForm(ticket.token(), String.valueOf(ticket.left() + ticket.right() + 1),
                resident.topic("inshe").id(), "коротко", 49.5, null, List.of(), " ", "not-an-email", "дзвоніть",
                true, false);
        EservicesException e = assertThrows(EservicesException.class, () -> setup.intake().submit(bad, AppealFixture.ADDRESS));
        assertEquals(Reason.INVALID, e.reason());
        assertEquals(java.util.Set.of("challengeAnswer", "text", "name", "email", "phone", "consent", "location"),
                e.fieldErrors().keySet());
        // an inactive topic is refused at its field
        var topic = resident.topic("transport");
        setup.topics().save(setup.manager, new ua.hromada.eservices.api.AppealTopic(topic.id(), topic.code(), topic.name(),
                topic.description(), topic.unitId(), topic.deadlineDays(), topic.handover(), false, topic.position(),
                topic.version()));
        EservicesException inactive = assertThrows(EservicesException.class,
                () -> resident.submit("transport", "a@example.org", true));
        assertEquals(Map.of("topicId", "eservices.appeal.error.topic"), inactive.fieldErrors());
        assertEquals(0, rows("appeal"));
    }

    @Test
    void filesAreCheckedByContentCountAndSize() {
        var intake = setup.intake(setup.appealSettings(Map.of("appeal.max.files", 2, "appeal.max.file.mb", 1,
                "appeal.file.types", "JPEG,PNG")));
        EservicesException text = assertThrows(EservicesException.class, () -> resident.submit(intake, "inshe",
                "a@example.org", true, List.of(resident.file("photo.jpg", "just text, not an image".getBytes()))));
        assertEquals(Map.of("files", "eservices.appeal.error.files.type"), text.fieldErrors());
        EservicesException pdf = assertThrows(EservicesException.class, () -> resident.submit(intake, "inshe",
                "a@example.org", true, List.of(resident.file("scan.pdf", AppealFixture.pdf()))));
        assertEquals(Map.of("files", "eservices.appeal.error.files.type"), pdf.fieldErrors(), "PDF not configured");
        EservicesException many = assertThrows(EservicesException.class, () -> resident.submit(intake, "inshe",
                "a@example.org", true, List.of(resident.file("1.png", AppealFixture.png()),
                        resident.file("2.png", AppealFixture.png()), resident.file("3.png", AppealFixture.png()))));
        assertEquals(Map.of("files", "eservices.appeal.error.files.count"), many.fieldErrors());
        byte[] big = new byte[1024 * 1024 + 1];
        System.arraycopy(AppealFixture.jpeg(), 0, big, 0, 3);
        EservicesException large = assertThrows(EservicesException.class, () -> resident.submit(intake, "inshe",
                "a@example.org", true, List.of(resident.file("big.jpg", big))));
        assertEquals(Map.of("files", "eservices.appeal.error.files.size"), large.fieldErrors());
        assertEquals(0, rows("appeal"));
        assertEquals(0, rows("attachment"));
    }

    @Test
    void rateLimitsPerAddressAndPerEmailInASlidingHour() {
        var intake = setup.intake(setup.appealSettings(Map.of("rate.per.address", 2, "rate.per.email", 1,
                "rate.forms.per.address", 100)));
        resident.submit(intake, "inshe", "a@example.org", true, List.of());
        EservicesException sameMail = assertThrows(EservicesException.class,
                () -> resident.submit(intake, "inshe", "A@Example.org ", true, List.of()));
        assertEquals("eservices.appeal.rateLimited", sameMail.messageKey());
        assertEquals(Reason.FORBIDDEN, sameMail.reason());
        resident.submit(intake, "inshe", "b@example.org", true, List.of());
        EservicesException sameAddress = assertThrows(EservicesException.class,
                () -> resident.submit(intake, "inshe", "c@example.org", true, List.of()));
        assertEquals("eservices.appeal.rateLimited", sameAddress.messageKey());
        assertEquals(2, rows("appeal"));
        // another address is not affected; an hour later the first one may send again
        FormTicket other = intake.openForm("198.51.100.7");
        setup.clock().advance(Duration.ofSeconds(5));
        intake.submit(AppealFixture.form(other, resident.topic("inshe").id(), "d@example.org", List.of(), true),
                "198.51.100.7");
        setup.clock().advance(Duration.ofMinutes(61));
        resident.submit(intake, "inshe", "a@example.org", true, List.of());
        assertEquals(4, rows("appeal"));

        var forms = setup.intake(setup.appealSettings(Map.of("rate.forms.per.address", 2)));
        forms.openForm("203.0.113.9");
        forms.openForm("203.0.113.9");
        assertEquals("eservices.appeal.rateLimited",
                assertThrows(EservicesException.class, () -> forms.openForm("203.0.113.9")).messageKey());
    }

    @Test
    void aFailureInTheMiddleStoresNothing() {
        AuditLog failing = new AuditLog() {
            @Override
            public void record(String actor, String module, String entityType, String entityId, String action,
                    String changes) {
                throw new IllegalStateException("audit log unavailable");
            }

            @Override
            public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
                return List.of();
            }

            @Override
            public long count(AuditQuery query) {
                return 0;
            }
        };
        AppealIntakeImpl intake = new AppealIntakeImpl(setup.database(), failing, setup.appealSettings(),
                setup.communities(), setup.handovers(), setup.mailer());
        FormTicket ticket = intake.openForm(AppealFixture.ADDRESS);
        setup.clock().advance(Duration.ofSeconds(5));
        AppealForm form = AppealFixture.form(ticket, resident.topic("inshe").id(), "a@example.org",
                List.of(resident.file("a.png", AppealFixture.png())), true);
        // the audit entry is the transaction's last write: everything before it is rolled back
        assertThrows(IllegalStateException.class, () -> intake.submit(form, AppealFixture.ADDRESS));
        for (String table : List.of("appeal", "attachment", "step", "appeal_counter", "cabinet_token", "form_nonce")) {
            assertEquals(0, rows(table), table);
        }
        assertEquals(1, rows("rate_event"), "only the opened form counts");
        assertTrue(AppealFixture.mailTo(setup, "a@example.org", 0).isEmpty());
    }
}
