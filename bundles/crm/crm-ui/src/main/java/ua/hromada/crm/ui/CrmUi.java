package ua.hromada.crm.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * What every part of the CRM's pages shares: the menu section, the right that lets every role of
 * the centre read, and how a service's refusal is shown at the fields of a page.
 */
public final class CrmUi {
    /** Menu section of the CRM, titled {@code menu.section.crm}. */
    public static final String SECTION = "crm";
    /** Every role of the centre: the desk, the back office and the head (the service decides what each sees). */
    public static final String STAFF = CrmPermissions.ADMINISTRATOR + PortalUser.ANY_OF + CrmPermissions.BACK_OFFICE
            + PortalUser.ANY_OF + CrmPermissions.HEAD;

    private CrmUi() {
    }

    /**
     * Puts each of the service's field errors at its field of the page, the message with the
     * arguments it names; returns the errors no field of the page shows (field → message key).
     */
    public static Map<String, String> markFields(Component page, CrmException e,
            Map<String, ? extends HasValidation> fields) {
        Map<String, String> elsewhere = new LinkedHashMap<>();
        e.fieldErrors().forEach((name, key) -> {
            HasValidation field = fields.get(name);
            if (field != null) {
                field.setErrorMessage(page.getTranslation(key, e.fieldArgs(name)));
                field.setInvalid(true);
            } else {
                elsewhere.put(name, key);
            }
        });
        return elsewhere;
    }

    /**
     * Shows a refusal: each field error at its field when the page has it, else in a notification;
     * a refusal not about a field as its message in a notification.
     */
    public static void refused(Component page, CrmException e, Map<String, ? extends HasValidation> fields) {
        if (e.fieldErrors().isEmpty()) {
            UiSupport.error(page.getTranslation(e.messageKey(), e.args()));
            return;
        }
        markFields(page, e, fields).forEach((name, key) -> UiSupport.error(page.getTranslation(key, e.fieldArgs(name))));
    }
}
