package ua.hromada.crm.ui.applicants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;

import ua.hromada.crm.api.IdentityDocumentType;
import ua.hromada.crm.service.CrmTestSetup;

/**
 * The applicant's page over the real services: the service's field errors stand at their fields
 * (texts are keys here, {@code !{key}!}: the tests run without the portal's translations), a
 * valid applicant is saved and shown with its number, a probable duplicate is asked about first.
 */
class ApplicantViewTest {
    private static final LocalDate BIRTH = LocalDate.of(1985, 3, 15);
    private CrmTestSetup setup;
    // Vaadin holds the current UI weakly: the field keeps it for the test
    private final UI ui = new UI();
    private ApplicantView view;

    @BeforeEach
    void start() {
        UI.setCurrent(ui);
        setup = new CrmTestSetup();
        // not attached: the address is the browser's, which the test has not
        view = new ApplicantView(setup.applicants(), setup.administrator);
    }

    @AfterEach
    void stop() {
        UI.setCurrent(null);
        setup.close();
    }

    /** The РНОКПП of a person born on {@code birth}, by the rule (weights −1, 5, 7, 9, 4, 6, 10, 5, 7). */
    private static String tax(LocalDate birth) {
        String first9 = String.format("%05d1234", ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 31), birth));
        int[] w = {-1, 5, 7, 9, 4, 6, 10, 5, 7};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (first9.charAt(i) - '0') * w[i];
        }
        return first9 + Math.floorMod(sum, 11) % 10;
    }

    private void type(String taxNumber) {
        ApplicantForm f = view.form;
        f.lastName.setValue("Коваленко");
        f.firstName.setValue("Олена");
        f.birthDate.setValue(BIRTH);
        f.taxNumber.setValue(taxNumber);
        f.documentType.setValue(IdentityDocumentType.ID_CARD);
        f.documentNumber.setValue("001234567");
        f.documentExpiry.setValue(setup.settings().today().plusYears(3));
    }

    @Test
    void aWrongTaxNumberIsMarkedAtItsFieldAndNothingIsSaved() {
        String good = tax(BIRTH);
        type(good.substring(0, 9) + ((good.charAt(9) - '0' + 1) % 10));
        view.save.click();
        assertTrue(view.form.taxNumber.isInvalid());
        assertEquals("!{crm.applicant.error.taxNumberCheck}!", view.form.taxNumber.getErrorMessage());
        assertFalse(view.form.lastName.isInvalid());
        assertEquals(0, setup.applicants().count(setup.administrator, ""));
    }

    @Test
    void aValidApplicantIsSavedAndShownWithItsNumber() {
        type(tax(BIRTH));
        view.save.click();
        assertFalse(view.form.taxNumber.isInvalid());
        var saved = setup.applicants().find(setup.administrator, "", 0, 10);
        assertEquals(1, saved.size());
        assertEquals(String.valueOf(saved.get(0).id()), view.number.getElement().getAttribute("data-id"));
        assertEquals("Коваленко Олена", view.title.getText());
    }

    @Test
    void aProbableDuplicateIsShownBeforeSavingAndSavedOnlyOnPurpose() {
        type(tax(BIRTH));
        view.save.click();
        ApplicantView second = new ApplicantView(setup.applicants(), setup.administrator);
        view = second;
        type("");
        second.save.click();
        assertNotNull(second.duplicates);
        assertTrue(second.duplicates.isOpened());
        assertEquals(1, setup.applicants().count(setup.administrator, ""));
        second.save(true);
        assertEquals(2, setup.applicants().count(setup.administrator, ""));
    }
}
