package ua.hromada.crm.ui.cases;

import java.time.LocalDate;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

import ua.hromada.crm.api.CaseStatus;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.api.calendar.DisplayFormats;

/** The cases pages' routes, rights and small formatting shared by the list, the form and the card. */
public final class CasesUi {
    public static final String SECTION = ua.hromada.crm.ui.CrmUi.SECTION;
    /** Every case page: the desk, the back office and the head (the service decides what each sees). */
    public static final String ANY = ua.hromada.crm.ui.CrmUi.STAFF;
    /** The most cases a list counts and scrolls through; more: «понад …», narrow the filters. */
    public static final int COUNT_LIMIT = 1000;
    public static final String LIST_ROUTE = "tsnap/spravy";
    public static final String NEW_ROUTE = "tsnap/spravy/nova";
    public static final String CASE_ROUTE = "tsnap/sprava/:id";
    public static final String CASE_PREFIX = "tsnap/sprava/";
    public static final String INBOX_ROUTE = "tsnap/bekofis";

    private CasesUi() {
    }

    static String status(Component owner, CaseStatus status) {
        return owner.getTranslation("crm.case.status." + status.name());
    }

    /** Still at the desk or in the back office after its deadline. */
    static boolean overdue(ServiceCase c, LocalDate today) {
        return (c.status() == CaseStatus.REGISTERED || c.status() == CaseStatus.IN_BACK_OFFICE)
                && c.deadline().isBefore(today);
    }

    /** Who registered the case, by name (the user name for a case opened before names were kept). */
    static String administrator(ServiceCase c) {
        return c.administratorName() == null || c.administratorName().isBlank() ? c.administrator() : c.administratorName();
    }

    /** The deadline, marked when passed. */
    static Component deadline(Component owner, ServiceCase c, LocalDate today) {
        Span s = new Span(DisplayFormats.date(c.deadline()));
        if (overdue(c, today)) {
            s.setText(DisplayFormats.date(c.deadline()) + " — " + owner.getTranslation("crm.case.ui.overdue"));
            s.getElement().getThemeList().add("badge error");
        }
        return s;
    }

    /** A refusal's message in the reader's language. */
    static String reason(Component owner, PortalException e) {
        return owner.getTranslation(e.messageKey(), e.args());
    }
}
