package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.NewViolation;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.PhotoUpload;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.Violator;

/**
 * What the registration form asks the service before saving (issue 20 items 8 and 14): a photo is
 * checked when it arrives by the same rule as at saving, and the violator has no default kind.
 */
class RegistrationChecksTest {
    private static OksTestSetup oks;

    @BeforeAll
    static void setUp() {
        oks = new OksTestSetup();
    }

    @AfterAll
    static void tearDown() {
        oks.close();
    }

    private static String refusal(Runnable r) {
        return assertThrows(OksException.class, r::run).messageKey();
    }

    @Test
    void aPhotoIsCheckedOnArrivalByTheSavingRule() {
        assertDoesNotThrow(() -> oks.violations().checkPhoto(OksTestSetup.png("dobre.png", 64, 48)));
        OksException text = assertThrows(OksException.class, () -> oks.violations().checkPhoto(
                new PhotoUpload("ne-foto.png", "Це текст, а не фото".getBytes(StandardCharsets.UTF_8))));
        assertEquals("oks.error.photoType", text.messageKey());
        assertEquals("ne-foto.png", text.args()[0], "the message names the file");
        assertEquals("oks.error.photoTooManyPixels", refusal(() -> oks.violations().checkPhoto(
                new PhotoUpload("potop.png", OksTestSetup.pngHeaderOnly(50_000, 50_000)))));
        assertEquals("oks.error.photoEmpty", refusal(() -> oks.violations().checkPhoto(new PhotoUpload("0.jpg", new byte[0]))));
    }

    private NewViolation withViolator(Violator violator) {
        return new NewViolation(oks.type("trees").id(), "Гілки на тротуарі", "вул. Соборності, 1", OksTestSetup.LAT,
                OksTestSetup.LON, Urgency.NORMAL, null, violator, List.of());
    }

    @Test
    void aViolatorNeedsAKindChosenAndACompanyIsNotAPerson() {
        assertEquals("oks.error.violatorKind", refusal(() -> oks.violations().register(oks.inspector,
                withViolator(new Violator(null, "ТОВ «Зелена Полтава»", null)))));
        OksException person = assertThrows(OksException.class, () -> oks.violations().register(oks.inspector,
                withViolator(new Violator(Violator.Kind.PERSON, "ТОВ «Зелена Полтава»", "ЄДРПОУ 12345678"))));
        assertEquals("oks.error.violatorKindOrganisation", person.messageKey());
        assertEquals("ТОВ «Зелена Полтава»", person.args()[0]);
        assertEquals("oks.error.violatorKindOrganisation", refusal(() -> oks.violations().register(oks.inspector,
                withViolator(new Violator(Violator.Kind.PERSON, "Приватне підприємство «Ліс»", null)))));
        assertEquals("oks.error.violatorName", refusal(() -> oks.violations().register(oks.inspector,
                withViolator(new Violator(Violator.Kind.ORGANISATION, " ", "ЄДРПОУ 12345678")))));

        Violation company = oks.violations().register(oks.inspector,
                withViolator(new Violator(Violator.Kind.ORGANISATION, "ТОВ «Зелена Полтава»", " ")));
        assertEquals(new Violator(Violator.Kind.ORGANISATION, "ТОВ «Зелена Полтава»", null), company.violator());
        Violation person2 = oks.violations().register(oks.inspector,
                withViolator(new Violator(Violator.Kind.PERSON, "Товстенко Петро", null)));
        assertEquals(Violator.Kind.PERSON, person2.violator().kind(), "a surname that starts like «Тов…» is a person");
        assertNull(oks.violations().register(oks.inspector, withViolator(new Violator(null, " ", null))).violator(),
                "nothing given: no violator");
    }

    @Test
    void organisationNamesAreToldFromPeople() {
        for (String company : List.of("ТОВ «Ромашка»", "ТзОВ \"Ромашка\"".toUpperCase(), "ПП Коваль", "КП «Декоративні культури»",
                "ОСББ «Затишок»", "Товариство з обмеженою відповідальністю «Ромашка»", "Комунальне підприємство «Тепло»")) {
            assertTrue(Violators.looksLikeOrganisation(company), company);
        }
        for (String person : List.of("Нікулін Юрій", "Товстенко Петро", "Ко Анна", "Пп", "ФОП Іваненко І. І.")) {
            assertFalse(Violators.looksLikeOrganisation(person), person);
        }
    }
}
