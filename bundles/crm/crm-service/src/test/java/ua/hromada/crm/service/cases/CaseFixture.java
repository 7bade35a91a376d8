package ua.hromada.crm.service.cases;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import ua.hromada.crm.api.Applicant;
import ua.hromada.crm.api.ApplicantKind;
import ua.hromada.crm.api.CaseDraft;
import ua.hromada.crm.api.CaseSource;
import ua.hromada.crm.api.Channel;
import ua.hromada.crm.api.DocumentCondition;
import ua.hromada.crm.api.DocumentKind;
import ua.hromada.crm.api.FeeKind;
import ua.hromada.crm.api.Identifiers;
import ua.hromada.crm.api.IdentityDocumentType;
import ua.hromada.crm.api.ProviderKind;
import ua.hromada.crm.api.RequiredDocument;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.portal.testing.TestPortalSettings;

/** Cards and applicants made through the real services, and the test clock set to a Kyiv time. */
final class CaseFixture {
    static final List<RequiredDocument> DOCUMENTS = List.of(
            new RequiredDocument("Заява встановленого зразка", DocumentKind.OTHER, DocumentCondition.ALWAYS, true),
            new RequiredDocument("Паспорт громадянина України", DocumentKind.IDENTITY, DocumentCondition.PERSON, true),
            new RequiredDocument("Виписка з ЄДР", DocumentKind.OTHER, DocumentCondition.LEGAL_ENTITY, false),
            new RequiredDocument("Довіреність представника", DocumentKind.PROXY, DocumentCondition.BY_PROXY, true),
            new RequiredDocument("Квитанція про сплату", DocumentKind.PAYMENT, DocumentCondition.ALWAYS, false));

    private final CrmTestSetup setup;
    private int codes;

    CaseFixture(CrmTestSetup setup) {
        this.setup = setup;
    }

    /** A council unit's card handed over to role "zemelnyi". */
    ServiceCard landCard(FeeKind fee, int termDays) {
        return card("Надання витягу з технічної документації про нормативну грошову оцінку земельної ділянки",
                ProviderKind.COUNCIL_UNIT, "Управління земельних відносин", "zemelnyi", fee, termDays);
    }

    ServiceCard card(String name, ProviderKind kind, String provider, String role, FeeKind fee, int termDays) {
        codes++;
        return setup.cards().save(setup.head, new ServiceCard(0, "", "ZEM-" + codes, name, kind, provider,
                kind == ProviderKind.COUNCIL_UNIT ? role : "", "Земельний кодекс України, ст. 20", "", fee,
                fee == FeeKind.AMOUNT ? new BigDecimal("120.00") : null, "", termDays,
                "Витяг з технічної документації",
                "1) Подання неповного пакета документів\n2) Виявлення недостовірних відомостей",
                Set.of(Channel.IN_PERSON), "Земельні питання", DOCUMENTS, true, 0, 0));
    }

    Applicant person(String lastName) {
        return setup.applicants().save(setup.administrator, new Applicant(0, ApplicantKind.PERSON, lastName, "Олена",
                "Петрівна", LocalDate.of(1985, 3, 14), "", IdentityDocumentType.PASSPORT_BOOK,
                "КН" + String.format("%06d", 100000 + (++codes)), null, "", "", "", "+380501234567",
                "olena@example.org", "м. Полтава", 0), true);
    }

    Applicant organisation(String name) {
        return setup.applicants().save(setup.administrator, new Applicant(0, ApplicantKind.ORGANISATION, "Іваненко",
                "Іван", "", null, "", null, "", null, "", name, edrpou(1234560 + (++codes)), "", "", "", 0), true);
    }

    /** An ЄДРПОУ code with the right check digit after the seven given. */
    static String edrpou(int first7) {
        for (int d = 0; d <= 9; d++) {
            String code = String.format("%07d", first7) + d;
            if (Identifiers.validEdrpou(code)) {
                return code;
            }
        }
        throw new IllegalStateException("no check digit for " + first7);
    }

    static CaseDraft draft(Applicant a, ServiceCard c, boolean byProxy, boolean feePaid) {
        return new CaseDraft(a.id(), c.id(), CaseSource.FRONT_DESK, "", "Прошу видати витяг", byProxy, feePaid);
    }

    ServiceCase open(ServiceCard card, String lastName) {
        return setup.cases().open(setup.administrator, draft(person(lastName), card, false, true));
    }

    /** Moves the test clock to {@code time} on {@code day} in Kyiv. */
    void at(LocalDate day, LocalTime time) {
        Instant target = ZonedDateTime.of(day, time, TestPortalSettings.KYIV).toInstant();
        setup.clock().advance(Duration.between(setup.clock().instant(), target));
    }
}
