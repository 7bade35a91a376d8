package ua.hromada.crm.service.applicants;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.Applicant;
import ua.hromada.crm.api.ApplicantKind;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.IdentityDocumentType;
import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.audit.AuditLog.AuditEntry;
import ua.hromada.portal.api.calendar.DisplayFormats;

/** Applicants on a real PostgreSQL: every rule valid and invalid, duplicates, search, rights, audit. */
class ApplicantsImplTest {
    private static final LocalDate BIRTH = LocalDate.of(1985, 3, 15);
    private static final String TAX = IdentifiersTest.taxNumber(BIRTH, "0123");
    private final MessageBundle texts = MessageBundle.of("i18n.crm-applicants", ApplicantsImplTest.class.getClassLoader());

    private CrmTestSetup setup;
    private ApplicantsImpl applicants;
    private LocalDate today;

    @BeforeEach
    void start() {
        setup = new CrmTestSetup();
        applicants = setup.applicants();
        today = setup.settings().today();
    }

    @AfterEach
    void stop() {
        setup.close();
    }

    private Applicant person(String tax, LocalDate birth, IdentityDocumentType type, String number, LocalDate expiry) {
        return new Applicant(0, ApplicantKind.PERSON, "Коваленко", "Олена", "Петрівна", birth, tax, type, number, expiry,
                "", "", "", "+380 50 123 45 67", "olena@example.com", "вул. Соборності, 1", 0);
    }

    private Applicant validPerson() {
        return person(TAX, BIRTH, IdentityDocumentType.ID_CARD, "001234567", today.plusYears(5));
    }

    private Applicant organisation(String edrpou) {
        return new Applicant(0, ApplicantKind.ORGANISATION, "", "", "", null, "", null, "", null, "",
                "ТОВ «Полтавська пекарня»", edrpou, "", "", "", 0);
    }

    /** The field's message as the form shows it, with its arguments. */
    private String message(CrmException e, String field) {
        String key = e.fieldErrors().get(field);
        return key == null ? null : MessageBundle.text(List.of(texts), key, new Locale("uk"), e.fieldArgs(field));
    }

    private CrmException refused(Applicant a) {
        CrmException e = assertThrows(CrmException.class, () -> applicants.save(setup.administrator, a));
        assertEquals(Reason.INVALID, e.reason());
        return e;
    }

    @Test
    void aValidPersonIsRegisteredAndAudited() {
        Applicant saved = applicants.save(setup.administrator, validPerson());
        assertNotEquals(0, saved.id());
        assertEquals(TAX, saved.taxNumber());
        assertEquals("Коваленко Олена Петрівна", saved.displayName());
        assertEquals(saved, applicants.get(setup.head, saved.id()).orElseThrow());
        AuditEntry entry = setup.audit().entries().get(setup.audit().entries().size() - 1);
        assertEquals("create", entry.action());
        assertEquals("applicant", entry.entityType());
        assertTrue(entry.changes().contains("taxNumber: " + TAX), entry.changes());
    }

    @Test
    void aWrongCheckDigitIsNamedWithTheNumberTyped() {
        String wrong = TAX.substring(0, 9) + ((TAX.charAt(9) - '0' + 1) % 10);
        CrmException e = refused(person(wrong, BIRTH, IdentityDocumentType.ID_CARD, "001234567", today.plusYears(1)));
        assertEquals("РНОКПП " + wrong + " не проходить перевірку контрольної цифри", message(e, "taxNumber"));
        CrmException format = refused(person("12345", BIRTH, IdentityDocumentType.ID_CARD, "001234567", today.plusYears(1)));
        assertEquals("РНОКПП 12345 має складатися з 10 цифр", message(format, "taxNumber"));
    }

    @Test
    void theBirthDateMustBeTheOneTheTaxNumberCounts() {
        CrmException e = refused(person(TAX, BIRTH.plusDays(1), IdentityDocumentType.ID_CARD, "001234567",
                today.plusYears(1)));
        assertEquals("РНОКПП " + TAX + " належить особі, народженій 15.03.1985, а вказано дату народження 16.03.1985",
                message(e, "taxNumber"));
        assertArrayEquals(new Object[] {TAX, "15.03.1985", "16.03.1985"}, e.fieldArgs("taxNumber"));
    }

    @Test
    void theTaxNumberMayBeLeftOut() {
        Applicant saved = applicants.save(setup.administrator,
                person("", BIRTH, IdentityDocumentType.PASSPORT_BOOK, "кв123456", null));
        assertEquals("", saved.taxNumber());
        assertEquals("КВ123456", saved.documentNumber(), "series letters upper case");
    }

    @Test
    void aPersonNeedsNamesBirthDateAndADocument() {
        CrmException e = refused(new Applicant(0, ApplicantKind.PERSON, " ", "", "", null, "", null, "", null, "", "",
                "", "", "", "", 0));
        assertEquals(Map.of("lastName", "crm.applicant.error.lastName", "firstName", "crm.applicant.error.firstName",
                "birthDate", "crm.applicant.error.birthDate", "documentType", "crm.applicant.error.documentType"),
                e.fieldErrors());
        CrmException future = refused(person("", today.plusDays(1), IdentityDocumentType.PASSPORT_BOOK, "КВ123456",
                null));
        assertEquals("crm.applicant.error.birthDateRange", future.fieldErrors().get("birthDate"));
        CrmException digits = refused(new Applicant(0, ApplicantKind.PERSON, "Коваленко2", "Олена", "", BIRTH, "",
                IdentityDocumentType.PASSPORT_BOOK, "КВ123456", null, "", "", "", "", "", "", 0));
        assertEquals("crm.applicant.error.nameLetters", digits.fieldErrors().get("lastName"));
        applicants.save(setup.administrator, new Applicant(0, ApplicantKind.PERSON, "Кос’яненко-Бойко", "Ганна", "",
                BIRTH, "", IdentityDocumentType.PASSPORT_BOOK, "КВ654321", null, "", "", "", "", "", "", 0));
    }

    @Test
    void eachDocumentTypeHasItsFormat() {
        CrmException card = refused(person(TAX, BIRTH, IdentityDocumentType.ID_CARD, "12345678", today.plusYears(1)));
        assertEquals("Номер ID-картки 12345678 має складатися з 9 цифр", message(card, "documentNumber"));
        CrmException book = refused(person(TAX, BIRTH, IdentityDocumentType.PASSPORT_BOOK, "KB123456", null));
        assertEquals("crm.applicant.error.documentNumber.PASSPORT_BOOK", book.fieldErrors().get("documentNumber"));
        CrmException foreign = refused(person(TAX, BIRTH, IdentityDocumentType.FOREIGN_PASSPORT, "123456",
                today.plusYears(1)));
        assertEquals("crm.applicant.error.documentNumber.FOREIGN_PASSPORT", foreign.fieldErrors().get("documentNumber"));
        applicants.save(setup.administrator, person("", BIRTH, IdentityDocumentType.FOREIGN_PASSPORT, "fa123456",
                today.plusYears(1)));
    }

    @Test
    void anExpiredCardOrForeignPassportIsRefusedAPassportBookHasNoExpiry() {
        CrmException expired = refused(person(TAX, BIRTH, IdentityDocumentType.ID_CARD, "001234567",
                today.minusDays(1)));
        assertEquals("Строк дії документа минув " + DisplayFormats.DATE.format(today.minusDays(1))
                + ": прийміть дійсний документ", message(expired, "documentExpiry"));
        CrmException none = refused(person(TAX, BIRTH, IdentityDocumentType.FOREIGN_PASSPORT, "FA123456", null));
        assertEquals("crm.applicant.error.documentExpiryRequired", none.fieldErrors().get("documentExpiry"));
        Applicant lastDay = applicants.save(setup.administrator, person(TAX, BIRTH, IdentityDocumentType.ID_CARD,
                "001234567", today));
        assertEquals(today, lastDay.documentExpiry(), "valid on its last day");
        Applicant book = applicants.save(setup.administrator, person("", LocalDate.of(1970, 1, 2),
                IdentityDocumentType.PASSPORT_BOOK, "АБ000001", today.minusYears(10)));
        assertEquals(null, book.documentExpiry(), "a passport book keeps no expiry");
    }

    @Test
    void theRegistryNumberIsOptionalButMatchesTheBirthDate() {
        Applicant a = validPerson();
        Applicant with = new Applicant(0, a.kind(), a.lastName(), a.firstName(), a.patronymic(), a.birthDate(),
                a.taxNumber(), a.documentType(), a.documentNumber(), a.documentExpiry(), "19850316-00123", "", "", "",
                "", "", 0);
        CrmException e = refused(with);
        assertEquals("Запис ЄДДР 19850316-00123 не відповідає даті народження (має починатися з 19850315) або формату"
                + " РРРРММДД-ННННН", message(e, "registryNumber"));
        Applicant good = new Applicant(0, a.kind(), a.lastName(), a.firstName(), a.patronymic(), a.birthDate(),
                a.taxNumber(), a.documentType(), a.documentNumber(), a.documentExpiry(), "19850315-00123", "", "", "",
                "", "", 0);
        assertEquals("19850315-00123", applicants.save(setup.administrator, good).registryNumber());
    }

    @Test
    void contactsAreChecked() {
        Applicant a = validPerson();
        CrmException e = refused(new Applicant(0, a.kind(), a.lastName(), a.firstName(), "", a.birthDate(), "",
                a.documentType(), a.documentNumber(), a.documentExpiry(), "", "", "", "телефон", "olena@", "", 0));
        assertEquals("crm.applicant.error.phone", e.fieldErrors().get("phone"));
        assertEquals("crm.applicant.error.email", e.fieldErrors().get("email"));
    }

    @Test
    void anOrganisationNeedsItsNameAndAValidEdrpou() {
        Applicant saved = applicants.save(setup.administrator, organisation("14360570"));
        assertEquals("ТОВ «Полтавська пекарня»", saved.displayName());
        CrmException check = refused(organisation("14360571"));
        assertEquals("Код ЄДРПОУ 14360571 не проходить перевірку контрольної цифри", message(check, "edrpou"));
        CrmException format = refused(organisation("1436057"));
        assertEquals("crm.applicant.error.edrpouFormat", format.fieldErrors().get("edrpou"));
        CrmException missing = refused(new Applicant(0, ApplicantKind.ORGANISATION, "", "", "", null, "", null, "",
                null, "", "", "", "", "", "", 0));
        assertEquals(Map.of("organisationName", "crm.applicant.error.organisationName", "edrpou",
                "crm.applicant.error.edrpouRequired"), missing.fieldErrors());
    }

    @Test
    void aProbableDuplicateIsFoundAndSavedOnlyWhenConfirmed() {
        Applicant first = applicants.save(setup.administrator, validPerson());
        // the same РНОКПП
        assertEquals(List.of(first), applicants.duplicates(setup.administrator, validPerson()));
        // the same names and birth date, nothing else in common
        Applicant namesake = person("", BIRTH, IdentityDocumentType.PASSPORT_BOOK, "ВВ111111", null);
        assertEquals(List.of(first), applicants.duplicates(setup.administrator, namesake));
        // the same ID card number only
        Applicant sameCard = new Applicant(0, ApplicantKind.PERSON, "Інша", "Особа", "", LocalDate.of(1990, 1, 1), "",
                IdentityDocumentType.ID_CARD, "001234567", today.plusYears(1), "", "", "", "", "", "", 0);
        assertEquals(List.of(first), applicants.duplicates(setup.administrator, sameCard));
        Applicant stranger = new Applicant(0, ApplicantKind.PERSON, "Інша", "Особа", "", LocalDate.of(1990, 1, 1), "",
                IdentityDocumentType.ID_CARD, "007654321", today.plusYears(1), "", "", "", "", "", "", 0);
        assertEquals(List.of(), applicants.duplicates(setup.administrator, stranger));
        // its own record is no duplicate of itself
        assertEquals(List.of(), applicants.duplicates(setup.administrator, first));

        CrmException refused = assertThrows(CrmException.class, () -> applicants.save(setup.administrator, namesake));
        assertEquals(Reason.CONFLICT, refused.reason());
        assertEquals("crm.applicant.error.duplicate", refused.messageKey());
        assertEquals(1, applicants.count(setup.administrator, ""));
        Applicant second = applicants.save(setup.administrator, namesake, true);
        assertEquals(2, applicants.count(setup.administrator, ""));
        assertTrue(setup.audit().entries().stream().anyMatch(en -> en.entityId().equals(String.valueOf(second.id()))
                && en.changes().contains("duplicateConfirmed: " + first.id())));
        // an organisation by its ЄДРПОУ
        applicants.save(setup.administrator, organisation("21560766"));
        assertEquals(1, applicants.duplicates(setup.administrator, organisation("21560766")).size());
    }

    @Test
    void anEditKeepsTheVersionAndRefusesAStaleForm() {
        Applicant saved = applicants.save(setup.administrator, validPerson());
        Applicant moved = new Applicant(saved.id(), saved.kind(), saved.lastName(), saved.firstName(), saved.patronymic(),
                saved.birthDate(), saved.taxNumber(), saved.documentType(), saved.documentNumber(),
                saved.documentExpiry(), "", "", "", "+380501112233", saved.email(), "вул. Європейська, 5", saved.version());
        Applicant after = applicants.save(setup.administrator, moved);
        assertEquals("вул. Європейська, 5", after.address());
        assertEquals(saved.version() + 1, after.version());
        assertThrows(RuntimeException.class, () -> applicants.save(setup.administrator, moved));
        AuditEntry entry = setup.audit().entries().get(setup.audit().entries().size() - 1);
        assertEquals("update", entry.action());
        assertTrue(entry.changes().contains("address: вул. Соборності, 1 -> вул. Європейська, 5"), entry.changes());
    }

    @Test
    void searchFindsByNamesAndIdentifiersWithPaging() {
        applicants.save(setup.administrator, validPerson());
        applicants.save(setup.administrator, organisation("14360570"));
        for (int i = 0; i < 5; i++) {
            applicants.save(setup.administrator, new Applicant(0, ApplicantKind.PERSON, "Шевченко", "Тарас" + "абвгд".charAt(i),
                    "", LocalDate.of(1970, 1, 1 + i), "", IdentityDocumentType.PASSPORT_BOOK, "МК00000" + i, null, "",
                    "", "", "", "", "", 0));
        }
        assertEquals(1, applicants.count(setup.head, TAX.substring(2, 8)));
        assertEquals(1, applicants.count(setup.executor, "пекарня"));
        assertEquals(1, applicants.count(setup.administrator, "коваленко олена"));
        assertEquals(5, applicants.count(setup.administrator, "Шевченко"));
        List<Applicant> page = applicants.find(setup.administrator, "Шевченко", 2, 2);
        assertEquals(List.of("Тарасв", "Тарасг"), page.stream().map(Applicant::firstName).toList());
        assertEquals(1, applicants.find(setup.administrator, "мк000004", 0, 10).size());
    }

    @Test
    void onlyTheFrontDeskRegistersAndOnlyTheCentreReads() {
        CrmException e = assertThrows(CrmException.class, () -> applicants.save(setup.head, validPerson()));
        assertEquals(Reason.FORBIDDEN, e.reason());
        assertThrows(CrmException.class, () -> applicants.find(setup.stranger, "", 0, 10));
        assertThrows(CrmException.class, () -> applicants.get(setup.stranger, 1));
        assertEquals(0, applicants.count(setup.executor, ""));
    }
}
